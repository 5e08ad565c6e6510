/**
 * The one module that rules import from: engine types, the model, shell queries and helpers.
 */
import type { Range } from './core/types.js';
import { recognisePackageInstall as recognisePackageInstallImpl } from './shell/packages.js';
import type { PackageInstall as PackageInstallT } from './shell/types.js';
import type { DockerfileModel, InstructionNode, Stage } from './model/model.js';
import type { SimpleCommand, ShellWord } from './shell/types.js';
import type { Flag as SyntaxFlag, Instruction as SyntaxInstruction } from './parse/syntax.js';

export type { Category, Fix, Range, RuleMeta, Severity, TextEdit } from './core/types.js';
export { defineRule } from './engine/rule.js';
export type { RuleContext, RuleDefinition, RuleSettings, LabelType } from './engine/rule.js';
export type { DockerfileModel, InstructionNode, Stage, StageBase, ImageRef, RunInfo, CopyInfo, Mount } from './model/model.js';
export type { Instruction, Word, Flag, Property } from './parse/syntax.js';
export type { SimpleCommand, ShellWord } from './shell/types.js';
export { parseImageRef } from './model/image.js';
export { parseDockerignore, cleanPath, type IgnoreMatcher } from './context/dockerignore.js';
import { parseDockerignore } from './context/dockerignore.js';
export { substitute, unquote, referencedVariables } from './model/vars.js';

export interface NodeFilter {
  /** Include ONBUILD triggers (default true, as hadolint's `onbuild` combinator). */
  onbuild?: boolean;
}

/** Instruction nodes with one of the keywords, in file order. */
export function nodesOf(model: DockerfileModel, keywords: string | readonly string[], filter: NodeFilter = {}): InstructionNode[] {
  const ks = typeof keywords === 'string' ? [keywords] : keywords;
  const withOnbuild = filter.onbuild ?? true;
  return model.nodes.filter((n) => ks.includes(n.keyword) && (withOnbuild || !n.onbuild));
}

/**
 * Per-model memo of pure derived data (lists many rules walk). Models are immutable once built,
 * so a WeakMap keyed by the model is a cache, not state: it changes no result and is freed with
 * the model.
 */
function memoByModel<T>(compute: (model: DockerfileModel, withOnbuild: boolean) => T): (model: DockerfileModel, filter?: NodeFilter) => T {
  const withOnbuildCache = new WeakMap<DockerfileModel, T>();
  const withoutCache = new WeakMap<DockerfileModel, T>();
  return (model, filter = {}) => {
    const withOnbuild = filter.onbuild ?? true;
    const cache = withOnbuild ? withOnbuildCache : withoutCache;
    let v = cache.get(model);
    if (v === undefined) {
      v = compute(model, withOnbuild);
      cache.set(model, v);
    }
    return v;
  };
}

/** Each simple command of each RUN (and ONBUILD RUN), with its node, in file order. */
export const runCommands: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; cmd: SimpleCommand }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; cmd: SimpleCommand }[] = [];
  for (const node of model.nodes) {
    if (node.keyword !== 'RUN' || !node.run || (!withOnbuild && node.onbuild)) continue;
    for (const cmd of node.run.commands) out.push({ node, cmd });
  }
  return out;
});

/** Dockerfile range of a shell word or command span of a RUN node. */
export function shellRange(node: InstructionNode, start: number, end: number): Range {
  const ctx = node.run?.shell;
  if (!ctx) return node.syntax.range;
  return ctx.range(start, end);
}

export function wordRange(node: InstructionNode, w: ShellWord): Range {
  return shellRange(node, w.start, w.end);
}

export function commandRange(node: InstructionNode, cmd: SimpleCommand): Range {
  return shellRange(node, cmd.start, cmd.end);
}

/** The stage an instruction belongs to. */
export function stageOf(model: DockerfileModel, node: InstructionNode): Stage | undefined {
  return node.stageIndex === null ? undefined : model.stages[node.stageIndex];
}

/** True for a stage whose content ships (the final stage or an ancestor through FROM <stage>). */
export function ships(model: DockerfileModel, node: InstructionNode): boolean {
  return stageOf(model, node)?.inFinalImage ?? false;
}

/**
 * Stages that matter for "leftover" rules such as hadolint's DL3009/DL3060: the final stage and
 * stages reused as a base by a later FROM.
 */
export function isFinalOrReused(model: DockerfileModel, stage: Stage): boolean {
  return stage.isFinal || model.stages.some((s) => s.parentIndex === stage.index);
}

/** Name of a program without directories: `/usr/bin/apt-get` -> `apt-get`. */
export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/**
 * For each stage, every instruction of `keyword` except the last one (an earlier CMD,
 * ENTRYPOINT or HEALTHCHECK that a later one in the same stage overrides).
 */
