import { defineRule } from '../../src/rule-api.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  code: 'DL3063',
  name: 'reserved-stage-name',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Stage name should not be a reserved word',
    what: 'Flags a stage named `scratch` or `context`.',
    why: '`scratch` is the empty base image and `context` names the build context in `COPY --from` and named contexts: a stage with either name is shadowed or shadows them, and BuildKit refuses `scratch`.',
    examples: [{ bad: 'FROM golang:1.23 AS context\nRUN go build ./...', good: 'FROM golang:1.23 AS build\nRUN go build ./...' }],
    exceptions: 'Names are compared case-insensitively, as BuildKit does.',
    equivalents: ['hadolint DL3063', 'BuildKit ReservedStageName'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || !stage.nameRange || !RESERVED.has(stage.name)) continue;
      report({ message: `Stage name should not be a reserved word: "${stage.rawName ?? stage.name}"`, range: stage.nameRange });
    }
  },
});
