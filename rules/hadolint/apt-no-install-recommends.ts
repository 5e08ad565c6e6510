import { commandRange, defineRule, insertAfterWord, packageInstalls } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3015',
  name: 'apt-no-install-recommends',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Avoid additional packages by specifying --no-install-recommends',
    what: 'Flags `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
    why: 'Recommended packages are not needed to run what you install; they grow the image, its build time and its attack surface, and nothing in the Dockerfile says they are there.',
    examples: [
      {
        bad: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8',
        good: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
      },
    ],
    exceptions: 'If the program needs a recommended package, install that package by name.',
    equivalents: ['hadolint DL3015', 'Trivy DS-0029', 'dockerfilelint apt-get_recommends'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'apt' || install.tool !== 'apt-get' || install.noInstallRecommends) continue;
      const sub = install.subcommandWord;
      report({
        message: 'Avoid additional packages by specifying `--no-install-recommends`',
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add --no-install-recommends', safety: 'unsafe' as const, edits: [insertAfterWord(node, sub, ' --no-install-recommends')] } } : {}),
      });
    }
  },
});
