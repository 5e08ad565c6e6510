import { defineRule, nodesOf, removeQuotes } from '../../src/rule-api.js';
import type { Word } from '../../src/rule-api.js';

/** True when a context path climbs above the context root (`../x`, `a/../../x`). */
function climbsOut(p: string): boolean {
  let depth = 0;
  for (const seg of p.split('/')) {
    if (seg === '..') {
      depth--;
      if (depth < 0) return true;
    } else if (seg !== '' && seg !== '.') depth++;
  }
  return false;
}

export default defineRule({
  code: 'DW5024',
  name: 'copy-source-outside-context',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'COPY or ADD source that climbs out of the build context',
    what: 'Flags a COPY or ADD source from the build context (no `--from`) that climbs above the context with `..` (`COPY ../shared/nginx.conf /etc/nginx/`).',
    why: 'Sources are always read from the build context, and `..` cannot leave it: it stops at the context root. The file in the parent directory is never copied; the build fails with "not found", or silently copies a file of the same name from the context root.',
    examples: [{ bad: 'FROM nginx:1.27\nCOPY ../shared/nginx.conf /etc/nginx/', good: 'FROM nginx:1.27\nCOPY shared/nginx.conf /etc/nginx/' }],
    exceptions: 'Absolute sources (`COPY /.patches/x.patch ./`) are not flagged: they mean "from the context root", and official images use them that way (dockerfilelint\'s add_src_invalid flags them). Sources with `--from`, URLs and git sources of ADD, heredocs, and sources holding a variable with an unknown value are not checked.',
    equivalents: ['dockerfilelint add_src_invalid'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, ['COPY', 'ADD'])) {
      const c = node.copy;
      const s = node.syntax;
      if (!c || c.from !== null || s.heredocs.length > 0) continue;
      const sources: readonly Word[] = c.sources;
      for (const w of sources) {
        const resolved = node.resolve(w.value);
        if (resolved === null) continue;
        const p = removeQuotes(resolved, model.escapeChar);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('git@') || p.startsWith('<<')) continue;
        if (climbsOut(p)) {
          report({ message: `${s.keyword} source "${p}" climbs out of the build context; the builder cannot read files outside it (.. stops at the context root)`, range: w.range });
        }
      }
    }
  },
});
