import { commandRange, defineRule, insertAfterWord, packageCommands, programWord } from '../../src/rule-api.js';

const SUBCOMMANDS = new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']);
const NON_INTERACTIVE = new Set(['-n', '--non-interactive', '-y', '--no-confirm']);

export default defineRule({
  code: 'DL3034',
  name: 'zypper-non-interactive',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Non-interactive switch missing from `zypper` command: `zypper install -y`',
    what: 'Flags `zypper install`/`in`, `remove`/`rm`, `source-install`/`si` and `patch` without `-n`, `--non-interactive`, `-y` or `--no-confirm`, in RUN and ONBUILD RUN.',
    why: 'A build cannot answer zypper\'s confirmation prompt: without a non-interactive switch the command aborts as soon as zypper asks.',
    examples: [{ bad: 'FROM opensuse/leap:15.6\nRUN zypper install nginx=1.21.5 && zypper clean', good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install nginx=1.21.5 && zypper clean' }],
    exceptions: 'The fix inserts the global `-n` right after `zypper`, which works for every subcommand.',
    equivalents: ['hadolint DL3034'],
  },
  check({ model, report }) {
    for (const { node, pc } of packageCommands(model)) {
      if (pc.manager !== 'zypper' || !SUBCOMMANDS.has(pc.subcommand)) continue;
      if (pc.flags.some((f) => NON_INTERACTIVE.has(f.name))) continue;
      const prog = programWord(pc.command);
      report({
        message: `Non-interactive switch missing from \`zypper\` command: \`zypper ${pc.subcommand} -y\``,
        range: commandRange(node, pc.command),
        ...(prog ? { fix: { title: 'Add -n', safety: 'safe' as const, edits: [insertAfterWord(node, prog, ' -n')] } } : {}),
      });
    }
  },
});
