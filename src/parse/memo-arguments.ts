/**
 * Two speed-ups of dockerfile-ast's parser that change none of its results.
 *
 * 1. The argument scan. dockerfile-ast tokenises an instruction's arguments afresh on every
 * `getArguments()` call (its private `getRawArguments()`, a character-by-character scanner that
 * builds each word by string concatenation and each range through the document's `positionAt`).
 * Its own parser calls it three or four times per RUN/COPY/CMD while constructing the instruction
 * (the JSONInstruction constructor, `getArgumentsRange()`, `getFlags()`, the heredoc pass).
 *
 * An instruction's arguments depend only on its document text, range and escape character, all
 * fixed when it is constructed, so the first answer is kept on the instance (under a private
 * symbol) and later calls get a copy of the same list: callers such as
 * `ModifiableInstruction.getArguments()` shift flags off the array they receive, so each gets its
 * own array; the Argument objects inside are never modified by the library or by us. The first
 * answer itself comes from scan-arguments.ts, the same scan without the per-character strings.
 *
 * `memoiseArguments()` installs this on dockerfile-ast's Instruction class once; it changes no
 * result (test/parse/memo-arguments.test.ts compares it with the original scanner on tricky
 * inputs, every fixture, random text and every corpus file). The original is kept as
 * `originalRawArguments` for that test.
 *
 * 2. `reuseRepeatedInstructions()`: the parser builds every instruction that has arguments twice
 * (see there).
 */
import { Argument, Instruction } from 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
// Not exported by the package's main module; its instance method createInstruction is what the
// parser calls for every instruction.
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { scanArguments } from './scan-arguments.js';

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
  // Without the original, this dockerfile-ast is not the one scan-arguments.ts copies.
  if (proto[INSTALLED] || !originalRawArguments) return;
  Object.defineProperty(proto, INSTALLED, { value: true });
  proto.getRawArguments = function memoisedRawArguments(this: Instruction): Argument[] {
    const self = this as Instruction & Cached;
    let args = self[CACHE];
    if (args === undefined) {
      args = rawArguments(this);
      self[CACHE] = args;
    }
    return args.slice();
  };
}

/** What the scan reads from an instruction besides its text (fields protected in the typings). */
interface ScanInputs {
  readonly document: { offsetAt(p: Position): number; positionAt(offset: number): Position };
  readonly escapeChar: string;
}
interface Position {
  line: number;
  character: number;
}

/**
 * The original's answer, from scan-arguments.ts instead of the original's character-by-character
 * string building: the same text (from the end of the keyword to the end of the instruction, read
 * as the original reads it), the same words, the same ranges (`positionAt` of the same offsets,
 * in an object shaped as `Range.create` makes it).
 */
function rawArguments(i: Instruction): Argument[] {
  const { document, escapeChar } = i as unknown as ScanInputs;
  const keyword = i.getInstructionRange();
  const extra = document.offsetAt(keyword.end) - document.offsetAt(keyword.start);
  const text = i.getTextContent().substring(extra);
  const offset = document.offsetAt(keyword.start) + extra;
  const args: Argument[] = [];
  scanArguments(text, escapeChar, (value, start, end) => {
    args.push(new Argument(value, { start: document.positionAt(offset + start), end: document.positionAt(offset + end) }));
  });
  return args;
}

type CreateInstructionFn = (this: Parser, dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number) => Instruction;

const LAST_CREATED: unique symbol = Symbol('dockwise.lastCreatedInstruction');
const REUSE_INSTALLED: unique symbol = Symbol('dockwise.reuseInstalled');

/** The most recent createInstruction call of one parser: its arguments and its result. */
interface LastCreated {
  dockerfile: Dockerfile;
  instruction: string;
  start: number;
  instructionEnd: number;
  end: number;
  created: Instruction;
}
interface ParserPatchable {
  createInstruction?: CreateInstructionFn;
  [REUSE_INSTALLED]?: true;
}
interface ParserState {
  [LAST_CREATED]?: LastCreated;
}

const parserProto = Parser.prototype as unknown as ParserPatchable;

/** dockerfile-ast's own Parser#createInstruction (null if a future version renames it). */
export const originalCreateInstruction: CreateInstructionFn | null = parserProto[REUSE_INSTALLED] ? null : (parserProto.createInstruction ?? null);

/**
 * dockerfile-ast's parser builds each instruction that has arguments twice: `processArguments`
 * builds one to look for heredocs in its arguments (`processHeredocs`), then `processInstruction`
 * builds the one it keeps, with the same arguments unless heredoc bodies extended the
 * instruction. Building a RUN/COPY/CMD runs the JSONInstruction constructor (a JSON scan with a
 * `positionAt` per string, the argument scan, the flags), about a third of the parse.
 *
 * When a parser's createInstruction is called with exactly the arguments of its previous call,
 * this returns the previous instance. Construction depends only on those arguments and the
 * parser's document and escape character, which do not change during a parse, and
 * `processHeredocs` only reads the instance (the keyword, the arguments, the ONBUILD trigger,
 * built anew on each call): the instance kept is what a second construction would give.
 * test/parse/memo-arguments.test.ts compares whole parses with and without it.
 *
 * The state (the previous call) lives on the parser instance, which `DockerfileParser.parse`
 * makes for one text.
 */
export function reuseRepeatedInstructions(): void {
  const original = originalCreateInstruction;
  if (parserProto[REUSE_INSTALLED] || !original) return;
  Object.defineProperty(parserProto, REUSE_INSTALLED, { value: true });
  parserProto.createInstruction = function reusingCreateInstruction(this: Parser, dockerfile, instruction, start, instructionEnd, end): Instruction {
    const self = this as Parser & ParserState;
    const last = self[LAST_CREATED];
    if (last !== undefined && last.dockerfile === dockerfile && last.instruction === instruction && last.start === start && last.instructionEnd === instructionEnd && last.end === end) {
      return last.created;
    }
    const created = original.call(this, dockerfile, instruction, start, instructionEnd, end);
    self[LAST_CREATED] = { dockerfile, instruction, start, instructionEnd, end, created };
    return created;
  };
}
