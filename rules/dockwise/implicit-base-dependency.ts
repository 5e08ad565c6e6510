import { analyseProvenance, defineRule, explicitAdvice, firstUses } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW3001',
  name: 'implicit-base-dependency',
  severity: 'info',
  category: 'implicit-dependency',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'A RUN relies on a program that only the base image happens to provide',
    what:
      'Flags a program run in a RUN (seen through `sudo`, `env`, `xargs`, `sh -c` ...) that no earlier instruction installs, copies or creates, and that the base image only has because it adds it on top of its distribution: the `curl`, `git`, `gcc`, `make` and `python3` that `buildpack-deps` puts under `node`, `golang`, `python`, `ruby` and `openjdk`, or the `curl` that `nginx`, `php` and `eclipse-temurin` keep. Reported once per program and stage, at its first use, naming the image and the package that provides it there.',
    why:
      'The build works today by accident: a `-slim` or `-alpine` variant of the same image, or its next release, may drop the program, and the build then fails with `not found` far from the real cause. Installing it explicitly documents the dependency and keeps the build working when the base image changes.',
    examples: [
      {
        bad: 'FROM node:20\nRUN git clone --depth 1 https://github.com/example/app.git /app',
        good: 'FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends git \\\n && git clone --depth 1 https://github.com/example/app.git /app && rm -rf /var/lib/apt/lists/*',
      },
      {
        bad: 'FROM golang:1.22 AS build\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz',
        good: 'FROM golang:1.22-alpine AS build\nRUN apk add --no-cache curl && curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz',
      },
    ],
    exceptions:
      'Not flagged: the distribution\'s base system (coreutils, sed, grep, apt, the busybox applets of Alpine: every image of the family has them); the programs an image exists for (`python` and `pip` in `python`, `node`/`npm`/`yarn` in `node`, `nginx` in `nginx`, `psql` in `postgres`); programs installed by the Dockerfile itself (distro packages, pip/npm/gem/go/cargo installs, COPY/ADD, downloads, `make install`, links and moves); programs of unknown base images. The data about image contents is generated from the official images\' Dockerfiles and repo-info reports (see scripts/knowledge/README.md); for Ubuntu and Alpine it is approximate.',
    equivalents: [],
  },
  check({ model, report }) {
    const p = analyseProvenance(model);
    for (const u of firstUses(p.uses, (x) => !x.runtime && x.source.kind === 'base' && x.source.tier === 'layer')) {
      if (u.source.kind !== 'base' || u.base.kind !== 'known') continue;
      const pkg = u.source.package;
      const from = u.source.introducedBy && u.source.introducedBy !== u.base.base.info.id ? `, added by ${u.source.introducedBy}` : '';
      report({
        message: `\`${u.name}\` is not installed by this Dockerfile: it only comes from the base image ${u.base.reference}${pkg ? ` (package ${pkg}${from})` : from ? ` (${from.slice(2)})` : ''}, and a slimmer or newer variant may not have it; ${explicitAdvice(u.base, u.name, pkg ? [pkg] : [u.name])}`,
        range: u.range,
      });
    }
  },
});
