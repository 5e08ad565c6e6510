import { analyseProvenance, defineRule, explicitAdvice, firstUses } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW3003',
  name: 'transitive-dependency',
  severity: 'info',
  category: 'implicit-dependency',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'A program is only there as a dependency of another installed package',
    what:
      'Flags a program run by a RUN or by the final image that no instruction installs by name, but that arrives as a dependency (Depends, or Recommends unless `--no-install-recommends`) of a Debian or Ubuntu package the Dockerfile installs, for example `python3` arriving with `python3-pip`, or `perl` with `git`. The message names the package that pulled it in. Metapackages such as `build-essential` count as asking for what they depend on.',
    why:
      'The dependency is invisible: removing or replacing the other package (or a new release that drops the dependency, or adding `--no-install-recommends`) silently removes the program too. Naming it in the install makes it explicit.',
    examples: [
      {
        bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nCMD ["python3", "-m", "http.server"]',
        good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*\nCMD ["python3", "-m", "http.server"]',
      },
    ],
    exceptions: 'Not flagged: programs the base image already has, programs installed by name, Alpine packages (their dependencies are not in dockwise\'s data). Ubuntu dependencies come from the Debian release of the same era and are approximate.',
  },
  check({ model, report }) {
    const p = analyseProvenance(model);
    for (const u of firstUses(p.uses, (x) => x.source.kind === 'transitive')) {
      if (u.source.kind !== 'transitive') continue;
      const line = u.source.node.syntax.range.start.line + 1;
      report({
        message: `\`${u.name}\` is only installed as a dependency of ${u.source.via} (line ${line}, through package ${u.source.package}): removing ${u.source.via} would remove it; ${explicitAdvice(u.base, u.name, [u.source.package])}`,
        range: u.range,
      });
    }
  },
});
