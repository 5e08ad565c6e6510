import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5014',
  name: 'no-from',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'No FROM instruction',
    what: 'Flags a Dockerfile without any FROM instruction and without other instructions that hadolint DL3061 would report: an empty file, a file of comments, or one with only ARGs.',
    why: 'Every build needs a base ("no build stage in current context", "file with no instructions"). This is often a wrong file picked up as a Dockerfile, or a template whose FROM was lost.',
    examples: [{ bad: 'ARG VERSION=1.0', good: 'ARG VERSION=1.0\nFROM alpine:3.20' }],
    exceptions: 'A file whose first instruction other than ARG is not FROM (with or without a FROM later) is hadolint DL3061 and not reported again here.',
    equivalents: ['dockerfile-utils NO_SOURCE_IMAGE', 'dockerfilelint from_first'],
  },
  check({ model, report }) {
    if (model.stages.length > 0) return;
    // Any other instruction is reported by hadolint's DL3061 (Dockerfile must begin with FROM or ARG).
    if (model.syntax.instructions.some((i) => i.keyword !== 'ARG')) return;
    const first = model.syntax.instructions[0];
    const range = first ? first.keywordRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const what = first ? 'only ARG instructions and no FROM' : 'no instructions';
    report({ message: `The Dockerfile has ${what}: add FROM <image> to name the base image`, range });
  },
});
