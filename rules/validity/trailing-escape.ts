import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5021',
  name: 'trailing-escape',
  severity: 'warning',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: true,
  docs: {
    summary: 'Line continuation at the end of the file',
    what: 'Flags a last instruction whose last line ends with the escape character (`\\`, or `` ` `` after `# escape=`), so that it continues into the end of the file.',
    why: 'The builder accepts it, but it almost always means the lines that were meant to follow were deleted or never written (a truncated copy, a bad merge). Some tools crash on it (dockerfile_lint does). Appending an instruction later silently joins it to this one.',
    examples: [{ bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl' }],
    exceptions: 'Heredoc bodies are not checked.',
    equivalents: [],
  },
  check({ model, report }) {
    const insts = model.syntax.instructions;
    const last = insts[insts.length - 1];
    if (!last || last.heredocs.length > 0) return;
    // Every line after the instruction must be blank or a comment.
    for (let l = last.range.end.line + 1; l < model.lines.lineCount; l++) {
      const t = model.lines.lineText(l).trim();
      if (t !== '' && !t.startsWith('#')) return;
    }
    // The last non-blank, non-comment line of the instruction.
    for (let l = last.range.end.line; l >= last.range.start.line; l--) {
      const raw = model.lines.lineText(l);
      const t = raw.trimEnd();
      if (t.trim() === '' || (l !== last.range.start.line && t.trimStart().startsWith('#'))) continue;
      // As in BuildKit, an escaped escape character (`C:\\`) does not continue the line.
      if (!t.endsWith(model.escapeChar) || t.endsWith(model.escapeChar + model.escapeChar)) return;
      const at = t.length - 1;
      const range = { start: { line: l, character: at }, end: { line: l, character: at + 1 } };
      report({
        message: `The file ends inside a line continuation: the ${last.keyword} instruction ends with "${model.escapeChar}" and nothing follows`,
        range,
        fix: { title: 'Remove the trailing line continuation', safety: 'safe', edits: [{ range: { start: { line: l, character: t.trimEnd().slice(0, -1).trimEnd().length }, end: { line: l, character: raw.length } }, newText: '' }] },
      });
      return;
    }
  },
});
