import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3033',
  name: 'pin-yum',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Specify version with `yum install -y <package>-<version>`',
    what: 'Flags each package of `yum install` given without a version (`httpd-2.4.6`, where the part after a `-` is version-like and starts with a digit), and each module of `yum module install` without a stream (`nodejs:18`), in RUN and ONBUILD RUN.',
    why: 'Without a version, each build installs whatever the repository has that day: the image changes without any change to the Dockerfile.',
    examples: [{ bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all' }],
    exceptions: '`.rpm` files and groups (`@group`, `groupinstall`) are not flagged. A package given through a variable whose value dockwise cannot know (`$PKGS`, `httpd-${VERSION}`) is not flagged; hadolint only exempts `${VAR}` names declared by ARG or ENV.',
    equivalents: ['hadolint DL3033'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'yum') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        const hint = p.source === 'module' ? `\`${p.name}:<stream>\`` : `\`${p.name}-<version>\``;
        report({ message: `Specify version with \`yum install -y <package>-<version>\`: instead of \`${p.name}\` use ${hint}`, range: wordRange(node, p.word) });
      }
    }
  },
});
