import { defineRule, parseImageRef, stageReference, unquote, type Range } from '../../src/rule-api.js';

/** hadolint's registry patterns: `*` (any), `*suffix`, `prefix*`, or an exact name. */
function matches(pattern: string, registry: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1));
  return registry === pattern;
}

/** The registry an image reference pulls from, or null when it is allowed. */
function untrustedRegistry(ref: string, allowed: readonly string[]): string | null {
  const img = parseImageRef(ref);
  const ok = (r: string): boolean => allowed.some((p) => matches(p, r));
  if (img.registry !== null) return ok(img.registry) ? null : img.registry;
  if (img.repository === 'scratch') return null;
  return ok('docker.io') || ok('hub.docker.com') ? null : 'docker.io';
}

export default defineRule({
  code: 'DL3026',
  name: 'trusted-registry',
  severity: 'error',
  category: 'security',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Use only an allowed registry in the FROM image',
    what: 'When `trustedRegistries` is configured, flags a FROM image, a `COPY --from=<image>` and a `RUN --mount=...,from=<image>` (cache and bind mounts) whose registry is not in the list. Entries may be exact (`registry.example.com`), `*.example.com`, `registry.*` or `*`. An image without a registry is a Docker Hub image and passes when `docker.io` or `hub.docker.com` is allowed.',
    why: 'Organisations that vet base images want every image to come from their own mirror or a small set of trusted registries, so that nothing unreviewed enters a build.',
    examples: [
      {
        bad: 'FROM quay.io/example/app:1.0',
        good: 'FROM registry.example.com/base/debian:12',
        settings: { trustedRegistries: ['registry.example.com'] },
      },
    ],
    exceptions: 'Off until `trustedRegistries` (hadolint `trustedRegistries`) is set; the examples assume `trustedRegistries: [registry.example.com]`. Stage names, stage indexes and `scratch` always pass. Variables are substituted with their ARG values first; an image that cannot be known is not flagged (hadolint checks the unexpanded text).',
    equivalents: ['hadolint DL3026'],
  },
  check({ model, settings, report }) {
    const allowed = settings.trustedRegistries;
    if (allowed.length === 0) return;
    const flag = (ref: string, range: Range, what: string): void => {
      const registry = untrustedRegistry(ref, allowed);
      if (registry === null) return;
      report({ message: `Use only an allowed registry in the ${what}: "${registry}" is not in trustedRegistries`, range });
    };
    for (const stage of model.stages) {
      if (stage.base.kind === 'image' && stage.base.image.resolved !== null) flag(stage.base.image.resolved, stage.base.image.range, 'FROM image');
    }
    for (const node of model.nodes) {
      if (node.onbuild) continue;
      const copy = node.copy;
      const fromFlag = copy?.flags.find((f) => f.name.toLowerCase() === 'from');
      if (copy && copy.kind === 'COPY' && copy.from !== null && fromFlag) {
        const v = node.resolve(copy.from);
        if (v !== null && !stageReference(model, node, unquote(v))) flag(unquote(v), fromFlag.valueRange ?? fromFlag.range, 'COPY --from image');
      }
      if (node.keyword !== 'RUN') continue;
      for (const f of node.syntax.flags) {
        if (f.name.toLowerCase() !== 'mount') continue;
        const opts = new Map(f.options.map((o) => [o.name.toLowerCase(), o]));
        const type = (opts.get('type')?.value ?? 'bind').toLowerCase();
        const from = opts.get('from');
        if ((type !== 'cache' && type !== 'bind') || !from || from.value === null) continue;
        const v = node.resolve(from.value);
        if (v !== null && !stageReference(model, node, unquote(v))) flag(unquote(v), from.range, 'RUN --mount from image');
      }
    }
  },
});
