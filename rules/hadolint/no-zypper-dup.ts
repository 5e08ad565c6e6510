import { defineRule, packageCommands, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3035',
  name: 'no-zypper-dup',
  severity: 'warning',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Do not use `zypper dist-upgrade`',
    what: 'Flags `zypper dist-upgrade` and `zypper dup` in RUN and ONBUILD RUN.',
    why: 'A distribution upgrade inside a build moves the image to whatever the repositories hold that day, possibly a new release: builds stop being reproducible, and the result differs from the base image you chose. Pick a newer base image instead.',
    examples: [{ bad: 'FROM opensuse/leap:15.5\nRUN zypper dup -y', good: 'FROM opensuse/leap:15.6' }],
    equivalents: ['hadolint DL3035'],
  },
  check({ model, report }) {
    for (const { node, pc } of packageCommands(model)) {
      if (pc.manager !== 'zypper' || (pc.subcommand !== 'dist-upgrade' && pc.subcommand !== 'dup') || !pc.subcommandWord) continue;
      report({ message: 'Do not use `zypper dist-upgrade`', range: wordRange(node, pc.subcommandWord) });
    }
  },
});
