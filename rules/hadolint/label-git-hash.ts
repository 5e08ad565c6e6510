import { defineRule, schemaLabels } from '../../src/rule-api.js';

const GIT_HASH = /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/;

export default defineRule({
  code: 'DL3055',
  name: 'label-git-hash',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label is not a valid git hash',
    what: 'When a label schema types a label as `hash`, flags a value that is not a short (7) or full (40 character) lower-case hexadecimal git commit hash.',
    why: 'A revision label should name exactly one commit. A branch name (`main`) or a tag moves, so the image can no longer be traced back to its source.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=main',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=3f2a9c1',
        settings: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
      },
    ],
    exceptions: 'Off until `labelSchema` types a label as `hash`; the example assumes `org.opencontainers.image.revision: hash`. A value built from a variable is checked after substitution, and not at all when it cannot be known (hadolint flags the unexpanded `$GIT_SHA`). Empty values are left to DL3051.',
    equivalents: ['hadolint DL3055'],
  },
  check({ model, settings, report }) {
    for (const { prop, type, value } of schemaLabels(model, settings.labelSchema)) {
      if (type !== 'hash' || value === null || value === '' || GIT_HASH.test(value)) continue;
      report({ message: `Label \`${prop.name}\` is not a valid git hash: "${value}"`, range: prop.valueRange ?? prop.nameRange });
    }
  },
});
