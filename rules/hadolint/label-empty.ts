import { defineRule, schemaLabels } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3051',
  name: 'label-empty',
  severity: 'warning',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label is empty',
    what: 'When a label schema is configured, flags a schema label set to an empty value.',
    why: 'An empty label satisfies a "label present" check while carrying no information, which is worse than a missing one: nobody notices.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.vendor=""',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.vendor="Example Inc."',
        settings: { labelSchema: { 'org.opencontainers.image.vendor': 'text' } },
      },
    ],
    exceptions: 'Off until `labelSchema` is set; the example assumes a schema with `org.opencontainers.image.vendor`. A value built from a variable is checked after substitution (an ARG without a default is unknown and not flagged).',
    equivalents: ['hadolint DL3051'],
  },
  check({ model, settings, report }) {
    for (const { prop, value } of schemaLabels(model, settings.labelSchema)) {
      if (value !== '') continue;
      report({ message: `Label \`${prop.name}\` is empty`, range: prop.nameRange });
    }
  },
});
