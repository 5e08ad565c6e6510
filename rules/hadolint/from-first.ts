import { defineRule } from '../../src/rule-api.js';

const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export default defineRule({
  code: 'DL3061',
  name: 'from-first',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment',
    what: 'Flags every instruction other than ARG that comes before the first FROM (comments and parser directives are fine).',
    why: 'Only ARG may precede the first FROM: the builder rejects anything else, because there is no image yet for it to act on.',
    examples: [{ bad: 'ENV APP=/app\nFROM alpine:3.20', good: 'FROM alpine:3.20\nENV APP=/app' }],
    exceptions: 'Words that are not Dockerfile instructions (template syntax, stray text) are left to the unknown-instruction check instead of being reported here too.',
    equivalents: ['hadolint DL3061', 'dockerfilelint from_first', 'dockerfile-utils NO_SOURCE_IMAGE'],
  },
  check({ model, report }) {
    for (const node of model.nodes) {
      if (node.stageIndex !== null) break;
      if (node.keyword === 'ARG' || node.keyword === 'FROM' || node.onbuild || !INSTRUCTIONS.has(node.keyword)) continue;
      report({ message: `Invalid instruction order. Dockerfile must begin with \`FROM\`, \`ARG\` or comment: \`${node.syntax.rawKeyword}\` comes before the first FROM`, range: node.syntax.keywordRange });
    }
  },
});
