import type { SimpleCommand } from './types.js';

/**
 * Memoise a pure function of a SimpleCommand. Commands are immutable once parsed, and every rule
 * asks the same questions of the same commands (is this an install? a cleanup?), so each answer is
 * computed once per command.
 *
 * The answers live on the command itself, in a non-enumerable array under a private symbol, one
 * slot per memoised function: a property load and an array index instead of a WeakMap lookup
 * (which cost about 0.2 s over the corpus). The slot is invisible to `Object.keys`, JSON and deep
 * equality, is freed with the command, and changes no result: it is a cache, not state.
 */
const MEMO: unique symbol = Symbol('dockwise.memo');
const UNSET: unique symbol = Symbol('dockwise.unset');
let slots = 0;

interface Memoised {
  [MEMO]?: unknown[];
}

export function memoByCommand<R>(fn: (cmd: SimpleCommand) => R): (cmd: SimpleCommand) => R {
  const slot = slots++;
  return (cmd) => {
    const holder = cmd as SimpleCommand & Memoised;
    let memo = holder[MEMO];
    if (memo === undefined) {
      memo = [];
      Object.defineProperty(holder, MEMO, { value: memo, enumerable: false, writable: false, configurable: false });
    }
    const hit = memo[slot];
    if (hit !== undefined) return (hit === UNSET ? undefined : hit) as R;
    const v = fn(cmd);
    memo[slot] = v === undefined ? UNSET : v;
    return v;
  };
}
