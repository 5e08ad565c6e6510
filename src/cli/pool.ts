/**
 * Spread file linting over worker threads. Each worker takes the next file when it finishes one
 * (so slow files do not stall a fixed share); outcomes come back by index, and the caller gets
 * them in input order.
 */
import { Worker } from 'node:worker_threads';
import type { FileOutcome, FileTask, SharedLintOptions } from './lint-file.js';

/**
 * `jobs` threads lint in all: the main thread (with `mainLint`) and jobs - 1 workers, so that no
 * core sits idle while a worker starts up, and one thread's start-up (module loading, JIT warm-up,
 * the grammar) is saved.
 */
export async function lintInWorkers(
  tasks: readonly FileTask[],
  opts: SharedLintOptions,
  maxBytes: number,
  keepSource: boolean,
  jobs: number,
  mainLint: (task: FileTask) => Promise<FileOutcome>,
  /** Receives each outcome in input order, as soon as it and all before it are done. */
  onOutcome: (outcome: FileOutcome) => void,
): Promise<void> {
  // Finished outcomes wait here until every earlier one is delivered (stable output order).
  const outcomes = new Map<number, FileOutcome>();
  let delivered = 0;
  const done = (id: number, outcome: FileOutcome): void => {
    outcomes.set(id, outcome);
    for (let o = outcomes.get(delivered); o !== undefined; o = outcomes.get(delivered)) {
      outcomes.delete(delivered);
      delivered++;
      onOutcome(o);
    }
  };
  let next = 0;
  const workerUrl = new URL('./worker.js', import.meta.url);
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const w = new Worker(workerUrl, { workerData: { opts, maxBytes, keepSource } });
      let current = -1;
      const feed = (): void => {
        if (next < tasks.length) {
          current = next++;
          w.postMessage({ id: current, task: tasks[current] });
        } else {
          current = -1;
          w.postMessage(null);
        }
      };
      w.on('message', (m: { id: number; outcome: FileOutcome }) => {
        done(m.id, m.outcome);
        feed();
      });
      // A crashed worker loses only the file it was on; the others take the rest.
      w.on('error', (e: Error) => {
        if (current >= 0) done(current, { errors: [{ file: tasks[current]?.display ?? '?', message: `internal error: ${e.message} (please report this)` }] });
        current = -1;
      });
      w.on('exit', () => resolve());
      feed();
    });
  const runMain = async (): Promise<void> => {
    while (next < tasks.length) {
      const id = next++;
      const task = tasks[id];
      if (task) done(id, await mainLint(task));
      // Let the workers' messages in between files.
      await new Promise<void>((r) => setImmediate(r));
    }
  };
  const workers = Math.max(0, Math.min(jobs - 1, tasks.length));
  await Promise.all([...Array.from({ length: workers }, runWorker), runMain()]);
  // A worker that died mid-file left that file without an outcome; report it.
  for (let id = delivered; id < tasks.length; id++) {
    if (!outcomes.has(id)) done(id, { errors: [{ file: tasks[id]?.display ?? '?', message: 'internal error: a worker thread stopped before linting this file (please report this)' }] });
  }
}
