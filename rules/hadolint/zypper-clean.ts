import { chainAfterCommand, commandRange, defineRule, hasCacheMount, isFinalOrReused, lastWithoutFollowUp, nodesOf, packageInstalls, recogniseCleanup, recognisePackageInstall, stageOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3036',
  name: 'zypper-clean',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: '`zypper clean` missing after zypper use',
    what: 'Flags a RUN (or ONBUILD RUN) with `zypper install` (or `in`) that is not followed, in the same RUN, by `zypper clean` (`zypper cc`) or a removal of `/var/cache/zypp`.',
    why: 'zypper keeps repository metadata and packages in `/var/cache/zypp`. A later RUN cannot take them out of the layer that wrote them, so they ship in the image unless the same RUN cleans up (or a cache mount keeps them out).',
    examples: [{ bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install nginx=1.21.5', good: 'FROM opensuse/leap:15.6\nRUN zypper -n install nginx=1.21.5 && zypper clean --all' }],
    exceptions: 'Not flagged when a `--mount=type=cache` or `tmpfs` mount covers `/var/cache/zypp`. Unlike hadolint, dockwise only checks stages whose layers ship (the final stage and stages that a later FROM builds on), and wants the cleanup after the last install rather than anywhere in the RUN.',
    equivalents: ['hadolint DL3036', 'Trivy DS-0020'],
  },
  check({ model, report }) {
    // Nothing to look at in a file without any zypper install (the per-model list is shared).
    if (!packageInstalls(model).some((i) => i.install.manager === 'zypper')) return;
    for (const node of nodesOf(model, 'RUN')) {
      const stage = stageOf(model, node);
      if (!stage || (!node.onbuild && !isFinalOrReused(model, stage))) continue;
      if (hasCacheMount(node, ['/var/cache/zypp'])) continue;
      const install = lastWithoutFollowUp(
        node,
        (c) => recognisePackageInstall(c)?.manager === 'zypper',
        (c) => recogniseCleanup(c)?.caches.includes('zypper') === true,
      );
      if (!install) continue;
      const edit = chainAfterCommand(node, install, ' && zypper clean --all');
      report({
        message: '`zypper clean` missing after zypper use: add `&& zypper clean --all` to this RUN',
        range: commandRange(node, install),
        ...(edit ? { fix: { title: 'Add `zypper clean --all`', safety: 'unsafe' as const, edits: [edit] } } : {}),
      });
    }
  },
});
