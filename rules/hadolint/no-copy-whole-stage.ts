import { defineRule, nodesOf, parseImageRef, stageChain, stageOf, stageReference, unquote, type DockerfileModel, type Stage } from '../../src/rule-api.js';

/**
 * Images made to be copied whole into another stage: tonistiigi/xx is a `FROM scratch` image of
 * cross-compilation helper scripts whose documented use is `COPY --from=xx / /`.
 */
const OVERLAY_IMAGES: ReadonlySet<string> = new Set(['tonistiigi/xx', 'docker.io/tonistiigi/xx']);

function isOverlayImage(p: { registry: string | null; repository: string }): boolean {
  return OVERLAY_IMAGES.has(p.registry === null ? p.repository : `${p.registry}/${p.repository}`);
}

/** True when the stage (through `FROM <stage>`) starts from `scratch`: it holds only what was put into it. */
function fromScratch(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.base.kind === 'scratch');
}

/** True when the stage (through `FROM <stage>`) is built on an overlay image such as tonistiigi/xx. */
function fromOverlayImage(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => (s.base.kind === 'image' && isOverlayImage(s.base.image)) || (s.base.kind === 'unknown' && isOverlayImage(parseImageRef(s.base.raw))));
}

export default defineRule({
  code: 'DL3067',
  name: 'no-copy-whole-stage',
  severity: 'warning',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Do not copy an entire filesystem from another stage',
    what: 'Flags `COPY --from=<stage> / /`, which copies the whole root filesystem of another stage or image.',
    why: 'Copying `/` brings along everything the other stage had: compilers, caches, package databases and secrets used during its build. That defeats the point of a multi-stage build; copy the directories you need.',
    examples: [
      { bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build / /', good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app' },
    ],
    exceptions:
      'Not flagged (hadolint flags all three): copying all of a stage built `FROM scratch`, since such an export stage holds only the files deliberately put into it; copying into a stage built `FROM scratch`, which squashes the other stage into one layer or gathers export stages and adds nothing the other stage did not already have; and copying all of `tonistiigi/xx`, a `FROM scratch` image of cross-compilation helpers whose documented use is `COPY --from=xx / /`.',
    equivalents: ['hadolint DL3067'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'COPY', { onbuild: false })) {
      const copy = node.copy;
      const dest = copy?.dest;
      if (!copy || copy.from === null || !dest || unquote(dest.value) !== '/') continue;
      const root = copy.sources.find((s) => unquote(s.value) === '/');
      if (!root) continue;
      const target = stageOf(model, node);
      if (target && fromScratch(model, target)) continue;
      const resolved = node.resolve(copy.from);
      const name = resolved === null ? null : unquote(resolved);
      const source = name === null ? null : stageReference(model, node, name);
      if (source && (fromScratch(model, source) || fromOverlayImage(model, source))) continue;
      if (!source && name !== null && isOverlayImage(parseImageRef(name))) continue;
      report({ message: `Do not copy an entire filesystem from another stage: \`COPY --from=${copy.from} / /\``, range: { start: root.range.start, end: dest.range.end } });
    }
  },
});
