/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */
import type { Range } from '../core/types.js';
import type { DockerfileModel, InstructionNode } from '../model/model.js';
import type { Instruction as SyntaxInstruction } from '../parse/syntax.js';
import { type LogicalText, argumentText, editDistance, logicalText } from './validity.js';
import { memoByObject } from './core.js';

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
 * The ARG definitions of each instruction of each model, computed once (six rules ask for them;
 * see memoByObject).
 */
const argDefinitionsIn = memoByObject((model: DockerfileModel) => memoByObject((inst: SyntaxInstruction) => computeArgDefinitions(model, inst)));

/**
 * Every `name[=value]` an ARG declares, as BuildKit splits them (whitespace outside quotes).
 * The model's `properties` only hold the first one. (A shared list: do not modify it.)
 */
export function argDefinitions(model: DockerfileModel, inst: SyntaxInstruction): readonly ArgDefinition[] {
  return argDefinitionsIn(model)(inst);
}

function computeArgDefinitions(model: DockerfileModel, inst: SyntaxInstruction): ArgDefinition[] {
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
export const globalArgScope: (model: DockerfileModel) => { values: ReadonlyMap<string, string>; declared: ReadonlySet<string> } = memoByObject(computeGlobalArgScope);

function computeGlobalArgScope(model: DockerfileModel): { values: Map<string, string>; declared: Set<string> } {
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
  readonly honored: readonly DirectiveLine[];
  /** A directive-shaped line with an unknown name that ended the leading run, if any. */
  readonly stopper: DirectiveLine | null;
  /** Directive-shaped comment lines after the leading run (BuildKit reads them as comments). */
  readonly later: readonly DirectiveLine[];
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
export const scanDirectives: (model: DockerfileModel) => DirectiveScan = memoByObject(computeScanDirectives);

function computeScanDirectives(model: DockerfileModel): DirectiveScan {
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
    if (span && span[0] <= l) {
      // Jump over the rest of the instruction's lines.
      l = span[1];
      continue;
    }
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
