import { defineRule, nodesWithBuilderFlags, removeQuotes } from '../../src/rule-api.js';
import type { Range } from '../../src/rule-api.js';

function isLowerAlnum(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
function isAlnum(c: string): boolean {
  return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
}

/** A repository path component: lower-case alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
function pathComponentProblem(c: string): string | null {
  if (c === '') return 'empty path component';
  if (c !== c.toLowerCase()) return 'repository name must be lowercase';
  if (!isLowerAlnum(c[0] ?? '') || !isLowerAlnum(c[c.length - 1] ?? '')) return `path component "${c}" must start and end with a letter or digit`;
  for (let i = 0; i < c.length; i++) {
    const ch = c[i] ?? '';
    if (isLowerAlnum(ch)) continue;
    if (ch === '-') continue;
    if (ch === '.' || ch === '_') {
      const next = c[i + 1] ?? '';
      if (ch === '_' && next === '_' && isLowerAlnum(c[i + 2] ?? '')) {
        i++;
        continue;
      }
      if (isLowerAlnum(next)) continue;
      return `invalid separator in "${c}"`;
    }
    return `invalid character "${ch}" in "${c}"`;
  }
  return null;
}

/** A registry host: DNS labels (letters, digits, inner `-`) joined by `.`, an optional :port, or [IPv6]. */
function domainProblem(d: string): string | null {
  let host = d;
  const bracket = d.startsWith('[');
  if (bracket) {
    const close = d.indexOf(']');
    if (close < 0) return `invalid registry host "${d}"`;
    host = '';
    const rest = d.slice(close + 1);
    if (rest !== '' && !/^:\d+$/.test(rest)) return `invalid registry port in "${d}"`;
    return null;
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0) {
    if (!/^\d+$/.test(host.slice(colon + 1))) return `invalid registry port in "${d}"`;
    host = host.slice(0, colon);
  }
  for (const label of host.split('.')) {
    if (label === '') return `invalid registry host "${d}"`;
    if (!isAlnum(label[0] ?? '') || !isAlnum(label[label.length - 1] ?? '')) return `invalid registry host "${d}"`;
    for (const ch of label) if (!isAlnum(ch) && ch !== '-') return `invalid registry host "${d}"`;
  }
  return null;
}

function digestProblem(dg: string): string | null {
  const colon = dg.indexOf(':');
  if (colon <= 0) return 'the digest must be <algorithm>:<hex>';
  const algo = dg.slice(0, colon);
  const hex = dg.slice(colon + 1);
  for (const part of algo.split(/[+._-]/)) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(part)) return `invalid digest algorithm "${algo}"`;
  if (!/^[0-9a-fA-F]{32,}$/.test(hex)) return 'the digest must have at least 32 hexadecimal characters';
  if (algo === 'sha256' && !/^[0-9a-f]{64}$/.test(hex)) return 'a sha256 digest has 64 lowercase hexadecimal characters';
  if (algo === 'sha512' && !/^[0-9a-f]{128}$/.test(hex)) return 'a sha512 digest has 128 lowercase hexadecimal characters';
  return null;
}

/** Why `ref` is not a valid image reference (distribution/reference grammar), or null. */
function imageRefProblem(ref: string): string | null {
  if (ref === '') return 'empty reference';
  let rest = ref;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const p = digestProblem(rest.slice(at + 1));
    if (p) return p;
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    const tag = rest.slice(lastColon + 1);
    if (tag === '') return 'empty tag after ":"';
    if (!/^\w[\w.-]{0,127}$/.test(tag)) return tag.length > 128 ? 'the tag is longer than 128 characters' : `invalid tag "${tag}"`;
    rest = rest.slice(0, lastColon);
  }
  if (rest.length > 255) return 'the repository name is longer than 255 characters';
  const parts = rest.split('/');
  let path = parts;
  const first = parts[0] ?? '';
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    const p = domainProblem(first);
    if (p) return p;
    path = parts.slice(1);
  }
  for (const c of path) {
    const p = pathComponentProblem(c);
    if (p) return p;
  }
  return null;
}

export default defineRule({
  code: 'DW5008',
  name: 'image-reference',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid image reference in COPY --from or RUN --mount from',
    what: 'Checks the image named by `COPY --from=` or `RUN --mount=from=` (after ARG/ENV substitution), when it is not the name or index of a stage, against the image reference grammar: lower-case repository path, a tag of word characters, `.` and `-` up to 128 characters, a digest `<algorithm>:<hex>` (64 lower-case hex characters for sha256), a valid registry host and port.',
    why: 'The builder fails with "invalid reference format" (or "repository name must be lowercase") when it tries to pull it. The usual cause is a stage name with a typo or in the wrong place of a longer value, or an upper-case letter.',
    examples: [
      { bad: 'FROM alpine:3.20\nCOPY --from=Nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/', good: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/' },
      { bad: 'FROM alpine:3.20\nRUN --mount=from=busybox:,target=/bb ls /bb', good: 'FROM alpine:3.20\nRUN --mount=from=busybox:1.36,target=/bb ls /bb' },
    ],
    exceptions: 'The FROM image is BuildKit\'s InvalidDefaultArgInFrom (it validates the reference with ARG defaults applied, literal references included), so it is not checked here. Values with a variable whose value is unknown are skipped, and so are stage names and indexes (compared case-insensitively).',
    equivalents: ['dockerfile-utils FLAG_INVALID_FROM_VALUE', 'dockerfile-utils INVALID_REFERENCE_FORMAT (FROM only there)'],
  },
  check({ model, report }) {
    const stageNames = new Set(model.stages.map((s) => s.name).filter((n): n is string => n !== null));
    const check = (value: string, resolved: string | null, range: Range, what: string): void => {
      if (resolved === null || resolved.includes('$')) return;
      const problem = imageRefProblem(removeQuotes(resolved, model.escapeChar));
      if (!problem) return;
      const shown = resolved === value ? `"${value}"` : `"${value}" (= "${resolved}")`;
      report({ message: `Invalid reference format for ${what} ${shown}: ${problem}`, range });
    };
    // Only instructions with flags matter (the per-model list the flag rules share).
    for (const { node } of nodesWithBuilderFlags(model)) {
      const s = node.syntax;
      if (s.keyword !== 'COPY' && s.keyword !== 'RUN') continue;
      for (const f of s.flags) {
        let value: string | null = null;
        let range: Range | null = f.valueRange;
        if (s.keyword === 'COPY' && f.name === 'from') value = f.value;
        if (s.keyword === 'RUN' && f.name === 'mount') {
          const o = f.options.find((x) => x.name.toLowerCase() === 'from');
          if (o) {
            value = o.value;
            range = o.range;
          }
        }
        if (value === null || value === '' || !range) continue;
        const resolved = node.resolve(value);
        const v = resolved ?? value;
        if (stageNames.has(v.toLowerCase()) || /^\d+$/.test(v) || v === 'scratch') continue;
        check(value, resolved, range, f.name === 'from' ? 'COPY --from' : 'the --mount from');
      }
    }
  },
});
