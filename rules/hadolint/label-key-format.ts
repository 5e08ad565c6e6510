import { defineRule, nodesOf, unquote } from '../../src/rule-api.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key is invalid under hadolint's rules, or null when it is fine. */
function problem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return 'it must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lower-case letter or a digit';
  if (!/^[a-z0-9.-]+$/.test(key)) return 'it may only contain lower-case letters, digits, `.` and `-`';
  if (key.includes('..') || key.includes('--')) return 'it must not contain `..` or `--`';
  const ns = RESERVED.find((p) => key.startsWith(p));
  if (ns) return `the \`${ns}\` namespace is reserved for Docker`;
  return null;
}

export default defineRule({
  code: 'DL3048',
  name: 'label-key-format',
  severity: 'style',
  category: 'style',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Invalid label key',
    what: 'Flags a LABEL key that does not start with a lower-case letter, does not end with a lower-case letter or digit, contains characters other than `a-z`, `0-9`, `.` and `-`, contains `..` or `--`, or uses the reserved `com.docker.`, `io.docker.` or `org.dockerproject.` namespaces.',
    why: 'Docker\'s label guidelines ask for lower-case, reverse-DNS keys such as `org.opencontainers.image.source`. Keys in other shapes clash with tools that read labels, and the reserved namespaces belong to Docker itself.',
    examples: [
      { bad: 'FROM alpine:3.20\nLABEL Maintainer="ops@example.com"', good: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com"' },
      { bad: 'FROM alpine:3.20\nLABEL com.docker.visibility=internal', good: 'FROM alpine:3.20\nLABEL com.example.visibility=internal' },
    ],
    exceptions: 'Keys are checked after ARG/ENV substitution; a key whose value cannot be known is not flagged (hadolint flags the `$`). ONBUILD LABEL is checked too. The fix only lower-cases a key when that alone makes it valid; it is unsafe because tools reading the old key stop finding it.',
    equivalents: ['hadolint DL3048'],
    references: ['https://docs.docker.com/config/labels-custom-metadata/#key-format-recommendations'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'LABEL')) {
      for (const p of node.syntax.properties) {
        const resolved = p.name.includes('$') ? node.resolve(p.name) : p.name;
        if (resolved === null) continue;
        const key = unquote(resolved);
        const why = problem(key);
        if (why === null) continue;
        const lower = key.toLowerCase();
        const raw = model.text.slice(model.lines.offsetAt(p.nameRange.start), model.lines.offsetAt(p.nameRange.end));
        const quoted = raw === `"${key}"`;
        const fixable = (raw === key || quoted) && lower !== key && problem(lower) === null;
        report({
          message: `Invalid label key "${key}": ${why}`,
          range: p.nameRange,
          ...(fixable ? { fix: { title: `Lower-case the key to "${lower}"`, safety: 'unsafe' as const, edits: [{ range: p.nameRange, newText: quoted ? `"${lower}"` : lower }] } } : {}),
        });
      }
    }
  },
});
