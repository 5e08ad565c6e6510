import { defineRule, unquote } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3029',
  name: 'no-from-platform',
  severity: 'warning',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Do not use --platform flag with FROM',
    what: 'Flags `FROM --platform=<value>` when the value is a constant (`linux/amd64`) rather than built from variables such as `$BUILDPLATFORM` or `$TARGETPLATFORM`.',
    why: 'A fixed platform pins the image to one architecture: a multi-platform build (`docker buildx build --platform linux/amd64,linux/arm64`) then produces the same architecture for every target, and emulation hides the mistake until the image runs.',
    examples: [
      { bad: 'FROM --platform=linux/amd64 debian:12', good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build' },
    ],
    exceptions: 'A value that mentions `BUILDPLATFORM` or `TARGETPLATFORM` passes, as in hadolint. dockwise also lets through any value built from a variable (`$BUILDOS/$BUILDARCH`, `${PLATFORM}`), as BuildKit\'s FromPlatformFlagConstDisallowed does, where hadolint flags them.',
    equivalents: ['hadolint DL3029', 'BuildKit FromPlatformFlagConstDisallowed'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag || flag.value === null) continue;
      const v = unquote(flag.value);
      if (v.includes('BUILDPLATFORM') || v.includes('TARGETPLATFORM') || v.includes('$')) continue;
      report({ message: `Do not use --platform flag with FROM: "${v}" fixes the platform of this stage`, range: flag.valueRange ?? flag.range });
    }
  },
});
