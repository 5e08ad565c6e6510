import { defineRule, overriddenInstructions } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL4003',
  name: 'one-cmd',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Multiple CMD instructions found',
    what: 'Flags a CMD that a later CMD in the same stage overrides. Only the last CMD of a stage takes effect.',
    why: 'The earlier CMD is dead code: readers think it matters, and edits to it change nothing.',
    examples: [{ bad: 'FROM alpine:3.20\nCMD ["sh"]\nCMD ["top"]', good: 'FROM alpine:3.20\nCMD ["top"]' }],
    exceptions: 'CMDs in different stages do not interact and are not flagged.',
    equivalents: ['hadolint DL4003', 'BuildKit MultipleInstructionsDisallowed', 'Trivy DS-0016'],
  },
  check({ model, report }) {
    for (const { node, later } of overriddenInstructions(model, 'CMD')) {
      report({ message: `Multiple CMD instructions found: this one is overridden by the CMD on line ${later.syntax.range.start.line + 1}`, range: node.syntax.keywordRange });
    }
  },
});