export function overriddenInstructions(model: DockerfileModel, keyword: string): { stage: Stage; node: InstructionNode; later: InstructionNode }[] {
  const out: { stage: Stage; node: InstructionNode; later: InstructionNode }[] = [];
  for (const stage of model.stages) {
    const all = stage.instructions.filter((n) => n.keyword === keyword && !n.onbuild);
    const last = all[all.length - 1];
    if (!last) continue;
    for (const n of all.slice(0, -1)) out.push({ stage, node: n, later: last });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the syntax and validity rules (rules/validity, DW5xxx).
// ---------------------------------------------------------------------------------------------

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
}

/**
 * The candidate closest to `word` ("did you mean"), compared case-insensitively, or null when
 * none is close enough (at most 2 edits, 1 for words of up to 4 characters).
 */
export function closestMatch(word: string, candidates: readonly string[], maxDistance?: number): string | null {
  const w = word.toLowerCase();
  const limit = maxDistance ?? (w.length <= 4 ? 1 : 2);
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD && d <= limit) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** How BuildKit reads a builder flag: `--x` or `--x=true|false`, `--x=value`, or a repeatable `--x=value`. */
export type BuilderFlagKind = 'bool' | 'string' | 'strings';

/** The flags BuildKit's Dockerfile frontend (stable and labs channels) accepts per instruction. */
export const BUILDER_FLAGS: Readonly<Record<string, Readonly<Record<string, BuilderFlagKind>>>> = {
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  ADD: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'strings', unpack: 'bool' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

/** Flags for the instruction's keyword (empty for instructions without flags). */
export function knownFlags(keyword: string): Readonly<Record<string, BuilderFlagKind>> {
  return BUILDER_FLAGS[keyword] ?? {};
}

/**
 * The builder flags of an instruction as BuildKit extracts them: the parsed flags of FROM, RUN,
 * COPY, ADD and HEALTHCHECK, and for every other instruction the leading `--word` arguments
 * (BuildKit takes those as flags too, and rejects them).
 */
export function builderFlags(model: DockerfileModel, inst: SyntaxInstruction): SyntaxFlag[] {
  if (inst.flags.length > 0 || Object.prototype.hasOwnProperty.call(BUILDER_FLAGS, inst.keyword)) return inst.flags;
  if (inst.json) return [];
  const out: SyntaxFlag[] = [];
  for (const w of inst.args) {
    if (!w.value.startsWith('--') || w.value === '--') break;
    const eq = w.value.indexOf('=');
    const name = w.value.slice(2, eq < 0 ? undefined : eq);
    const start = model.lines.offsetAt(w.range.start);
    const oneLine = w.range.start.line === w.range.end.line;
    const nameRange = oneLine ? model.lines.rangeAt(start + 2, start + 2 + name.length) : w.range;
    const valueRange = eq < 0 ? null : oneLine ? model.lines.rangeAt(start + eq + 1, model.lines.offsetAt(w.range.end)) : w.range;
    out.push({ name, value: eq < 0 ? null : w.value.slice(eq + 1), range: w.range, nameRange, valueRange, options: [] });
  }
  return out;
}

/** Text as the builder reads it, with a map back to file offsets. */
export interface LogicalText {
  text: string;
  /** File offset of character `i` of `text` (`i === text.length` gives the end offset). */
  offsetOf(i: number): number;
  range(start: number, end: number): Range;
}

/**
 * The text between two file offsets as the Dockerfile parser joins it: each line continuation
 * (escape character, optional blanks, newline) is removed, and comment lines and empty lines
 * inside the continuation are dropped.
 */
export function logicalText(model: DockerfileModel, start: number, end: number): LogicalText {
  const { text: src, lines } = model;
  const esc = model.escapeChar;
  // Pieces of the file that make up the text: [text offset, file offset, length].
  const pieces: [number, number, number][] = [];
  let text = '';
  const add = (from: number, to: number): void => {
    if (to <= from) return;
    pieces.push([text.length, from, to - from]);
    text += src.slice(from, to);
  };
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  for (let line = first; line <= last; line++) {
    const lineStart = lines.lineStarts[line] ?? src.length;
    const ls = line === first ? start : lineStart;
    const contentEnd = lineStart + lines.lineText(line).length;
    let le = Math.min(contentEnd, end);
    if (line !== first) {
      const trimmed = src.slice(ls, le).trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
    }
    // Drop a trailing continuation: escape char followed only by blanks.
    let k = le;
    while (k > ls && (src[k - 1] === ' ' || src[k - 1] === '\t')) k--;
    const continued = line < last && k > ls && src[k - 1] === esc;
    if (continued) le = k - 1;
    add(ls, le);
    // A line break that is not a continuation (heredoc bodies) is kept.
    if (!continued && line < last && contentEnd < end) add(contentEnd, contentEnd + 1);
  }
  const offsetOf = (i: number): number => {
    if (pieces.length === 0) return start;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid]?.[0] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    const [t0, f0, len] = pieces[lo] ?? [0, start, 0];
    return i - t0 < len ? f0 + (i - t0) : f0 + len;
  };
  return { text, offsetOf, range: (s, e) => lines.rangeAt(offsetOf(s), e > s ? offsetOf(e - 1) + 1 : offsetOf(s)) };
}

/** The instruction's arguments after its flags, as the builder reads them (see logicalText). */
export function argumentText(model: DockerfileModel, inst: SyntaxInstruction): LogicalText {
  return logicalText(model, inst.argsStart, inst.end);
}

// ---------------------------------------------------------------------------------------------
// Helpers for BuildKit's build checks (rules/buildkit).
// ---------------------------------------------------------------------------------------------

/** A variable reference found while processing a word (offsets into the processed text). */
export interface WordVariable {
  name: string;
  start: number;
  end: number;
}

/** Result of processing a word the way BuildKit's shell lexer does (`shell.Lex.ProcessWord`). */
export interface ProcessedWord {
  /** The word after quote removal and substitution (unset variables expand to ""). */
  result: string;
  /** Names of referenced variables that were set. */
  matched: Set<string>;
  /** References to variables that were not set, in order (also those with a `${x:-default}`). */
  unmatched: WordVariable[];
}

function isVarNameStart(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
}

function isVarNameChar(c: string): boolean {
  return isVarNameStart(c) || (c >= '0' && c <= '9');
}

/**
 * Process one word like BuildKit's lexer: single quotes keep text literal, double quotes allow
 * `$` expansion, the escape character protects the next character, and `$x`, `${x}`, `${x:-w}`,
 * `${x-w}`, `${x:+w}`, `${x+w}`, `${x:?w}`, `${x?w}` are expanded through `lookup` (undefined =
 * unset). `${x#p}`, `${x%p}` and `${x/p/r}` record the reference; their result is only exact when
 * `x` is unset. Returns null on a syntax error (unterminated quote or brace, bad substitution).
 */
export function processWord(word: string, lookup: (name: string) => string | undefined, escapeChar = '\\'): ProcessedWord | null {
  const matched = new Set<string>();
  const unmatched: WordVariable[] = [];
  const n = word.length;
  let i = 0;
  let failed = false;

  const getEnv = (name: string, start: number): { value: string | undefined; ref: WordVariable | null } => {
    const value = lookup(name);
    if (value === undefined) {
      const ref = { name, start, end: start };
      unmatched.push(ref);
      return { value, ref };
    }
    matched.add(name);
    return { value, ref: null };
  };

  const processName = (): string => {
    const c = word[i] ?? '';
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < n && (word[j] ?? '') >= '0' && (word[j] ?? '') <= '9') j++;
      const name = word.slice(i, j);
      i = j;
      return name;
    }
    if ('@*#?-$!0'.includes(c) && c !== '') {
      i++;
      return c;
    }
    let j = i;
    while (j < n && isVarNameChar(word[j] ?? '')) j++;
    const name = word.slice(i, j);
    i = j;
    return name;
  };

  // Forward declaration through a function expression pair.
  const processDollar = (): string => {
    const start = i;
    i++; // $
    if (word[i] !== '{') {
      const name = processName();
      if (name === '') return '$';
      const { value, ref } = getEnv(name, start);
      if (ref) ref.end = i;
      return value ?? '';
    }
    i++; // {
    const first = word[i];
    if (first === undefined || first === '{' || first === '}' || first === ':') {
      failed = true;
      return '';
    }
    const name = processName();
    let ch = word[i];
    i++;
    if (ch === '}') {
      const { value, ref } = getEnv(name, start);
      if (ref) ref.end = i;
      return value ?? '';
    }
    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = word[i];
      i++;
    }
    if (ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      const rawEscapes = ch === '#' || ch === '%';
      if (nullIsUnset && rawEscapes) {
        failed = true;
        return '';
      }
      const w = processUntil('}');
      if (w === null) {
        failed = true;
        return '';
      }
      const { value, ref } = getEnv(name, start);
      if (ref) ref.end = i;
      const set = value !== undefined;
      const empty = !set || (nullIsUnset && value === '');
      switch (ch) {
        case '-':
          return empty ? w : (value ?? '');
        case '+':
          return empty ? '' : w;
        case '?':
          if (empty) failed = true;
          return value ?? '';
        default:
          // Pattern trimming: exact only when unset (then empty).
          return value ?? '';
      }
    }
    if (ch === '/') {
      if (word[i] === '/') i++;
      if (processUntil('/') === null || processUntil('}') === null) {
        failed = true;
        return '';
      }
      const { value, ref } = getEnv(name, start);
      if (ref) ref.end = i;
      return value ?? '';
    }
    failed = true;
    return '';
  };

  const processUntil = (stop: string | null): string | null => {
    let out = '';
    while (i < n && !failed) {
      const ch = word[i] as string;
      if (stop !== null && ch === stop) {
        i++;
        return out;
      }
      if (ch === "'") {
        const close = word.indexOf("'", i + 1);
        if (close < 0) return null;
        out += word.slice(i + 1, close);
        i = close + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        let closed = false;
        while (i < n && !failed) {
          const c = word[i] as string;
          if (c === '"') {
            i++;
            closed = true;
            break;
          }
          if (c === '$') {
            out += processDollar();
            continue;
          }
          i++;
          if (c === escapeChar) {
            const next = word[i];
            if (next === undefined) continue;
            if (next === '"' || next === '$' || next === escapeChar) {
              out += next;
              i++;
              continue;
            }
          }
          out += c;
        }
        if (!closed) return null;
        continue;
      }
      if (ch === '$') {
        out += processDollar();
        continue;
      }
      if (ch === escapeChar) {
        i++;
        const next = word[i];
        if (next === undefined) break;
        out += next;
        i++;
        continue;
      }
      out += ch;
      i++;
    }
    if (failed) return null;
    return stop === null ? out : null;
  };

  const result = processUntil(null);
  if (result === null || failed) return null;
  return { result, matched, unmatched };
}

