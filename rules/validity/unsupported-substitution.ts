import { argumentText, defineRule } from '../../src/rule-api.js';
import type { LogicalText } from '../../src/rule-api.js';

/** Instructions whose arguments the builder expands (RUN, CMD and ENTRYPOINT are left to the shell). */
const EXPANDED = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** Flags whose values the builder expands. */
const EXPANDED_FLAGS: Readonly<Record<string, readonly string[]>> = { FROM: ['platform'], COPY: ['from', 'chown', 'chmod'], ADD: ['chown', 'chmod', 'checksum'], RUN: ['mount'] };
const NO_FLAGS: readonly string[] = [];
const SPECIAL = '@*#?-$!0';

interface Problem {
  start: number;
  end: number;
  message: string;
}

function isNameChar(c: string): boolean {
  return /[\p{L}\p{N}_]/u.test(c);
}

/** Index of the `}` closing a `${` whose body starts at `from` (nested `${…}` allowed), or -1. */
function closingBrace(t: string, from: number): number {
  let depth = 0;
  for (let i = from; i < t.length; i++) {
    if (t[i] === '$' && t[i + 1] === '{') {
      depth++;
      i++;
    } else if (t[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** `${…}` forms BuildKit's word expansion rejects, as its lexer reads them. */
/** A `${` that is not a plain `${NAME}`: only such a substitution can be a problem. */
const NOT_PLAIN = /\$\{(?![A-Za-z_][A-Za-z0-9_]*\})/;

function substitutionProblems(t: string, esc: string): Problem[] {
  // Plain `${NAME}` substitutions are all fine: with no other kind, there is nothing to scan for.
  if (!NOT_PLAIN.test(t)) return [];
  const out: Problem[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === esc && !single) {
      i++;
      continue;
    }
    if (c === "'" && !double) {
      single = !single;
      continue;
    }
    if (c === '"' && !single) {
      double = !double;
      continue;
    }
    if (single || c !== '$' || t[i + 1] !== '{') continue;
    const close = closingBrace(t, i + 2);
    const end = close < 0 ? t.length : close + 1;
    const first = t[i + 2] ?? '';
    let message: string | null = null;
    if (close < 0) message = 'missing "}" in substitution';
    else if (first === '}' || first === '{' || first === ':') message = `bad substitution "${t.slice(i, end)}"`;
    else {
      let k = i + 2;
      if (/[0-9]/.test(first)) while (k < t.length && /[0-9]/.test(t[k] ?? '')) k++;
      else if (SPECIAL.includes(first)) k++;
      else while (k < t.length && isNameChar(t[k] ?? '')) k++;
      const ch = t[k] ?? '';
      if (ch === ':') {
        const mod = t[k + 1] ?? '';
        if (!'+-?'.includes(mod) || mod === '') message = `unsupported modifier ":${mod}" in "${t.slice(i, end)}" (the builder supports :- :+ :? - + ? # ## % %% / //)`;
      } else if (ch !== '}' && !'+-?#%/'.includes(ch)) {
        message = `unsupported modifier "${ch}" in "${t.slice(i, end)}" (the builder supports :- :+ :? - + ? # ## % %% / //)`;
      }
    }
    if (message) out.push({ start: i, end, message });
    i = end - 1;
  }
  return out;
}

export default defineRule({
  code: 'DW5022',
  name: 'unsupported-substitution',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Variable substitution the builder does not support',
    what: 'Flags a `${…}` in an instruction the builder expands itself (FROM, COPY, ADD, ENV, ARG, LABEL, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, and the values of flags such as `--chown` or `--mount`) that uses a bash form the Dockerfile lexer does not know: substrings `${v:0:7}`, case changes `${v^^}`, `${v,,}`, length `${#v}`, indirection `${!v}`, or an empty `${}`/unclosed `${`. Supported are `${v}`, `${v:-w}`, `${v-w}`, `${v:+w}`, `${v+w}`, `${v:?w}`, `${v?w}`, and (Dockerfile 1.7+) `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`, `${v/p/r}`, `${v//p/r}`.',
    why: 'The build fails with "unsupported modifier (0) in substitution" or "bad substitution". These forms work in RUN, where a real shell expands them, which is why they get copied into ENV or COPY.',
    examples: [
      { bad: 'FROM alpine:3.20\nARG GIT_SHA\nENV SHORT_SHA=${GIT_SHA:0:7}', good: 'FROM alpine:3.20\nARG GIT_SHA\nRUN echo "${GIT_SHA:0:7}" > /short-sha' },
      { bad: 'FROM alpine:3.20\nARG NAME=app\nWORKDIR /srv/${NAME^^}', good: 'FROM alpine:3.20\nARG NAME=app\nWORKDIR /srv/${NAME}' },
    ],
    exceptions: 'RUN, CMD and ENTRYPOINT are not checked: their variables are expanded by the shell at run time. Text in single quotes is not expanded and not checked. dockerfile-utils flags `#`, `%` and `/` too, which the builder supports since Dockerfile 1.7.',
    equivalents: ['dockerfile-utils UNSUPPORTED_MODIFIER'],
  },
  check({ model, report }) {
    const esc = model.escapeChar;
    const scan = (lt: LogicalText, text: string): void => {
      for (const p of substitutionProblems(text, esc)) report({ message: `${p.message}`, range: lt.range(p.start, p.end) });
    };
    for (const node of model.nodes) {
      const s = node.syntax;
      if (s.heredocs.length === 0 && EXPANDED.has(s.keyword) && model.text.slice(s.argsStart, s.end).includes('${')) {
        const lt = argumentText(model, s);
        scan(lt, lt.text);
      }
      const flagNames = EXPANDED_FLAGS[s.keyword] ?? NO_FLAGS;
      for (const f of s.flags) {
        if (!flagNames.includes(f.name) || !f.valueRange || f.value === null || !f.value.includes('${')) continue;
        const start = model.lines.offsetAt(f.valueRange.start);
        const end = model.lines.offsetAt(f.valueRange.end);
        const text = model.text.slice(start, end);
        const lt: LogicalText = { text, offsetOf: (i) => start + i, range: (a, b) => model.lines.rangeAt(start + a, start + b) };
        scan(lt, text);
      }
    }
  },
});
