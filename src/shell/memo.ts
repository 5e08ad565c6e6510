import type { SimpleCommand } from './types.js';

/**
 * Memoise a pure function of a SimpleCommand. Commands are immutable once parsed, and every rule
 * asks the same questions of the same commands (is this an install? a cleanup?), so each answer is
 * computed once per command. The WeakMap is a cache, not state: it changes no result and is freed
 * with the commands.
 */
export function memoByCommand<R>(fn: (cmd: SimpleCommand) => R): (cmd: SimpleCommand) => R {
  const cache = new WeakMap<SimpleCommand, { v: R }>();
  return (cmd) => {
    const hit = cache.get(cmd);
    if (hit) return hit.v;
    const v = fn(cmd);
    cache.set(cmd, { v });
    return v;
  };
}
