import { defineRule, globalArgScope, processWord, rangeText, type Range } from '../../src/rule-api.js';

export default defineRule({
  code: 'RedundantTargetPlatform',
  name: 'redundant-target-platform',
  severity: 'warning',
  category: 'maintainability',
  source: 'buildkit',
  duplicates: ['DL3065'],
  fixable: true,
  docs: {
    summary: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    what: 'Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`, quoted or not): a `--platform` value that is exactly the target platform.',
    why: 'Every FROM already pulls the image for the target platform, so the flag changes nothing. It is noise, and it suggests to readers that the stage is special.',
    examples: [{ bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS build', good: 'FROM alpine:3.20 AS build' }],
    exceptions: 'A value that combines TARGETPLATFORM with anything else, or uses BUILDPLATFORM, is not flagged.',
    equivalents: ['BuildKit RedundantTargetPlatform', 'hadolint DL3065'],
    references: ['https://docs.docker.com/reference/build-checks/redundant-target-platform/'],
  },
  check({ model, report }) {
    const { values } = globalArgScope(model);
    const target = values.get('TARGETPLATFORM');
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.valueRange || flag.value === null) continue;
      const r = processWord(rangeText(model, flag.valueRange).text, (n) => values.get(n), model.escapeChar);
      if (!r || r.unmatched.length > 0 || r.matched.size !== 1 || !r.matched.has('TARGETPLATFORM') || r.result !== target) continue;
      // Remove the flag and the blanks after it.
      const lineText = model.lines.lineText(flag.range.end.line);
      let endChar = flag.range.end.character;
      while (endChar < lineText.length && (lineText[endChar] === ' ' || lineText[endChar] === '\t')) endChar++;
      const remove: Range = { start: flag.range.start, end: { line: flag.range.end.line, character: endChar } };
      report({
        message: `Setting platform to predefined ${flag.value} in FROM is redundant as this is the default behavior`,
        range: flag.range,
        fix: { title: 'Remove the --platform flag', safety: 'safe', edits: [{ range: remove, newText: '' }] },
      });
    }
  },
});
