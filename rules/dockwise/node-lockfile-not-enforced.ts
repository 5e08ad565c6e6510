import {
  commandEnv,
  copiedBefore,
  defineRule,
  insertAfterWord,
  isTruthy,
  packageCommands,
  packageInstalls,
  programWord,
  wordRange,
} from '../../src/rule-api.js';

const LOCKFILES: Readonly<Record<string, readonly string[]>> = {
  npm: ['package-lock.json', 'npm-shrinkwrap.json'],
  yarn: ['yarn.lock'],
  pnpm: ['pnpm-lock.yaml'],
};

const UPDATE_VERBS: Readonly<Record<string, readonly string[]>> = {
  npm: ['update', 'up', 'upgrade'],
  yarn: ['upgrade', 'up'],
  pnpm: ['update', 'up', 'upgrade'],
};

export default defineRule({
  code: 'DW1006',
  name: 'node-lockfile-not-enforced',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: true,
  docs: {
    summary: 'Install Node.js dependencies from the lockfile (`npm ci`, `--frozen-lockfile`)',
    what:
      'Flags a bare `npm install` (use `npm ci`), `yarn install` or plain `yarn` without `--frozen-lockfile`/`--immutable` (or `YARN_ENABLE_IMMUTABLE_INSTALLS`), and `pnpm install` without `--frozen-lockfile`, in any stage, and `npm update`, `yarn upgrade` and `pnpm update`. The message says whether a lockfile was copied into the image before the command.',
    why:
      '`npm install` resolves any range in package.json that the lockfile does not satisfy and rewrites the lockfile; without a lockfile every dependency floats. `npm ci` and the frozen-lockfile flags install exactly the locked tree and fail when it is out of date, so two builds get the same packages.',
    examples: [
      { bad: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm install', good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci' },
      { bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install', good: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile' },
    ],
    exceptions:
      'Global installs and installs that name packages are left to hadolint DL3016 and DW1007. The automatic fix to `npm ci` is offered only when a lockfile was copied by name (`npm ci` fails without one).',
    references: ['https://docs.npmjs.com/cli/commands/npm-ci', 'https://classic.yarnpkg.com/en/docs/cli/install#toc-yarn-install-frozen-lockfile'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'npm' && install.manager !== 'yarn' && install.manager !== 'pnpm') continue;
      if (!install.bare || install.global || install.ci || install.frozenLockfile) continue;
      const names = LOCKFILES[install.manager] ?? [];
      const copied = copiedBefore(model, node, (n) => names.includes(n));
      const lockNote = copied === 'no' ? ` No \`${names[0] ?? 'lockfile'}\` was copied before it, so every dependency floats.` : '';
      if (install.manager === 'npm') {
        const sub = install.subcommandWord;
        if (!sub) continue;
        report({
          message: `\`npm install\` can resolve new versions and rewrite the lockfile: use \`npm ci\`, which installs exactly \`package-lock.json\` and fails when it is out of date.${lockNote}`,
          range: wordRange(node, sub),
          ...(copied === 'yes' ? { fix: { title: 'Use npm ci', safety: 'unsafe' as const, edits: [{ range: wordRange(node, sub), newText: 'ci' }] } } : {}),
        });
        continue;
      }
      if (install.manager === 'yarn') {
        if (isTruthy(commandEnv(node, install.command, 'YARN_ENABLE_IMMUTABLE_INSTALLS')) || isTruthy(commandEnv(node, install.command, 'YARN_FROZEN_LOCKFILE'))) continue;
      }
      const at = install.subcommandWord ?? programWord(install.command);
      if (!at) continue;
      const tool = install.manager === 'yarn' && install.subcommandWord === null ? 'yarn' : `${install.manager} install`;
      report({
        message: `\`${tool}\` without \`--frozen-lockfile\` may resolve new versions and update the lockfile: add \`--frozen-lockfile\` (\`--immutable\` on Yarn 2+) so the build fails instead.${lockNote}`,
        range: wordRange(node, at),
        fix: { title: 'Add --frozen-lockfile', safety: 'unsafe', edits: [insertAfterWord(node, at, ' --frozen-lockfile')] },
      });
    }
    for (const { node, pc } of packageCommands(model)) {
      const verbs = UPDATE_VERBS[pc.manager];
      if (!verbs || !verbs.includes(pc.subcommand) || !pc.subcommandWord) continue;
      report({ message: `\`${pc.tool} ${pc.subcommand}\` moves dependencies to newer versions at build time: update the lockfile outside the build and install it with \`npm ci\` / \`--frozen-lockfile\``, range: wordRange(node, pc.subcommandWord) });
    }
  },
});
