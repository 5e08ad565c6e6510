import { argumentText, defineRule, nodesOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5013',
  name: 'shell-json',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'SHELL must be a non-empty JSON array of strings',
    what: 'Flags a SHELL instruction that is not written as a JSON array of strings (`SHELL /bin/bash -c`, `SHELL [\'/bin/bash\', \'-c\']`) or whose array is empty (`SHELL []`).',
    why: 'Unlike CMD or RUN, SHELL has no shell form: the builder fails with "SHELL requires the arguments to be in JSON form" or "SHELL requires at least one argument".',
    examples: [
      { bad: 'FROM debian:12-slim\nSHELL /bin/bash -o pipefail -c', good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]' },
      { bad: "FROM debian:12-slim\nSHELL ['/bin/bash', '-c']", good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]' },
    ],
    exceptions: 'None.',
    equivalents: ['dockerfile-utils SHELL_JSON_FORM', 'dockerfile-utils SHELL_REQUIRES_ONE', 'dockerfilelint invalid_format'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'SHELL')) {
      const s = node.syntax;
      if (s.args.length === 0) continue; // DW5006
      const lt = argumentText(model, s);
      const lead = lt.text.length - lt.text.trimStart().length;
      const t = lt.text.trim();
      const range = lt.range(lead, lead + t.length);
      let parsed: unknown;
      try {
        parsed = t.startsWith('[') ? JSON.parse(t) : undefined;
      } catch {
        parsed = undefined;
      }
      if (!Array.isArray(parsed)) {
        const hint = t.startsWith('[') && t.includes("'") ? ' (JSON needs double quotes)' : '';
        report({ message: `SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/sh", "-c"]${hint}`, range });
      } else if (parsed.length === 0) {
        report({ message: 'SHELL requires at least one argument', range });
      } else if (!parsed.every((x) => typeof x === 'string')) {
        report({ message: 'SHELL must be a JSON array of strings ("not a string array")', range });
      }
    }
  },
});
