import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DuplicateStageName',
  name: 'duplicate-stage-name',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  duplicates: ['DL3024'],
  fixable: false,
  docs: {
    summary: 'Stage names should be unique',
    what: 'Flags the name of a stage (`FROM … AS <name>`) that an earlier stage already uses. Names are compared without regard to case, as BuildKit does.',
    why: 'A later `FROM <name>`, `COPY --from=<name>` or `--target <name>` can only mean one stage; with two of the same name it is unclear which one is used, and editing one of them may silently change nothing.',
    examples: [
      { bad: 'FROM debian:12 AS builder\nRUN echo one\nFROM golang:1.22 AS builder', good: 'FROM debian:12 AS deb-builder\nRUN echo one\nFROM golang:1.22 AS go-builder' },
    ],
    exceptions: 'The first stage with a name is never flagged; every later one with the same name is.',
    equivalents: ['BuildKit DuplicateStageName', 'hadolint DL3024', 'dockerfile-utils DUPLICATE_BUILD_STAGE_NAME', 'Trivy DS-0012', 'Checkov CKV_DOCKER_11'],
    references: ['https://docs.docker.com/reference/build-checks/duplicate-stage-name/'],
  },
  check({ model, report }) {
    const seen = new Set<string>();
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null) continue;
      if (seen.has(stage.name)) {
        report({ message: `Duplicate stage name "${stage.name}", stage names should be unique`, range: stage.nameRange });
      }
      seen.add(stage.name);
    }
  },
});
