import { defineRule, type Instruction } from '../../src/rule-api.js';

const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export default defineRule({
  code: 'ConsistentInstructionCasing',
  name: 'consistent-instruction-casing',
  severity: 'warning',
  category: 'style',
  source: 'buildkit',
  fixable: true,
  docs: {
    summary: 'Instructions should be in consistent casing (all lower or all upper)',
    what: 'Counts the instruction keywords written all in lowercase and all in uppercase; the larger group sets the style (uppercase on a tie). Flags every keyword that does not follow it, including mixed-case keywords such as `Run` or `EntryPoint`.',
    why: 'Keywords work in any case, but a file that mixes `RUN` and `run` is harder to scan, and mixed-case keywords look like typos.',
    examples: [
      { bad: 'FROM alpine:3.20\nRun echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]', good: 'FROM alpine:3.20\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]' },
      { bad: 'from alpine:3.20\nrun echo hello\nCMD ["sh"]', good: 'from alpine:3.20\nrun echo hello\ncmd ["sh"]' },
    ],
    exceptions: 'The keyword of an ONBUILD trigger is not checked (as in BuildKit). Unlike BuildKit, ARG instructions before the first FROM are counted and checked too.',
    equivalents: ['BuildKit ConsistentInstructionCasing', 'dockerfile-utils CASING_INSTRUCTION', 'dockerfilelint uppercase_commands'],
    references: ['https://docs.docker.com/reference/build-checks/consistent-instruction-casing/'],
  },
  check({ model, report }) {
    const insts: Instruction[] = model.syntax.instructions.filter((i) => INSTRUCTIONS.has(i.keyword));
    let lower = 0;
    let upper = 0;
    for (const i of insts) {
      const k = i.rawKeyword;
      if (k === k.toLowerCase()) lower++;
      else if (k === k.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    const casing = majorityLower ? 'lowercase' : 'uppercase';
    for (const i of insts) {
      const k = i.rawKeyword;
      const want = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === want) continue;
      report({
        message: `Command '${k}' should match the case of the command majority (${casing})`,
        range: i.keywordRange,
        fix: { title: `Write '${want}'`, safety: 'safe', edits: [{ range: i.keywordRange, newText: want }] },
      });
    }
  },
});
