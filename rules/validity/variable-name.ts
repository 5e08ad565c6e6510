import { argumentText, defineRule, splitWords, unquote } from '../../src/rule-api.js';
import type { Range } from '../../src/rule-api.js';

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export default defineRule({
  code: 'DW5020',
  name: 'variable-name',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'ENV or ARG name that cannot be referenced as a variable',
    what: 'Flags an ENV or ARG name that is not a shell variable name (letters, digits and `_`, not starting with a digit): `ENV my-var=1`, `ARG app.version`.',
    why: 'The builder accepts the name, but nothing can read it back: `$my-var` in a Dockerfile or in a RUN script is `$my` followed by the text `-var`, and `${my-var}` even means "`$my`, or `var` when unset". The value silently never arrives.',
    examples: [
      { bad: 'FROM alpine:3.20\nARG app-version=1.0\nRUN echo "${app-version}"', good: 'FROM alpine:3.20\nARG APP_VERSION=1.0\nRUN echo "${APP_VERSION}"' },
      { bad: 'FROM alpine:3.20\nENV node.env=production', good: 'FROM alpine:3.20\nENV NODE_ENV=production' },
    ],
    exceptions: 'The program in the container may read such a variable from its environment directly (Java system-property style names are sometimes used that way); suppress the finding then. Names holding a `$` are not checked. LABEL keys are free-form and not checked.',
    equivalents: [],
  },
  check({ model, report }) {
    const bad = (name: string, range: Range, k: string): void => {
      if (name === '' || name.includes('$') || name.startsWith('--') || SHELL_NAME.test(name)) return;
      report({ message: `${k} name "${name}" is not a valid variable name (use letters, digits and _; not a leading digit): $${name} reads as something else`, range });
    };
    for (const node of model.nodes) {
      const s = node.syntax;
      if (s.keyword === 'ENV') {
        for (const p of s.properties) bad(unquote(p.name), p.nameRange, 'ENV');
      } else if (s.keyword === 'ARG') {
        const lt = argumentText(model, s);
        for (const w of splitWords(lt.text, model.escapeChar)) {
          const eq = w.word.indexOf('=');
          const name = eq < 0 ? w.word : w.word.slice(0, eq);
          if (/["']/.test(name)) continue;
          bad(name, lt.range(w.start, w.start + name.length), 'ARG');
        }
      }
    }
  },
});
