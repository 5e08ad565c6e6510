import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3007',
  name: 'no-latest-tag',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Using latest is prone to errors if the image will ever update',
    what: 'Flags a FROM image whose tag (after ARG substitution) is `latest` and which has no digest.',
    why: '`latest` is whatever was pushed last. Builds stop being reproducible and a new major version of the base can break the image without any change to the Dockerfile.',
    examples: [{ bad: 'FROM node:latest', good: 'FROM node:22.11-bookworm-slim' }],
    exceptions: 'An image pinned by digest (`node:latest@sha256:...`) is not flagged.',
    equivalents: ['hadolint DL3007', 'Trivy DS-0001', 'Checkov CKV_DOCKER_7', 'dockerfilelint latest_tag'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.base.kind !== 'image') continue;
      const img = stage.base.image;
      if (img.tag === 'latest' && img.digest === null) {
        report({ message: `Using latest is prone to errors if the image will ever update: pin a version of "${img.repository}"`, range: img.range });
      }
    }
  },
});
