import { chainAfterCommand, commandRange, defineRule, hasCacheMount, isFinalOrReused, lastWithoutFollowUp, nodesOf, packageCommands, recogniseCleanup, recognisePackageCommand, stageOf, type PackageCommand, type SimpleCommand } from '../../src/rule-api.js';

/** dnf subcommands that download packages into the cache (with their short aliases). */
const DOWNLOADING = new Set(['install', 'in', 'localinstall', 'groupinstall', 'group install', 'module install', 'reinstall', 'rei', 'upgrade', 'up', 'update', 'distro-sync', 'dsync']);

function dnfTool(c: SimpleCommand): string | null {
  return dnfToolOf(recognisePackageCommand(c));
}

function dnfToolOf(pc: PackageCommand | null): string | null {
  if (!pc || (pc.manager !== 'dnf' && pc.manager !== 'microdnf') || !DOWNLOADING.has(pc.subcommand)) return null;
  return pc.tool;
}

export default defineRule({
  code: 'DL3040',
  name: 'dnf-clean',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: '`dnf clean all` missing after dnf command',
    what: 'Flags a RUN (or ONBUILD RUN) with `dnf` or `microdnf` `install`, `reinstall` or `upgrade` (and their short aliases) that is not followed, in the same RUN, by `dnf clean all` or a removal of the dnf cache (`/var/cache/dnf`, `/var/cache/libdnf5`, `/var/cache/yum`).',
    why: 'dnf keeps repository metadata and downloaded packages in its cache directory. A later RUN cannot take them out of the layer that wrote them, so they ship in the image unless the same RUN cleans up (or a cache mount keeps them out).',
    examples: [{ bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all' }],
    exceptions: 'Not flagged when a `--mount=type=cache` or `tmpfs` mount covers the dnf cache (`/var/cache/dnf`, `/var/cache/libdnf5`, `~/.cache/libdnf5`). Unlike hadolint, dockwise only checks stages whose layers ship (the final stage and stages that a later FROM builds on), and wants the cleanup after the last install rather than anywhere in the RUN.',
    equivalents: ['hadolint DL3040', 'Trivy DS-0019', 'Trivy DS-0027'],
  },
  check({ model, report }) {
    // Nothing to look at in a file without any downloading dnf command (the per-model list is shared).
    if (!packageCommands(model).some(({ pc }) => dnfToolOf(pc) !== null)) return;
    for (const node of nodesOf(model, 'RUN')) {
      const stage = stageOf(model, node);
      if (!stage || (!node.onbuild && !isFinalOrReused(model, stage))) continue;
      if (hasCacheMount(node, ['/var/cache/dnf', '/var/cache/libdnf5', '.cache/libdnf5', '/var/cache/yum'])) continue;
      const install = lastWithoutFollowUp(
        node,
        (c) => dnfTool(c) !== null,
        (c) => recogniseCleanup(c)?.caches.some((k) => k === 'dnf' || k === 'yum') === true,
      );
      if (!install) continue;
      const tool = dnfTool(install) ?? 'dnf';
      const edit = chainAfterCommand(node, install, ` && ${tool} clean all`);
      report({
        message: `\`dnf clean all\` missing after dnf command: add \`&& ${tool} clean all\` to this RUN`,
        range: commandRange(node, install),
        ...(edit ? { fix: { title: `Add \`${tool} clean all\``, safety: 'unsafe' as const, edits: [edit] } } : {}),
      });
    }
  },
});
