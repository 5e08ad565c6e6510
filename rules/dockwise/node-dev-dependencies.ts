import {
  commandEnv,
  compileStep,
  defineRule,
  effectiveCommand,
  finalImageIsToolbox,
  imageNodesAfter,
  insertAfterWord,
  isTruthy,
  packageInstalls,
  pathBasename,
  ships,
  wordRange,
  type InstructionNode,
  type SimpleCommand,
} from '../../src/rule-api.js';

/** `npm prune --production|--omit=dev`, `pnpm prune --prod`, `yarn install --production`, `yarn workspaces focus --production`. */
function prunesDev(cmd: SimpleCommand): boolean {
  const eff = effectiveCommand(cmd);
  if (eff.name === null) return false;
  const tool = pathBasename(eff.name);
  const a = eff.args.map((w) => w.value ?? '');
  const prod = a.some((v) => v === '--production' || v === '--omit=dev' || v === '--prod' || v === '--only=production' || v === '--only=prod') || (a.includes('--omit') && a[a.indexOf('--omit') + 1] === 'dev');
  if (!prod) return false;
  if (tool === 'npm' || tool === 'pnpm') return a.includes('prune') || a.includes('ci') || a.includes('install') || a.includes('i');
  if (tool === 'yarn') return a.includes('install') || a.includes('focus') || a.length === 1;
  return false;
}

function production(node: InstructionNode, cmd: SimpleCommand): boolean {
  const env = (n: string): string | null | undefined => commandEnv(node, cmd, n);
  if ((env('NODE_ENV') ?? '').replace(/["']/g, '').toLowerCase() === 'production') return true;
  if (isTruthy(env('npm_config_production')) || isTruthy(env('NPM_CONFIG_PRODUCTION')) || isTruthy(env('YARN_PRODUCTION'))) return true;
  const omit = (env('npm_config_omit') ?? env('NPM_CONFIG_OMIT') ?? '').toLowerCase();
  return omit.split(/[\s,]+/).includes('dev');
}

export default defineRule({
  code: 'DW2003',
  name: 'node-dev-dependencies',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: true,
  docs: {
    summary: 'Leave devDependencies out of the final image',
    what:
      'Flags `npm ci`, `npm install`, `yarn install` and `pnpm install` (installing package.json, not named packages) in the final image without `--omit=dev` / `--production` / `--prod`, when `NODE_ENV` is not `production` and no `npm prune --omit=dev` (or equivalent) follows in the same RUN. When a build script (`npm run build`) follows in the same stage, the message proposes a build stage instead.',
    why:
      'devDependencies (TypeScript, test runners, linters, bundlers) are typically larger than the application\'s runtime dependencies and are never loaded in production. They only make the image bigger and widen its attack surface.',
    examples: [
      { bad: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]', good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]' },
      {
        bad: 'FROM node:22-slim\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]',
        good: 'FROM node:22-slim AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --from=build /dist ./dist\nCMD ["node", "dist/server.js"]',
      },
    ],
    exceptions:
      'dockwise cannot see package.json: a project without devDependencies gets a harmless finding (hence info). Global installs, installs of named packages, builder stages and toolbox images (see DW2001) are not flagged. A prune in a later RUN does not help: the dev dependencies still ship in the earlier layer.',
  },
  check({ model, report }) {
    if (finalImageIsToolbox(model)) return;
    for (const { node, install } of packageInstalls(model, { onbuild: false })) {
      if (install.manager !== 'npm' && install.manager !== 'yarn' && install.manager !== 'pnpm') continue;
      if (!install.bare || install.global || install.production || !ships(model, node)) continue;
      if (production(node, install.command)) continue;
      const cmds = node.run?.commands ?? [];
      if (cmds.some((c) => c.start > install.command.start && prunesDev(c))) continue;
      const later = imageNodesAfter(model, node);
      const sameStageLater = [...cmds.filter((c) => c.start > install.command.start), ...later.filter((n) => n.stageIndex === node.stageIndex).flatMap((n) => n.run?.commands ?? [])];
      const build = sameStageLater.map((c) => compileStep(c)).find((s) => s !== null) ?? null;
      const laterPrune = later.find((n) => (n.run?.commands ?? []).some(prunesDev));
      const at = install.subcommandWord ?? install.command.nameWord;
      if (!at) continue;
      const tool = install.subcommandWord ? `${install.tool} ${install.subcommandWord.value ?? install.subcommand}` : install.tool;
      const flag = install.manager === 'npm' ? '--omit=dev' : install.manager === 'pnpm' ? '--prod' : '--production';
      let message: string;
      if (build !== null) {
        message = `\`${tool}\` installs devDependencies into the final image because \`${build}\` needs them: run the build in a separate stage and install only production dependencies here (\`${tool} ${flag}\`), copying the build output with \`COPY --from\``;
      } else if (laterPrune) {
        message = `\`${tool}\` installs devDependencies; the prune on line ${laterPrune.syntax.range.start.line + 1} runs in a later layer, so they still ship: use \`${tool} ${flag}\` here`;
      } else {
        message = `\`${tool}\` installs devDependencies into the final image: use \`${tool} ${flag}\` (or set \`NODE_ENV=production\`)`;
      }
      report({
        message,
        range: wordRange(node, at),
        ...(build === null && install.subcommandWord ? { fix: { title: `Add ${flag}`, safety: 'unsafe' as const, edits: [insertAfterWord(node, install.subcommandWord, ` ${flag}`)] } } : {}),
      });
    }
  },
});
