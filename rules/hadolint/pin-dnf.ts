import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3041',
  name: 'pin-dnf',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Specify version with `dnf install -y <package>-<version>`',
    what: 'Flags each package of `dnf install` or `microdnf install` (also dnf5 and tdnf) given without a version (`httpd-2.4.62`, where the part after a `-` is version-like and starts with a digit), and each module of `dnf module install` without a stream (`nodejs:20`), in RUN and ONBUILD RUN.',
    why: 'Without a version, each build installs whatever the repository has that day: the image changes without any change to the Dockerfile.',
    examples: [{ bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all' }],
    exceptions: '`.rpm` files and groups (`@group`, `group install`) are not flagged. A package given through a variable whose value dockwise cannot know (`$PKGS`, `httpd-${VERSION}`) is not flagged; hadolint only exempts `${VAR}` names declared by ARG or ENV.',
    equivalents: ['hadolint DL3041'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'dnf' && install.manager !== 'microdnf') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        const hint = p.source === 'module' ? `\`${p.name}:<stream>\`` : `\`${p.name}-<version>\``;
        report({ message: `Specify version with \`dnf install -y <package>-<version>\`: instead of \`${p.name}\` use ${hint}`, range: wordRange(node, p.word) });
      }
    }
  },
});
