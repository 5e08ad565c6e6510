import { analyseProvenance, defineRule, explicitAdvice, firstUses } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW3002',
  name: 'implicit-runtime-dependency',
  severity: 'warning',
  category: 'implicit-dependency',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'The final image runs a program that only the base image happens to provide',
    what:
      'Flags a program that the final image runs through CMD, ENTRYPOINT or HEALTHCHECK (the first JSON string of the exec form, the shell and the commands of the shell form, the script of `sh -c`) when no instruction installs, copies or creates it and the base image only has it as an extra on top of its distribution (for example `curl` in a HEALTHCHECK on `nginx` or `eclipse-temurin`, `python3` on `node`). A CMD that is only arguments to an ENTRYPOINT is not a program.',
    why:
      'The container itself depends on it: when the base image is updated or switched to a slimmer variant, the image still builds, but the health check or the start command fails at run time. Installing the program explicitly makes the dependency visible and keeps it.',
    examples: [
      {
        bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
        good: 'FROM nginx:1.27\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
      },
    ],
    exceptions:
      'Not flagged: the program the image exists for (`nginx` in `nginx`, `python` in `python`, `java` in `eclipse-temurin`), the distribution\'s base system (`sh`, coreutils, busybox applets), programs the Dockerfile installs or copies in, and unknown base images. When the ENTRYPOINT is a program of its own (not an entrypoint script or an init such as tini), CMD holds its arguments and is not checked.',
  },
  check({ model, report }) {
    const p = analyseProvenance(model);
    for (const u of firstUses(p.uses, (x) => x.runtime && x.source.kind === 'base' && x.source.tier === 'layer')) {
      if (u.source.kind !== 'base' || u.base.kind !== 'known') continue;
      const pkg = u.source.package;
      const what = u.context === 'healthcheck' ? 'the HEALTHCHECK' : u.context === 'entrypoint' ? 'the ENTRYPOINT' : 'the CMD';
      report({
        message: `${what} runs \`${u.name}\`, which this Dockerfile never installs: it only comes from the base image ${u.base.reference}${pkg ? ` (package ${pkg})` : ''}, and a slimmer or newer variant may not have it; ${explicitAdvice(u.base, u.name, pkg ? [pkg] : [u.name])}`,
        range: u.range,
      });
    }
  },
});