/**
 * BuildKit's "did you mean" (util/suggest): the option closest to `value` by Levenshtein
 * distance, when that distance is below 3, or null.
 */
export function suggestName(value: string, options: Iterable<string>, caseSensitive = true): string | null {
  const v = caseSensitive ? value : value.toLowerCase();
  let best: string | null = null;
  let min = 3;
  for (const opt of options) {
    const o = caseSensitive ? opt : opt.toLowerCase();
    if (o === v) return null;
    const d = editDistance(v, o);
    if (d < min) {
      best = opt;
      min = d;
    }
  }
  return best;
}

/** One `name[=value]` of an ARG instruction (which may declare several). */
export interface ArgDefinition {
  name: string;
  /** Raw default value text (quotes kept), or null when the ARG has no `=`. */
  value: string | null;
  range: Range;
  nameRange: Range;
  /** Range of the raw value text, or null. */
  valueRange: Range | null;
}

/**
 * Every `name[=value]` an ARG declares, as BuildKit splits them (whitespace outside quotes).
 * The model's `properties` only hold the first one.
 */
export function argDefinitions(model: DockerfileModel, inst: SyntaxInstruction): ArgDefinition[] {
  const lt = argumentText(model, inst);
  const s = lt.text;
  const esc = model.escapeChar;
  const out: ArgDefinition[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i] as string)) i++;
    if (i >= s.length) break;
    const start = i;
    let quote: string | null = null;
    while (i < s.length) {
      const c = s[i] as string;
      if (quote) {
        if (c === quote) quote = null;
        else if (c === esc && quote === '"') i++;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === esc) i++;
      else if (/\s/.test(c)) break;
      i++;
    }
    const end = Math.min(i, s.length);
    const tok = s.slice(start, end);
    const eq = tok.indexOf('=');
    const name = eq < 0 ? tok : tok.slice(0, eq);
    out.push({
      name,
      value: eq < 0 ? null : tok.slice(eq + 1),
      range: lt.range(start, end),
      nameRange: lt.range(start, start + name.length),
      valueRange: eq < 0 ? null : lt.range(start + eq + 1, end),
    });
  }
  return out;
}

/** Variables BuildKit defines for FROM lines without any ARG (platform and target). */
export const BUILDKIT_AUTOMATIC_ARGS: Readonly<Record<string, string>> = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDOSVERSION: '',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETOSVERSION: '',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  TARGETSTAGE: '',
};

/**
 * The global scope BuildKit uses for FROM lines: the automatic platform args, then each ARG
 * declared before the first FROM with its default (processed in order; an ARG without a
 * default keeps an automatic value or stays unset). `declared` holds every name a FROM may use.
 */
export function globalArgScope(model: DockerfileModel): { values: Map<string, string>; declared: Set<string> } {
  const values = new Map<string, string>(Object.entries(BUILDKIT_AUTOMATIC_ARGS));
  const declared = new Set<string>(Object.keys(BUILDKIT_AUTOMATIC_ARGS));
  for (const node of model.globalArgNodes) {
    for (const def of argDefinitions(model, node.syntax)) {
      declared.add(def.name);
      if (def.value === null) continue;
      const r = processWord(def.value, (n) => values.get(n), model.escapeChar);
      values.set(def.name, r ? r.result : '');
    }
  }
  return { values, declared };
}

