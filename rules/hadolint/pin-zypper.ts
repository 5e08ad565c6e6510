import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3037',
  name: 'pin-zypper',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Specify version with `zypper install -y <package>=<version>`',
    what: 'Flags each package of `zypper install` (or `in`) given without a version constraint (`=`, `>=`, `<=`, `>`, `<`), in RUN and ONBUILD RUN.',
    why: 'Without a version, each build installs whatever the repository has that day: the image changes without any change to the Dockerfile.',
    examples: [{ bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install nginx && zypper clean', good: 'FROM opensuse/leap:15.6\nRUN zypper -n install nginx=1.21.5 && zypper clean' }],
    exceptions: '`.rpm` files are not flagged. A package given through a variable whose value dockwise cannot know (`$PKGS`) is not flagged.',
    equivalents: ['hadolint DL3037'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'zypper') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        report({ message: `Specify version with \`zypper install -y <package>=<version>\`: instead of \`${p.name}\` use \`${p.name}=<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
