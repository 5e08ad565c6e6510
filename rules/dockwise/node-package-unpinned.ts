import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW1007',
  name: 'node-package-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Pin versions in `yarn add` and `pnpm add`',
    what: 'Flags each package of `yarn add`, `yarn global add` and `pnpm add` (also `-g`) given without `@version`; git URLs and `user/repo` need a `#ref`. hadolint DL3016 checks only npm.',
    why: 'An unpinned package installs the newest release on each build, so the image changes without a change to the Dockerfile, and a compromised release is picked up automatically.',
    examples: [
      { bad: 'FROM node:22-slim\nRUN yarn global add serve', good: 'FROM node:22-slim\nRUN yarn global add serve@14.2.3' },
      { bad: 'FROM node:22-slim\nRUN pnpm add -g typescript', good: 'FROM node:22-slim\nRUN pnpm add -g typescript@5.6.3' },
    ],
    exceptions: 'Tarballs, local folders and packages given through a variable whose value is unknown are not flagged. `npm install <pkg>` is hadolint DL3016.',
    equivalents: ['hadolint DL3016 (npm only)'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'yarn' && install.manager !== 'pnpm') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic || (p.source !== 'registry' && p.source !== 'vcs')) continue;
        const hint = p.source === 'vcs' ? `${p.name}#<tag or commit>` : `${p.name}@<version>`;
        report({ message: `\`${install.tool} ${install.subcommand} ${p.name}\` installs whatever version is newest at build time: use \`${hint}\``, range: wordRange(node, p.word) });
      }
    }
  },
});
