import { defineRule, nodesOf } from '../../src/rule-api.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  code: 'DL3043',
  name: 'bad-onbuild-trigger',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction',
    what: 'Flags an ONBUILD whose trigger is ONBUILD, FROM or MAINTAINER.',
    why: 'The builder refuses these triggers: chaining ONBUILD is not allowed, a FROM cannot run inside another image\'s build, and MAINTAINER is not a build step. The image that inherits the trigger fails to build.',
    examples: [{ bad: 'FROM debian:12\nONBUILD FROM alpine:3.20', good: 'FROM debian:12\nONBUILD COPY . /app/' }],
    equivalents: ['hadolint DL3043', 'dockerfile-utils ONBUILD_CHAINING_DISALLOWED', 'dockerfile-utils ONBUILD_TRIGGER_DISALLOWED'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'ONBUILD', { onbuild: false })) {
      const trigger = node.syntax.trigger;
      if (!trigger || !FORBIDDEN.has(trigger.keyword)) continue;
      report({ message: `\`ONBUILD\`, \`FROM\` or \`MAINTAINER\` triggered from within \`ONBUILD\` instruction: \`ONBUILD ${trigger.keyword}\` is not allowed`, range: trigger.keywordRange });
    }
  },
});
