import { defineRule } from '../../src/rule-api.js';
import type { InstructionNode } from '../../src/rule-api.js';

const ROOT = /^(?:root|0)(?::.*)?$/;

export default defineRule({
  code: 'DL3002',
  name: 'last-user-not-root',
  severity: 'warning',
  category: 'security',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Last USER should not be root',
    what: 'Flags a stage whose last USER instruction switches to `root` or UID `0` (with or without a group).',
    why: 'A container whose process runs as root gives an attacker who breaks into it root inside the container and makes escapes more dangerous. Switch back to an unprivileged user after the steps that need root.',
    examples: [
      { bad: 'FROM debian:12\nUSER root\nRUN apt-get update\nCMD ["app"]', good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\nCMD ["app"]' },
    ],
    exceptions: 'A stage with no USER at all is not flagged (as in hadolint); the security rule for a root final image covers that case. Builder stages are checked too, as hadolint does; silence the rule for them with a `# hadolint ignore=DL3002` pragma if you need root there.',
    equivalents: ['hadolint DL3002', 'Trivy DS-0002', 'Checkov CKV_DOCKER_8'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      let last: InstructionNode | undefined;
      for (const n of stage.instructions) if (n.keyword === 'USER' && !n.onbuild) last = n;
      if (!last) continue;
      const w = last.syntax.args[0];
      if (!w) continue;
      const user = last.resolve(w.value);
      if (user !== null && ROOT.test(user)) {
        report({ message: `Last USER should not be root (stage ${stage.rawName ?? stage.index})`, range: w.range });
      }
    }
  },
});
