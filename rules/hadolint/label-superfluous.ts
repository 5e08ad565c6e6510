import { defineRule, nodesOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3050',
  name: 'label-superfluous',
  severity: 'info',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Superfluous label(s) present',
    what: 'With `strictLabels` on, flags each LABEL key that the label schema does not declare (every key, when the schema is empty).',
    why: 'A strict schema keeps labels consistent across a fleet of images: ad-hoc keys drift in spelling and meaning, and tools that read labels ignore them.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app build.host=ci-07',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app',
        settings: { labelSchema: { 'org.opencontainers.image.title': 'text' }, strictLabels: true },
      },
    ],
    exceptions: 'Off unless `strictLabels` (hadolint `strict-labels`) is true; the example assumes a schema with only `org.opencontainers.image.title`. ONBUILD LABEL keys are checked too.',
    equivalents: ['hadolint DL3050'],
  },
  check({ model, settings, report }) {
    if (!settings.strictLabels) return;
    for (const node of nodesOf(model, 'LABEL')) {
      for (const p of node.syntax.properties) {
        if (Object.prototype.hasOwnProperty.call(settings.labelSchema, p.name)) continue;
        report({ message: `Superfluous label(s) present: \`${p.name}\` is not in the label schema`, range: p.nameRange });
      }
    }
  },
});
