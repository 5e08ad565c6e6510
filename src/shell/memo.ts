import type { SimpleCommand } from './types.js';

/**
 * Caches of pure answers about immutable objects (a parsed command, a model, a node), kept on the
 * object itself: in a non-enumerable array under a private symbol, one slot per cache (below). The
 * array is invisible to `Object.keys`, JSON, structured clone and deep equality, is freed with the
 * object, and changes no result: it is a cache, not state.
 *
 * Why not a WeakMap: V8's young-generation collector (the scavenger, which runs every ~15 MB of
 * allocation) treats a WeakMap's values as strong, whether or not the key is still reachable; only
 * a full collection drops the entries of dead keys. A per-file WeakMap entry whose value refers
 * back to the file's model (a memoised list of nodes, the provenance analysis) therefore kept every
 * model alive through every scavenge, to be copied and then promoted to the old generation: over
 * the corpus, ~60 MB promoted and ~480 ms of scavenges, against ~35 MB and ~160 ms with the
 * answers kept on the objects. The property is also cheaper to read than a WeakMap lookup (a
 * property load and an array index; for commands that saved about 0.2 s over the corpus).
 */
const UNSET: unique symbol = Symbol('dockwise.unset');

/**
 * Commands and the other objects (models, stages, nodes) have separate arrays and slot numbers:
 * a command's array then has only the command memos' few slots, not one for every memo of any
 * object. Slots are handed out as the memoised functions are made (at module load); an array is
 * made with room for all the slots of its kind, so that it is not grown slot by slot.
 */
const COMMAND_MEMO: unique symbol = Symbol('dockwise.memo.command');
const OBJECT_MEMO: unique symbol = Symbol('dockwise.memo.object');
let commandSlots = 0;
let objectSlots = 0;

type Memoised = { [K in typeof COMMAND_MEMO | typeof OBJECT_MEMO]?: unknown[] };

/** The object's cache array of that kind, made on first use. */
function memoOf(key: object, kind: typeof COMMAND_MEMO | typeof OBJECT_MEMO): unknown[] {
  const holder = key as Memoised;
  let memo = holder[kind];
  if (memo === undefined) {
    memo = new Array<unknown>(kind === COMMAND_MEMO ? commandSlots : objectSlots);
    // An object frozen by a caller of the library (a model is never frozen by dockwise) cannot
    // hold the cache: its answers are then computed on every call, which is slower but the same.
    if (Object.isExtensible(holder)) Object.defineProperty(holder, kind, { value: memo, enumerable: false, writable: false, configurable: false });
  }
  return memo;
}

/**
 * Memoise a pure function of one immutable object: each answer is computed once per object and
 * kept on it (see above). Callers share the answer, so it must not be modified.
 */
export function memoOnObject<K extends object, R>(fn: (key: K) => R): (key: K) => R {
  return memoIn(OBJECT_MEMO, objectSlots++, fn);
}

/**
 * Memoise a pure function of a SimpleCommand. Commands are immutable once parsed, and every rule
 * asks the same questions of the same commands (is this an install? a cleanup?), so each answer is
 * computed once per command.
 */
export function memoByCommand<R>(fn: (cmd: SimpleCommand) => R): (cmd: SimpleCommand) => R {
  return memoIn(COMMAND_MEMO, commandSlots++, fn);
}

function memoIn<K extends object, R>(kind: typeof COMMAND_MEMO | typeof OBJECT_MEMO, slot: number, fn: (key: K) => R): (key: K) => R {
  return (key) => {
    const memo = memoOf(key, kind);
    const hit = memo[slot];
    if (hit !== undefined) return (hit === UNSET ? undefined : hit) as R;
    const v = fn(key);
    memo[slot] = v === undefined ? UNSET : v;
    return v;
  };
}
