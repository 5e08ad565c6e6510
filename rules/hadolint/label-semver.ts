import { defineRule, schemaLabels } from '../../src/rule-api.js';

const NUMERIC = /^(?:0|[1-9][0-9]*)$/;
const ALNUM = /^[0-9A-Za-z-]+$/;

/** A semantic version 2.0.0: `MAJOR.MINOR.PATCH[-prerelease][+build]`, checked part by part. */
function isSemver(v: string): boolean {
  const plus = v.indexOf('+');
  const main = plus < 0 ? v : v.slice(0, plus);
  if (plus >= 0 && !v.slice(plus + 1).split('.').every((id) => ALNUM.test(id))) return false;
  const dash = main.indexOf('-');
  const core = dash < 0 ? main : main.slice(0, dash);
  if (dash >= 0) {
    const ok = main
      .slice(dash + 1)
      .split('.')
      .every((id) => ALNUM.test(id) && (!/^[0-9]+$/.test(id) || NUMERIC.test(id)));
    if (!ok) return false;
  }
  const parts = core.split('.');
  return parts.length === 3 && parts.every((p) => NUMERIC.test(p));
}

export default defineRule({
  code: 'DL3056',
  name: 'label-semver',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label does not conform to semantic versioning',
    what: 'When a label schema types a label as `semver`, flags a value that is not a semantic version 2.0.0 (`1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`).',
    why: 'Tools compare version labels to order releases; `v1.2` or `1.2` cannot be compared reliably with semantic versions.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=v1.2',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.2.0',
        settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      },
    ],
    exceptions: 'Off until `labelSchema` types a label as `semver`; the example assumes `org.opencontainers.image.version: semver`. A value built from a variable is checked after substitution, and not at all when it cannot be known (hadolint flags the unexpanded `$VERSION`). Empty values are left to DL3051.',
    equivalents: ['hadolint DL3056'],
    references: ['https://semver.org/spec/v2.0.0.html'],
  },
  check({ model, settings, report }) {
    for (const { prop, type, value } of schemaLabels(model, settings.labelSchema)) {
      if (type !== 'semver' || value === null || value === '' || isSemver(value)) continue;
      report({ message: `Label \`${prop.name}\` does not conform to semantic versioning: "${value}"`, range: prop.valueRange ?? prop.nameRange });
    }
  },
});
