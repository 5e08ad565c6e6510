import { defineRule, runCommands, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3004',
  name: 'no-sudo',
  severity: 'error',
  category: 'security',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Do not use sudo as it leads to unpredictable behavior',
    what: 'Flags `sudo` in a RUN instruction.',
    why: 'sudo has unpredictable TTY and signal-forwarding behaviour inside containers, and its presence in the image is an unnecessary privilege-escalation path. Switch users with USER, or use gosu/su-exec in an entrypoint when you must drop privileges at run time.',
    examples: [{ bad: 'FROM debian:12\nRUN sudo apt-get update', good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app' }],
    equivalents: ['hadolint DL3004', 'Trivy DS-0010', 'Checkov CKV2_DOCKER_1', 'dockerfilelint sudo_usage'],
  },
  check({ model, report }) {
    for (const { node, cmd } of runCommands(model)) {
      if (cmd.name !== 'sudo' || !cmd.nameWord) continue;
      report({ message: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root', range: wordRange(node, cmd.nameWord) });
    }
  },
});
