import { defineRule, downloadCommands, effectiveCommand, insertAfterWord, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3047',
  name: 'wget-progress',
  severity: 'info',
  category: 'style',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Avoid use of wget without progress bar',
    what: 'Flags `wget` without any of `--progress`, `-q`/`--quiet`, `-nv`/`--no-verbose`, `-o`/`--output-file` or `-a`/`--append-output`, in RUN and ONBUILD RUN.',
    why: 'Without a terminal, wget prints a progress line for every few kilobytes: a large download floods the build log with thousands of lines. `--progress=dot:giga` keeps the log short while still showing progress.',
    examples: [
      { bad: 'FROM debian:12\nRUN wget https://example.com/app.tar.gz', good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/app.tar.gz' },
    ],
    exceptions: 'The fix inserts `--progress=dot:giga`, which GNU wget understands; BusyBox wget (Alpine) rejects it, so there use `-q`. That is why the fix is marked unsafe.',
    equivalents: ['hadolint DL3047'],
  },
  check({ model, report }) {
    for (const { node, cmd, download: dl } of downloadCommands(model)) {
      if (dl.tool !== 'wget' || dl.quiet) continue;
      const word = effectiveCommand(cmd).nameWord;
      if (!word) continue;
      report({
        message: 'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`)',
        range: wordRange(node, word),
        fix: { title: 'Add --progress=dot:giga', safety: 'unsafe', edits: [insertAfterWord(node, word, ' --progress=dot:giga')] },
      });
    }
  },
});
