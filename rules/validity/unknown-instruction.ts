import { closestMatch, defineRule } from '../../src/rule-api.js';

const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK',
  'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

export default defineRule({
  code: 'DW5001',
  name: 'unknown-instruction',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Unknown instruction',
    what: 'Flags a line whose first word is not a Dockerfile instruction (`COPPY`, `EXPOSES`, or a shell command left over from a broken line continuation), including the trigger of an `ONBUILD`. Near misses get a "did you mean" suggestion.',
    why: 'The builder stops at the first unknown instruction ("unknown instruction: COPPY"), so the image does not build. In an `ONBUILD` trigger the error only appears later, when a child image is built from this one.',
    examples: [
      { bad: 'FROM alpine:3.20\nCOPPY app /app', good: 'FROM alpine:3.20\nCOPY app /app' },
      { bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n    && curl -V', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    && curl -V' },
    ],
    exceptions: 'None: the builder rejects every unknown instruction. Keywords are case-insensitive, so `copy` is not unknown (casing is a style question for BuildKit\'s ConsistentInstructionCasing).',
    equivalents: ['dockerfile-utils UNKNOWN_INSTRUCTION', 'dockerfilelint invalid_command', 'hadolint DL1000 (fatal parse error)'],
  },
  check({ model, report }) {
    const known: readonly string[] = INSTRUCTIONS;
    for (const node of model.nodes) {
      const s = node.syntax;
      if (known.includes(s.keyword)) continue;
      const guess = closestMatch(s.keyword, INSTRUCTIONS);
      const hint = guess ? ` (did you mean ${guess}?)` : s.rawKeyword.startsWith('&&') || s.rawKeyword.startsWith('|') ? ' (is the line continuation missing on the line above?)' : '';
      report({ message: `Unknown instruction: ${s.rawKeyword}${hint}`, range: s.keywordRange });
    }
  },
});
