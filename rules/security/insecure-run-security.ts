import { defineRule, nodesOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW4008',
  name: 'insecure-run-security',
  severity: 'warning',
  category: 'security',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Avoid RUN --security=insecure',
    what: 'Flags `RUN --security=insecure` (also in ONBUILD triggers), in any stage.',
    why: '`--security=insecure` runs the step without the sandbox: the command gets every capability, can see host devices and can load kernel modules, much like `docker run --privileged`. A malicious or compromised dependency fetched in that step can take over the build host. The builder must also be started with the `security.insecure` entitlement, so builds that rely on it are hard to reproduce elsewhere.',
    examples: [{ bad: 'FROM debian:12\nRUN --security=insecure mount -t tmpfs none /mnt', good: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/mnt ls /mnt' }],
    exceptions: 'Steps that truly need privileges (building a root filesystem with loop devices, running nested containers in tests) may need it; keep those in a builder stage and silence the finding there. `--security=sandbox` (the default) is not flagged. Neither Trivy nor Checkov has this check.',
    references: ['https://docs.docker.com/reference/dockerfile/#run---security'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'RUN')) {
      for (const f of node.syntax.flags) {
        if (f.name.toLowerCase() !== 'security' || f.value?.toLowerCase() !== 'insecure') continue;
        report({ message: 'RUN --security=insecure runs this step without the sandbox, with full privileges on the build host', range: f.valueRange ?? f.range });
      }
    }
  },
});
