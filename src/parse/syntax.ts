/**
 * dockwise's own syntax tree. Built once per file from dockerfile-ast (the only module that
 * imports it, see parse.ts); every later stage reads this, never dockerfile-ast.
 */
import type { Range } from '../core/types.js';

export interface Word {
  /** The argument's value as dockerfile-ast gives it (escaped newlines removed, quotes kept). */
  value: string;
  range: Range;
}

export interface FlagOption {
  name: string;
  value: string | null;
  range: Range;
}

export interface Flag {
  /** Name without the leading `--`. */
  name: string;
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
  options: FlagOption[];
}

export interface Property {
  name: string;
  /** Value with quotes removed and escapes processed (dockerfile-ast's getValue). */
  value: string | null;
  /** Value as written, quotes kept (dockerfile-ast's getUnescapedValue, despite the name). */
  unescapedValue: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
  /** `=` or null (the legacy `ENV key value` form). */
  operator: string | null;
}

export interface HeredocSyntax {
  name: string;
  startRange: Range;
  nameRange: Range;
  contentRange: Range | null;
  endRange: Range | null;
}

export interface Comment {
  /** Text after `#`, trimmed. */
  content: string;
  range: Range;
}

export interface Directive {
  /** Lower-cased directive name (syntax, escape, check). */
  name: string;
  rawName: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface Instruction {
  /** Upper-cased keyword: RUN, FROM, ... (unknown keywords too). */
  keyword: string;
  /** Keyword as written. */
  rawKeyword: string;
  range: Range;
  keywordRange: Range;
  /** Offsets of the instruction in the text. */
  start: number;
  end: number;
  /** Flags (`--mount=...`) for instructions that take them; empty otherwise. */
  flags: Flag[];
  /** Arguments after the flags. */
  args: Word[];
  /** Range of the whole argument text (after flags), null when there are no arguments. */
  argsRange: Range | null;
  /** Offset where the arguments after the flags start (or the instruction end). */
  argsStart: number;
  /** JSON (exec) form strings when the arguments are a valid JSON array, else null. */
  json: Word[] | null;
  /** ENV / ARG / LABEL properties. */
  properties: Property[];
  heredocs: HeredocSyntax[];
  /** ONBUILD's trigger instruction. */
  trigger: Instruction | null;
}

export interface SyntaxTree {
  text: string;
  escapeChar: string;
  directives: Directive[];
  comments: Comment[];
  instructions: Instruction[];
}
