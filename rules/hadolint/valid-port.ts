import { defineRule, exposePortSpecs, nodesOf, splitPortSpec } from '../../src/rule-api.js';

const MAX_PORT = 65535;

/** The port numbers of a container port or range (`8080`, `8000-8010`); empty when not numeric. */
function portNumbers(port: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!m) return [];
  return [m[1], m[2]].filter((x): x is string => x !== undefined).map(Number);
}

export default defineRule({
  code: 'DL3011',
  name: 'valid-port',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Valid UNIX ports range from 0 to 65535',
    what: 'Flags an EXPOSE port, or either end of a port range, above 65535.',
    why: 'TCP and UDP ports are 16-bit numbers. A larger number is a typo that the build does not catch; the port cannot be published as written.',
    examples: [{ bad: 'FROM nginx:1.27\nEXPOSE 80800', good: 'FROM nginx:1.27\nEXPOSE 8080' }],
    exceptions: 'Variables are substituted with their ARG/ENV values first; a port whose value cannot be known is not flagged (hadolint cannot parse such ports at all). Malformed port specs are left to the EXPOSE syntax rules.',
    equivalents: ['hadolint DL3011', 'Trivy DS-0008', 'dockerfilelint invalid_port', 'dockerfile-utils INVALID_PORT'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'EXPOSE')) {
      for (const word of node.syntax.args) {
        const specs = exposePortSpecs(node, word.value, model.escapeChar);
        if (!specs) continue;
        for (const spec of specs) {
          const { containerPort } = splitPortSpec(spec);
          const bad = portNumbers(containerPort).find((p) => p > MAX_PORT);
          if (bad === undefined) continue;
          report({ message: `Valid UNIX ports range from 0 to 65535: ${bad} is out of range`, range: word.range });
        }
      }
    }
  },
});
