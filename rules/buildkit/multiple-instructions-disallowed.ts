import { defineRule } from '../../src/rule-api.js';

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;

export default defineRule({
  code: 'MultipleInstructionsDisallowed',
  name: 'multiple-instructions-disallowed',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  duplicates: ['DL4003', 'DL4004', 'DL3012'],
  fixable: false,
  docs: {
    summary: 'Multiple instructions of the same type should not be used in the same stage',
    what: 'Flags a CMD, ENTRYPOINT or HEALTHCHECK that a later instruction of the same kind in the same stage overrides. The overridden (earlier) one is reported, since it is the one that has no effect.',
    why: 'Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage end up in the image. The earlier ones are dead code that readers take for real configuration.',
    examples: [
      { bad: 'FROM alpine:3.20\nEXPOSE 80\nCMD ["echo", "Hello, Norway!"]\nCMD ["echo", "Hello, Sweden!"]', good: 'FROM alpine:3.20\nEXPOSE 80\nCMD ["echo", "Hello, Sweden!"]' },
      { bad: 'FROM alpine:3.20\nHEALTHCHECK CMD true\nHEALTHCHECK NONE', good: 'FROM alpine:3.20\nHEALTHCHECK NONE' },
    ],
    exceptions: 'Instructions in different stages do not interact, also when one stage is built on the other. ONBUILD triggers are not counted.',
    equivalents: ['BuildKit MultipleInstructionsDisallowed', 'hadolint DL4003', 'hadolint DL4004', 'hadolint DL3012', 'dockerfile-utils MULTIPLE_INSTRUCTIONS'],
    references: ['https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of SINGLE) {
        const all = stage.instructions.filter((n) => n.keyword === keyword && !n.onbuild);
        for (let i = 0; i + 1 < all.length; i++) {
          const node = all[i];
          const next = all[i + 1];
          if (!node || !next) continue;
          report({
            message: `Multiple ${next.syntax.rawKeyword} instructions should not be used in the same stage because only the last one will be used`,
            range: node.syntax.keywordRange,
          });
        }
      }
    }
  },
});
