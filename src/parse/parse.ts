/**
 * The only importer of dockerfile-ast (with memo-arguments.ts, which speeds up its argument scan). Converts its tree into our SyntaxTree, calling each
 * expensive accessor (getArguments, getFlags, ...) at most once per instruction.
 */
import {
  DockerfileParser,
  Arg as AstArg,
  Env as AstEnv,
  Label as AstLabel,
  JSONInstruction as AstJSONInstruction,
  ModifiableInstruction as AstModifiable,
  Onbuild as AstOnbuild,
} from 'dockerfile-ast';
import type { Argument as AstArgument, Dockerfile as AstDockerfile, Instruction as AstInstruction, Property as AstProperty, Heredoc as AstHeredoc, Flag as AstFlag } from 'dockerfile-ast';
import type { Range } from '../core/types.js';
import type { LineIndex } from '../core/text.js';
import type { Comment, Directive, Flag, HeredocSyntax, Instruction, Property, SyntaxTree, Word } from './syntax.js';
import { memoiseArguments, reuseRepeatedInstructions } from './memo-arguments.js';

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Maps dockerfile-ast's strings back to the file's text (see splitEscapedEscapes); identity normally. */
type Restore = (s: string) => string;
const same: Restore = (s) => s;
function restoreOrNull(restore: Restore, s: string | null): string | null {
  return s === null ? null : restore(s);
}

function convertFlag(f: AstFlag, restore: Restore): Flag {
  const valueRange = f.getValueRange();
  return {
    name: restore(f.getName()),
    value: restoreOrNull(restore, f.getValue()),
    range: copyRange(f.getRange()),
    nameRange: copyRange(f.getNameRange()),
    valueRange: valueRange ? copyRange(valueRange) : null,
    options: f.getOptions().map((o) => ({ name: restore(o.getName()), value: restoreOrNull(restore, o.getValue()), range: copyRange(o.getRange()) })),
  };
}

function convertProperty(p: AstProperty, restore: Restore): Property {
  const valueRange = p.getValueRange();
  return {
    name: restore(p.getName()),
    value: restoreOrNull(restore, p.getValue()),
    unescapedValue: restoreOrNull(restore, p.getUnescapedValue()),
    range: copyRange(p.getRange()),
    nameRange: copyRange(p.getNameRange()),
    valueRange: valueRange ? copyRange(valueRange) : null,
    operator: p.getAssignmentOperator(),
  };
}

function convertHeredoc(h: AstHeredoc, restore: Restore): HeredocSyntax {
  const content = h.getContentRange();
  const end = h.getDelimiterRange();
  return {
    name: restore(h.getName()),
    startRange: copyRange(h.getStartRange()),
    nameRange: copyRange(h.getNameRange()),
    contentRange: content ? copyRange(content) : null,
    endRange: end ? copyRange(end) : null,
  };
}

/**
 * Split text[start, end) into words on blanks outside quotes, as BuildKit splits ARG/ENV
 * declarations; an escaped newline joins lines. Words keep their quotes.
 */
function splitQuotedWords(lines: LineIndex, start: number, end: number, escapeChar: string): Word[] {
  const text = lines.text;
  const out: Word[] = [];
  let wordStart = -1;
  let quote: string | null = null;
  const flush = (at: number): void => {
    if (wordStart >= 0) out.push({ value: text.slice(wordStart, at).split(`${escapeChar}\n`).join(''), range: lines.rangeAt(wordStart, at) });
    wordStart = -1;
  };
  for (let k = start; k < end; k++) {
    const c = text[k] ?? '';
    if (c === escapeChar && k + 1 < end) {
      if (wordStart < 0 && text[k + 1] !== '\n' && text[k + 1] !== '\r') wordStart = k;
      k++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      if (wordStart < 0) wordStart = k;
      quote = c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush(k);
      continue;
    }
    if (wordStart < 0) wordStart = k;
  }
  flush(end);
  return out;
}

/** `NAME` or `NAME=value` (value quotes removed) as a Property with exact ranges. */
function argWordProperty(w: Word): Property {
  const eq = w.value.indexOf('=');
  const start = w.range.start;
  if (eq < 0) return { name: w.value, value: null, unescapedValue: null, range: w.range, nameRange: w.range, valueRange: null, operator: null };
  const raw = w.value.slice(eq + 1);
  const value = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] ? raw.slice(1, -1) : raw;
  const sameLine = w.range.start.line === w.range.end.line;
  const nameEnd = { line: start.line, character: start.character + eq };
  return {
    name: w.value.slice(0, eq),
    value,
    unescapedValue: raw,
    range: w.range,
    nameRange: { start, end: nameEnd },
    valueRange: sameLine ? { start: { line: start.line, character: start.character + eq + 1 }, end: w.range.end } : null,
    operator: '=',
  };
}

interface HasHeredocs {
  getHeredocs(): AstHeredoc[];
}

function hasHeredocs(i: object): i is HasHeredocs {
  return typeof (i as Partial<HasHeredocs>).getHeredocs === 'function';
}

