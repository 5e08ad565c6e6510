import { commandRange, defineRule, insertAfterWord, packageInstalls } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3014',
  name: 'apt-get-yes',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Use the -y switch to avoid manual input',
    what: 'Flags `apt-get install` without `-y`, `--yes`, `--assume-yes`, `-qq` or `-q=2`.',
    why: 'A build has no one to answer apt\'s "Do you want to continue?" prompt: without `-y` the install aborts as soon as apt asks.',
    examples: [{ bad: 'FROM debian:12\nRUN apt-get install curl=7.88.1-10+deb12u8', good: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8' }],
    equivalents: ['hadolint DL3014', 'Trivy DS-0021', 'dockerfilelint apt-get_missing_param'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'apt' || install.tool !== 'apt-get' || install.assumeYes) continue;
      const sub = install.subcommandWord;
      report({
        message: 'Use the -y switch to avoid manual input: `apt-get -y install <package>`',
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add -y', safety: 'safe' as const, edits: [insertAfterWord(node, sub, ' -y')] } } : {}),
      });
    }
  },
});
