import { commandRange, defineRule, effectiveCommand, indexUpdates, recogniseCleanup, recognisePackageCommand, type CacheKind, type SimpleCommand } from '../../src/rule-api.js';

type Family = 'apt' | 'apk' | 'rpm' | 'zypper';

/** Subcommands that read the package index (install or upgrade something), per family. */
const CONSUMERS: Readonly<Record<Family, readonly string[]>> = {
  apt: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall', 'satisfy', 'safe-upgrade'],
  apk: ['add', 'upgrade', 'fix', 'fetch'],
  rpm: ['install', 'update', 'upgrade', 'groupinstall', 'localinstall', 'reinstall', 'distro-sync', 'module install', 'group install', 'builddep', 'download', 'swap', 'upgrade-minimal', 'update-minimal'],
  zypper: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'],
};

/** Caches whose removal also deletes the refreshed index, per family. */
const INDEX_CACHES: Readonly<Record<Family, readonly CacheKind[]>> = {
  apt: ['apt-lists'],
  apk: ['apk'],
  rpm: ['yum', 'dnf'],
  zypper: ['zypper'],
};

/** tonistiigi/xx cross-compilation wrappers (`xx-apt-get install`, `xx-apk add`). */
const XX_WRAPPERS: Readonly<Record<string, Family>> = { 'xx-apt-get': 'apt', 'xx-apt': 'apt', 'xx-apk': 'apk' };

function familyOf(manager: string): Family | null {
  switch (manager) {
    case 'apt':
    case 'apk':
    case 'zypper':
      return manager;
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return 'rpm';
    default:
      return null;
  }
}

/**
 * A command whose effect the linter cannot see and that may well install packages: a dynamic
 * command name (`$INSTALL`), or a script run from a path (`./install.sh`, `/tmp/setup`).
 */
function opaque(cmd: SimpleCommand): boolean {
  if (cmd.nameWord !== null && cmd.name === null) return true;
  const n = cmd.name ?? '';
  if (n.includes('/') && /\.(?:sh|bash)$|^\.{0,2}\//.test(n) && !n.startsWith('/usr/') && !n.startsWith('/bin/') && !n.startsWith('/sbin/')) return true;
  if ((n === 'sh' || n === 'bash' || n === 'source' || n === '.') && cmd.args.some((a) => /\.(?:sh|bash)$/.test(a.value ?? a.text))) return true;
  return false;
}

export default defineRule({
  code: 'DW4009',
  name: 'update-without-install',
  severity: 'warning',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'Refresh the package index in the same RUN that installs',
    what: 'Flags a package-index refresh (`apt-get update`, `apt update`, `apk update`, `yum`/`dnf makecache`, `zypper refresh`) that no install or upgrade of the same package manager follows in the same RUN instruction (ONBUILD triggers included).',
    why: 'Each RUN is a cached layer. A RUN that only refreshes the index is reused from the cache for months, while a later `RUN apt-get install` is rebuilt whenever its text changes: it then installs from a stale index, which fails once the mirror dropped the old versions, or silently misses security updates. Refresh and install in one RUN so both are always rebuilt together.',
    examples: [
      { bad: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl', good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl' },
      { bad: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
    ],
    exceptions: 'Not flagged when the same RUN deletes the index again (`rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean`: a smoke test of `apt-get update`), or when a later command of the same RUN is opaque to the linter and may install packages itself: a dynamic command (`$INSTALL pkg`) or a script (`./install-deps.sh`, `bash setup.sh`). `yum update` / `dnf update` upgrade packages (they are not index refreshes) and are not flagged. hadolint has no equivalent: DL3009 is about deleting the lists, not about installing.',
    equivalents: ['Trivy DS-0017 (AVD-DS-0017, no-orphan-package-update)', 'Checkov CKV_DOCKER_5', 'dockerfilelint apt-get-update_require_install'],
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://avd.aquasec.com/misconfig/ds017'],
  },
  check({ model, report }) {
    // Every index refresh of every RUN, in file order.
    for (const { node, cmd, update } of indexUpdates(model)) {
      const cmds = node.run?.commands ?? [];
      const family = familyOf(update.manager);
      if (family === null) continue;
      const later = cmds.filter((c) => c.start > cmd.start);
      const consumed = later.some((c) => {
        const pc = recognisePackageCommand(c);
        if (pc !== null) return familyOf(pc.manager) === family && CONSUMERS[family].includes(pc.subcommand);
        const eff = effectiveCommand(c);
        const xx = eff.name !== null && Object.hasOwn(XX_WRAPPERS, eff.name) ? XX_WRAPPERS[eff.name] : undefined;
        return xx === family && eff.args.some((a) => a.value !== null && CONSUMERS[family].includes(a.value));
      });
      // An index deleted again in the same RUN cannot go stale in the cache.
      const dropped = later.some((c) => recogniseCleanup(c)?.caches.some((k) => INDEX_CACHES[family].includes(k)) === true);
      if (consumed || dropped || later.some(opaque)) continue;
      const what = family === 'apt' ? 'install' : family === 'apk' ? 'add' : 'install';
      report({
        message: `\`${update.tool} ${update.subcommand}\` is not followed by \`${update.tool} ${what}\` in the same RUN: the cached index layer goes stale; refresh and install in one RUN`,
        range: commandRange(node, cmd),
      });
    }
  },
});
