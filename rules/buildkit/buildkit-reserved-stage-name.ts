import { defineRule } from '../../src/rule-api.js';

const RESERVED = new Set(['context', 'scratch']);

export default defineRule({
  code: 'ReservedStageName',
  name: 'buildkit-reserved-stage-name',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  duplicates: ['DL3063'],
  fixable: false,
  docs: {
    summary: 'Reserved words should not be used as stage names',
    what: 'Flags a stage named `scratch` or `context` (in any case).',
    why: '`scratch` already means the empty image and `context` the build context (`COPY --from=context`), so a stage with one of these names is ambiguous and references to it may not reach the stage.',
    examples: [{ bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi', good: 'FROM alpine:3.20 AS base\nRUN echo hi' }],
    equivalents: ['BuildKit ReservedStageName', 'hadolint DL3063'],
    references: ['https://docs.docker.com/reference/build-checks/reserved-stage-name/'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null || !RESERVED.has(stage.name)) continue;
      report({ message: `Stage name should not use the same name as reserved stage "${stage.name}"`, range: stage.nameRange });
    }
  },
});
