import { defineRule, type DockerfileModel, type Fix, type Range } from '../../src/rule-api.js';

export default defineRule({
  code: 'NoEmptyContinuation',
  name: 'no-empty-continuation',
  severity: 'warning',
  category: 'maintainability',
  source: 'buildkit',
  fixable: true,
  docs: {
    summary: 'Empty continuation lines will become errors in a future release',
    what: 'Flags an empty (or blank) line inside an instruction that is continued with the escape character (`\\`, or `` ` `` with `# escape=`). Each run of empty lines is reported once, from the escape character before it.',
    why: 'The parser silently skips such lines today, but support is deprecated and a later Dockerfile syntax will reject them, breaking the build. An empty line in the middle of a RUN usually also means a continuation was meant to end there.',
    examples: [
      { bad: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl', good: 'FROM alpine:3.20\nRUN apk add \\\n    curl' },
      { bad: 'FROM alpine:3.20\nEXPOSE \\\n\n80', good: 'FROM alpine:3.20\nEXPOSE \\\n# Port\n80' },
    ],
    exceptions: 'Comment lines inside a continuation are not empty and are fine. Empty lines in heredoc bodies are part of the document and are not flagged.',
    equivalents: ['BuildKit NoEmptyContinuation', 'dockerfile-utils EMPTY_CONTINUATION_LINE'],
    references: ['https://docs.docker.com/reference/build-checks/no-empty-continuation/'],
  },
  check({ model, report }) {
    if (!mayHaveEmptyContinuation(model.text, model.escapeChar)) return;
    for (const d of emptyContinuations(model)) report(d);
  },
});

/**
 * A cheap necessary condition for a finding, one native regex test over the file text: somewhere,
 * a line that ends with the escape character (and blanks) is followed by comment lines, if any,
 * then by a blank line (blank as `trim` reads it). Most files have none, and need no walk over
 * their lines.
 */
export function mayHaveEmptyContinuation(text: string, escapeChar: string): boolean {
  return (escapeChar === '`' ? EMPTY_AFTER_BACKTICK : escapeChar === '\\' ? EMPTY_AFTER_BACKSLASH : emptyAfter(escapeChar)).test(text);
}

function emptyAfter(escapeChar: string): RegExp {
  const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  // [^\S\r\n]: the characters `trim` removes, except the line terminators of LineIndex.
  return new RegExp(`${esc}[ \\t]*(?:\\r\\n?|\\n)(?:[^\\S\\r\\n]*#[^\\r\\n]*(?:\\r\\n?|\\n))*[^\\S\\r\\n]*(?:\\r\\n?|\\n|$)`);
}

const EMPTY_AFTER_BACKSLASH = emptyAfter('\\');
const EMPTY_AFTER_BACKTICK = emptyAfter('`');

/** The findings: each run of empty lines inside a continued instruction, with its fix. */
export function emptyContinuations(model: DockerfileModel): { message: string; range: Range; fix: Fix }[] {
  const out: { message: string; range: Range; fix: Fix }[] = [];
  const { lines } = model;
  const esc = model.escapeChar;
  // A final newline does not start another line.
  const lineCount = model.text.endsWith('\n') || model.text.endsWith('\r') ? lines.lineCount - 1 : lines.lineCount;
  /**
   * Column of the continuation escape character on the line, or -1. As in BuildKit, an escaped
   * escape character (`\\` at the end) does not continue the line.
   */
  const continuation = (text: string): number => {
    let k = text.length;
    while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
    if (k === 0 || text[k - 1] !== esc) return -1;
    return k === 1 || text[k - 2] !== esc ? k - 1 : -1;
  };
  /** `continuation(lines.lineText(line))`, read in place (no copy of the line: every instruction's first line is checked). */
  const continuationOfLine = (line: number): number => {
    const start = lines.lineStarts[line];
    if (start === undefined) return -1;
    const text = lines.text;
    let k = line + 1 < lines.lineCount ? (lines.lineStarts[line + 1] ?? lines.length) : lines.length;
    while (k > start && (text.charCodeAt(k - 1) === 10 || text.charCodeAt(k - 1) === 13)) k--;
    while (k > start && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
    if (k === start || text[k - 1] !== esc) return -1;
    return k === start + 1 || text[k - 2] !== esc ? k - 1 - start : -1;
  };
  for (const inst of model.syntax.instructions) {
    const first = inst.range.start.line;
    let escCol = continuationOfLine(first);
    // Where a reported range starts: the escape character, or the end of a comment line after it.
    let from = { line: first, character: escCol };
    let line = first + 1;
    while (escCol >= 0 && line < lineCount) {
      const text = lines.lineText(line);
      const trimmed = text.trim();
      if (trimmed.startsWith('#')) {
        from = { line, character: text.length };
        line++;
        continue;
      }
      if (trimmed === '') {
        let last = line;
        while (last + 1 < lineCount && lines.lineText(last + 1).trim() === '') last++;
        const range: Range = { start: from, end: { line: last, character: lines.lineText(last).length } };
        const remove: Range = { start: { line, character: 0 }, end: { line: last + 1, character: 0 } };
        out.push({
          message: 'Empty continuation line',
          range,
          fix: { title: 'Remove the empty continuation line', safety: 'safe', edits: [{ range: remove, newText: '' }] },
        });
        from = { line: last, character: lines.lineText(last).length };
        line = last + 1;
        continue;
      }
      escCol = continuation(text);
      from = { line, character: escCol };
      line++;
    }
  }
  return out;
}
