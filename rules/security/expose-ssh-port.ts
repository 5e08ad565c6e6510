import { defineRule, exposePortSpecs, nodesOf, ships, splitPortSpec, type Range } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW4005',
  name: 'expose-ssh-port',
  severity: 'warning',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'Do not expose the SSH port 22',
    what: 'Flags `EXPOSE 22` (also `22/tcp`, `22/udp`, and a variable whose value is 22) in a stage whose metadata reaches the final image.',
    why: 'An SSH daemon in a container is one more service with credentials to manage and attack, and it bypasses the runtime\'s own access control. Use `docker exec` (or `kubectl exec`) to get a shell in a running container instead.',
    examples: [{ bad: 'FROM debian:12\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]', good: 'FROM debian:12\nEXPOSE 8080\nCMD ["app"]' }],
    exceptions: 'Images whose purpose is to be an SSH endpoint (a bastion, an SFTP server, a test fixture for SSH tooling) legitimately expose 22; silence the finding with a pragma there. Port ranges (`EXPOSE 20-30`) and EXPOSE in builder stages are not flagged.',
    equivalents: ['Trivy DS-0004 (AVD-DS-0004, no-ssh-port)', 'Checkov CKV_DOCKER_1'],
    references: ['https://avd.aquasec.com/misconfig/ds004'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'EXPOSE')) {
      if (!ships(model, node)) continue;
      for (const w of node.syntax.args) {
        const specs = exposePortSpecs(node, w.value, model.escapeChar);
        if (!specs) continue;
        for (const spec of specs) {
          const { containerPort } = splitPortSpec(spec);
          if (containerPort !== '22') continue;
          let range: Range = w.range;
          // Narrow to the port number when the word is written literally.
          if (spec === w.value && w.range.start.line === w.range.end.line) {
            const at = w.value.lastIndexOf(':') + 1;
            range = { start: { line: w.range.start.line, character: w.range.start.character + at }, end: { line: w.range.start.line, character: w.range.start.character + at + 2 } };
          }
          report({ message: `Port 22 (SSH) is exposed: do not run an SSH server in the container; use \`docker exec\` instead`, range });
        }
      }
    }
  },
});
