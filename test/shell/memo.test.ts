import { describe, expect, it } from 'vitest';
import { memoOnObject } from '../../src/shell/memo.js';

describe('memoOnObject', () => {
  it('computes once per object, undefined answers included', () => {
    let calls = 0;
    const f = memoOnObject((o: { n: number }) => {
      calls++;
      return o.n > 0 ? { double: o.n * 2 } : undefined;
    });
    const a = { n: 2 };
    const z = { n: 0 };
    expect(f(a)).toEqual({ double: 4 });
    expect(f(a)).toBe(f(a));
    expect(f(z)).toBeUndefined();
    expect(f(z)).toBeUndefined();
    expect(calls).toBe(2);
  });

  it('keeps separate answers per memoised function on the same object', () => {
    const f = memoOnObject((o: { n: number }) => o.n + 1);
    const g = memoOnObject((o: { n: number }) => o.n * 10);
    const o = { n: 3 };
    expect([f(o), g(o), f(o), g(o)]).toEqual([4, 30, 4, 30]);
  });

  it('leaves the object as it was for keys, JSON, structured clone and deep equality', () => {
    const f = memoOnObject((o: { n: number }) => o.n);
    const o = { n: 1 };
    f(o);
    expect(Object.keys(o)).toEqual(['n']);
    expect(JSON.stringify(o)).toBe('{"n":1}');
    expect(structuredClone(o)).toEqual({ n: 1 });
    expect(o).toEqual({ n: 1 });
    expect(o).toStrictEqual({ n: 1 });
  });
});

describe('frozen keys', () => {
  it('memoOnObject still answers (uncached) for a frozen object', () => {
    let calls = 0;
    const f = memoOnObject((o: { n: number }) => {
      calls++;
      return o.n * 2;
    });
    const o = Object.freeze({ n: 4 });
    expect([f(o), f(o)]).toEqual([8, 8]);
    expect(calls).toBe(2);
  });
});
