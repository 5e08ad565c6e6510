/**
 * `.dockerignore` matching as docker does it (moby/patternmatcher and its ignorefile reader):
 * Go's path.Clean, `*`, `?`, `[...]`, `**`, `!` exceptions, and "a parent directory matches".
 * Used by BuildKit's CopyIgnoredFile check and the build-context rules. Linear-time matching, no
 * regular expressions over user text.
 */
/** Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

type Token =
  | { t: 'lit'; c: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'dstar' }
  | { t: 'all' }
  | { t: 'class'; negate: boolean; ranges: [string, string][] };

interface Pattern {
  text: string;
  exclusion: boolean;
  kind: 'exact' | 'prefix' | 'suffix' | 'tokens';
  tokens: Token[];
}

/** Compile a cleaned pattern the way moby/patternmatcher does; null for a malformed one. */
function compile(text: string, exclusion: boolean): Pattern | null {
  let kind: Pattern['kind'] = 'exact';
  const tokens: Token[] = [];
  let i = 0;
  for (let k = 0; i < text.length; k++) {
    const ch = text[i] as string;
    i++;
    if (ch === '*') {
      if (text[i] === '*') {
        i++;
        if (text[i] === '/') i++;
        if (i >= text.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            tokens.push({ t: 'all' });
            kind = 'tokens';
          }
        } else {
          tokens.push({ t: 'dstar' });
          kind = 'tokens';
        }
        if (k === 0) kind = 'suffix';
      } else {
        tokens.push({ t: 'star' });
        kind = 'tokens';
      }
    } else if (ch === '?') {
      tokens.push({ t: 'any' });
      kind = 'tokens';
    } else if (ch === '\\') {
      if (i < text.length) {
        tokens.push({ t: 'lit', c: text[i] as string });
        i++;
        kind = 'tokens';
      } else tokens.push({ t: 'lit', c: '\\' });
    } else if (ch === '[') {
      let j = i;
      let negate = false;
      if (text[j] === '^' || text[j] === '!') {
        negate = true;
        j++;
      }
      const ranges: [string, string][] = [];
      let closed = false;
      let firstInClass = true;
      while (j < text.length) {
        let c = text[j] as string;
        if (c === ']' && !firstInClass) {
          closed = true;
          j++;
          break;
        }
        firstInClass = false;
        if (c === '\\' && j + 1 < text.length) {
          j++;
          c = text[j] as string;
        }
        j++;
        if (text[j] === '-' && j + 1 < text.length && text[j + 1] !== ']') {
          let hi = text[j + 1] as string;
          j += 2;
          if (hi === '\\' && j < text.length) {
            hi = text[j] as string;
            j++;
          }
          ranges.push([c, hi]);
        } else ranges.push([c, c]);
      }
      if (!closed) return null;
      tokens.push({ t: 'class', negate, ranges });
      i = j;
      kind = 'tokens';
    } else if (ch === ']') {
      return null;
    } else {
      tokens.push({ t: 'lit', c: ch });
    }
  }
  return { text, exclusion, kind, tokens };
}

/**
 * Simulate the pattern over `path` (a Thompson NFA: linear in the path for a given pattern).
 * Returns whether the whole path matches, or any of the prefixes ending at `boundaries`.
 */
function matchTokens(tokens: readonly Token[], path: string, boundaries: ReadonlySet<number>): boolean {
  const m = tokens.length;
  const accept = 2 * m;
  // State 2j: before token j; 2j+1: inside the loop of a `**/` token j; 2m: accept.
  let current = new Set<number>();
  const add = (set: Set<number>, s: number): void => {
    if (set.has(s)) return;
    set.add(s);
    if (s % 2 === 1 || s === accept) return;
    const tok = tokens[s / 2];
    if (!tok) return;
    if (tok.t === 'dstar') {
      add(set, s + 1);
      add(set, s + 2);
    } else if (tok.t === 'star' || tok.t === 'all') {
      add(set, s + 2);
    }
  };
  add(current, 0);
  for (let i = 0; i < path.length; i++) {
    if (boundaries.has(i) && current.has(accept)) return true;
    const c = path[i] as string;
    const next = new Set<number>();
    for (const s of current) {
      if (s === accept) continue;
      const tok = tokens[Math.floor(s / 2)];
      if (!tok) continue;
      if (s % 2 === 1) {
        add(next, s);
        if (c === '/') add(next, s + 1);
        continue;
      }
      switch (tok.t) {
        case 'lit':
          if (c === tok.c) add(next, s + 2);
          break;
        case 'any':
          if (c !== '/') add(next, s + 2);
          break;
        case 'class': {
          const inClass = tok.ranges.some(([lo, hi]) => c >= lo && c <= hi);
          if (inClass !== tok.negate) add(next, s + 2);
          break;
        }
        case 'star':
          if (c !== '/') add(next, s);
          break;
        case 'all':
          add(next, s);
          break;
        default:
          break;
      }
    }
    current = next;
    if (current.size === 0) return false;
  }
  return current.has(accept);
}

/**
 * moby/patternmatcher's match of one pattern against `path` or, failing that, against one of its
 * parent directories (the prefixes of `path` that end at `boundaries`, the offsets of its `/`).
 */
function matchPattern(p: Pattern, path: string, boundaries: ReadonlySet<number>): boolean {
  switch (p.kind) {
    case 'exact':
      return path === p.text || (boundaries.has(p.text.length) && path.startsWith(p.text));
    case 'prefix':
      return path.startsWith(p.text.slice(0, -2));
    case 'suffix': {
      const suffix = p.text.slice(2);
      const endsAt = (end: number): boolean => {
        if (end >= suffix.length && path.slice(end - suffix.length, end) === suffix) return true;
        // `**/foo` also matches `foo` itself.
        return suffix.startsWith('/') && end === suffix.length - 1 && path.startsWith(suffix.slice(1));
      };
      if (endsAt(path.length)) return true;
      for (const b of boundaries) if (endsAt(b)) return true;
      return false;
    }
    default:
      return matchTokens(p.tokens, path, boundaries);
  }
}

/** A parsed .dockerignore: its patterns in order. */
export interface IgnoreMatcher {
  patterns: Pattern[];
  exclusions: boolean;
  /** moby/patternmatcher MatchesOrParentMatches: is `file` (slash path) or one of its parent directories excluded? */
  matches(file: string): boolean;
}

/** Read .dockerignore content as docker (moby/patternmatcher/ignorefile) does. */
export function parseDockerignore(content: string): IgnoreMatcher {
  const patterns: Pattern[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let p = line.trim();
    if (p === '') continue;
    const invert = p.startsWith('!');
    if (invert) p = p.slice(1).trim();
    if (p.length > 0) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    if (p === '') continue;
    const compiled = compile(cleanPath(p), invert);
    if (compiled) patterns.push(compiled);
  }
  const exclusions = patterns.some((p) => p.exclusion);
  return {
    patterns,
    exclusions,
    matches(file: string): boolean {
      const cleaned = cleanPath(file);
      // Offsets of the '/' that end each parent directory (none for a top-level path).
      const boundaries = new Set<number>();
      const last = cleaned.lastIndexOf('/');
      for (let i = 1; i <= last; i++) if (cleaned[i] === '/') boundaries.add(i);
      let matched = false;
      for (const p of patterns) {
        if (p.exclusion !== matched) continue;
        if (matchPattern(p, cleaned, boundaries)) matched = !p.exclusion;
      }
      return matched;
    },
  };
}