/** The text of a range as the builder reads it (continuations joined), mapped back to the file. */
export function rangeText(model: DockerfileModel, range: Range): LogicalText {
  return logicalText(model, model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
}

/** Parser directive names BuildKit knows. */
export const PARSER_DIRECTIVES = ['syntax', 'escape', 'check'] as const;

/** A `# name=value` comment line, as BuildKit's directive parser reads it. */
export interface DirectiveLine {
  /** Lower-cased name. */
  name: string;
  rawName: string;
  value: string;
  line: number;
  range: Range;
  nameRange: Range;
  valueRange: Range;
  known: boolean;
}

export interface DirectiveScan {
  /** Directives BuildKit honours: the leading run of `# known=value` lines (a repeated name is still listed). */
  honored: DirectiveLine[];
  /** A directive-shaped line with an unknown name that ended the leading run, if any. */
  stopper: DirectiveLine | null;
  /** Directive-shaped comment lines after the leading run (BuildKit reads them as comments). */
  later: DirectiveLine[];
}

const DIRECTIVE_HEAD = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=/;

function directiveAt(model: DockerfileModel, line: number): DirectiveLine | null {
  const text = model.lines.lineText(line);
  const indent = text.length - text.trimStart().length;
  const body = text.slice(indent);
  const m = DIRECTIVE_HEAD.exec(body);
  if (!m) return null;
  const rawName = m[1] ?? '';
  const after = body.slice(m[0].length);
  const value = after.trim();
  if (value === '') return null;
  const nameStart = indent + body.indexOf(rawName, 1);
  const valueStart = indent + m[0].length + (after.length - after.trimStart().length);
  const name = rawName.toLowerCase();
  const r = (a: number, b: number): Range => ({ start: { line, character: a }, end: { line, character: b } });
  return {
    name,
    rawName,
    value,
    line,
    range: r(indent, text.trimEnd().length),
    nameRange: r(nameStart, nameStart + rawName.length),
    valueRange: r(valueStart, valueStart + value.length),
    known: (PARSER_DIRECTIVES as readonly string[]).includes(name),
  };
}

/**
 * Parser directives as BuildKit finds them: only at the very top of the file, one per line,
 * before any other comment, blank line or instruction; an unknown name ends the run. (A leading
 * `#!` line is skipped when looking for `syntax`.)
 */
export function scanDirectives(model: DockerfileModel): DirectiveScan {
  const honored: DirectiveLine[] = [];
  let stopper: DirectiveLine | null = null;
  const shebang = model.lines.lineText(0).startsWith('#!');
  let line = shebang ? 1 : 0;
  for (; line < model.lines.lineCount; line++) {
    const d = directiveAt(model, line);
    if (!d) break;
    if (!d.known) {
      stopper = d;
      break;
    }
    // After a shebang only `syntax` is still detected.
    if (shebang && d.name !== 'syntax') break;
    honored.push(d);
  }
  const taken = new Set<number>(honored.map((d) => d.line));
  if (stopper) taken.add(stopper.line);
  // Instruction line spans, in file order, to skip comments inside continued instructions.
  const spans = model.syntax.instructions.map((i) => [i.range.start.line, i.range.end.line] as const);
  let si = 0;
  const later: DirectiveLine[] = [];
  for (let l = 0; l < model.lines.lineCount; l++) {
    while (si < spans.length && (spans[si]?.[1] ?? -1) < l) si++;
    const span = spans[si];
    if (span && span[0] <= l) continue;
    if (taken.has(l)) continue;
    let o = model.lines.lineStarts[l] ?? model.text.length;
    while (model.text[o] === ' ' || model.text[o] === '\t') o++;
    if (model.text[o] !== '#') continue;
    const d = directiveAt(model, l);
    if (d) later.push(d);
  }
  return { honored, stopper, later };
}

/**
 * The port specs of one EXPOSE argument as BuildKit reads them: variables substituted (in the
 * instruction's scope), quotes removed, split on blanks. Null when a value is unknown.
 */
export function exposePortSpecs(node: InstructionNode, value: string, escapeChar = '\\'): string[] | null {
  const resolved = value.includes('$') ? node.resolve(value) : value;
  if (resolved === null) return null;
  const r = processWord(resolved, () => undefined, escapeChar);
  if (!r) return null;
  return r.result.split(/\s+/).filter((s) => s !== '');
}

/** BuildKit's split of an EXPOSE spec `[ip:][hostPort:]containerPort[/proto]`. */
export function splitPortSpec(spec: string): { ip: string; hostPort: string; containerPort: string; proto: string | null } {
  const parts = spec.split(':');
  const n = parts.length;
  const container = parts[n - 1] ?? '';
  const slash = container.indexOf('/');
  const port = slash < 0 ? container : container.slice(0, slash);
  const proto = slash < 0 ? null : container.slice(slash + 1);
  if (n === 1) return { ip: '', hostPort: '', containerPort: port, proto };
  if (n === 2) return { ip: '', hostPort: parts[0] ?? '', containerPort: port, proto };
  return { ip: parts.slice(0, n - 2).join(':'), hostPort: parts[n - 2] ?? '', containerPort: port, proto };
}

/** Split text into words as the Dockerfile parser does for ARG: blanks separate, quotes and the escape character keep them. */
export function splitWords(text: string, escapeChar = '\\'): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const blank = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let i = 0;
  while (i < text.length) {
    while (i < text.length && blank(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const start = i;
    let q: string | null = null;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (q === null && blank(c)) break;
      if (c === escapeChar && q !== "'") {
        i += 2;
        continue;
      }
      if (q === null && (c === '"' || c === "'")) q = c;
      else if (q !== null && c === q) q = null;
      i++;
    }
    out.push({ word: text.slice(start, Math.min(i, text.length)), start, end: Math.min(i, text.length) });
  }
  return out;
}

/** A word after the builder's quote removal: `"a"b'c'` -> `abc`, `a\ b` -> `a b` (escape character outside single quotes). */
export function removeQuotes(word: string, escapeChar = '\\'): string {
  let out = '';
  let q: string | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? '';
    if (q === "'") {
      if (c === "'") q = null;
      else out += c;
      continue;
    }
    if (c === escapeChar && i + 1 < word.length) {
      out += word[i + 1] ?? '';
      i++;
      continue;
    }
    if (q === null && (c === '"' || c === "'")) q = c;
    else if (q === '"' && c === '"') q = null;
    else out += c;
  }
  return out;
}

export {
  recognisePackageCommand,
  recognisePackageInstall,
  recogniseIndexUpdate,
  recognisePackageRemoval,
  recogniseCleanup,
  recogniseDownload,
  recogniseVerification,
} from './shell/packages.js';
export { hasFlag, flagValue, flagOccurrences, positionalArgs, hasArg, commandName, isCommand, cmdHasArgs, effectiveCommand, parseArgs } from './shell/queries.js';
export type { PackageInstall, PackageSpec, AptInstall, ApkInstall, PipInstall, NodeInstall, GemInstall, RpmInstall, Cleanup, CacheKind, Download, Verification, PackageRemoval } from './shell/types.js';

/** True when a RUN has a cache or tmpfs mount whose target is (or contains) one of `dirs`. */
export function hasCacheMount(node: InstructionNode, dirs: readonly string[]): boolean {
  const mounts = node.run?.mounts ?? [];
  return mounts.some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const t = (m.target ?? '').replace(/\/+$/, '');
    return dirs.some((d) => {
      const dd = d.replace(/\/+$/, '');
      return t === dd || dd.startsWith(`${t}/`) || t.endsWith(dd.replace(/^~/, ''));
    });
  });
}

/** The installs recognised in every RUN (with ONBUILD triggers), with their nodes. */
export const packageInstalls: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; install: PackageInstallT }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; install: PackageInstallT }[] = [];
  for (const { node, cmd } of runCommands(model, { onbuild: withOnbuild })) {
    const install = recognisePackageInstallImpl(cmd);
    if (install) out.push({ node, install });
  }
  return out;
});

/** A fix edit inserting `text` right after a shell word (e.g. a flag after `install`). */
export function insertAfterWord(node: InstructionNode, w: ShellWord, text: string): { range: Range; newText: string } {
  const end = wordRange(node, w).end;
  return { range: { start: end, end }, newText: text };
}

// ---------------------------------------------------------------------------------------------
// Helpers for the hadolint rules of rules/hadolint (archives, package commands, fixes, stages).
// ---------------------------------------------------------------------------------------------
import { effectiveCommand as effectiveCommandOf } from './shell/queries.js';
import { recognisePackageCommand as recognisePackageCommandOf } from './shell/packages.js';
import type { PackageCommand as PackageCommandT } from './shell/types.js';
import type { TextEdit as TextEditT } from './core/types.js';
import type { Property as SyntaxProperty } from './parse/syntax.js';
import type { LabelType as LabelTypeT } from './engine/rule.js';
import { unquote as unquoteValue } from './model/vars.js';

export type { PackageCommand, ZypperInstall, GoInstall, CommandFlag } from './shell/types.js';

/** File extensions hadolint takes for archives that ADD unpacks (its `archiveFileFormatExtensions`). */
export const ARCHIVE_EXTENSIONS: readonly string[] = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

