import { defineRule, runCommands, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3027',
  name: 'no-apt',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead',
    what: 'Flags the `apt` command in a RUN.',
    why: '`apt` is for people at a terminal: its output and behaviour may change between releases and it warns that it has no stable command-line interface. `apt-get` and `apt-cache` are stable for scripts.',
    examples: [{ bad: 'FROM debian:12\nRUN apt update', good: 'FROM debian:12\nRUN apt-get update' }],
    equivalents: ['hadolint DL3027', 'Checkov CKV_DOCKER_9'],
  },
  check({ model, report }) {
    for (const { node, cmd } of runCommands(model)) {
      if (cmd.name !== 'apt' || !cmd.nameWord) continue;
      const range = wordRange(node, cmd.nameWord);
      report({
        message: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead',
        range,
        fix: { title: 'Replace apt with apt-get', safety: 'unsafe', edits: [{ range, newText: 'apt-get' }] },
      });
    }
  },
});
