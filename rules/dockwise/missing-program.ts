import { analyseProvenance, defineRule, explicitAdvice, firstUses } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW3004',
  name: 'missing-program',
  severity: 'warning',
  category: 'implicit-dependency',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'A program is run that neither the base image nor the Dockerfile provides',
    what:
      'Flags a program run by a RUN, or by the final image\'s CMD, ENTRYPOINT or HEALTHCHECK, that the base image does not have and that no earlier instruction installs, copies, downloads or builds: `curl` on `python:3.12-slim`, `bash` on `alpine`, `pip` on `ubuntu` without `python3-pip`, or a shell-form RUN on a distroless image (no `/bin/sh`). The message names the package that provides it on that base.',
    why:
      'The build (or the container) fails with `not found`. When it does not fail yet, the program comes from somewhere dockwise cannot see, and that dependency is worth making explicit.',
    examples: [
      {
        bad: 'FROM python:3.12-slim\nRUN curl -fsSL -o /tmp/get.json https://example.com/get.json',
        good: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \\\n && curl -fsSL -o /tmp/get.json https://example.com/get.json',
      },
      {
        bad: 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nRUN echo hi',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nRUN echo hi',
      },
    ],
    exceptions:
      'Not flagged: base images unknown to dockwise (see DW3005); programs that an earlier step may have created without naming them (`make install`, an extracted archive, `COPY --from` a stage into a directory on PATH, an installer script, a package dockwise has no data for, a pip/npm/gem install for anything but common system tools); programs the script checks for first (`command -v x`, `which x`) or only runs conditionally (`x || ...`, inside `if`); a CMD passed to an entrypoint script; Alpine programs that may be busybox applets (Alpine\'s busybox configuration is only approximately known).',
  },
  check({ model, report }) {
    const p = analyseProvenance(model);
    for (const u of firstUses(p.uses, (x) => x.source.kind === 'missing' && !x.guarded)) {
      if (u.source.kind !== 'missing') continue;
      const image = u.base.reference;
      if (u.shell) {
        report({
          message: `${u.context === 'run' ? 'this RUN' : `the shell form of ${u.node.keyword}`} needs \`${u.program}\`, which the base image ${image} does not have; use the exec form (\`["/path/to/program", "arg"]\`), ${u.base.kind === 'known' && u.base.base.info.shell ? `\`SHELL ["${u.base.base.info.shell}", "-c"]\`` : 'copy a shell in from a build stage'}, or a base image with a shell`,
          range: u.range,
        });
        continue;
      }
      report({
        message: `\`${u.program.includes("/") ? u.program : u.name}\` is not in the base image ${image} and no earlier instruction installs, copies or creates it: it will fail with "not found"; ${explicitAdvice(u.base, u.name, u.source.candidates.slice(0, 1))}`,
        range: u.range,
      });
    }
  },
});
