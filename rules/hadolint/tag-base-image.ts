import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3006',
  name: 'tag-base-image',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Always tag the version of an image explicitly',
    what: 'Flags a FROM whose image (after ARG defaults and `--build-arg` values are substituted) has neither a tag nor a digest.',
    why: 'An untagged image means `latest`, which moves: two builds of the same Dockerfile can start from different images, and a major upgrade of the base can land without anyone deciding it.',
    examples: [{ bad: 'FROM debian', good: 'FROM debian:12.8-slim' }],
    exceptions: '`scratch`, names of earlier stages, and images whose reference holds a variable with no known value are not flagged (hadolint flags nothing with a variable at all; dockwise resolves ARG defaults, so `ARG BASE=debian` then `FROM $BASE` is flagged).',
    equivalents: ['hadolint DL3006', 'Trivy DS-0001', 'Checkov CKV_DOCKER_7', 'dockerfilelint missing_tag'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.base.kind !== 'image') continue;
      const img = stage.base.image;
      if (img.tag === null && img.digest === null) {
        report({ message: `Always tag the version of an image explicitly: "${img.resolved ?? img.raw}" has no tag or digest`, range: img.range });
      }
    }
  },
});
