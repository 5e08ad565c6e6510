import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3012',
  name: 'one-healthcheck',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Multiple `HEALTHCHECK` instructions',
    what: 'Flags every HEALTHCHECK of a stage after its first one.',
    why: 'Only the last HEALTHCHECK of an image takes effect. The others are dead code that readers take at face value.',
    examples: [
      {
        bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1',
        good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      },
    ],
    exceptions: 'HEALTHCHECKs in different stages, and `ONBUILD HEALTHCHECK`, are not counted together.',
    equivalents: ['hadolint DL3012', 'BuildKit MultipleInstructionsDisallowed', 'Trivy DS-0023'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const all = stage.instructions.filter((n) => n.keyword === 'HEALTHCHECK' && !n.onbuild);
      const first = all[0];
      if (!first) continue;
      for (const n of all.slice(1)) {
        report({ message: `Multiple \`HEALTHCHECK\` instructions: the stage already has one on line ${first.syntax.range.start.line + 1}`, range: n.syntax.keywordRange });
      }
    }
  },
});
