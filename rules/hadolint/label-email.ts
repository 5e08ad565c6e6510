import { defineRule, schemaLabels } from '../../src/rule-api.js';

/** RFC 5322 `atext` characters. */
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;

/** A dot-atom: atoms of `atext` joined by single dots. */
function isDotAtom(s: string): boolean {
  return s.split('.').every((atom) => ATEXT.test(atom));
}

/** A quoted local part: `"..."` with printable characters, `\` escaping the next one. */
function isQuotedString(s: string): boolean {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (s[i] === '\\') {
      i++;
      if (i >= s.length - 1) return false;
      continue;
    }
    if (s[i] === '"' || c < 32 || c === 127) return false;
  }
  return true;
}

/** A domain literal `[...]` (an address in brackets). */
function isDomainLiteral(s: string): boolean {
  return /^\[[\x21-\x5a\x5e-\x7e]*\]$/.test(s);
}

/** An RFC 5322 addr-spec (`local@domain`), as Haskell's email-validate accepts it. */
function isEmail(v: string): boolean {
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  return (isDotAtom(local) || isQuotedString(local)) && (isDotAtom(domain) || isDomainLiteral(domain));
}

export default defineRule({
  code: 'DL3058',
  name: 'label-email',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label is not a valid email format - must conform to RFC5322',
    what: 'When a label schema types a label as `email`, flags a value that is not an RFC 5322 address (`local@domain`).',
    why: 'Contact labels are read by people and by tools that notify owners; a value that is not an address reaches nobody.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL maintainer="Ops Team <ops at example.com>"',
        good: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com"',
        settings: { labelSchema: { maintainer: 'email' } },
      },
    ],
    exceptions: 'Off until `labelSchema` types a label as `email`; the example assumes `maintainer: email`. Only a bare address is accepted, not a display name with `<...>`, as in hadolint. A value built from a variable is checked after substitution, and not at all when it cannot be known. Empty values are left to DL3051.',
    equivalents: ['hadolint DL3058'],
  },
  check({ model, settings, report }) {
    for (const { prop, type, value } of schemaLabels(model, settings.labelSchema)) {
      if (type !== 'email' || value === null || value === '' || isEmail(value)) continue;
      report({ message: `Label \`${prop.name}\` is not a valid email format - must conform to RFC5322: "${value}"`, range: prop.valueRange ?? prop.nameRange });
    }
  },
});
