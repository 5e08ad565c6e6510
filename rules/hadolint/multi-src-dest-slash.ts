import { defineRule, nodesOf, unquote } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3021',
  name: 'multi-src-dest-slash',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'COPY with more than 2 arguments requires the last argument to end with /',
    what: 'Flags a COPY or ADD with two or more sources whose destination does not end with `/`.',
    why: 'With several sources the destination must be a directory. The classic builder refuses the instruction ("the destination must be a directory and end with a /"), and without the slash a reader cannot tell whether a file or a folder is meant.',
    examples: [{ bad: 'FROM node:22-slim\nCOPY package.json package-lock.json /app', good: 'FROM node:22-slim\nCOPY package.json package-lock.json /app/' }],
    exceptions: 'A destination with a variable is checked after substitution, and not at all when its value cannot be known. hadolint checks COPY only; dockwise checks ADD too, where the same constraint holds. A single source with a wildcard (`COPY *.json /app`) is not flagged, since the number of matches is unknown.',
    equivalents: ['hadolint DL3021', 'Trivy DS-0011', 'dockerfilelint add_dest_invalid', 'dockerfile-utils INVALID_DESTINATION'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, ['COPY', 'ADD'])) {
      const copy = node.copy;
      const dest = copy?.dest;
      if (!copy || !dest || copy.sources.length < 2) continue;
      const resolved = node.resolve(dest.value);
      if (resolved === null) continue;
      const d = unquote(resolved);
      if (d.endsWith('/') || d.endsWith('\\')) continue;
      const endOffset = model.lines.offsetAt(dest.range.end);
      const quoted = model.text[endOffset - 1] === '"' || model.text[endOffset - 1] === "'";
      const end = quoted ? model.lines.positionAt(endOffset - 1) : dest.range.end;
      report({
        message: `${copy.kind} with more than 2 arguments requires the last argument to end with /: use \`${d}/\``,
        range: dest.range,
        fix: { title: 'Add a trailing / to the destination', safety: 'safe', edits: [{ range: { start: end, end }, newText: '/' }] },
      });
    }
  },
});
