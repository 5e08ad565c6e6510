import { defineRule, nodesOf, processWord, rangeText } from '../../src/rule-api.js';

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

/**
 * The documentation example, with the `.dockerignore` it assumes. (Declared apart so that the
 * `dockerignore` field passes type checking until RuleExample declares it.)
 */
const EXAMPLE = {
  bad: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt',
  good: 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt',
  dockerignore: '*/tmp/*\ntmp',
};

function isRemote(src: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(src) || /^git@/.test(src) || /^github\.com\//.test(src);
}

export default defineRule({
  code: 'CopyIgnoredFile',
  name: 'copy-ignored-file',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  fixable: false,
  docs: {
    summary: 'Attempting to Copy file that is excluded by .dockerignore',
    what: 'Flags a COPY or ADD source from the build context that the context\'s `.dockerignore` excludes (the path or one of its parent directories matches a pattern). Patterns follow Docker\'s rules: `*` and `?` stay within one path component, `**` spans any number of them, and `[...]` is a character class.',
    why: 'Files that match `.dockerignore` are never sent to the builder. Copying one fails the build with "not found", or, with a wildcard, silently copies nothing.',
    examples: [EXAMPLE],
    exceptions: 'Only runs when the `.dockerignore` next to the Dockerfile is known (linting files, not standard input). As in BuildKit, nothing is checked when `.dockerignore` has `!` exceptions (whether an excluded directory holds a re-included file cannot be known statically), and `COPY .` is only flagged when a pattern (`*`, `**` or `**/*`) excludes everything. `COPY --from`, URLs, git sources, heredocs and ONBUILD triggers are skipped. An absolute source (`/src`) is matched as relative to the context root. The example assumes a `.dockerignore` containing `*/tmp/*` and `tmp`.',
    equivalents: ['BuildKit CopyIgnoredFile'],
    references: ['https://docs.docker.com/reference/build-checks/copy-ignored-file/'],
  },
  check({ model, settings, report }) {
    const content = settings.context?.dockerignore;
    if (content === undefined || content === null) return;
    const matcher = parseDockerignore(content);
    if (matcher.patterns.length === 0 || matcher.exclusions) return;
    const rootIgnored = matcher.patterns.some((p) => !p.exclusion && (p.text === '*' || p.text === '**' || p.text === '**/*'));
    for (const node of nodesOf(model, ['COPY', 'ADD'], { onbuild: false })) {
      const copy = node.copy;
      if (!copy || copy.from !== null) continue;
      const cmd = copy.kind === 'ADD' ? 'Add' : 'Copy';
      for (const w of copy.sources) {
        const raw = rangeText(model, w.range).text;
        const resolved = raw.includes('$') ? node.resolve(raw) : raw;
        if (resolved === null) continue;
        const r = processWord(resolved, () => undefined, model.escapeChar);
        if (!r || r.result === '' || isRemote(r.result)) continue;
        let src = cleanPath(r.result);
        if (src === '.' || src === '/') {
          if (!rootIgnored) continue;
        } else if (src.startsWith('/')) {
          src = src.slice(1);
        }
        if (!matcher.matches(src)) continue;
        report({ message: `Attempting to ${cmd} file ${JSON.stringify(src)} that is excluded by .dockerignore`, range: w.range });
      }
    }
  },
});
