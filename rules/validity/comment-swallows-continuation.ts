import { argumentText, defineRule, nodesOf } from '../../src/rule-api.js';

/** Characters after which a `#` starts a shell comment. */
const WORD_BREAK = ' \t\n;&|()<>';

/** Offset of the first `#` that starts a shell comment in `t`, or -1 (quotes and backslashes respected). */
function commentStart(t: string): number {
  let q: string | null = null;
  for (let i = 0; i < t.length; i++) {
    const c = t[i] ?? '';
    if (q === "'") {
      if (c === "'") q = null;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (q === '"') {
      if (c === '"') q = null;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || WORD_BREAK.includes(t[i - 1] ?? ''))) return i;
  }
  return -1;
}

export default defineRule({
  code: 'DW5023',
  name: 'comment-swallows-continuation',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Shell comment followed by a line continuation swallows the next lines',
    what: 'Flags a shell-form RUN in which a `# comment` at the end of a line is followed by a line continuation. The builder joins the lines before the shell sees them, so everything after the `#` up to the end of the instruction is one comment.',
    why: 'The commands on the following lines silently never run: `apt-get install -y curl # for healthchecks \\` followed by `&& rm -rf /var/lib/apt/lists/*` leaves the lists in the image, with no error. Whole-line comments inside a continuation are fine: the builder removes those lines.',
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl # needed for healthchecks \\\n    && rm -rf /var/lib/apt/lists/*',
        good: 'FROM debian:12-slim\n# curl is needed for healthchecks\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
      },
    ],
    exceptions: 'Heredoc scripts, exec form, non-POSIX shells (PowerShell, cmd) and files with a backtick escape character (Windows images) are not checked.',
    equivalents: ['hadolint issue #531 (not implemented there)'],
  },
  check({ model, report }) {
    // A backtick escape character means a Windows image, whose default shell (cmd) has no `#` comments.
    if (model.escapeChar !== '\\') return;
    for (const node of nodesOf(model, 'RUN')) {
      const s = node.syntax;
      if (s.json || s.heredocs.length > 0 || (node.run && !node.run.posix)) continue;
      if (s.range.start.line === s.range.end.line || !model.text.slice(s.argsStart, s.end).includes('#')) continue;
      const lt = argumentText(model, s);
      const at = commentStart(lt.text);
      if (at < 0) continue;
      const nl = lt.text.indexOf('\n', at);
      const end = nl < 0 ? lt.text.length : nl;
      const from = lt.range(at, at + 1).start;
      const to = lt.range(end - 1, end).end;
      if (from.line === to.line) continue;
      const swallowed = to.line - from.line;
      report({
        message: `This shell comment continues over the line continuation and comments out the next ${swallowed === 1 ? 'line' : `${swallowed} lines`} of the RUN: end the command before the comment, or move the comment onto its own line`,
        range: { start: from, end: { line: from.line, character: Math.max(from.character + 1, model.lines.lineText(from.line).trimEnd().slice(0, -1).trimEnd().length) } },
      });
    }
  },
});
