import { argumentText, defineRule, type DockerfileModel, type InstructionNode, type TextEdit } from '../../src/rule-api.js';

/** The RUN's flags in a comparable form (order of `--mount`s does not matter). */
function flagKey(node: InstructionNode): string {
  return node.syntax.flags
    .map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`)
    .sort()
    .join(' ');
}

/**
 * Number of commands hadolint counts in a RUN (every named command, nested ones included). For a
 * non-POSIX shell (PowerShell, cmd), the statements separated by `;`, `&&`, `||` or `|` outside quotes.
 */
function commandCount(model: DockerfileModel, node: InstructionNode): number {
  const run = node.run;
  if (!run) return 0;
  if (run.posix || run.form === 'exec') return run.commands.filter((c) => c.nameWord !== null).length;
  const text = argumentText(model, node.syntax).text;
  let count = 0;
  let content = false;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      content = true;
    } else if (c === ';' || c === '|' || c === '&' || c === '\n') {
      if (content) count++;
      content = false;
    } else if (c !== ' ' && c !== '\t') {
      content = true;
    }
  }
  return count + (content ? 1 : 0);
}

export default defineRule({
  code: 'DL3059',
  name: 'consolidate-runs',
  severity: 'info',
  category: 'style',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Multiple consecutive `RUN` instructions. Consider consolidation',
    what: 'Flags a RUN that directly follows another RUN (only comments or blank lines between them) with the same flags, when each of the two runs at most two commands.',
    why: 'Each RUN is a layer. Short steps in a row cost layers and cache entries, and files that a later step deletes still ship in the earlier layer. Joining them with `&&` makes one layer.',
    examples: [
      { bad: 'FROM debian:12\nRUN mkdir -p /app\nRUN chown 1000 /app', good: 'FROM debian:12\nRUN mkdir -p /app && chown 1000 /app' },
    ],
    exceptions: 'Any other instruction between the two RUNs resets the check, and RUNs with different flags (`--mount`, `--network`) are never merged. RUNs with longer command chains are left alone, since they are usually split on purpose (for caching); under a PowerShell or cmd SHELL, statements are counted by their `;`, `&&`, `||` and `|` separators. dockwise also leaves heredoc RUNs (`RUN <<EOF`) alone, which cannot simply be joined (hadolint flags them). The fix joins the two RUNs with `&& \\`; it is unsafe because the second part then runs in the first part\'s shell (its directory and variables), and it is only offered when no comment separates them.',
    equivalents: ['hadolint DL3059'],
  },
  check({ model, report }) {
    let prev: InstructionNode | null = null;
    for (const node of model.nodes) {
      if (node.onbuild) continue;
      const isRun = node.keyword === 'RUN' && node.run !== null && node.syntax.heredocs.length === 0;
      if (!isRun) {
        prev = null;
        continue;
      }
      if (prev && flagKey(prev) === flagKey(node) && commandCount(model, prev) <= 2 && commandCount(model, node) <= 2) {
        const fix = mergeEdit(prev, node);
        report({
          message: `Multiple consecutive \`RUN\` instructions. Consider consolidation with the RUN on line ${prev.syntax.range.start.line + 1}`,
          range: node.syntax.keywordRange,
          ...(fix ? { fix: { title: 'Join with the previous RUN', safety: 'unsafe' as const, edits: [fix] } } : {}),
        });
      }
      prev = node;
    }

    /** Replace the gap `\nRUN [flags] ` between two shell-form RUNs with ` && \` and a continuation line. */
    function mergeEdit(a: InstructionNode, b: InstructionNode): TextEdit | null {
      if (a.run?.form !== 'shell' || b.run?.form !== 'shell' || !a.run.shell || !b.run.shell) return null;
      const cmds = a.run.commands;
      const last = cmds.reduce<(typeof cmds)[number] | null>((acc, c) => (acc === null || c.end > acc.end ? c : acc), null);
      if (!last || last.connector !== null) return null;
      const aEnd = a.syntax.end;
      const lastEnd = model.lines.offsetAt(a.run.shell.range(last.start, last.end).end);
      if (model.text.slice(lastEnd, aEnd).trim() !== '') return null;
      const gap = model.text.slice(aEnd, b.syntax.start);
      if (gap.trim() !== '') return null;
      const esc = model.escapeChar;
      return { range: { start: model.lines.positionAt(lastEnd), end: model.lines.positionAt(b.syntax.argsStart) }, newText: ` ${esc}\n    && ` };
    }
  },
});
