import { defineRule, nodesOf, type TextEdit } from '../../src/rule-api.js';

export default defineRule({
  code: 'LegacyKeyValueFormat',
  name: 'legacy-key-value-format',
  severity: 'warning',
  category: 'maintainability',
  source: 'buildkit',
  fixable: true,
  docs: {
    summary: 'Legacy key/value format with whitespace separator should not be used',
    what: 'Flags ENV and LABEL instructions in the legacy `KEY value` form (key and value separated by whitespace instead of `=`), including ONBUILD triggers.',
    why: 'The legacy form is deprecated. It also reads differently from the modern one: `ENV A b c` sets A to `b c`, while `ENV A=b c` is an error, and a single instruction can only set one variable.',
    examples: [
      { bad: 'FROM alpine:3.20\nENV foo bar', good: 'FROM alpine:3.20\nENV foo=bar' },
      { bad: 'FROM alpine:3.20\nLABEL maintainer team@example.com', good: 'FROM alpine:3.20\nLABEL maintainer=team@example.com' },
    ],
    exceptions: 'ARG is not flagged: `ARG a b` declares two arguments, a and b, rather than one with a value. The fix is offered when the value is a single line; a value with blanks is wrapped in double quotes.',
    equivalents: ['BuildKit LegacyKeyValueFormat', 'dockerfilelint label_invalid'],
    references: ['https://docs.docker.com/reference/build-checks/legacy-key-value-format/'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, ['ENV', 'LABEL'])) {
      const s = node.syntax;
      for (const p of s.properties) {
        if (p.operator !== null || p.valueRange === null) continue;
        const edits: TextEdit[] = [];
        const sameLine = p.nameRange.end.line === p.valueRange.start.line && p.valueRange.start.line === p.valueRange.end.line;
        if (sameLine) {
          const line = model.lines.lineText(p.valueRange.start.line);
          const raw = line.slice(p.valueRange.start.character, p.valueRange.end.character);
          const gap = { start: p.nameRange.end, end: p.valueRange.start };
          if (!/\s/.test(raw)) edits.push({ range: gap, newText: '=' });
          else if (!/["'\\`$]/.test(raw)) edits.push({ range: { start: p.nameRange.end, end: p.valueRange.end }, newText: `="${raw}"` });
        }
        report({
          message: `"${s.rawKeyword} key=value" should be used instead of legacy "${s.rawKeyword} key value" format`,
          range: p.nameRange,
          ...(edits.length > 0 ? { fix: { title: 'Use key=value', safety: 'safe' as const, edits } } : {}),
        });
      }
    }
  },
});
