/**
 * Small pure helpers for the planner: POSIX paths, identifiers, durations, instruction text.
 */
import path from 'node:path';
import type { InstructionNode } from '../../model/model.js';
import { RESERVED_BINDINGS } from '../common.js';
import { isPlainIdentifier } from '../nix/print.js';

/** 1-based first line of an instruction. */
export function lineOf(node: InstructionNode): number {
  return node.syntax.range.start.line + 1;
}

/** 1-based last line of an instruction when it spans several lines. */
export function endLineOf(node: InstructionNode): number | undefined {
  const end = node.syntax.range.end.line + 1;
  return end > lineOf(node) ? end : undefined;
}

/** The instruction as written (continuation lines kept, trailing blanks dropped). */
export function textOf(text: string, node: InstructionNode): string {
  return text.slice(node.syntax.start, node.syntax.end).replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

/** Text after the keyword and flags, as written. */
export function argsTextOf(text: string, node: InstructionNode): string {
  return text.slice(node.syntax.argsStart, node.syntax.end).replace(/\r\n?/g, '\n').trim();
}

/** Normalise an absolute POSIX path (no trailing slash except for "/"). */
export function normAbs(p: string): string {
  const n = path.posix.normalize(p.startsWith('/') ? p : '/' + p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/** Resolve `p` against the working directory (Docker semantics: relative to WORKDIR, default "/"). */
export function resolveIn(workdir: string | null, p: string): string {
  if (p.startsWith('/')) return normAbs(p);
  return normAbs(path.posix.join(workdir ?? '/', p));
}

/** True when `child` is `parent` or inside it. */
export function isWithin(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(parent + '/');
}

/** Path of `child` relative to `parent` ("" when equal); null when outside. */
export function relativeTo(child: string, parent: string): string | null {
  if (!isWithin(child, parent)) return null;
  if (child === parent) return '';
  return parent === '/' ? child.slice(1) : child.slice(parent.length + 1);
}

export function basenameOf(p: string): string {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  return i < 0 ? t : t.slice(i + 1);
}

export function dirnameOf(p: string): string {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : t.slice(0, i);
}

/** A build-context path as Docker reads it: no leading "./" or "/", "." for the root. */
export function normContext(p: string): string | null {
  const n = path.posix.normalize(p.replace(/^\/+/, '') || '.');
  if (n === '..' || n.startsWith('../')) return null;
  const t = n.replace(/\/+$/, '');
  return t === '' ? '.' : t;
}

/** A Nix binding name from free text: camelCase, valid identifier, not reserved, not taken. */
export function bindingName(raw: string, taken: ReadonlySet<string>, fallback: string): string {
  const words = raw.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const valid = (n: string): boolean => n !== '' && isPlainIdentifier(n) && !RESERVED_BINDINGS.includes(n) && !/^download[0-9]+$/.test(n);
  const base = valid(name) ? name : fallback;
  if (valid(base) && !taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}${i}`;
    if (valid(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** A package name for a derivation (pname): letters, digits, `-`, `_`, `.`, `+`. */
export function pnameOf(raw: string, fallback: string): string {
  const n = raw.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9+._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return n === '' ? fallback : n;
}

/** Image name as registries accept it (lower case, safe characters). */
export function imageNameOf(raw: string): string {
  const n = raw
    .toLowerCase()
    .replace(/[^a-z0-9._/-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[-._/]+$/, '');
  return n === '' ? 'app' : n;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go duration ("30s", "1m30s", "500ms") in nanoseconds; null when not a duration. */
export function parseDuration(s: string): number | null {
  const t = s.trim();
  if (t === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const unit = DURATION_UNITS[m[2] ?? ''];
    if (unit === undefined) return null;
    total += Number(m[1]) * unit;
    pos = re.lastIndex;
  }
  if (pos !== t.length || pos === 0) return null;
  return Math.round(total);
}

/** Split a shell-form command that uses no shell features into words; null when it needs a shell. */
export function splitPlainCommand(text: string): string[] | null {
  const t = text.replace(/\\\r?\n/g, ' ').trim();
  if (t === '' || !/^[A-Za-z0-9_./:=@%+,\s-]+$/.test(t)) return null;
  const words = t.split(/\s+/);
  if (words[0] === 'exec') words.shift();
  if (words.length === 0 || (words[0] ?? '').includes('=')) return null;
  return words;
}

/** Words of a flag value like `-ldflags="-s -w -X a=b"` (simple quote handling). */
export function splitFlagWords(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out.filter((w) => w !== '');
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Shebang interpreter of a script ("/bin/sh", "/usr/bin/env python3"), null when none. */
export function shebangOf(content: string): string[] | null {
  if (!content.startsWith('#!')) return null;
  const first = content.slice(2).split(/\r?\n/, 1)[0] ?? '';
  const words = first.trim().split(/\s+/).filter((w) => w !== '');
  return words.length > 0 ? words : null;
}
