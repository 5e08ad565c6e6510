import { defineRule, schemaLabels } from '../../src/rule-api.js';

/** Characters RFC 3986 allows in a URI outside percent-encodings (brackets only in the authority). */
const URI_CHAR = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]$/;

/** An absolute URI (RFC 3986), as Haskell's `Network.URI.parseURI` accepts it. One pass over the text. */
function isAbsoluteUri(v: string): boolean {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(v);
  if (!scheme) return false;
  let i = scheme[0].length;
  let authorityEnd = i;
  if (v.startsWith('//', i)) {
    authorityEnd = i + 2;
    while (authorityEnd < v.length && !'/?#'.includes(v[authorityEnd] ?? '')) authorityEnd++;
  }
  let fragment = false;
  for (; i < v.length; i++) {
    const c = v[i] ?? '';
    if (c === '%') {
      if (!/^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3))) return false;
      i += 2;
      continue;
    }
    if ((c === '[' || c === ']') && i < authorityEnd) continue;
    if (c === '#') {
      if (fragment) return false;
      fragment = true;
      continue;
    }
    if (!URI_CHAR.test(c)) return false;
  }
  return true;
}

export default defineRule({
  code: 'DL3052',
  name: 'label-url',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label is not a valid URL',
    what: 'When a label schema types a label as `url`, flags a value that is not an absolute URI (a scheme such as `https:` followed only by characters RFC 3986 allows).',
    why: 'Tools follow URL labels (source repository, documentation) automatically: a value without a scheme or with spaces is a dead link nobody notices until it is needed.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/app"',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"',
        settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      },
    ],
    exceptions: 'Off until `labelSchema` types a label as `url`; the example assumes `org.opencontainers.image.source: url`. A value built from a variable is checked after substitution, and not at all when the value cannot be known (hadolint checks the unexpanded `$VAR` and flags it). Empty values are left to DL3051.',
    equivalents: ['hadolint DL3052'],
  },
  check({ model, settings, report }) {
    for (const { prop, type, value } of schemaLabels(model, settings.labelSchema)) {
      if (type !== 'url' || value === null || value === '' || isAbsoluteUri(value)) continue;
      report({ message: `Label \`${prop.name}\` is not a valid URL: "${value}"`, range: prop.valueRange ?? prop.nameRange });
    }
  },
});
