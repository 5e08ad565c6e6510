/**
 * Finding the Dockerfiles a user means: files, directories (recursive), globs and `-` (stdin).
 * Problems in the walk (missing paths, unreadable directories, symlink loops) are collected as
 * input errors, reported once each, and never stop the other paths.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { InputError } from '../core/types.js';

export type InputSource = { kind: 'file'; path: string; display: string } | { kind: 'stdin'; display: string };

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Names dockwise lints when it walks a directory. */
export function isDockerfileName(name: string): boolean {
  if (name.endsWith('.dockerignore')) return false;
  return (
    name === 'Dockerfile' ||
    name.startsWith('Dockerfile.') ||
    name.endsWith('.Dockerfile') ||
    name.endsWith('.dockerfile') ||
    name === 'Containerfile' ||
    name.startsWith('Containerfile.')
  );
}

export function hasGlobChars(p: string): boolean {
  return /[*?[]/.test(p);
}

/**
 * Glob match of one path segment (`*`, `?`, `[abc]`, `[!a-z]`), iterative with single-star
 * backtracking: linear in practice, never exponential.
 */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    if (pc === '?') {
      p++;
      n++;
      continue;
    }
    if (pc === '[') {
      const close = pattern.indexOf(']', p + 2);
      if (close > 0) {
        let body = pattern.slice(p + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        const c = name[n] ?? '';
        let hit = false;
        for (let i = 0; i < body.length; i++) {
          const lo = body[i] ?? '';
          if (body[i + 1] === '-' && i + 2 < body.length) {
            const hi = body[i + 2] ?? '';
            if (c >= lo && c <= hi) hit = true;
            i += 2;
          } else if (c === lo) hit = true;
        }
        if (hit !== negate) {
          p = close + 1;
          n++;
          continue;
        }
      } else if (name[n] === '[') {
        p++;
        n++;
        continue;
      }
    } else if (pc !== undefined && pc === name[n]) {
      p++;
      n++;
      continue;
    }
    if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
      continue;
    }
    return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

interface WalkState {
  out: InputSource[];
  errors: InputError[];
  seenDirs: Set<string>;
  cwd: string;
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : abs;
}

function readDir(dir: string, st: WalkState): Dirent[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    st.errors.push({ file: display(st.cwd, dir), message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return null;
  }
}

/**
 * Resolve a directory before walking it. A directory that is one of its own ancestors (a
 * symbolic-link loop) is reported once and skipped; one already walked through another path is
 * skipped silently (its files were collected already). Returns the real path, or null to skip.
 */
function enterDir(dir: string, st: WalkState, ancestors: ReadonlySet<string>): string | null {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    st.errors.push({ file: display(st.cwd, dir), message: `cannot resolve directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return null;
  }
  if (ancestors.has(real)) {
    st.errors.push({ file: display(st.cwd, dir), message: 'symbolic link loop (the directory contains itself); skipped' });
    return null;
  }
  if (st.seenDirs.has(real)) return null;
  st.seenDirs.add(real);
  return real;
}

function walk(dir: string, st: WalkState, match: (rel: string, name: string) => boolean, base: string, ancestors: ReadonlySet<string> = new Set()): void {
  const real = enterDir(dir, st, ancestors);
  if (real === null) return;
  const inner = new Set(ancestors).add(real);
  const entries = readDir(dir, st);
  if (!entries) return;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const s = statSync(full);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch {
        continue; // dangling link: nothing to lint
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) walk(full, st, match, base, inner);
    } else if (isFile && match(relative(base, full).split(sep).join('/'), e.name)) {
      st.out.push({ kind: 'file', path: full, display: display(st.cwd, full) });
    }
  }
}

/** Split a glob into the literal directory prefix and the pattern segments after it. */
function splitGlob(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.split('/');
  const baseParts: string[] = [];
  while (parts.length > 1 && !hasGlobChars(parts[0] ?? '')) baseParts.push(parts.shift() ?? '');
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, segments: parts };
}

function matchGlobPath(segments: readonly string[], relParts: readonly string[]): boolean {
  // `**` matches zero or more directories.
  const memo = new Map<string, boolean>();
  const go = (si: number, pi: number): boolean => {
    const key = `${si}:${pi}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (si === segments.length) r = pi === relParts.length;
    else if (segments[si] === '**') r = go(si + 1, pi) || (pi < relParts.length && go(si, pi + 1));
    else r = pi < relParts.length && matchSegment(segments[si] ?? '', relParts[pi] ?? '') && go(si + 1, pi + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/**
 * Resolve the CLI's path arguments into inputs, in the order given (directory contents sorted),
 * without duplicates.
 */
export function collectInputs(paths: readonly string[], cwd: string, stdinName: string | undefined): { inputs: InputSource[]; errors: InputError[] } {
  const st: WalkState = { out: [], errors: [], seenDirs: new Set(), cwd };
  const list = paths.length === 0 ? ['.'] : paths;
  for (const p of list) {
    if (p === '-') {
      st.out.push({ kind: 'stdin', display: stdinName ?? '-' });
      continue;
    }
    const abs = resolve(cwd, p);
    let stat: ReturnType<typeof statSync> | null = null;
    try {
      stat = statSync(abs);
    } catch (e) {
      if (hasGlobChars(p)) {
        const { base, segments } = splitGlob(p);
        const before = st.out.length;
        const absBase = resolve(cwd, base);
        try {
          if (statSync(absBase).isDirectory()) {
            walk(absBase, st, (rel) => matchGlobPath(segments, rel.split('/')), absBase);
          }
        } catch {
          /* fall through to "no match" */
        }
        if (st.out.length === before) st.errors.push({ file: p, message: 'no files match this pattern' });
        continue;
      }
      st.errors.push({ file: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((e as Error).message)}` });
      continue;
    }
    if (stat.isDirectory()) {
      const before = st.out.length;
      walk(abs, st, (_rel, name) => isDockerfileName(name), abs);
      if (st.out.length === before && paths.length > 0) {
        // An explicit directory with nothing to lint is not an error, but say so on stderr later.
      }
    } else {
      st.out.push({ kind: 'file', path: abs, display: display(cwd, abs) });
    }
  }
  const seen = new Set<string>();
  const inputs = st.out.filter((i) => {
    const key = i.kind === 'file' ? i.path : '\u0000stdin';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { inputs, errors: st.errors };
}
