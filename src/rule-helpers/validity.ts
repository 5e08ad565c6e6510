/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */
import type { Range } from '../core/types.js';
import type { DockerfileModel, InstructionNode } from '../model/model.js';
import type { Flag as SyntaxFlag, Instruction as SyntaxInstruction } from '../parse/syntax.js';
import { memoByObject } from './core.js';

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

/**
 * Each node (ONBUILD triggers included) whose instruction has builder flags (`builderFlags`), with
 * them, in file order. Computed once per model for the three flag rules: most instructions have
 * none, and each rule then looks only at these. (A shared list: do not modify it.)
 */
export const nodesWithBuilderFlags: (model: DockerfileModel) => readonly { node: InstructionNode; flags: readonly SyntaxFlag[] }[] = memoByObject((model: DockerfileModel) => {
  const out: { node: InstructionNode; flags: readonly SyntaxFlag[] }[] = [];
  for (const node of model.nodes) {
    const flags = builderFlags(model, node.syntax);
    if (flags.length > 0) out.push({ node, flags });
  }
  return out;
});

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
