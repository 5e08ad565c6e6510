/**
 * Worker thread: lints the files the main thread sends, one message per file, and answers with
 * the outcome. Loads the rules and (lazily) the bash grammar once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../lint.js';
import { allRules } from '../../rules/index.js';
import { createHeapGuard } from './heap-guard.js';
import { lintFileTask, prefetchShellGrammar, type FileTask, type SharedLintOptions } from './lint-file.js';

interface WorkerInit {
  opts: SharedLintOptions;
  maxBytes: number;
  keepSource: boolean;
}

prefetchShellGrammar();
const init = workerData as WorkerInit;
const guard = createHeapGuard();
const linter = createLinter({ rules: allRules, loadShellParser: async () => (await import('../shell/parser.js')).loadShellParser() });

parentPort?.on('message', (msg: { id: number; task: FileTask } | null) => {
  if (msg === null) {
    parentPort?.close();
    return;
  }
  void lintFileTask(linter, msg.task, init.opts, init.maxBytes, init.keepSource).then((outcome) => {
    parentPort?.postMessage({ id: msg.id, outcome });
    guard();
  });
});
