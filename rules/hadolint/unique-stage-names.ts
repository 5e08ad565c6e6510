import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3024',
  name: 'unique-stage-names',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'FROM aliases (stage names) must be unique',
    what: 'Flags a FROM whose `AS` name was already given to an earlier stage.',
    why: 'BuildKit refuses duplicate stage names, and where older builders accepted them, `COPY --from` and `FROM <name>` silently took one of the two.',
    examples: [{ bad: 'FROM golang:1.23 AS build\nFROM node:22 AS build', good: 'FROM golang:1.23 AS build-go\nFROM node:22 AS build-web' }],
    exceptions: 'Names are compared case-insensitively, as BuildKit does (hadolint compares them case-sensitively).',
    equivalents: ['hadolint DL3024', 'BuildKit DuplicateStageName', 'Trivy DS-0012', 'Checkov CKV_DOCKER_11'],
  },
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (stage.name === null || !stage.nameRange) continue;
      const first = seen.get(stage.name);
      if (first === undefined) {
        seen.set(stage.name, stage.from.range.start.line);
        continue;
      }
      report({ message: `FROM aliases (stage names) must be unique: "${stage.rawName ?? stage.name}" is already used on line ${first + 1}`, range: stage.nameRange });
    }
  },
});