/**
 * dockerfile-ast re-tokenises an instruction's text on every getArguments()/getFlags()/
 * getHeredocs() call; its private getRawArguments() gives the same words (flags included) in one
 * pass, so we call it once and ask for flags and heredocs only when the words show there are any.
 */
interface RawArgs {
  getRawArguments(): AstArgument[];
}
function rawArguments(i: AstInstruction): AstArgument[] {
  // getRawArguments is private in dockerfile-ast's typings; it exists on every instruction.
  const r = i as unknown as Partial<RawArgs>;
  return typeof r.getRawArguments === 'function' ? r.getRawArguments() : i.getArguments();
}

function convertInstruction(i: AstInstruction, lines: LineIndex, depth: number, escapeChar: string, restore: Restore): Instruction {
  const range = copyRange(i.getRange());
  const rawKeyword = i.getInstruction();
  const keyword = rawKeyword.toUpperCase();
  const raw = rawArguments(i);
  const mayHaveFlags = i instanceof AstModifiable && raw.length > 0 && (raw[0]?.getValue() ?? '').startsWith('--');
  const flags = mayHaveFlags && i instanceof AstModifiable ? i.getFlags().map((f) => convertFlag(f, restore)) : [];
  const rest = flags.length > 0 ? raw.slice(flags.length) : raw;
  // An argument's range is its own object, made for it by the scan (memo-arguments.ts), so the word
  // takes it as it is (~3 objects a word saved). dockerfile-ast modifies one in place only in
  // From#getImageNameRange and #getRegistryRange, which neither it nor we call, and its tree is
  // dropped once converted. The other ranges are copied.
  const args: Word[] = rest.map((a) => ({ value: restore(a.getValue()), range: a.getRange() }));
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const first = args[0];
  const last = args[args.length - 1];
  const argsRange = first && last ? { start: first.range.start, end: last.range.end } : null;
  const argsStart = first ? lines.offsetAt(first.range.start) : end;

  let json: Word[] | null = null;
  if (i instanceof AstJSONInstruction && first && first.value.startsWith('[')) {
    // Not dockerfile-ast's JSON strings: its scanner drops blanks inside strings, mangles JSON
    // escapes and knows no backtick continuation or comment lines.
    json = jsonForm(lines, argsStart, end, escapeChar);
  }

  let properties: Property[] = [];
  if (i instanceof AstArg) {
    if (args.length > 1) {
      // BuildKit accepts several declarations in one ARG (`ARG A=1 B=2`); dockerfile-ast returns
      // only one property and splits `P="a b"` inside the quotes, so split the words ourselves.
      const first = args[0];
      const last = args[args.length - 1];
      properties = first && last ? splitQuotedWords(lines, lines.offsetAt(first.range.start), lines.offsetAt(last.range.end), escapeChar).map(argWordProperty) : [];
    } else {
      const p = i.getProperty();
      properties = p ? [convertProperty(p, restore)] : [];
    }
  } else if (i instanceof AstEnv || i instanceof AstLabel) {
    properties = i.getProperties().map((p) => convertProperty(p, restore));
  }

  const mayHaveHeredocs = keyword !== 'ONBUILD' && rest.some((a) => a.getValue().includes('<<'));
  const heredocs = mayHaveHeredocs && hasHeredocs(i) ? i.getHeredocs().map((h) => convertHeredoc(h, restore)) : [];

  let trigger: Instruction | null = null;
  if (i instanceof AstOnbuild && depth === 0) {
    const t = i.getTriggerInstruction();
    trigger = t ? convertInstruction(t, lines, depth + 1, escapeChar, restore) : null;
  }

  return {
    keyword,
    rawKeyword,
    range,
    keywordRange: copyRange(i.getInstructionRange()),
    start,
    end,
    flags,
    args,
    argsRange,
    argsStart,
    json,
    properties,
    heredocs,
    trigger,
  };
}

/**
 * BuildKit continues a line only when its escape character is not itself escaped: a line ending in
 * `C:\\Windows\\` (two escape characters, then optional blanks) ends the instruction. dockerfile-ast
 * continues it, and the instruction swallows the following lines (a COPY eating the next ENV).
 * When that happens, each such final escape character is replaced by a control character that
 * occurs nowhere in the text (same length, so every offset and range stays valid) and the text is
 * parsed again; `restore` turns the stand-in back into the escape character in every string taken
 * from the tree. Comment lines and heredoc bodies are left alone. Returns null when nothing changes.
 */
