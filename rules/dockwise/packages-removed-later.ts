import {
  finalStageIsDevTarget,
  defineRule,
  expandWord,
  imageNodesBefore,
  memoByObject,
  nodesOf,
  recognisePackageInstall,
  recognisePackageRemoval,
  sameManagerFamily,
  sameRunRemoval,
  ships,
  wordRange,
  type InstructionNode,
  type PackageInstall,
  type ShellWord,
} from '../../src/rule-api.js';

const DISTRO = new Set(['apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pip', 'npm', 'gem']);

interface Installed {
  node: InstructionNode;
  install: PackageInstall;
  word: ShellWord;
  name: string;
}

/** Packages installed (and not removed again in the same RUN) by the RUNs before `node` in its image. */
function installedBefore(model: Parameters<typeof imageNodesBefore>[0], node: InstructionNode): Installed[] {
  const out: Installed[] = [];
  for (const n of imageNodesBefore(model, node)) for (const i of installedBy(n)) out.push(i);
  return out;
}

/**
 * What each RUN installs, computed once per instruction (every RUN with a removal asks about all
 * the instructions before it).
 */
const installedBy: (node: InstructionNode) => readonly Installed[] = memoByObject(computeInstalledBy);

/** Packages one RUN installs and does not remove again itself. */
function computeInstalledBy(n: InstructionNode): Installed[] {
  const out: Installed[] = [];
  for (const c of n.run?.commands ?? []) {
    const install = recognisePackageInstall(c);
    if (!install || !DISTRO.has(install.manager)) continue;
    for (const p of install.packages) {
      const names = p.dynamic ? (expandWord(n, c, p.word) ?? []).map((x) => x.split(/[=<>~]/)[0] ?? x) : [p.name];
      for (const name of names) {
        if (sameRunRemoval(n, install, name, p.word)) continue;
        out.push({ node: n, install, word: p.word, name });
      }
    }
    if (install.manager === 'apk' && install.virtual !== null) {
      const v = install.virtual;
      if (!sameRunRemoval(n, install, v, { text: v, value: v, start: 0, end: 0 })) out.push({ node: n, install, word: { text: v, value: v, start: 0, end: 0 }, name: v });
    }
  }
  return out;
}

export default defineRule({
  code: 'DW2005',
  name: 'packages-removed-later',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Remove packages in the RUN that installed them',
    what:
      'Flags a package removal (`apt-get purge`/`remove`, `apk del`, `yum/dnf remove`, `pip uninstall`...) in a RUN of the final image that removes packages an earlier RUN installed, typically a `--virtual .build-deps` group or build tools installed in one RUN and removed in the next.',
    why:
      'Every RUN is a layer, and layers only add: the packages stay in the earlier layer and ship with the image, so the removal saves nothing (it even adds a layer recording the deletion). Install, use and remove them in one RUN, or install them in a build stage.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\nRUN make -C /src install\nRUN apk del .build-deps',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && make -C /src install \\\n && apk del .build-deps',
      },
    ],
    exceptions: 'Builder stages are not flagged (their layers do not ship). Removals of packages that came with the base image are not flagged: they cannot be undone any earlier.',
  },
  check({ model, report }) {
    if (finalStageIsDevTarget(model)) return;
    for (const node of nodesOf(model, 'RUN', { onbuild: false })) {
      if (!node.run || !ships(model, node)) continue;
      let installed: Installed[] | null = null;
      for (const c of node.run.commands) {
        const removal = recognisePackageRemoval(c);
        if (!removal) continue;
        installed ??= installedBefore(model, node);
        if (installed.length === 0) break;
        for (const w of removal.packages) {
          const values = (expandWord(node, c, w) ?? []).map((x) => x.split(/[=<>~]/)[0] ?? x);
          const hits = installed.filter((i) => sameManagerFamily(i.install.manager, removal.manager) && ((w.value === null && i.word.text === w.text) || values.includes(i.name)));
          const first = hits[0];
          if (!first) continue;
          const line = first.node.syntax.range.start.line + 1;
          const what = w.value ?? w.text;
          report({
            message: `\`${what}\` was installed by the RUN on line ${line}; removing it in this later RUN does not shrink the image, the earlier layer still holds it. Remove it in the RUN that installed it (install, use and remove in one RUN), or install it in a build stage`,
            range: wordRange(node, w),
          });
        }
      }
    }
  },
});
