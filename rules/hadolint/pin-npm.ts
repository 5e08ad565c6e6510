import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3016',
  name: 'pin-npm',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Pin versions in npm',
    what: 'Flags each package of `npm install <pkg>` given without `@version` or `@tag` (scoped names are understood; git URLs need a `#ref`).',
    why: 'An unpinned package installs the newest release on each build, so the image changes without a change to the Dockerfile.',
    examples: [{ bad: 'FROM node:22-slim\nRUN npm install -g typescript', good: 'FROM node:22-slim\nRUN npm install -g typescript@5.6.3' }],
    exceptions: 'A bare `npm install` / `npm ci` (installing from package.json and the lockfile), tarballs and local folders are not flagged.',
    equivalents: ['hadolint DL3016'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'npm') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        report({ message: `Pin versions in npm: instead of \`npm install ${p.name}\` use \`npm install ${p.name}@<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
