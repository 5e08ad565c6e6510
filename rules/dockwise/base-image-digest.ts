import { defineRule, parseImageRef, stageReference, type DockerfileModel, type InstructionNode, type Range } from '../../src/rule-api.js';

interface ImageUse {
  /** The reference after ARG substitution. */
  ref: string;
  range: Range;
  where: string;
}

/** Every image the build pulls: FROM images, `COPY --from=<image>` and `RUN --mount=from=<image>`. */
function imageUses(model: DockerfileModel): ImageUse[] {
  const out: ImageUse[] = [];
  for (const stage of model.stages) {
    if (stage.base.kind === 'image' && stage.base.image.resolved !== null) {
      out.push({ ref: stage.base.image.resolved, range: stage.base.image.range, where: 'FROM' });
    }
  }
  const external = (node: InstructionNode, value: string): string | null => {
    const resolved = node.resolve(value);
    if (resolved === null || resolved === '' || /^\d+$/.test(resolved)) return null;
    if (stageReference(model, node, resolved)) return null;
    if (resolved.toLowerCase() === 'scratch') return null;
    return resolved;
  };
  for (const node of model.nodes) {
    if (node.onbuild) continue;
    if (node.copy?.from) {
      const ref = external(node, node.copy.from);
      const flag = node.copy.flags.find((f) => f.name.toLowerCase() === 'from');
      if (ref !== null && flag) out.push({ ref, range: flag.valueRange ?? flag.range, where: `${node.keyword} --from` });
    }
    for (const m of node.run?.mounts ?? []) {
      if (!m.from) continue;
      const ref = external(node, m.from);
      if (ref !== null) out.push({ ref, range: m.range, where: 'RUN --mount from=' });
    }
  }
  return out;
}

export default defineRule({
  code: 'DW1001',
  name: 'base-image-digest',
  severity: 'info',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Pin images by digest as well as by tag',
    what:
      'With `strict-pinning: true`, flags an image reference with a tag but no `@sha256:` digest: the base image of a FROM (after ARG substitution), an image named by `COPY --from=` and one mounted with `RUN --mount=from=`. Stage names, `scratch`, references with an unknown variable, and references without a tag or with `latest` (hadolint DL3006 and DL3007) are left alone.',
    why:
      'A tag is a name the publisher can move: `python:3.12-slim` is rebuilt every few weeks and points at a new image each time, so two builds of the same Dockerfile start from different bytes. A digest names exactly one image; tools such as Renovate or Dependabot keep it current. Digests make builds reproducible, at the price of updating them deliberately.',
    examples: [
      {
        bad: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app',
        good: 'FROM golang:1.22@sha256:0a47e9e4e7a5e6b3f1e2d3c4b5a697887766554433221100ffeeddccbbaa9988 AS build\nRUN go build -o /app .\nFROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\nCOPY --from=build /app /app',
        settings: { strictPinning: true },
      },
    ],
    exceptions:
      'Off by default, as the finding applies to nearly every Dockerfile: turn it on with `strict-pinning: true` in the configuration (or `DOCKWISE_STRICT_PINNING=1`). The rule is not opt-in by code: the setting is the switch, so `enable: [DW1001]` alone reports nothing. The digest itself cannot be looked up offline, so there is no automatic fix.',
    equivalents: ['Trivy/Checkov CKV_DOCKER_7 (partly)'],
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
  },
  check({ model, settings, report }) {
    if (!settings.strictPinning) return;
    for (const u of imageUses(model)) {
      const ref = parseImageRef(u.ref);
      if (ref.digest !== null || ref.tag === null || ref.tag === 'latest') continue;
      report({
        message: `\`${u.ref}\` (${u.where}) has a tag but no digest: the tag can be moved to another image. Pin it as \`${u.ref}@sha256:<digest>\` (\`docker buildx imagetools inspect ${u.ref}\` shows the digest)`,
        range: u.range,
      });
    }
  },
});
