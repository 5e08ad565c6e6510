import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3018',
  name: 'pin-apk',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Pin versions in apk add',
    what: 'Flags each package of `apk add` given without a version constraint (`=`, `~`, `>`, `<`) and not as an `.apk` file.',
    why: 'Without a version, each build installs whatever the Alpine mirror has, so the image changes without a change to the Dockerfile.',
    examples: [{ bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2' }],
    exceptions: 'Values of `-t`/`--virtual`, `--repository`/`-X` are not packages. Packages given through unknown variables are not flagged.',
    equivalents: ['hadolint DL3018'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'apk') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        report({ message: `Pin versions in apk add: instead of \`apk add ${p.name}\` use \`apk add ${p.name}=<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
