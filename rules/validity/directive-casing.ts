import { defineRule, scanDirectives } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5015',
  name: 'directive-casing',
  severity: 'warning',
  category: 'style',
  source: 'dockerfile-utils',
  fixable: true,
  docs: {
    summary: 'Parser directives should be written in lowercase',
    what: 'Flags a parser directive whose name is not lowercase (`# Syntax=docker/dockerfile:1`, `# ESCAPE=\\``).',
    why: 'BuildKit reads directive names case-insensitively, but the documentation, other tools and readers expect `syntax`, `escape` and `check`. Some tools only recognise the lowercase form.',
    examples: [{ bad: '# Syntax=docker/dockerfile:1\nFROM alpine:3.20', good: '# syntax=docker/dockerfile:1\nFROM alpine:3.20' }],
    exceptions: 'Only directives BuildKit actually reads (at the top of the file) are checked; misplaced ones are DW5016.',
    equivalents: ['dockerfile-utils CASING_DIRECTIVE'],
  },
  check({ model, report }) {
    for (const d of scanDirectives(model).honored) {
      if (d.rawName === d.name) continue;
      report({
        message: `Parser directives should be written in lowercase: ${d.rawName} -> ${d.name}`,
        range: d.nameRange,
        fix: { title: `Write ${d.name}`, safety: 'safe', edits: [{ range: d.nameRange, newText: d.name }] },
      });
    }
  },
});
