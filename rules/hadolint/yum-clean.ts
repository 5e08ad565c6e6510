import { chainAfterCommand, commandRange, defineRule, hasCacheMount, isFinalOrReused, lastWithoutFollowUp, nodesOf, packageInstalls, recogniseCleanup, recognisePackageInstall, stageOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3032',
  name: 'yum-clean',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: '`yum clean all` missing after yum command',
    what: 'Flags a RUN (or ONBUILD RUN) with `yum install` that is not followed, in the same RUN, by `yum clean all` or `rm -rf /var/cache/yum`.',
    why: 'yum keeps its metadata and downloaded packages in `/var/cache/yum`. A later RUN cannot take them out of the layer that wrote them, so they ship in the image unless the same RUN cleans up (or a cache mount keeps them out).',
    examples: [{ bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all' }],
    exceptions: 'Not flagged when a `--mount=type=cache` or `tmpfs` mount covers `/var/cache/yum` (or `/var/cache/dnf`). Unlike hadolint, dockwise only checks stages whose layers ship (the final stage and stages that a later FROM builds on), as hadolint does for DL3009, and wants the cleanup after the last install rather than anywhere in the RUN.',
    equivalents: ['hadolint DL3032', 'Trivy DS-0015'],
  },
  check({ model, report }) {
    // Nothing to look at in a file without any yum install (the per-model list is shared).
    if (!packageInstalls(model).some((i) => i.install.manager === 'yum')) return;
    for (const node of nodesOf(model, 'RUN')) {
      const stage = stageOf(model, node);
      if (!stage || (!node.onbuild && !isFinalOrReused(model, stage))) continue;
      if (hasCacheMount(node, ['/var/cache/yum', '/var/cache/dnf'])) continue;
      const install = lastWithoutFollowUp(
        node,
        (c) => recognisePackageInstall(c)?.manager === 'yum',
        (c) => recogniseCleanup(c)?.caches.some((k) => k === 'yum' || k === 'dnf') === true,
      );
      if (!install) continue;
      const edit = chainAfterCommand(node, install, ' && yum clean all');
      report({
        message: '`yum clean all` missing after yum command: add `&& yum clean all` to this RUN',
        range: commandRange(node, install),
        ...(edit ? { fix: { title: 'Add `yum clean all`', safety: 'unsafe' as const, edits: [edit] } } : {}),
      });
    }
  },
});
