import { describe, expect, it } from 'vitest';

import { claimTasks } from '../../src/cli/pool.js';

describe('claimTasks', () => {
  it('hands every task to exactly one of the threads, in runs that shrink to one towards the end', () => {
    for (const [total, threads] of [
      [0, 2],
      [1, 2],
      [7, 3],
      [100, 2],
      [1042, 2],
      [1042, 8],
    ] as const) {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const its = Array.from({ length: threads }, () => claimTasks(counter, total, threads));
      const got: number[][] = its.map(() => []);
      // The threads take turns, one task each, as if they ran at the same speed.
      for (let active = threads; active > 0; ) {
        active = 0;
        its.forEach((it, t) => {
          const r = it.next();
          if (!r.done) {
            got[t]?.push(r.value);
            active++;
          }
        });
      }
      const all = got.flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
      // Consecutive runs: within each thread, most neighbours are consecutive for large inputs.
      if (total >= 100) {
        const consecutive = got.reduce((n, ids) => n + ids.filter((id, i) => i > 0 && id === (ids[i - 1] ?? -2) + 1).length, 0);
        expect(consecutive / total).toBeGreaterThan(0.8);
      }
      // The last tasks are claimed one at a time.
      if (total >= 100) for (const ids of got) expect(ids.at(-1)).toBeGreaterThan(total - 2 * threads - 16);
    }
  });

  it('treats a missing or odd thread count as one thread', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    expect([...claimTasks(counter, 5, Number.NaN)]).toEqual([0, 1, 2, 3, 4]);
  });
});
