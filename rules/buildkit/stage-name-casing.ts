import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'StageNameCasing',
  name: 'stage-name-casing',
  severity: 'warning',
  category: 'style',
  source: 'buildkit',
  fixable: true,
  docs: {
    summary: 'Stage names should be lowercase',
    what: 'Flags the name after `AS` in `FROM <image> AS <name>` when it is not all lowercase.',
    why: 'BuildKit lowercases stage names before it compares them, so `Builder`, `builder` and `BUILDER` are one stage. Writing them in mixed case suggests a difference that does not exist and makes references harder to search for.',
    examples: [{ bad: 'FROM alpine:3.20 AS BuilderBase', good: 'FROM alpine:3.20 AS builder-base' }],
    exceptions: 'Only a FROM with exactly an image, `AS` and a name is checked, as in BuildKit. The fix lowercases the name; references to the stage keep working because BuildKit matches them without regard to case.',
    equivalents: ['BuildKit StageNameCasing'],
    references: ['https://docs.docker.com/reference/build-checks/stage-name-casing/'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const args = stage.from.args;
      if (args.length !== 3 || stage.rawName === null || stage.nameRange === null) continue;
      const name = stage.rawName;
      if (name === name.toLowerCase()) continue;
      report({
        message: `Stage name '${name}' should be lowercase`,
        range: stage.nameRange,
        fix: { title: `Rename the stage to '${name.toLowerCase()}'`, safety: 'safe', edits: [{ range: stage.nameRange, newText: name.toLowerCase() }] },
      });
    }
  },
});
