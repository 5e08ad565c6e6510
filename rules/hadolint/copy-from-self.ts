import { defineRule, nodesOf, stageReference, unquote } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3023',
  name: 'copy-from-self',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: '`COPY --from` cannot reference its own `FROM` alias',
    what: 'Flags `COPY --from=<x>` where `<x>` is the name or the index of the stage the COPY is in.',
    why: 'A stage cannot copy from itself: the build fails with a circular dependency. The intended source is usually another stage with a similar name.',
    examples: [
      { bad: 'FROM golang:1.23 AS build\nCOPY --from=build /src /src', good: 'FROM golang:1.23 AS build\nCOPY . /src\nFROM alpine:3.20\nCOPY --from=build /src /src' },
    ],
    exceptions: 'Names are compared case-insensitively, as BuildKit does, and variables are substituted first. dockwise also catches the stage\'s own index (`--from=0` in the first stage), which hadolint does not.',
    equivalents: ['hadolint DL3023', 'Trivy DS-0006'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'COPY', { onbuild: false })) {
      const copy = node.copy;
      const flag = copy?.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!copy || copy.from === null || !flag || node.stageIndex === null) continue;
      const resolved = node.resolve(copy.from);
      if (resolved === null) continue;
      const target = stageReference(model, node, unquote(resolved));
      if (!target || target.index !== node.stageIndex) continue;
      report({ message: '`COPY --from` cannot reference its own `FROM` alias', range: flag.valueRange ?? flag.range });
    }
  },
});
