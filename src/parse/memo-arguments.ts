/**
 * dockerfile-ast tokenises an instruction's arguments afresh on every `getArguments()` call
 * (its private `getRawArguments()`, a character-by-character scanner that builds each word by
 * string concatenation and each range through the document's `positionAt`). Its own parser calls
 * it three or four times per RUN/COPY/CMD while constructing the instruction (the JSONInstruction
 * constructor, `getArgumentsRange()`, `getFlags()`, the heredoc pass), and that scanning is about
 * half of the library's parse time.
 *
 * An instruction's arguments depend only on its document text, range and escape character, all
 * fixed when it is constructed, so the first answer is kept on the instance (under a private
 * symbol) and later calls get a copy of the same list: callers such as
 * `ModifiableInstruction.getArguments()` shift flags off the array they receive, so each gets its
 * own array; the Argument objects inside are never modified by the library or by us.
 *
 * `memoiseArguments()` installs this on dockerfile-ast's Instruction class once; it changes no
 * result (test/parse/memo-arguments.test.ts compares it with the original scanner on every
 * instruction of the fixtures and the corpus). The original is kept as `originalRawArguments`
 * for that test.
 */
import { Instruction } from 'dockerfile-ast';
import type { Argument } from 'dockerfile-ast';

type RawArgumentsFn = (this: Instruction) => Argument[];

const CACHE: unique symbol = Symbol('dockwise.rawArguments');
const INSTALLED: unique symbol = Symbol('dockwise.rawArgumentsMemoised');

interface Patchable {
  getRawArguments?: RawArgumentsFn;
  [INSTALLED]?: true;
}
interface Cached {
  [CACHE]?: Argument[];
}

const proto = Instruction.prototype as unknown as Patchable;

/** dockerfile-ast's own scanner, unmemoised (null if a future version renames it). */
export const originalRawArguments: RawArgumentsFn | null = proto[INSTALLED] ? null : (proto.getRawArguments ?? null);

/** Install the memo on dockerfile-ast's Instruction class (idempotent). */
export function memoiseArguments(): void {
  const original = originalRawArguments;
  if (proto[INSTALLED] || !original) return;
  Object.defineProperty(proto, INSTALLED, { value: true });
  proto.getRawArguments = function memoisedRawArguments(this: Instruction): Argument[] {
    const self = this as Instruction & Cached;
    let args = self[CACHE];
    if (args === undefined) {
      args = original.call(this);
      self[CACHE] = args;
    }
    return args.slice();
  };
}
