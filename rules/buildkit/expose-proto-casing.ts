import { defineRule, exposePortSpecs, nodesOf, splitPortSpec, type Range } from '../../src/rule-api.js';

export default defineRule({
  code: 'ExposeProtoCasing',
  name: 'expose-proto-casing',
  severity: 'warning',
  category: 'style',
  source: 'buildkit',
  fixable: true,
  docs: {
    summary: 'Protocol in EXPOSE instruction should be lowercase',
    what: 'Flags the protocol of an EXPOSE port written with uppercase letters (`80/TCP`, `53/Udp`). Variables are substituted first; ONBUILD triggers are checked too.',
    why: 'Protocols are lowercase in the image configuration and everywhere else (`docker run -p 53:53/udp`). BuildKit accepts other casings for compatibility, but they read as a different protocol and break simple text searches.',
    examples: [{ bad: 'FROM alpine:3.20\nEXPOSE 80/TCP', good: 'FROM alpine:3.20\nEXPOSE 80/tcp' }],
    exceptions: 'Unknown protocols (`80/foo`) are a build error rather than a casing problem and are not reported here.',
    equivalents: ['BuildKit ExposeProtoCasing'],
    references: ['https://docs.docker.com/reference/build-checks/expose-proto-casing/'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'EXPOSE')) {
      for (const w of node.syntax.args) {
        const specs = exposePortSpecs(node, w.value, model.escapeChar);
        if (!specs) continue;
        for (const spec of specs) {
          const { containerPort, proto } = splitPortSpec(spec);
          if (proto === null || containerPort === '') continue;
          const lower = proto.toLowerCase();
          if (proto === lower || !['tcp', 'udp', 'sctp'].includes(lower)) continue;
          const exact = spec === w.value && w.range.start.line === w.range.end.line;
          const range: Range = exact
            ? { start: { line: w.range.start.line, character: w.range.end.character - proto.length }, end: w.range.end }
            : w.range;
          report({
            message: `Defined protocol '${spec}' in EXPOSE instruction should be lowercase`,
            range,
            ...(exact ? { fix: { title: `Write '${lower}'`, safety: 'safe' as const, edits: [{ range, newText: lower }] } } : {}),
          });
        }
      }
    }
  },
});
