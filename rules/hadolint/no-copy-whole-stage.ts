import { defineRule, nodesOf, stageChain, stageReference, unquote, type DockerfileModel, type Stage } from '../../src/rule-api.js';

/** True when the stage (through `FROM <stage>`) starts from `scratch`: it holds only what was put into it. */
function fromScratch(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.base.kind === 'scratch');
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
    exceptions: 'Copying all of a stage built `FROM scratch` is not flagged: such an export stage holds only the files deliberately put into it (hadolint flags it).',
    equivalents: ['hadolint DL3067'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'COPY', { onbuild: false })) {
      const copy = node.copy;
      const dest = copy?.dest;
      if (!copy || copy.from === null || !dest || unquote(dest.value) !== '/') continue;
      const root = copy.sources.find((s) => unquote(s.value) === '/');
      if (!root) continue;
      const resolved = node.resolve(copy.from);
      const source = resolved === null ? null : stageReference(model, node, unquote(resolved));
      if (source && fromScratch(model, source)) continue;
      report({ message: `Do not copy an entire filesystem from another stage: \`COPY --from=${copy.from} / /\``, range: { start: root.range.start, end: dest.range.end } });
    }
  },
});
