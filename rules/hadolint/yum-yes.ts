import { commandRange, defineRule, insertAfterWord, packageInstalls, subcommandEndWord } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3030',
  name: 'yum-yes',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Use the -y switch to avoid manual input `yum install -y <package>`',
    what: 'Flags `yum install` (also `groupinstall`, `localinstall`, `reinstall`, `group install`, `module install`) without `-y` or `--assumeyes`, in RUN and ONBUILD RUN.',
    why: 'A build cannot answer yum\'s "Is this ok [y/N]" prompt: without `-y` the install aborts as soon as yum asks.',
    examples: [{ bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all' }],
    equivalents: ['hadolint DL3030'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'yum' || install.assumeYes) continue;
      const sub = subcommandEndWord(install);
      report({
        message: `Use the -y switch to avoid manual input \`yum ${install.subcommand} -y <package>\``,
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add -y', safety: 'safe' as const, edits: [insertAfterWord(node, sub, ' -y')] } } : {}),
      });
    }
  },
});
