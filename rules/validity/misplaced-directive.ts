import { defineRule, scanDirectives } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5016',
  name: 'misplaced-directive',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Parser directive that the builder ignores',
    what: 'Flags a `# syntax=`, `# escape=` or `# check=` comment that is not in the run of directives at the very top of the file: after a licence header or other comment, after a blank line, after an unknown directive, or after the first instruction.',
    why: 'BuildKit stops looking for directives at the first line that is not one, and reads later ones as plain comments. A `# syntax=` below a licence header silently builds with the default frontend (no heredocs, no new flags), and a late `# escape=\\`` leaves the backslash as the escape character, which breaks Windows paths.',
    examples: [
      { bad: '# Copyright 2024 Example Inc.\n# syntax=docker/dockerfile:1\nFROM alpine:3.20', good: '# syntax=docker/dockerfile:1\n# Copyright 2024 Example Inc.\nFROM alpine:3.20' },
      { bad: '\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022', good: '# escape=`\n\nFROM mcr.microsoft.com/windows/servercore:ltsc2022' },
    ],
    exceptions: 'A late `# escape=\\` is not flagged: the backslash is the default anyway. Comments inside a continued instruction are not directives and are not checked.',
    equivalents: ['BuildKit/Docker documentation "Parser directives" (no linter equivalent)'],
  },
  check({ model, report }) {
    const scan = scanDirectives(model);
    for (const d of scan.later) {
      if (!d.known) continue;
      if (d.name === 'escape' && d.value === '\\') continue;
      const why = scan.stopper && scan.stopper.line < d.line && !model.syntax.instructions.some((i) => i.range.start.line < d.line)
        ? `the unknown directive "${scan.stopper.rawName}" on line ${scan.stopper.line + 1} ended the directives`
        : 'directives must come first, before any comment, blank line or instruction';
      report({ message: `The ${d.name} parser directive is ignored and read as a comment: ${why}`, range: d.range });
    }
  },
});
