import { defineRule, nodesOf, removeQuotes } from '../../src/rule-api.js';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** Problem with one EXPOSE entry (after variable substitution), or null. */
function exposeProblem(entry: string): string | null {
  const slash = entry.indexOf('/');
  const portPart = slash < 0 ? entry : entry.slice(0, slash);
  const proto = slash < 0 ? '' : (entry.slice(slash + 1).split('/')[0] ?? '');
  // `ip:host:container` and `host:container` forms are BuildKit's ExposeInvalidFormat; check the container port only.
  const container = portPart.slice(portPart.lastIndexOf(':') + 1);
  const m = /^(\d+)(?:-(\d+))?$/.exec(container);
  if (!m) return container === '' ? `missing port in "${entry}"` : `invalid port "${container}": expected a number or a range such as 8000-8010`;
  if (m[2] !== undefined && Number(m[1]) > Number(m[2])) return `invalid port range "${container}": the start is above the end`;
  if (proto !== '' && !PROTOCOLS.includes(proto.toLowerCase())) return `invalid protocol "${proto}": expected tcp, udp or sctp`;
  return null;
}

export default defineRule({
  code: 'DW5009',
  name: 'expose-syntax',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid port or protocol in EXPOSE',
    what: 'Flags an EXPOSE entry (after ARG/ENV substitution) whose container port is not a number or a `low-high` range, whose range runs backwards, or whose protocol is not tcp, udp or sctp.',
    why: 'The builder fails with "invalid containerPort" or "invalid proto". A common slip is a shell-style variable that has no value at build time, or a service name instead of a number (`EXPOSE http`).',
    examples: [
      { bad: 'FROM nginx:1.27\nEXPOSE 80/http', good: 'FROM nginx:1.27\nEXPOSE 80/tcp' },
      { bad: 'FROM nginx:1.27\nEXPOSE http', good: 'FROM nginx:1.27\nEXPOSE 80' },
    ],
    exceptions: 'Ports above 65535 are hadolint DL3011; `host:container` mappings and IP addresses are BuildKit\'s ExposeInvalidFormat, and upper-case protocols its ExposeProtoCasing. Entries with a variable whose value is unknown are skipped.',
    equivalents: ['dockerfile-utils INVALID_PORT', 'dockerfile-utils INVALID_PROTO', 'dockerfilelint invalid_port'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'EXPOSE')) {
      for (const w of node.syntax.args) {
        const resolved = node.resolve(w.value);
        if (resolved === null) continue;
        for (const entry of removeQuotes(resolved, model.escapeChar).split(/\s+/)) {
          if (entry === '') continue;
          const problem = exposeProblem(entry);
          if (problem) report({ message: `Invalid EXPOSE entry: ${problem}`, range: w.range });
        }
      }
    }
  },
});
