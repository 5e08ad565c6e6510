import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapGuard } from '../../src/cli/heap-guard.js';

describe('heap guard', () => {
  it('collects garbage once the heap is past its floor and twice the last live size', () => {
    const guard = createHeapGuard(1);
    guard(); // first collection: records the live size
    let junk: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 20_000 }, (_, i) => i));
    const withJunk = getHeapStatistics().used_heap_size;
    expect(junk.length).toBe(200);
    junk = null;
    guard();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(withJunk - 16 * 1024 * 1024);
  });

  it('does nothing below its floor', () => {
    const guard = createHeapGuard(Number.MAX_SAFE_INTEGER);
    expect(() => guard()).not.toThrow();
  });
});
