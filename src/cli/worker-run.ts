/**
 * A lint worker thread's work: claims files from the shared counter (see pool.ts), lints them and
 * posts each outcome; posts `done` when none is left. Loads the rules and (lazily) the bash
 * grammar once.
 *
 * Two entries run it: from the bundle (the normal case), the launcher (launch.cts) compiles the
 * bundle from its code cache in the worker as in the main thread, and main.ts, seeing a worker
 * started by the pool, calls runWorker instead of the CLI; without a bundle, worker.ts does.
 */
import { parentPort } from 'node:worker_threads';
import { createLinter } from '../lint.js';
import { allRules } from '../../rules/index.js';
import { createHeapGuard } from './heap-guard.js';
import { lintFileTask, prefetchShellGrammar } from './lint-file.js';
import { claimTasks, type WorkerInit, type WorkerMessage } from './pool.js';

export async function runWorker(init: WorkerInit): Promise<void> {
  prefetchShellGrammar();
  const state = new Int32Array(init.shared);
  const guard = createHeapGuard();
  const linter = createLinter({ rules: allRules, loadShellParser: async () => (await import('../shell/parser.js')).loadShellParser() });
  const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
  for (const id of claimTasks(state, init.tasks.length, init.threads)) {
    const task = init.tasks[id];
    if (!task) continue;
    Atomics.store(state, 1 + init.slot, id);
    const outcome = await lintFileTask(linter, task, init.opts, init.maxBytes, init.keepSource);
    Atomics.store(state, 1 + init.slot, -1);
    post({ id, outcome });
    guard();
  }
  post({ done: true });
}
