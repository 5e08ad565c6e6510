import { defineRule, schemaLabels } from '../../src/rule-api.js';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** An RFC 3339 date-time (`2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.5+02:00`) with valid fields. */
function isRfc3339(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const n = (i: number): number => Number(m[i] ?? '0');
  const [year, month, day, hour, minute, second] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  return m[7] === undefined || (n(7) <= 23 && n(8) <= 59);
}

export default defineRule({
  code: 'DL3053',
  name: 'label-rfc3339',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label is not a valid time format - must conform to RFC3339',
    what: 'When a label schema types a label as `rfc3339`, flags a value that is not an RFC 3339 date-time such as `2024-05-01T12:30:00Z` (with a valid date, a time, and `Z` or an offset).',
    why: 'Build dates in labels (`org.opencontainers.image.created`) are read by tools that sort and compare them; a local format such as `05/01/2024` is ambiguous and cannot be parsed.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="05/01/2024 12:30"',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:30:00Z"',
        settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
      },
    ],
    exceptions: 'Off until `labelSchema` types a label as `rfc3339`; the example assumes `org.opencontainers.image.created: rfc3339`. The usual `LABEL org.opencontainers.image.created=$BUILD_DATE` with an ARG that has no default is not flagged, since the value is only known at build time (hadolint checks the text `$BUILD_DATE` and flags it). Empty values are left to DL3051.',
    equivalents: ['hadolint DL3053'],
    references: ['https://www.rfc-editor.org/rfc/rfc3339'],
  },
  check({ model, settings, report }) {
    for (const { prop, type, value } of schemaLabels(model, settings.labelSchema)) {
      if (type !== 'rfc3339' || value === null || value === '' || isRfc3339(value)) continue;
      report({ message: `Label \`${prop.name}\` is not a valid time format - must conform to RFC3339: "${value}"`, range: prop.valueRange ?? prop.nameRange });
    }
  },
});
