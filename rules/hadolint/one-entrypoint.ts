import { defineRule, overriddenInstructions } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL4004',
  name: 'one-entrypoint',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Multiple ENTRYPOINT instructions found',
    what: 'Flags an ENTRYPOINT that a later ENTRYPOINT in the same stage overrides. Only the last one takes effect.',
    why: 'The earlier ENTRYPOINT is dead code and usually a mistake left after an edit.',
    examples: [{ bad: 'FROM alpine:3.20\nENTRYPOINT ["sh"]\nENTRYPOINT ["top"]', good: 'FROM alpine:3.20\nENTRYPOINT ["top"]' }],
    exceptions: 'ENTRYPOINTs in different stages are not flagged.',
    equivalents: ['hadolint DL4004', 'BuildKit MultipleInstructionsDisallowed', 'Trivy DS-0007'],
  },
  check({ model, report }) {
    for (const { node, later } of overriddenInstructions(model, 'ENTRYPOINT')) {
      report({ message: `Multiple ENTRYPOINT instructions found: this one is overridden by the ENTRYPOINT on line ${later.syntax.range.start.line + 1}`, range: node.syntax.keywordRange });
    }
  },
});
