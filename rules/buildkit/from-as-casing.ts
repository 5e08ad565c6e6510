import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'FromAsCasing',
  name: 'from-as-casing',
  severity: 'warning',
  category: 'style',
  source: 'buildkit',
  fixable: true,
  docs: {
    summary: "The 'as' keyword should match the case of the 'from' keyword",
    what: 'Flags the `AS` of `FROM <image> AS <name>` when its case differs from the case of `FROM`: `FROM image as name` or `from image AS name`.',
    why: 'Keywords can be written in either case, but mixing styles on one line reads as a mistake and makes the file look inconsistent.',
    examples: [
      { bad: 'FROM debian:12 as builder', good: 'FROM debian:12 AS builder' },
      { bad: 'from debian:12 AS builder', good: 'from debian:12 as builder' },
    ],
    exceptions: 'When `FROM` itself is written in mixed case (`From`), nothing is reported here: ConsistentInstructionCasing covers it.',
    equivalents: ['BuildKit FromAsCasing'],
    references: ['https://docs.docker.com/reference/build-checks/from-as-casing/'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const from = stage.from;
      const as = from.args[1];
      if (from.args.length < 3 || !as || as.value.toLowerCase() !== 'as') continue;
      const kw = from.rawKeyword;
      const lower = kw === kw.toLowerCase();
      const upper = kw === kw.toUpperCase();
      if (!lower && !upper) continue;
      const want = lower ? as.value.toLowerCase() : as.value.toUpperCase();
      if (as.value === want) continue;
      report({
        message: `'${as.value}' and '${kw}' keywords' casing do not match`,
        range: as.range,
        fix: { title: `Write '${want}'`, safety: 'safe', edits: [{ range: as.range, newText: want }] },
      });
    }
  },
});
