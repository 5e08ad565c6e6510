import { PARSER_DIRECTIVES, closestMatch, defineRule, scanDirectives } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5017',
  name: 'unknown-directive',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: true,
  docs: {
    summary: 'Misspelt parser directive',
    what: 'Flags a `# name=value` line at the top of the file whose name is a near miss of a parser directive (`# sytnax=docker/dockerfile:1`, `# escpae=\\``).',
    why: 'BuildKit reads an unknown directive as a comment and stops looking for directives there, so both the misspelt directive and any directive below it are ignored.',
    examples: [{ bad: '# sytnax=docker/dockerfile:1\nFROM alpine:3.20', good: '# syntax=docker/dockerfile:1\nFROM alpine:3.20' }],
    exceptions: 'Other `# key=value` comments at the top (`# version=1.2`) are left alone; they end the directives, which DW5016 reports if a directive follows.',
    equivalents: [],
  },
  check({ model, report }) {
    const d = scanDirectives(model).stopper;
    if (!d) return;
    const guess = closestMatch(d.name, PARSER_DIRECTIVES);
    if (!guess) return;
    report({
      message: `Unknown parser directive "${d.rawName}" (did you mean ${guess}?); BuildKit reads it as a comment`,
      range: d.nameRange,
      fix: { title: `Write ${guess}`, safety: 'safe', edits: [{ range: d.nameRange, newText: guess }] },
    });
  },
});
