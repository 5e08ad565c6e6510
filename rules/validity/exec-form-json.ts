import { argumentText, defineRule, logicalText } from '../../src/rule-api.js';
import type { DockerfileModel, Instruction, LogicalText } from '../../src/rule-api.js';

const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'VOLUME', 'ADD', 'COPY', 'HEALTHCHECK']);

function skipWs(t: string, i: number): number {
  let j = i;
  while (j < t.length && (t[j] === ' ' || t[j] === '\t' || t[j] === '\n' || t[j] === '\r')) j++;
  return j;
}

interface JsonLike {
  singleQuotes: boolean;
  bare: boolean;
}

/**
 * True when `t` reads as an intended JSON array of strings: `[`, elements separated by commas
 * (quoted with " or ', or bare words when there are several), `]`. `[ -f x ]` is not.
 */
function looksLikeJson(t: string): JsonLike | null {
  let i = skipWs(t, 1);
  let singleQuotes = false;
  let bare = false;
  let elements = 0;
  if (t[i] === ']') return skipWs(t, i + 1) === t.length ? { singleQuotes, bare } : null;
  for (;;) {
    const q = t[i];
    if (q === '"' || q === "'") {
      if (q === "'") singleQuotes = true;
      i++;
      while (i < t.length && t[i] !== q) i += t[i] === '\\' ? 2 : 1;
      if (i >= t.length) return null;
      i++;
    } else {
      const s = i;
      while (i < t.length && !/[\s,[\]"']/.test(t[i] ?? '')) i++;
      if (i === s) return null;
      bare = true;
    }
    elements++;
    i = skipWs(t, i);
    if (t[i] === ',') {
      i = skipWs(t, i + 1);
      if (t[i] === ']') break;
      continue;
    }
    if (t[i] === ']') break;
    return null;
  }
  if (skipWs(t, i + 1) !== t.length) return null;
  if (bare && elements < 2) return null;
  return { singleQuotes, bare };
}

function badEscape(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '\\') continue;
    const n = t[i + 1] ?? '';
    if (!'"\\/bfnrtu'.includes(n) || n === '') return true;
    i++;
  }
  return false;
}

/** The text a keyword's exec form is read from (after `CMD` for HEALTHCHECK), or null. */
function execText(model: DockerfileModel, s: Instruction): LogicalText | null {
  if (s.heredocs.length > 0) return null;
  if (s.keyword !== 'HEALTHCHECK') return argumentText(model, s);
  const type = s.args[0];
  if (!type || type.value.toUpperCase() !== 'CMD' || s.args.length < 2) return null;
  return logicalText(model, model.lines.offsetAt(type.range.end), s.end);
}

export default defineRule({
  code: 'DW5012',
  name: 'exec-form-json',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Exec form that is not valid JSON',
    what: 'Flags arguments of CMD, ENTRYPOINT, RUN, `HEALTHCHECK CMD`, VOLUME, COPY and ADD that are meant as a JSON array but are not valid JSON: single quotes (`CMD [\'node\', \'app.js\']`), unquoted elements, a trailing comma, or a single backslash (`["C:\\app\\run.exe"]`). An array with non-string elements (`CMD ["sleep", 10]`) is reported as an error.',
    why: 'The builder only uses exec form when the text parses as a JSON array of strings. Anything else silently becomes shell form: `CMD [\'node\', \'app.js\']` runs `/bin/sh -c "[\'node\', \'app.js\']"`, which fails at container start (`[: not found`), and COPY/VOLUME split the text on spaces. A non-string element fails the build ("not a string array").',
    examples: [
      { bad: "FROM node:22-slim\nCMD ['node', 'server.js']", good: 'FROM node:22-slim\nCMD ["node", "server.js"]' },
      { bad: 'FROM node:22-slim\nENTRYPOINT ["node", "server.js",]', good: 'FROM node:22-slim\nENTRYPOINT ["node", "server.js"]' },
      { bad: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\app\\run.exe"]', good: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\\\app\\\\run.exe"]' },
    ],
    exceptions: 'Shell syntax that merely starts with `[` (`RUN [ -f /etc/os-release ] && …`) is not JSON-like and is not flagged. SHELL is checked by DW5013.',
    equivalents: ['dockerfile-utils JSON_IN_SINGLE_QUOTES (single quotes only)'],
  },
  check({ model, report }) {
    for (const node of model.nodes) {
      const s = node.syntax;
      if (!EXEC_FORM.has(s.keyword)) continue;
      // Cheap pre-check: the JSON array starts with the first (or, for HEALTHCHECK, second) word.
      if (!(s.args[s.keyword === 'HEALTHCHECK' ? 1 : 0]?.value.startsWith('[') ?? false)) continue;
      const lt = execText(model, s);
      if (!lt) continue;
      const lead = lt.text.length - lt.text.trimStart().length;
      const t = lt.text.trim();
      if (!t.startsWith('[') || !t.endsWith(']')) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(t);
      } catch {
        parsed = undefined;
      }
      // (Most exec-form arrays are valid: the range and the wording are worked out for a finding only.)
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) continue;
      const range = lt.range(lead, lead + t.length);
      const where = s.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : s.keyword;
      if (Array.isArray(parsed)) {
        report({ message: `${where} is a JSON array with non-string elements; the builder fails ("not a string array"): quote every element`, range, severity: 'error' });
        continue;
      }
      const like = looksLikeJson(t);
      if (!like) continue;
      const fallback = s.keyword === 'VOLUME' || s.keyword === 'COPY' || s.keyword === 'ADD' ? 'the builder splits it on whitespace instead' : 'the builder runs it in shell form, as /bin/sh -c "[…]"';
      const reason = like.singleQuotes
        ? 'uses single quotes, which JSON does not allow'
        : like.bare
          ? 'has unquoted elements'
          : badEscape(t)
            ? 'has a single backslash (write \\\\ in JSON strings)'
            : /,\s*\]$/.test(t)
              ? 'has a trailing comma'
              : 'is not valid JSON';
      report({ message: `${where} looks like exec form but ${reason}: ${fallback}`, range });
    }
  },
});
