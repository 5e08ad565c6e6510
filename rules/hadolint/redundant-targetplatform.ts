import { defineRule, unquote, withTrailingBlanks } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3065',
  name: 'redundant-targetplatform',
  severity: 'warning',
  category: 'style',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Setting `FROM --platform` to predefined `$TARGETPLATFORM` is redundant as this is the default behavior',
    what: 'Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).',
    why: 'Stages are built for the target platform unless told otherwise, so the flag changes nothing; it only suggests to readers that something special happens.',
    examples: [{ bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20', good: 'FROM alpine:3.20' }],
    exceptions: 'The fix removes the flag, which is safe: the stage is built for the same platform.',
    equivalents: ['hadolint DL3065', 'BuildKit RedundantTargetPlatform'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag || flag.value === null) continue;
      const v = unquote(flag.value);
      if (v !== '$TARGETPLATFORM' && v !== '${TARGETPLATFORM}') continue;
      report({
        message: 'Setting `FROM --platform` to predefined `$TARGETPLATFORM` is redundant as this is the default behavior',
        range: flag.range,
        fix: { title: 'Remove --platform', safety: 'safe', edits: [{ range: withTrailingBlanks(model, flag.range), newText: '' }] },
      });
    }
  },
});
