import { argumentText, defineRule, nodesOf, type DockerfileModel, type Instruction, type Range } from '../../src/rule-api.js';

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

/**
 * A cheap necessary condition for a finding, read from the file text without joining the lines:
 * a `#` before the instruction's last line that can start a comment in the joined text. That is a
 * `#` at the start of the arguments, or after a word break, unless it is the first non-blank
 * character of a later line (the joined text drops such comment lines). A comment that starts on
 * the last line cannot swallow a following one. Most multi-line RUNs with a `#` have only comment
 * lines, `${v#prefix}` or URL fragments, and need no joined text at all.
 */
export function mayHaveSwallowingComment(model: DockerfileModel, s: Instruction): boolean {
  const { text, lines } = model;
  const lastLineStart = lines.lineStarts[s.range.end.line] ?? text.length;
  for (let p = text.indexOf('#', s.argsStart); p >= 0 && p < lastLineStart; p = text.indexOf('#', p + 1)) {
    if (p === s.argsStart) return true;
    if (!WORD_BREAK.includes(text[p - 1] ?? '')) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', p - 1), text.lastIndexOf('\r', p - 1)) + 1;
    let k = lineStart;
    while (k < p && (text[k] === ' ' || text[k] === '\t')) k++;
    // Only blanks before it on a line after the first: a comment line, which the joined text drops.
    if (lineStart > s.argsStart && k === p) continue;
    return true;
  }
  return false;
}

/** Where the first shell comment of a RUN starts and where the text it swallows ends, when they are on different lines. */
export function swallowingComment(model: DockerfileModel, s: Instruction): { from: Range['start']; to: Range['start'] } | null {
  const lt = argumentText(model, s);
  const at = commentStart(lt.text);
  if (at < 0) return null;
  const nl = lt.text.indexOf('\n', at);
  const end = nl < 0 ? lt.text.length : nl;
  const from = lt.range(at, at + 1).start;
  const to = lt.range(end - 1, end).end;
  return from.line === to.line ? null : { from, to };
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
      if (s.range.start.line === s.range.end.line || !mayHaveSwallowingComment(model, s)) continue;
      const found = swallowingComment(model, s);
      if (found === null) continue;
      const { from, to } = found;
      const swallowed = to.line - from.line;
      report({
        message: `This shell comment continues over the line continuation and comments out the next ${swallowed === 1 ? 'line' : `${swallowed} lines`} of the RUN: end the command before the comment, or move the comment onto its own line`,
        range: { start: from, end: { line: from.line, character: Math.max(from.character + 1, model.lines.lineText(from.line).trimEnd().slice(0, -1).trimEnd().length) } },
      });
    }
  },
});
