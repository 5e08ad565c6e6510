/**
 * Spread file linting over worker threads.
 *
 * Every thread (the main thread and `jobs - 1` workers) claims its next files itself, by an
 * atomic increment of one shared counter (a SharedArrayBuffer; see claimTasks), so that a worker
 * never waits for the main thread to hand it work: the main thread lints files too and only reads
 * messages between its own files. (With files handed out by message, a worker sat idle for a
 * quarter of the run waiting for the main thread to finish its file.) Each worker also records in
 * a shared slot the file it is on, so that a worker that dies loses only that file; the main
 * thread lints the rest of what it had claimed. Outcomes come back by index and are delivered in
 * input order.
 */
import { Worker } from 'node:worker_threads';
import type { FileOutcome, FileTask, SharedLintOptions } from './lint-file.js';

/** What a worker gets at start (structured-cloneable). */
export interface WorkerInit {
  /** Tells main.ts, run in a worker by the launcher, that this is a lint worker (see isWorkerInit). */
  kind: typeof WORKER_KIND;
  opts: SharedLintOptions;
  maxBytes: number;
  keepSource: boolean;
  tasks: readonly FileTask[];
  /** Int32Array over it: [0] = next task index; [1 + w] = task worker w is on, -1 when none. */
  shared: SharedArrayBuffer;
  /** This worker's slot number (w). */
  slot: number;
  /** Threads that lint, the main thread included (see claimTasks). */
  threads: number;
}

const WORKER_KIND = 'dockwise-lint-worker';

/** Whether a worker's workerData is a lint worker's (and not, say, a test runner's). */
export function isWorkerInit(data: unknown): data is WorkerInit {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

/**
 * The script a worker runs. From the bundle (this code then runs from dist/src/cli/bundle-*.cjs),
 * the launcher beside it: it compiles the bundle from the V8 code cache in the worker too, ~25 ms
 * against ~120 ms of CPU for loading the ~230 ES modules of worker.js one by one, so that the
 * worker starts linting sooner. Unbundled, worker.js.
 */
function workerEntry(): URL {
  return /\/bundle-[\w-]+\.cjs$/.test(import.meta.url) ? new URL('./launch.cjs', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/** Messages from a worker: one per file, then `done` once no file is left. */
export type WorkerMessage = { id: number; outcome: FileOutcome } | { done: true };

/** The most consecutive tasks a thread claims at once (see claimTasks). */
const MAX_CLAIM = 16;

/**
 * The task indexes one of `threads` threads lints, claimed from the shared counter (every thread
 * calls this; the counter only grows) a run of consecutive tasks at a time: files of one directory
 * (one repository) then mostly go to the same thread, whose caches (base images resolved, RUN
 * scripts parsed, package closures) they share, instead of every thread warming its caches for
 * every directory. The runs shrink to one task towards the end, so that no thread is left with a
 * long run while the others have nothing (guided self-scheduling). Over the corpus on 2 cores,
 * ~7% less CPU and ~5% less wall time than one task at a time (6 interleaved runs each).
 */
export function* claimTasks(counter: Int32Array, total: number, threads: number): Generator<number> {
  const n = Math.max(1, Math.floor(threads) || 1);
  for (;;) {
    const left = total - Atomics.load(counter, 0);
    const size = Math.max(1, Math.min(MAX_CLAIM, Math.floor(left / (2 * n))));
    const start = Atomics.add(counter, 0, size);
    if (start >= total) return;
    for (let id = start; id < Math.min(start + size, total); id++) yield id;
  }
}

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
    if (outcomes.has(id) || id < delivered) return;
    outcomes.set(id, outcome);
    for (let o = outcomes.get(delivered); o !== undefined; o = outcomes.get(delivered)) {
      outcomes.delete(delivered);
      delivered++;
      onOutcome(o);
    }
  };
  const workers = Math.max(0, Math.min(jobs - 1, tasks.length));
  const threads = workers + 1;
  const shared = new SharedArrayBuffer(4 * (1 + workers));
  const state = new Int32Array(shared);
  for (let w = 0; w < workers; w++) state[1 + w] = -1;
  const lost = (id: number): FileOutcome => ({ errors: [{ file: tasks[id]?.display ?? '?', message: 'internal error: a worker thread stopped while linting this file (please report this)' }] });

  const workerUrl = workerEntry();
  const runWorker = (slot: number): Promise<void> =>
    new Promise((resolve) => {
      const init: WorkerInit = { kind: WORKER_KIND, opts, maxBytes, keepSource, tasks, shared, slot, threads };
      const w = new Worker(workerUrl, { workerData: init });
      w.on('message', (m: WorkerMessage) => {
        if ('done' in m) void w.terminate();
        else done(m.id, m.outcome);
      });
      // A crashed worker loses only the file it was on (reported, not linted again: it might crash
      // the main thread too); the files it had claimed but not begun are linted at the end.
      w.on('error', (e: Error) => {
        const current = Atomics.load(state, 1 + slot);
        if (current >= 0) done(current, { errors: [{ file: tasks[current]?.display ?? '?', message: `internal error: ${e.message} (please report this)` }] });
      });
      w.on('exit', () => {
        const current = Atomics.load(state, 1 + slot);
        if (current >= 0) done(current, lost(current));
        resolve();
      });
    });
  const runMain = async (): Promise<void> => {
    for (const id of claimTasks(state, tasks.length, threads)) {
      const task = tasks[id];
      if (task) done(id, await mainLint(task));
      // Let the workers' messages in between files.
      await new Promise<void>((r) => setImmediate(r));
    }
  };
  await Promise.all([...Array.from({ length: workers }, (_, slot) => runWorker(slot)), runMain()]);
  // A worker that died left the rest of its claimed run without outcomes: lint them here.
  for (let id = delivered; id < tasks.length; id++) {
    if (id < delivered || outcomes.has(id)) continue;
    const task = tasks[id];
    done(id, task ? await mainLint(task) : lost(id));
  }
}
