import { chainAfterCommand, commandRange, defineRule, hasCacheMount, isFinalOrReused, lastWithoutFollowUp, nodesOf, packageInstalls, recogniseCleanup, recognisePackageInstall, stageOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3060',
  name: 'yarn-cache-clean',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: '`yarn cache clean` missing after `yarn install` was run',
    what: 'Flags a RUN (or ONBUILD RUN) with `yarn install` (also a bare `yarn`, `yarn add`, `yarn global add`) that is not followed, in the same RUN, by `yarn cache clean` or a removal of the yarn cache, in the final stage or a stage that a later FROM builds on.',
    why: 'yarn keeps a copy of every downloaded package in its cache (`/usr/local/share/.cache/yarn` or `~/.cache/yarn`), often hundreds of megabytes. A later RUN cannot take it out of the layer that wrote it, so it ships in the image.',
    examples: [
      { bad: 'FROM node:22-slim\nCOPY package.json yarn.lock /app/\nRUN yarn install --frozen-lockfile', good: 'FROM node:22-slim\nCOPY package.json yarn.lock /app/\nRUN yarn install --frozen-lockfile && yarn cache clean' },
    ],
    exceptions: 'Not flagged when a `--mount=type=cache` or `tmpfs` mount covers the yarn cache (`.cache/yarn`), or in builder stages whose layers do not ship. hadolint only recognises the literal `yarn install`; dockwise also counts `yarn`, `yarn add` and `yarn global add`, and wants the cleanup after the last install.',
    equivalents: ['hadolint DL3060'],
  },
  check({ model, report }) {
    // Nothing to look at in a file without any yarn install (the per-model list is shared).
    if (!packageInstalls(model).some((i) => i.install.manager === 'yarn')) return;
    for (const node of nodesOf(model, 'RUN')) {
      const stage = stageOf(model, node);
      if (!stage || (!node.onbuild && !isFinalOrReused(model, stage))) continue;
      if (hasCacheMount(node, ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '.cache/yarn'])) continue;
      const install = lastWithoutFollowUp(
        node,
        (c) => recognisePackageInstall(c)?.manager === 'yarn',
        (c) => recogniseCleanup(c)?.caches.includes('yarn') === true,
      );
      if (!install) continue;
      const edit = chainAfterCommand(node, install, ' && yarn cache clean');
      report({
        message: '`yarn cache clean` missing after `yarn install` was run: add `&& yarn cache clean` to this RUN',
        range: commandRange(node, install),
        ...(edit ? { fix: { title: 'Add `yarn cache clean`', safety: 'unsafe' as const, edits: [edit] } } : {}),
      });
    }
  },
});
