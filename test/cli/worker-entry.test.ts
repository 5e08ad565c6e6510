/**
 * Lint worker threads start through the launcher (dist/src/cli/launch.cjs), which runs the bundle
 * in the worker as in the main thread; main.ts then runs the worker's loop instead of the CLI.
 * The CLI's own --jobs test cannot tell whether workers did any work (the main thread would lint
 * every file itself if they never started), so this drives the worker entry directly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

import type { FileOutcome, FileTask } from '../../src/cli/lint-file.js';
import type { WorkerInit, WorkerMessage } from '../../src/cli/pool.js';

const LAUNCHER = resolve('dist/src/cli/launch.cjs');

function runWorker(entry: string, tasks: FileTask[], kind = 'dockwise-lint-worker'): Promise<{ outcomes: Map<number, FileOutcome>; done: boolean; exit: number }> {
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  state[1] = -1;
  const init = { kind, opts: {}, maxBytes: 1 << 20, keepSource: false, tasks, shared, slot: 0, threads: 1 } as unknown as WorkerInit;
  return new Promise((done, fail) => {
    const outcomes = new Map<number, FileOutcome>();
    let finished = false;
    const w = new Worker(entry, { workerData: init, env: { ...process.env, XDG_CACHE_HOME: join(tmpdir(), 'dockwise-test-cache') } });
    w.on('message', (m: WorkerMessage) => {
      if ('done' in m) {
        finished = true;
        void w.terminate();
      } else outcomes.set(m.id, m.outcome);
    });
    w.on('error', fail);
    w.on('exit', (code) => done({ outcomes, done: finished, exit: code }));
    // A worker that does not recognise its data has nothing to do and ends by itself.
  });
}

describe('lint worker started through the launcher', () => {
  it('lints every file it claims from the shared counter and reports done', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dockwise-worker-'));
    const tasks: FileTask[] = [];
    for (let i = 0; i < 3; i++) {
      const p = join(d, `f${i}.Dockerfile`);
      writeFileSync(p, `FROM debian\nRUN apt-get install -y curl\n`);
      tasks.push({ path: p, display: `f${i}.Dockerfile`, dockerignore: null });
    }
    const r = await runWorker(LAUNCHER, tasks);
    expect(r.done).toBe(true);
    expect([...r.outcomes.keys()].sort()).toEqual([0, 1, 2]);
    for (const o of r.outcomes.values()) {
      expect(o.errors).toEqual([]);
      expect(o.result?.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['DL3006', 'DL3008']));
    }
  });

  it('does nothing (neither lint nor run the CLI) for worker data that is not a lint worker\'s', async () => {
    const r = await runWorker(LAUNCHER, [{ path: '/nonexistent', display: 'x', dockerignore: null }], 'something-else');
    expect(r.outcomes.size).toBe(0);
    expect(r.done).toBe(false);
    expect(r.exit).toBe(0);
  });
});
