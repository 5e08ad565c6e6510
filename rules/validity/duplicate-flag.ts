import { defineRule, knownFlags, nodesWithBuilderFlags } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5003',
  name: 'duplicate-flag',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Flag given more than once',
    what: 'Flags the second and later occurrence of a flag that may appear only once (`COPY --chown=a --chown=b`). Repeatable flags (`RUN --mount`, `RUN --device`, `COPY/ADD --exclude`) are not flagged.',
    why: 'BuildKit fails the build with "Duplicate flag specified". Which value was meant is unclear to a reader too.',
    examples: [{ bad: 'FROM alpine:3.20\nCOPY --chown=app --chown=root app /app', good: 'FROM alpine:3.20\nCOPY --chown=app app /app' }],
    exceptions: 'Unknown flags are left to DW5002.',
    equivalents: ['dockerfile-utils FLAG_DUPLICATE'],
  },
  check({ model, report }) {
    // Only instructions with flags can have a flag problem (a per-model list shared by the flag rules).
    for (const { node, flags } of nodesWithBuilderFlags(model)) {
      const s = node.syntax;
      if (s.keyword === 'HEALTHCHECK' && s.args[0]?.value.toUpperCase() === 'NONE') continue;
      const known = knownFlags(s.keyword);
      const seen = new Set<string>();
      for (const f of flags) {
        const kind = Object.prototype.hasOwnProperty.call(known, f.name) ? known[f.name] : undefined;
        if (kind === undefined || kind === 'strings') continue;
        if (seen.has(f.name)) report({ message: `Duplicate flag specified: --${f.name}`, range: f.nameRange });
        seen.add(f.name);
      }
    }
  },
});
