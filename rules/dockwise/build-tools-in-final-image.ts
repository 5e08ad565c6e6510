import {
  classifyBuildPackage,
  defineRule,
  expandWord,
  finalImageIsToolbox,
  imageNodesAfter,
  packageInstalls,
  recognisePackageRemoval,
  removalRemoves,
  sameRunRemoval,
  ships,
  wordRange,
  type InstructionNode,
  type PackageInstall,
  type ShellWord,
} from '../../src/rule-api.js';

const DISTRO = new Set(['apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);

/** How to remove packages in the same RUN, per manager. */
function sameRunAdvice(install: PackageInstall, names: readonly string[]): string {
  const list = names.join(' ');
  switch (install.manager) {
    case 'apk':
      return `\`apk add --no-cache --virtual .build-deps ${list} && ... && apk del .build-deps\``;
    case 'apt':
      return `\`apt-get purge -y --auto-remove ${list}\` at the end of this RUN`;
    case 'zypper':
      return `\`zypper remove -y ${list}\` at the end of this RUN`;
    default:
      return `\`${install.tool} remove -y ${list}\` at the end of this RUN`;
  }
}

/** True when a later RUN of the final image removes the package (DW2005 reports that). */
function removedLater(later: readonly InstructionNode[], install: PackageInstall, name: string, word: ShellWord): boolean {
  for (const n of later) {
    for (const c of n.run?.commands ?? []) {
      const r = recognisePackageRemoval(c);
      if (r && removalRemoves(n, r, install, name, word, false)) return true;
    }
  }
  return false;
}

export default defineRule({
  code: 'DW2001',
  name: 'build-tools-in-final-image',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Keep compilers, build tools and headers out of the final image',
    what:
      'Flags each distro package (apt, apk, yum/dnf/microdnf, zypper) installed in the final image that is only needed to build software: compilers and toolchains (`gcc`, `g++`, `clang`, `build-essential`, `build-base`), build tools (`make`, `cmake`, `autoconf`, `pkg-config`...), development headers (`*-dev`, `*-devel`, `linux-headers`) and language SDKs (`golang`, `openjdk-17-jdk`, `maven`, `cargo`...). Package names from ARG/ENV variables are expanded. Only stages whose content ships count: the final stage and the stages it is built on with `FROM <stage>`.',
    why:
      'Build tools are hundreds of megabytes that the running program never uses, and each one is attack surface (a compiler in a production container helps an attacker more than anyone else). Install them in a build stage and copy only the result, or remove them in the RUN that installed them: packages removed in a later RUN still ship in the earlier layer.',
    examples: [
      {
        bad: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 && rm -rf /var/lib/apt/lists/*\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]',
        good: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 \\\n && apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]',
      },
      {
        bad: 'FROM alpine:3.20\nRUN apk add --no-cache build-base python3-dev && make -C /src install\nCMD ["tool"]',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps build-base python3-dev \\\n && make -C /src install && apk del .build-deps\nCMD ["tool"]',
      },
    ],
    exceptions:
      'Not flagged: packages removed again in the same RUN (by name, through the same variable, `apk del` of the `--virtual` group, or the official images\' `apt-mark auto` + `apt-get purge --auto-remove` pattern); packages removed in a later RUN (DW2005 reports those); builder stages; and toolbox images, which ship their tools on purpose: a final stage named as a development target (`dev`, `test`, `lint`, `builder`...), an image with no CMD and no ENTRYPOINT, one whose command builds (`make`, `build`) or idles as a dev container (`sleep infinity`), and one that starts only a shell or an interpreter without a script and copies no directory from the build context (SDK images such as `golang` or `python:3.12`).',
  },
  check({ model, report }) {
    if (finalImageIsToolbox(model)) return;
    for (const { node, install } of packageInstalls(model, { onbuild: false })) {
      if (!DISTRO.has(install.manager) || !ships(model, node)) continue;
      // The instructions after this one, listed only once a build package was found.
      let laterMemo: InstructionNode[] | null = null;
      const later = (): InstructionNode[] => (laterMemo ??= imageNodesAfter(model, node));
      for (const p of install.packages) {
        const names = p.dynamic ? (expandWord(node, install.command, p.word) ?? []) : [p.name];
        const flagged: { name: string; label: string }[] = [];
        for (const raw of names) {
          const name = p.dynamic ? (raw.split(/[=<>~]/)[0] ?? raw) : raw;
          const kind = classifyBuildPackage(name);
          if (!kind) continue;
          if (sameRunRemoval(node, install, name, p.word)) continue;
          if (removedLater(later(), install, name, p.word)) continue;
          flagged.push({ name, label: kind.label });
        }
        if (flagged.length === 0) continue;
        const what = flagged.map((f) => `\`${f.name}\` (${f.label})`).join(', ');
        const via = p.dynamic ? ` (from \`${p.word.text}\`)` : '';
        report({
          message: `${what}${via} is installed in the final image but only needed to build: install it in a separate build stage and COPY only the result into this one, or remove it in this RUN with ${sameRunAdvice(install, flagged.map((f) => f.name))}`,
          range: wordRange(node, p.word),
        });
      }
    }
  },
});
