import { argumentText, defineRule, logicalText, splitWords } from '../../src/rule-api.js';
import type { Range } from '../../src/rule-api.js';

/** The quote left open at the end of `value` (shell-lexer rules), or null when balanced. */
function openQuote(value: string, esc: string): string | null {
  let q: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (q === "'") {
      if (c === "'") q = null;
      continue;
    }
    if (c === esc) {
      i++;
      continue;
    }
    if (q === '"') {
      if (c === '"') q = null;
      continue;
    }
    if (c === '"' || c === "'") q = c;
  }
  return q;
}

export default defineRule({
  code: 'DW5019',
  name: 'key-value-syntax',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Malformed ENV, LABEL or ARG pair',
    what: 'Flags `ENV NAME` or `LABEL key` without a value, a pair without `=` after a `name=value` pair (`ENV A=1 B`), a blank name (`ENV =value`, `ARG =1`), and a value whose single or double quote is never closed.',
    why: 'The builder fails with "ENV must have two arguments", "Syntax error - can\'t find = in \\"B\\"", "ENV names can not be blank" or "unexpected end of statement while looking for matching double-quote". `ENV A=1 B` often means a missing `=` or a value with a space that needed quotes.',
    examples: [
      { bad: 'FROM alpine:3.20\nENV APP_HOME', good: 'FROM alpine:3.20\nENV APP_HOME=/app' },
      { bad: 'FROM alpine:3.20\nENV GREETING=hello world', good: 'FROM alpine:3.20\nENV GREETING="hello world"' },
      { bad: 'FROM alpine:3.20\nLABEL description="web server', good: 'FROM alpine:3.20\nLABEL description="web server"' },
    ],
    exceptions: 'The legacy `ENV NAME value with spaces` form is valid (BuildKit\'s LegacyKeyValueFormat suggests `=`). `ARG NAME` without a value is valid.',
    equivalents: ['dockerfile-utils ARGUMENT_REQUIRES_TWO', 'dockerfile-utils SYNTAX_MISSING_EQUALS', 'dockerfile-utils SYNTAX_MISSING_NAMES', 'dockerfile-utils SYNTAX_MISSING_SINGLE_QUOTE', 'dockerfile-utils SYNTAX_MISSING_DOUBLE_QUOTE', 'dockerfilelint label_invalid'],
  },
  check({ model, report }) {
    const esc = model.escapeChar;
    const quoteMsg = (q: string, what: string): string => `Unterminated ${q === '"' ? 'double' : 'single'} quote in ${what}: the value runs to the end of the instruction and the builder fails`;
    for (const node of model.nodes) {
      const s = node.syntax;
      const k = s.keyword;
      if (k === 'ENV' || k === 'LABEL') {
        const props = s.properties;
        const first = props[0];
        if (!first) continue;
        if (props.length === 1 && first.operator === null && first.value === null) {
          report({ message: `${k} must have two arguments: ${k} ${first.name}=<value>`, range: first.nameRange });
          continue;
        }
        for (const p of props) {
          if (p.name === '') {
            report({ message: `${k} names can not be blank`, range: p.range });
            continue;
          }
          if (p.operator === null && p.value === null) {
            report({ message: `Syntax error - can't find = in "${p.name}": must be of the form name=value (quote values that contain spaces)`, range: p.nameRange });
            continue;
          }
          if (!p.valueRange) continue;
          const vs = model.lines.offsetAt(p.valueRange.start);
          const ve = model.lines.offsetAt(p.valueRange.end);
          const slice = model.text.slice(vs, ve);
          if (!slice.includes('"') && !slice.includes("'")) continue;
          const raw = logicalText(model, vs, ve).text;
          const q = openQuote(raw, esc);
          if (q) report({ message: quoteMsg(q, `${k} ${p.name}`), range: p.valueRange });
        }
      } else if (k === 'ARG') {
        if (!s.args.some((a) => a.value.includes('=') || a.value.includes('"') || a.value.includes("'"))) continue;
        const lt = argumentText(model, s);
        for (const w of splitWords(lt.text, esc)) {
          const range: Range = lt.range(w.start, w.end);
          const eq = w.word.indexOf('=');
          if (eq === 0) {
            report({ message: 'ARG names can not be blank', range });
            continue;
          }
          const q = openQuote(w.word, esc);
          if (q) report({ message: quoteMsg(q, `ARG ${eq < 0 ? w.word : w.word.slice(0, eq)}`), range });
        }
      }
    }
  },
});