/** True when a path (quotes around it dropped) ends in one of `ARCHIVE_EXTENSIONS`. */
export function isArchivePath(path: string): boolean {
  const p = path.replace(/^["']+|["']+$/g, '');
  return ARCHIVE_EXTENSIONS.some((ext) => p.endsWith(ext));
}

/** Last path component, with `/` and `\` as separators and surrounding quotes dropped. */
export function pathBasename(path: string): string {
  const p = path.replace(/^["']+|["']+$/g, '');
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Every recognised package-manager command (install or not) of every RUN, with its node. */
export const packageCommands: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; pc: PackageCommandT }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; pc: PackageCommandT }[] = [];
  for (const { node, cmd } of runCommands(model, { onbuild: withOnbuild })) {
    const pc = recognisePackageCommandOf(cmd);
    if (pc) out.push({ node, pc });
  }
  return out;
});

/** The word naming the program a command runs, seen through wrappers (`sudo yum` -> `yum`). */
export function programWord(cmd: SimpleCommand): ShellWord | null {
  return effectiveCommandOf(cmd).nameWord;
}

/** The last word of a package command's subcommand (`group install` -> the `install` word). */
export function subcommandEndWord(pc: PackageCommandT): ShellWord | null {
  const first = pc.subcommandWord;
  const parts = pc.subcommand.split(' ');
  if (!first || parts.length < 2) return first;
  const eff = effectiveCommandOf(pc.command);
  const later = eff.args.find((w) => w.start > first.start && w.value === parts[parts.length - 1]);
  return later ?? first;
}

/**
 * A fix edit that chains `text` (such as ` && yum clean all`) right after a command of a
 * shell-form RUN, or null when the command is not a plain step of the RUN's top-level list (in a
 * pipeline, a substitution, a subshell, a condition, a heredoc, or followed by `||`, `|` or `&`).
 */
export function chainAfterCommand(node: InstructionNode, cmd: SimpleCommand, text: string): TextEditT | null {
  const run = node.run;
  if (!run || run.form !== 'shell' || !run.shell || run.heredocs.length > 0) return null;
  if (cmd.inPipeline || cmd.inSubstitution || cmd.inSubshell || cmd.conditional || cmd.inHeredocScript === true || cmd.negated === true) return null;
  if (cmd.heredocs.length > 0) return null;
  if (cmd.connector !== null && cmd.connector !== '&&' && cmd.connector !== ';') return null;
  const end = commandRange(node, cmd).end;
  return { range: { start: end, end }, newText: text };
}

/**
 * The stage a `--from` value (COPY --from, RUN --mount from=) names as seen from `node`: a stage
 * defined so far (the current one included) by name, compared as BuildKit does (case-insensitive),
 * or by index. Null for anything else (an image reference).
 */
export function stageReference(model: DockerfileModel, node: InstructionNode, value: string): Stage | null {
  const current = node.stageIndex ?? -1;
  if (/^\d+$/.test(value)) {
    const i = Number(value);
    return i <= current ? (model.stages[i] ?? null) : null;
  }
  const v = value.toLowerCase();
  return model.stages.find((s) => s.index <= current && s.name === v) ?? null;
}

/**
 * Stages whose image is an output of the build: the final stage, and every other stage that no
 * later stage builds on (`FROM <stage>`) and none copies or mounts from (it can only be an output
 * through `--target`). Intermediate stages are left out. A reference with a variable whose value
 * is unknown (`FROM binary-$TARGETOS`) counts as using every stage whose name it could match.
 */
export function outputStages(model: DockerfileModel): Stage[] {
  const used = new Set<number>();
  const useMatching = (ref: string): void => {
    const resolved = ref.includes('$') ? null : ref.toLowerCase();
    for (const s of model.stages) {
      if (s.name === null) continue;
      if (resolved !== null ? s.name === resolved : matchesWithVariables(ref.toLowerCase(), s.name)) used.add(s.index);
    }
  };
  for (const s of model.stages) {
    if (s.parentIndex !== null) used.add(s.parentIndex);
    else if (s.base.kind === 'unknown' && s.base.raw !== '') useMatching(s.base.raw);
  }
  for (const node of model.nodes) {
    if (node.onbuild) continue;
    const froms: string[] = [];
    if (node.copy?.from) froms.push(node.copy.from);
    for (const m of node.run?.mounts ?? []) if (m.from) froms.push(m.from);
    for (const f of froms) {
      const resolved = node.resolve(f) ?? f;
      if (/^\d+$/.test(resolved)) used.add(Number(resolved));
      else useMatching(resolved);
    }
  }
  return model.stages.filter((s) => s.isFinal || !used.has(s.index));
}

/**
 * True when `name` can be what `ref` expands to, taking each `$VAR` / `${VAR...}` in `ref` as any
 * text (`binary-$TARGETOS` matches `binary-linux`). Literal pieces are matched left to right, once.
 */
function matchesWithVariables(ref: string, name: string): boolean {
  const pieces = ref.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (pieces.length === 1) return ref === name;
  if (!name.startsWith(first) || !name.endsWith(last) || first.length + last.length > name.length) return false;
  let pos = first.length;
  const end = name.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const i = name.indexOf(piece, pos);
    if (i < 0 || i + piece.length > end) return false;
    pos = i + piece.length;
  }
  return true;
}

/**
 * Output stages (see `outputStages`) that are images meant to run: the final stage, and other
 * output stages that set CMD or ENTRYPOINT themselves or through the stages they are built on.
 * Export-only targets (`FROM scratch` + COPY, used with `--output`) and check or lint targets are
 * left out.
 */
export function imageStages(model: DockerfileModel): Stage[] {
  return outputStages(model).filter(
    (s) => s.isFinal || stageChain(model, s).some((c) => c.instructions.some((n) => !n.onbuild && (n.keyword === 'CMD' || n.keyword === 'ENTRYPOINT'))),
  );
}

/** A range extended over the blanks that follow it on its line (to delete a flag cleanly). */
export function withTrailingBlanks(model: DockerfileModel, range: Range): Range {
  let o = model.lines.offsetAt(range.end);
  while (model.text[o] === ' ' || model.text[o] === '\t') o++;
  return { start: range.start, end: model.lines.positionAt(o) };
}

/**
 * The last command of a RUN that `isTarget` accepts when no command that `isFollowUp` accepts
 * comes after it (an install without a later cache cleanup), else null.
 */
