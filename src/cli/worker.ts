/**
 * Worker thread: claims files from the shared counter (see pool.ts), lints them and posts each
 * outcome; posts `done` when none is left. Loads the rules and (lazily) the bash grammar once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../lint.js';
import { allRules } from '../../rules/index.js';
import { createHeapGuard } from './heap-guard.js';
import { lintFileTask, prefetchShellGrammar } from './lint-file.js';
import { claimTask, type WorkerInit, type WorkerMessage } from './pool.js';

prefetchShellGrammar();
const init = workerData as WorkerInit;
const state = new Int32Array(init.shared);
const guard = createHeapGuard();
const linter = createLinter({ rules: allRules, loadShellParser: async () => (await import('../shell/parser.js')).loadShellParser() });
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

async function run(): Promise<void> {
  for (let id = claimTask(state); id < init.tasks.length; id = claimTask(state)) {
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

void run();
