import { commandRange, defineRule, hasCacheMount, indexUpdates, isFinalOrReused, nodesOf, recogniseCleanup, recogniseIndexUpdate, stageOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3009',
  name: 'apt-lists-cleanup',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Delete the apt-get lists after installing something',
    what: 'Flags `apt-get update` (or `apt update`) in a RUN that does not also remove `/var/lib/apt/lists/*`, in the final stage or a stage that a later FROM builds on.',
    why: 'The package lists are tens of megabytes that only the build needs. Deleted in a later RUN they still ship, because every RUN is a layer: remove them in the same RUN, or keep them out of the image with a cache mount.',
    examples: [
      {
        bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
        good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*',
      },
    ],
    exceptions: 'Not flagged when a `--mount=type=cache` or `tmpfs` mount covers `/var/lib/apt/lists` (or `/var/lib/apt`), or in builder stages whose layers do not ship.',
    equivalents: ['hadolint DL3009', 'dockerfilelint apt-get_missing_rm'],
  },
  check({ model, report }) {
    // Nothing to look at in a file without any apt index refresh (the per-model list is shared).
    if (!indexUpdates(model).some((u) => u.update.manager === 'apt')) return;
    for (const node of nodesOf(model, 'RUN')) {
      const stage = stageOf(model, node);
      if (!stage || !isFinalOrReused(model, stage) || !node.run) continue;
      if (hasCacheMount(node, ['/var/lib/apt/lists', '/var/lib/apt'])) continue;
      const cmds = node.run.commands;
      const update = cmds.find((c) => recogniseIndexUpdate(c)?.manager === 'apt');
      if (!update) continue;
      const cleaned = cmds.some((c) => recogniseCleanup(c)?.caches.includes('apt-lists'));
      if (cleaned) continue;
      report({ message: 'Delete the apt-get lists after installing something: add `rm -rf /var/lib/apt/lists/*` to this RUN', range: commandRange(node, update) });
    }
  },
});