export function lastWithoutFollowUp(node: InstructionNode, isTarget: (c: SimpleCommand) => boolean, isFollowUp: (c: SimpleCommand) => boolean): SimpleCommand | null {
  const cmds = node.run?.commands ?? [];
  let last: SimpleCommand | null = null;
  for (const c of cmds) if (isTarget(c)) last = c;
  if (!last) return null;
  const after = last.end;
  return cmds.some((c) => c.start >= after && isFollowUp(c)) ? null : last;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the security rules (rules/security, DW4xxx) and suppression hygiene (rules/dockwise).
// ---------------------------------------------------------------------------------------------

export type { SuppressionInfo, UnusedSuppression } from './engine/rule.js';
export type { Pragma, PragmaCode } from './model/pragmas.js';

/**
 * Range of one flag of a shell command: the flag's own letter inside a cluster of short flags
 * (`-k` in `-fsSLk`), else the whole word it was written in (`--insecure`, `--x=1`).
 */
export function flagRange(node: InstructionNode, flag: { name: string; word: ShellWord }): Range {
  const w = flag.word;
  const isShort = flag.name.length === 2 && flag.name.startsWith('-') && !flag.name.startsWith('--');
  if (isShort && w.value !== null && w.value === w.text && w.text.startsWith('-') && !w.text.startsWith('--') && w.text.length > 2) {
    const at = w.text.indexOf(flag.name.charAt(1), 1);
    if (at > 0) return shellRange(node, w.start + at, w.start + at + 1);
  }
  return wordRange(node, w);
}

/** Range from the start of one shell word to the end of another (`strict-ssl false`). */
export function wordsRange(node: InstructionNode, first: ShellWord, last: ShellWord): Range {
  return shellRange(node, first.start, last.end);
}

/**
 * A LABEL/ENV property's value as the builder sees it: ARG/ENV variables substituted and quotes
 * removed. Null when the value depends on a variable whose value cannot be known.
 */
export function propertyValue(node: InstructionNode, p: SyntaxProperty): string | null {
  const raw = p.unescapedValue ?? '';
  if (!raw.includes('$')) return p.value ?? '';
  const resolved = node.resolve(raw);
  return resolved === null ? null : unquoteValue(resolved);
}

/** Every LABEL key (ONBUILD LABEL included) that the label schema declares, with its type and value. */
export function* schemaLabels(model: DockerfileModel, schema: Readonly<Record<string, LabelTypeT>>): Generator<{ node: InstructionNode; prop: SyntaxProperty; type: LabelTypeT; value: string | null }> {
  for (const node of nodesOf(model, 'LABEL')) {
    for (const prop of node.syntax.properties) {
      if (!Object.prototype.hasOwnProperty.call(schema, prop.name)) continue;
      const type = schema[prop.name];
      if (type === undefined) continue;
      yield { node, prop, type, value: propertyValue(node, prop) };
    }
  }
}

/** The stage and the stages it is built on through `FROM <stage>`, nearest first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.parentIndex !== null ? model.stages[s.parentIndex] : undefined;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The implicit base-image dependency analysis (DW3xxx, rules/dockwise): where every program a
// Dockerfile runs comes from (src/analysis/provenance.ts), and the knowledge it reads.
// ---------------------------------------------------------------------------------------------
export { analyseProvenance, firstUses, installCommand, explicitAdvice } from './analysis/provenance.js';
export type { Provenance, ProgramUse, ProgramSource, UseContext, ExplicitVia, StageBaseInfo, BaseTier, BaseProvider, KnownBase } from './analysis/provenance.js';
export { commandProvidersInImage, packagesProvidingCommand, packageCommands as commandsOfPackage, packageDepends, packageRecommends, packageClosure, isShellBuiltin, shellKindOf } from './knowledge/index.js';
export type { Family, PackageFamily, ShellName } from './knowledge/index.js';

// ---------------------------------------------------------------------------------------------
// Helpers for the unpinned-version (DW1xxx) and build-only-artifact (DW2xxx) analyses
// (rules/dockwise). Pure functions over the model and the shell recognisers.
// ---------------------------------------------------------------------------------------------
import { recognisePackageRemoval as recognisePackageRemovalOf } from './shell/packages.js';
import type { PackageRemoval as PackageRemovalT } from './shell/types.js';
export { resolveBaseImage } from './knowledge/index.js';
export type { BaseImageInfo } from './knowledge/index.js';

/** A stage and the stages it is built on through `FROM <stage>`, root first. */
export function stageLineage(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.unshift(s);
    s = s.parentIndex === null ? undefined : model.stages[s.parentIndex];
  }
  return out;
}

/** The stages whose instructions make up the final image (the final stage's lineage), root first. */
export function finalLineage(model: DockerfileModel): Stage[] {
  return model.finalStage ? stageLineage(model, model.finalStage) : [];
}

/**
 * Instructions that run before `node` in the image `node` builds: every instruction of the stages
 * its stage is built on, then those of its own stage before it. ONBUILD triggers are left out.
 */
export function imageNodesBefore(model: DockerfileModel, node: InstructionNode): InstructionNode[] {
  const stage = stageOf(model, node);
  if (!stage) return [];
  const out: InstructionNode[] = [];
  for (const s of stageLineage(model, stage)) {
    for (const n of s.instructions) {
      if (n.onbuild) continue;
      if (s.index === stage.index && n.index >= node.index) break;
      out.push(n);
    }
  }
  return out;
}

/**
 * Instructions that run after `node` on top of its layer: the rest of its stage and, when the stage
 * is part of the final image, the stages of the final image built on it. ONBUILD triggers are left out.
 */
export function imageNodesAfter(model: DockerfileModel, node: InstructionNode): InstructionNode[] {
  const stage = stageOf(model, node);
  if (!stage) return [];
  const out = stage.instructions.filter((n) => !n.onbuild && n.index > node.index);
  if (stage.inFinalImage) {
    for (const s of finalLineage(model)) {
      if (s.index === stage.index || !stageLineage(model, s).some((x) => x.index === stage.index)) continue;
      for (const n of s.instructions) if (!n.onbuild) out.push(n);
    }
  }
  return out;
}

const TRUE_VALUE = /^(?:1|true|yes|on|y)$/i;

