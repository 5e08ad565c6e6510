import { defineRule, nodesOf, stageReference, unquote } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3022',
  name: 'copy-from-known-stage',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: '`COPY --from` should reference a previously defined `FROM` alias',
    what: 'Flags `COPY --from=<x>` where `<x>` is neither the name of a stage defined earlier (or the current one) nor a stage index below the number of stages so far, and does not look like an image reference.',
    why: 'BuildKit takes an unknown `--from` value for an image name: a typo in a stage name, or a stage defined further down, silently pulls `<x>:latest` from a registry instead of copying from your build.',
    examples: [
      { bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biuld /app /app', good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app' },
    ],
    exceptions: 'Values with `:` (a tag), `@` (a digest) or `/` (a repository path) are image references and are not flagged; hadolint only exempts `:`. Stage names are compared case-insensitively, as BuildKit does. Variables are substituted first, and a value that cannot be known is not flagged (hadolint flags `--from=$STAGE`).',
    equivalents: ['hadolint DL3022'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'COPY', { onbuild: false })) {
      const copy = node.copy;
      const flag = copy?.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!copy || copy.from === null || !flag) continue;
      const resolved = node.resolve(copy.from);
      if (resolved === null) continue;
      const value = unquote(resolved);
      if (value === '' || /[:@/]/.test(value)) continue;
      if (stageReference(model, node, value)) continue;
      const later = model.stages.find((s) => s.name === value.toLowerCase());
      const why = later ? `stage "${value}" is defined later, on line ${later.from.range.start.line + 1}` : /^\d+$/.test(value) ? `there is no stage ${value} before this point` : `no stage is named "${value}"`;
      report({ message: `\`COPY --from\` should reference a previously defined \`FROM\` alias: ${why}`, range: flag.valueRange ?? flag.range });
    }
  },
});
