import { defineRule, scanDirectives } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5018',
  name: 'invalid-directive',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid or repeated parser directive',
    what: 'Flags an `# escape=` directive whose value is not a backslash or a backtick, and a parser directive (`syntax`, `escape`, `check`) given twice at the top of the file.',
    why: 'The builder fails with "invalid ESCAPE" or "only one escape parser directive can be used".',
    examples: [
      { bad: '# escape=^\nFROM mcr.microsoft.com/windows/servercore:ltsc2022', good: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022' },
      { bad: '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20', good: '# syntax=docker/dockerfile:1.7\nFROM alpine:3.20' },
    ],
    exceptions: 'Values of `# check=` are BuildKit\'s own business (unknown check names are not errors); directives that are not at the top are DW5016.',
    equivalents: ['dockerfile-utils INVALID_ESCAPE_DIRECTIVE', 'dockerfile-utils DUPLICATED_ESCAPE_DIRECTIVE'],
  },
  check({ model, report }) {
    const seen = new Set<string>();
    for (const d of scanDirectives(model).honored) {
      if (seen.has(d.name)) {
        report({ message: `Only one ${d.name} parser directive can be used`, range: d.range });
        continue;
      }
      seen.add(d.name);
      if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') {
        report({ message: `Invalid escape directive value "${d.value}": it must be \\ or \``, range: d.valueRange });
      }
    }
  },
});