function splitEscapedEscapes(text: string, lines: LineIndex, parsed: AstDockerfile): { df: AstDockerfile; restore: Restore } | null {
  const esc = parsed.getEscapeCharacter();
  if (!text.includes(esc + esc)) return null;
  const offsets: number[] = [];
  for (const inst of parsed.getInstructions()) {
    const r = inst.getRange();
    if (r.end.line === r.start.line) continue;
    const heredocLines = new Set<number>();
    if (hasHeredocs(inst) && inst.getTextContent().includes('<<')) {
      for (const h of inst.getHeredocs()) {
        const c = h.getContentRange();
        if (!c) continue;
        for (let l = c.start.line; l <= c.end.line; l++) heredocLines.add(l);
      }
    }
    // Only lines that dockerfile-ast continues into the next one matter.
    for (let line = r.start.line; line < r.end.line; line++) {
      if (heredocLines.has(line)) continue;
      const t = lines.lineText(line);
      let k = t.length;
      while (k > 0 && (t[k - 1] === ' ' || t[k - 1] === '\t')) k--;
      if (k < 2 || t[k - 1] !== esc || t[k - 2] !== esc) continue;
      if (line !== r.start.line && t.trimStart().startsWith('#')) continue;
      offsets.push((lines.lineStarts[line] ?? 0) + k - 1);
    }
  }
  if (offsets.length === 0) return null;
  let stand: string | null = null;
  for (let c = 1; c <= 8 && stand === null; c++) {
    const ch = String.fromCharCode(c);
    if (!text.includes(ch)) stand = ch;
  }
  if (stand === null) return null;
  const placeholder = stand;
  let changed = '';
  let from = 0;
  for (const o of offsets) {
    changed += text.slice(from, o) + placeholder;
    from = o + 1;
  }
  changed += text.slice(from);
  const restore: Restore = (s) => (s.includes(placeholder) ? s.split(placeholder).join(esc) : s);
  return { df: DockerfileParser.parse(changed), restore };
}

/**
 * The strings of a JSON (exec) form as BuildKit reads them: line continuations removed (escape
 * character, blanks, line break), comment and empty lines inside the continuation dropped, then the
 * text parsed as JSON, which must give an array of strings (otherwise the builder uses the shell
 * form, and this returns null). Each word's range covers its string with the quotes.
 */
function jsonForm(lines: LineIndex, start: number, end: number, esc: string): Word[] | null {
  const src = lines.text;
  // Logical text and, for each of its characters, the file offset it came from.
  let logical = '';
  const origin: number[] = [];
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  for (let line = first; line <= last; line++) {
    const lineStart = lines.lineStarts[line] ?? src.length;
    const ls = line === first ? start : lineStart;
    let le = Math.min(lineStart + lines.lineText(line).length, end);
    if (line !== first) {
      const trimmed = src.slice(ls, le).trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
    }
    if (line < last) {
      let k = le;
      while (k > ls && (src[k - 1] === ' ' || src[k - 1] === '\t')) k--;
      if (k > ls && src[k - 1] === esc) le = k - 1;
    }
    for (let o = ls; o < le; o++) {
      logical += src[o] ?? '';
      origin.push(o);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(logical);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((v): v is string => typeof v === 'string')) return null;
  const words: Word[] = [];
  let i = 0;
  while (i < logical.length) {
    if (logical[i] !== '"') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < logical.length && logical[j] !== '"') j += logical[j] === '\\' ? 2 : 1;
    const value = parsed[words.length];
    const s = origin[i];
    const e = origin[j];
    if (value === undefined || s === undefined || e === undefined) return null;
    words.push({ value, range: lines.rangeAt(s, e + 1) });
    i = j + 1;
  }
  return words.length === parsed.length ? words : null;
}

/** Parse Dockerfile text. Never throws for any input string. */
export function parseDockerfile(text: string, lines: LineIndex): SyntaxTree {
  // One argument scan per instruction instead of dockerfile-ast's three or four (see memo-arguments.ts).
  memoiseArguments();
  // One instruction object per instruction instead of two (see memo-arguments.ts).
  reuseRepeatedInstructions();
  const parsed = DockerfileParser.parse(text);
  const split = splitEscapedEscapes(text, lines, parsed);
  const df = split?.df ?? parsed;
  const restore = split?.restore ?? same;
  const escapeChar = df.getEscapeCharacter();
  // dockerfile-ast reads any `# word ...=value` line at the top as a directive (so
  // `# hadolint global ignore=DL3006` becomes a "hadolint" directive); BuildKit's directive key is
  // one word followed by `=`. Lines that are not real directives stay comments.
  const directives: Directive[] = [];
  const topComments: Comment[] = [];
  for (const d of df.getDirectives()) {
    const range = copyRange(d.getRange());
    const lineText = lines.lineText(range.start.line);
    const hash = lineText.indexOf('#');
    const after = hash >= 0 ? lineText.slice(hash + 1) : lineText;
    if (!/^\s*[A-Za-z][A-Za-z0-9_-]*\s*=/.test(after)) {
      const content = after.trim();
      const startChar = hash >= 0 ? hash : 0;
      topComments.push({ content, range: { start: { line: range.start.line, character: startChar }, end: { line: range.start.line, character: lineText.trimEnd().length } } });
      continue;
    }
    directives.push({
      name: d.getName().toLowerCase(),
      rawName: d.getName(),
      value: d.getValue(),
      range,
      nameRange: copyRange(d.getNameRange()),
      valueRange: copyRange(d.getValueRange()),
    });
  }
  const comments: Comment[] = [...topComments, ...df.getComments().map((c) => ({ content: restore(c.getContent()), range: copyRange(c.getRange()) }))];
  const instructions = df.getInstructions().map((i) => convertInstruction(i, lines, 0, escapeChar, restore));
  return { text, escapeChar, directives, comments, instructions };
}
