import { defineRule, exposePortSpecs, nodesOf, splitPortSpec } from '../../src/rule-api.js';

export default defineRule({
  code: 'ExposeInvalidFormat',
  name: 'expose-invalid-format',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  fixable: false,
  docs: {
    summary: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
    what: 'Flags an EXPOSE port that carries an IP address or a host port (`EXPOSE 127.0.0.1:80:80`, `EXPOSE 8080:80`). Variables are substituted first; ONBUILD triggers are checked too.',
    why: 'EXPOSE only documents which container ports the application listens on; it never publishes anything. The host part is ignored, which misleads readers into thinking a port is bound, and BuildKit will reject it in a future release. Publish ports with `docker run -p` or Compose instead.',
    examples: [
      { bad: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80', good: 'FROM alpine:3.20\nEXPOSE 80' },
      { bad: 'FROM alpine:3.20\nEXPOSE 8080:80/tcp', good: 'FROM alpine:3.20\nEXPOSE 80/tcp' },
    ],
    equivalents: ['BuildKit ExposeInvalidFormat', 'dockerfilelint expose_host_port'],
    references: ['https://docs.docker.com/reference/build-checks/expose-invalid-format/'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'EXPOSE')) {
      for (const w of node.syntax.args) {
        const specs = exposePortSpecs(node, w.value, model.escapeChar);
        if (!specs) continue;
        for (const spec of specs) {
          const { ip, hostPort, containerPort } = splitPortSpec(spec);
          if (containerPort === '' || (ip === '' && hostPort === '')) continue;
          report({ message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${spec}'`, range: w.range });
        }
      }
    }
  },
});
