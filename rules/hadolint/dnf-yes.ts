import { commandRange, defineRule, insertAfterWord, packageInstalls, subcommandEndWord } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3038',
  name: 'dnf-yes',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Use the -y switch to avoid manual input `dnf install -y <package>`',
    what: 'Flags `dnf install` or `microdnf install` (also `groupinstall`, `localinstall`, `reinstall`, `group install`, `module install`, and dnf5/tdnf) without `-y` or `--assumeyes`, in RUN and ONBUILD RUN.',
    why: 'A build cannot answer dnf\'s "Is this ok [y/N]" prompt: without `-y` the install aborts as soon as dnf asks.',
    examples: [{ bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all' }],
    equivalents: ['hadolint DL3038'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if ((install.manager !== 'dnf' && install.manager !== 'microdnf') || install.assumeYes) continue;
      const sub = subcommandEndWord(install);
      report({
        message: `Use the -y switch to avoid manual input \`${install.tool} ${install.subcommand} -y <package>\``,
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add -y', safety: 'safe' as const, edits: [insertAfterWord(node, sub, ' -y')] } } : {}),
      });
    }
  },
});
