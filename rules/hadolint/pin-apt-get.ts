import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3008',
  name: 'pin-apt-get',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Pin versions in apt-get install',
    what: 'Flags each package of `apt-get install` (and `apt install`) given without a version (`pkg=1.2-3`), a release (`pkg/bookworm`), or as a `.deb` file.',
    why: 'Without a version, each build installs whatever the mirror has that day: the image changes without any change to the Dockerfile, and a broken upload reaches you unannounced.',
    examples: [
      { bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl', good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8' },
    ],
    exceptions: 'Values of `-t`/`--target-release` are not packages. A package given through a variable whose value dockwise cannot know (`$PKGS`) is not flagged. Teams that pin through a snapshot mirror can lower or switch off this rule (see the README).',
    equivalents: ['hadolint DL3008'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'apt' || install.tool === 'aptitude') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        report({ message: `Pin versions in apt-get install: instead of \`${p.name}\` use \`${p.name}=<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
