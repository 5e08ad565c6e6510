/**
 * Dockerfile variable substitution ($VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt},
 * ${VAR+alt}), as BuildKit's shell lexer applies it to FROM, COPY, WORKDIR, ENV, ... A value the
 * linter cannot know (an ARG without default and no --build-arg, an undeclared variable) makes
 * the whole result `null`: rules then stay quiet instead of guessing.
 */

/** Known variables: a string value, or null when declared but unknown. Absent = undeclared. */
export type VarLookup = (name: string) => string | null | undefined;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** Names of the variables referenced in `text` (for UndefinedVar-like checks). */
export function referencedVariables(text: string, escapeChar = '\\'): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar) {
      i++;
      continue;
    }
    if (ch !== '$') continue;
    const next = text.charCodeAt(i + 1);
    if (next === 123 /* { */) {
      let j = i + 2;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      if (j > i + 2) out.push({ name: text.slice(i + 2, j), start: i, end: j });
      i = j - 1;
    } else if (isNameStart(next)) {
      let j = i + 1;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      out.push({ name: text.slice(i + 1, j), start: i, end: j });
      i = j - 1;
    }
  }
  return out;
}

/**
 * Substitute variables in `text`. Returns null when any referenced variable is unknown and
 * its value matters (a default covers an unknown-but-unset variable only when it is undeclared).
 * Quotes are kept as they are; the escape character protects `$`.
 */
export function substitute(text: string, lookup: VarLookup, escapeChar = '\\'): string | null {
  if (text.indexOf('$') < 0) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (ch === escapeChar && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 123 /* { */) {
      const close = findClosingBrace(text, i + 2);
      if (close < 0) return null;
      const inner = text.slice(i + 2, close);
      let j = 0;
      while (j < inner.length && isNameChar(inner.charCodeAt(j))) j++;
      const name = inner.slice(0, j);
      if (!name) return null;
      const rest = inner.slice(j);
      const v = lookup(name);
      if (rest === '') {
        if (v === undefined || v === null) return null;
        out += v;
      } else {
        const m = /^(:?)([-+?])/.exec(rest);
        if (!m) return null; // ${VAR%...} and other shell forms BuildKit rejects or we do not model
        const colon = m[1] === ':';
        const op = m[2];
        const word = rest.slice(m[0].length);
        if (v === null) return null;
        const set = v !== undefined && (!colon || v !== '');
        if (op === '-') {
          if (set) out += v;
          else {
            const w = substitute(word, lookup, escapeChar);
            if (w === null) return null;
            out += w;
          }
        } else if (op === '+') {
          if (set) {
            const w = substitute(word, lookup, escapeChar);
            if (w === null) return null;
            out += w;
          }
        } else {
          // ${VAR:?msg}: fails the build when unset
          if (!set) return null;
          out += v;
        }
      }
      i = close + 1;
    } else if (isNameStart(next)) {
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const v = lookup(text.slice(i + 1, j));
      if (v === undefined || v === null) return null;
      out += v;
      i = j;
    } else {
      out += '$';
      i++;
    }
  }
  return out;
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** Strip one level of matching surrounding quotes. */
export function unquote(s: string): string {
  if (s.length >= 2) {
    const f = s[0];
    if ((f === '"' || f === "'") && s[s.length - 1] === f) return s.slice(1, -1);
  }
  return s;
}