/** True for the values tools read as "on" (`1`, `true`, `yes`, `on`). */
export function isTruthy(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && TRUE_VALUE.test(value.trim().replace(/^["']|["']$/g, ''));
}

/**
 * The value of an environment variable as a command of a RUN sees it: a prefix assignment on the
 * command, an `export NAME=value` / `NAME=value` earlier in the same RUN, or ENV and ARG in scope.
 * Null when set to an unknown value, undefined when not set.
 */
export function commandEnv(node: InstructionNode, cmd: SimpleCommand, name: string): string | null | undefined {
  const own = cmd.assignments.find((a) => a.name === name);
  if (own) return own.value === null ? '' : own.value.value;
  let found: string | null | undefined;
  for (const c of node.run?.commands ?? []) {
    if (c.start >= cmd.start) break;
    if (c.inSubstitution) continue;
    if (c.name === null) {
      for (const a of c.assignments) if (a.name === name) found = a.value === null ? '' : a.value.value;
    } else if (c.name === 'export') {
      for (const w of c.args) {
        const v = w.value;
        if (v !== null && v.startsWith(`${name}=`)) found = v.slice(name.length + 1);
        else if (v === null && w.text.startsWith(`${name}=`)) found = null;
      }
    }
  }
  if (found !== undefined) return found;
  if (node.state.env.has(name)) return node.state.env.get(name) ?? null;
  if (node.state.args.has(name)) return node.state.args.get(name) ?? null;
  return undefined;
}

/** `$NAME`, `${NAME}`, `"$NAME"`, `"${NAME}"`: the variable a word consists of, else null. */
function soleVariable(text: string): string | null {
  const m = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(text);
  if (!m) return null;
  const name = m[1] ?? '';
  const braced = text.includes('{');
  if (braced !== text.includes('}')) return null;
  return name;
}

/**
 * The values a shell word stands for: its static value, or, for a word made of variables, the
 * value after ARG/ENV substitution (or a variable assigned earlier in the same RUN), split on blanks
 * when unquoted. Null when a value cannot be known.
 */
export function expandWord(node: InstructionNode, cmd: SimpleCommand, w: ShellWord): string[] | null {
  if (w.value !== null) return [w.value];
  const quoted = w.text.startsWith('"');
  const split = (s: string): string[] => (quoted ? [s] : s.split(/\s+/).filter((x) => x !== ''));
  const variable = soleVariable(w.text);
  if (variable !== null) {
    const v = commandEnv(node, cmd, variable);
    return v === null || v === undefined ? null : split(v.replace(/^["']|["']$/g, ''));
  }
  if (w.text.includes('$(') || w.text.includes('`')) return null;
  const resolved = node.resolve(w.text);
  return resolved === null ? null : split(resolved.replace(/["']/g, ''));
}

export type BuildToolKind = 'compiler' | 'build tool' | 'headers' | 'SDK';

const COMPILERS = new Set(['gcc', 'g++', 'gcc-c++', 'clang', 'cc', 'c++', 'gfortran', 'tcc', 'build-essential', 'build-base', 'alpine-sdk', 'musl-gcc', 'cpp', 'llvm', 'lld']);
const BUILD_TOOLS = new Set([
  'make', 'cmake', 'cmake3', 'ninja', 'ninja-build', 'meson', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'pkgconfig',
  'bison', 'flex', 'scons', 'dpkg-dev', 'rpm-build', 'rpmdevtools', 'binutils', 'm4', 'swig', 'nasm', 'yasm', 'autoconf-archive', 'gettext-devel', 'patchelf',
]);
const SDKS = new Set(['golang', 'golang-go', 'go', 'rustc', 'cargo', 'rust', 'maven', 'gradle', 'ant', 'default-jdk', 'default-jdk-headless', 'openjdk', 'dotnet-sdk']);

/**
 * What a distro package is, when it is only needed to build software: a compiler, a build tool,
 * development headers (`-dev`, `-devel`, `-headers`), or a language SDK. Null for anything else.
 */
export function classifyBuildPackage(name: string): { kind: BuildToolKind; label: string } | null {
  const n = name.toLowerCase();
  if (COMPILERS.has(n) || /^(?:gcc|g\+\+|clang|cpp|llvm|gfortran)-\d+(?:\.\d+)?$/.test(n) || /^(?:gcc-toolset|devtoolset)-\d+(?:-gcc(?:-c\+\+)?)?$/.test(n)) {
    const meta = n === 'build-essential' || n === 'build-base' || n === 'alpine-sdk';
    return { kind: 'compiler', label: meta ? 'compiler toolchain' : 'compiler' };
  }
  if (BUILD_TOOLS.has(n)) return { kind: 'build tool', label: 'build tool' };
  if (SDKS.has(n) || /^openjdk-?\d+(?:-jdk(?:-headless)?)?$/.test(n) || /^java-[\d.]+-openjdk-devel$/.test(n) || /^(?:temurin|zulu|corretto)-?\d+-jdk$/.test(n) || /^dotnet-sdk-[\d.]+$/.test(n) || /^go\d+(?:\.\d+)*$/.test(n) || /^rust\d+(?:\.\d+)*$/.test(n)) {
    return { kind: 'SDK', label: 'language SDK' };
  }
  // `-dev` is also a release channel of some applications (`microsoft-edge-dev`, `google-chrome-dev`).
  if (n.length > 4 && (n.endsWith('-dev') || n.endsWith('-devel') || n.endsWith('-headers')) && !/^(?:microsoft-edge|google-chrome|chromium|brave-browser|opera|vivaldi|firefox|code|signal-desktop)-dev$/.test(n)) {
    return { kind: 'headers', label: 'development headers' };
  }
  return null;
}

function rpmFamily(m: string): boolean {
  return m === 'yum' || m === 'dnf' || m === 'microdnf';
}

/** Package managers that remove what another one installed (yum and dnf share the rpm database). */
export function sameManagerFamily(a: string, b: string): boolean {
  return a === b || (rpmFamily(a) && rpmFamily(b));
}

/**
 * Whether a removal command removes package `name` (installed by `install`, whose word was `word`):
 * it names the package (statically or through the same variable), the apk `--virtual` group the
 * package was installed into, or is an apt autoremove after `apt-mark auto` (the official images'
 * `savedAptMark` pattern, which removes everything the RUN installed).
 */
export function removalRemoves(
  node: InstructionNode,
  removal: PackageRemovalT,
  install: PackageInstallT,
  name: string,
  word: ShellWord,
  aptMarkAutoBefore: boolean,
): boolean {
  if (!sameManagerFamily(removal.manager, install.manager)) return false;
  if (install.manager === 'apt' && removal.autoremove && aptMarkAutoBefore) return true;
  // `apt-get purge $(diff before after)`: a computed list, taken to remove what the RUN installed.
  if (removal.packages.some((w) => w.text.includes('$(') || w.text.includes('`'))) return true;
  const virtual = install.manager === 'apk' ? install.virtual : null;
  for (const w of removal.packages) {
    if (w.value === null && w.text === word.text) return true;
    const values = expandWord(node, removal.command, w) ?? [];
    for (const v of values) {
      const base = v.split(/[=<>~]/)[0] ?? v;
      if (base === name || (virtual !== null && base === virtual)) return true;
    }
  }
  return false;
}

/** True when the RUN marks packages auto-installed (`apt-mark auto ...`) before offset `before`. */
export function aptMarkAutoBefore(node: InstructionNode, before: number): boolean {
  return (node.run?.commands ?? []).some((c) => {
    if (c.start >= before) return false;
    const e = effectiveCommandOf(c);
    return e.name !== null && basename(e.name) === 'apt-mark' && e.args[0]?.value === 'auto';
  });
}

/**
 * The removal that takes `name` away again within the same RUN, after the install, or null.
 */
export function sameRunRemoval(node: InstructionNode, install: PackageInstallT, name: string, word: ShellWord): PackageRemovalT | null {
  for (const c of node.run?.commands ?? []) {
    if (c.start <= install.command.start) continue;
    const r = recognisePackageRemovalOf(c);
    if (r && removalRemoves(node, r, install, name, word, aptMarkAutoBefore(node, c.start))) return r;
  }
  return null;
}

/**
 * Whether a file whose name passes `test` was copied into the image before `node` (COPY/ADD from
 * the build context in the same stage or the stages it is built on): `yes` when a source names it,
 * `maybe` when a directory, `.` or a glob may hold it (or the base is another stage's image), `no`
 * otherwise.
 */
export function copiedBefore(model: DockerfileModel, node: InstructionNode, test: (name: string) => boolean): 'yes' | 'maybe' | 'no' {
  let maybe = false;
  for (const n of imageNodesBefore(model, node)) {
    const c = n.copy;
    if (!c) continue;
    for (const s of c.sources) {
      const raw = (n.resolve(s.value) ?? s.value).replace(/^["']|["']$/g, '');
      const name = pathBasename(raw.replace(/\/+$/, ''));
      if (test(name)) return 'yes';
      if (raw === '.' || raw === './' || raw.endsWith('/') || raw.includes('*') || raw.includes('?') || raw.includes('[') || !name.includes('.')) maybe = true;
      if (c.from !== null) maybe = true;
    }
  }
  return maybe ? 'maybe' : 'no';
}

/** Branch names that a clone or checkout must not be left on. */
const BRANCH_NAMES = new Set(['main', 'master', 'develop', 'development', 'dev', 'trunk', 'head', 'stable', 'next', 'latest', 'nightly', 'edge', 'default', 'unstable', 'canary', 'release', 'origin/main', 'origin/master', 'fetch_head']);

/**
 * Whether a git ref names a fixed revision: a commit id, or a tag-like name with a version number
 * (`v1.2.3`, `curl-8_5_0`, `release-1.4`). Branch names (`main`, `develop`, `feature-x`) are not.
 */
export function isFixedGitRef(ref: string): boolean {
  const r = ref.trim().replace(/^refs\/tags\//, '');
  if (r === '') return false;
  if (BRANCH_NAMES.has(r.toLowerCase())) return false;
  if (/^[0-9a-f]{7,64}$/i.test(r)) return true;
  return /\d/.test(r) && !/^(?:origin\/)?(?:main|master|develop)\b/i.test(r);
}

/** Programs that run a script read from stdin or `-c`: shells and script interpreters. */
export function isScriptRunner(name: string): boolean {
  return /^(?:sh|bash|dash|ash|zsh|ksh|mksh|fish|busybox|python[\d.]*|perl|ruby|node|php)$/.test(name);
}

/** Whether a `.dockerignore` excludes `path` (relative to the context root, e.g. `.git`) or a parent of it. */
export function dockerignoreExcludes(content: string, path: string): boolean {
  return parseDockerignore(content).matches(path);
}

/** Shells and interactive interpreters: an image whose command is one of these is a toolbox, not an application. */
const TOOLBOX_COMMANDS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'fish', 'python', 'python2', 'python3', 'pypy', 'pypy3', 'node', 'irb', 'jshell', 'ghci', 'iex', 'erl', 'julia', 'R', 'php', 'go', 'gradle', 'mvn', 'cargo', 'rustc', 'dotnet']);

/** The program an exec-form or shell-form CMD/ENTRYPOINT starts (basename), or null. */
function startedProgram(node: InstructionNode): string | null {
  const json = node.syntax.json;
  const first = json ? json[0]?.value : node.syntax.args[0]?.value;
  if (first === undefined) return null;
  return basename(first.replace(/^["']|["']$/g, ''));
}

/** True when a CMD/ENTRYPOINT runs its program with an operand (`python app.py`), not just options (`python3`, `bash -l`). */
function hasOperand(node: InstructionNode): boolean {
  const words = (node.syntax.json ?? node.syntax.args).slice(1).map((w) => w.value.replace(/^["']|["']$/g, ''));
  return words.some((w) => w !== '' && !w.startsWith('-'));
}

/**
 * Whether the final image looks like a toolbox (an SDK, base, builder or development image whose
 * purpose is its tools) rather than an application: its final stage is named as a development
 * target (`dev`, `test`, `builder`...); or it has no CMD and no ENTRYPOINT at all; or its command
 * builds something (`make`, `build`) or keeps a dev container alive (`sleep infinity`,
 * `tail -f /dev/null`); or it
 * starts only a shell or an interactive interpreter (possibly through an entrypoint script) and
 * copies no directory or `.` from the build context.
 */
export const finalImageIsToolbox: (model: DockerfileModel) => boolean = memoByModel((model) => computeFinalImageIsToolbox(model));

function computeFinalImageIsToolbox(model: DockerfileModel): boolean {
  if (finalStageIsDevTarget(model)) return true;
  const lineage = finalLineage(model);
  const nodes = lineage.flatMap((s) => s.instructions.filter((n) => !n.onbuild));
  const last = (k: string): InstructionNode | undefined => [...nodes].reverse().find((n) => n.keyword === k);
  const cmd = last('CMD');
  const entry = last('ENTRYPOINT');
  const words = [entry, cmd].flatMap((n) => (n ? (n.syntax.json ?? n.syntax.args).map((w) => basename(w.value.replace(/^["']|["']$/g, ''))) : []));
  // No program of its own at all: a build environment or base image (nothing tells what would run).
  if (!cmd && !entry) return true;
  // A builder image (its command builds something) or a dev container kept alive with `sleep infinity`.
  // (Raw text: exec-form string values are read from the source as written.)
  const line = [entry, cmd].map((n) => (n ? `${(n.syntax.json ?? []).map((w) => w.value).join(' ')} ${model.text.slice(n.syntax.start, n.syntax.end)}` : '')).join(' ');
  if (words.some((w) => BUILDER_COMMANDS.test(w)) || /\bsleep\s+infinity\b|\btail\s+-f\s+\/dev\/null\b/.test(line)) return true;
  for (const n of nodes) {
    const c = n.copy;
    if (!c || c.from !== null || c.heredocs.length > 0) continue;
    for (const s of c.sources) {
      const v = s.value.replace(/^["']|["']$/g, '');
      if (/^https?:\/\//.test(v)) continue;
      const name = pathBasename(v.replace(/\/+$/, ''));
      if (v === '.' || v === './' || v.endsWith('/') || v === '*' || !name.includes('.')) return false;
    }
  }
  const cmdProgram = cmd ? startedProgram(cmd) : null;
  const entryProgram = entry ? startedProgram(entry) : null;
  const entryIsWrapper = entryProgram === null || /(?:entrypoint|docker-entrypoint|tini|dumb-init)(?:\.sh)?$/.test(entryProgram);
  if (!entryIsWrapper) return false;
  return cmdProgram === null || (TOOLBOX_COMMANDS.has(cmdProgram) && !(cmd && hasOperand(cmd)));
}

/** Programs whose job is to build: an image that runs one of them is a builder image. */
const BUILDER_COMMANDS = /^(?:build|build\.sh|make|compile|compile\.sh|cross-build|bazel)$/;

/** Stage names of development targets: a final stage so named is not a production image. */
const DEV_STAGE = /^(?:dev|devel|develop|development|devcontainer|devenv|test|tests|testing|unit-test|integration-test|lint|linter|validate|validation|ci|debug|shell|toolchain|tools|builder|build|sdk)(?:[-_.][\w.-]*)?$/;

/** Whether the final stage is named as a development target (`dev`, `test`, `lint`, `builder`...). */
export function finalStageIsDevTarget(model: DockerfileModel): boolean {
  const name = model.finalStage?.name ?? null;
  return name !== null && DEV_STAGE.test(name);
}

/**
 * A command that compiles or bundles a source tree (`go build`, `cargo build`, `mvn package`,
 * `gradle build`, `dotnet publish`, `make`, `npm run build`, `tsc`, `gcc` ...): a short description,
 * or null.
 */
export function compileStep(cmd: SimpleCommand): string | null {
  const eff = effectiveCommandOf(cmd);
  if (eff.name === null) return null;
  const name = basename(eff.name);
  const args = eff.args.map((a) => a.value ?? '');
  const operands = args.filter((a) => !a.startsWith('-'));
  const first = args.find((a) => !a.startsWith('-')) ?? '';
  switch (name) {
    case 'go':
      if (first === 'build') return 'go build';
      return first === 'install' && (operands.length === 1 || operands.slice(1).some((a) => a.startsWith('.'))) ? 'go install' : null;
    case 'cargo':
      if (first === 'build') return 'cargo build';
      return first === 'install' && args.includes('--path') ? 'cargo install --path' : null;
    case 'mvn':
    case 'mvnw':
      return args.some((a) => ['package', 'install', 'verify', 'compile'].includes(a)) ? `${name} ${args.find((a) => ['package', 'install', 'verify', 'compile'].includes(a)) ?? ''}` : null;
    case 'gradle':
    case 'gradlew': {
      const t = args.find((a) => /^(?::?\w+:)*(?:build|assemble|jar|bootJar|shadowJar|installDist|war)$/.test(a));
      return t ? `${name} ${t}` : null;
    }
    case 'dotnet':
      return first === 'build' || first === 'publish' ? `dotnet ${first}` : null;
    case 'make':
    case 'gmake':
    case 'ninja':
      return args.includes('-v') || args.includes('--version') || args.includes('clean') ? null : name;
    case 'cmake':
      return args.includes('--build') ? 'cmake --build' : null;
    case 'tsc':
    case 'javac':
    case 'gcc':
    case 'g++':
    case 'cc':
    case 'clang':
    case 'rustc':
      return args.length > 0 && !args.includes('--version') && !args.includes('-v') ? name : null;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      const i = args.indexOf('run');
      const script = i >= 0 ? args[i + 1] : first;
      return script === 'build' || script?.startsWith('build:') === true ? `${name} ${i >= 0 ? 'run ' : ''}${script}` : null;
    }
    default:
      return null;
  }
}
