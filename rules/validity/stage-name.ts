import { defineRule } from '../../src/rule-api.js';

const VALID = /^[a-z][a-z0-9_.-]*$/;

export default defineRule({
  code: 'DW5007',
  name: 'stage-name',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid build stage name',
    what: 'Flags a stage name (`FROM … AS <name>`) that does not start with a letter or that holds characters other than letters, digits, `-`, `_` and `.`. Variables are not expanded in stage names, so `AS ${TARGET}` is flagged too.',
    why: 'BuildKit fails with "invalid name for build stage: name can\'t start with a number or contain symbols".',
    examples: [
      { bad: 'FROM golang:1.23 AS 1st-build', good: 'FROM golang:1.23 AS first-build' },
      { bad: 'FROM golang:1.23 AS build:amd64', good: 'FROM golang:1.23 AS build-amd64' },
    ],
    exceptions: 'Upper-case letters are valid (names are compared case-insensitively); their style is BuildKit\'s StageNameCasing.',
    equivalents: ['dockerfile-utils INVALID_BUILD_STAGE_NAME'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.rawName || !stage.nameRange) continue;
      if (VALID.test(stage.rawName.toLowerCase())) continue;
      const why = /^[0-9]/.test(stage.rawName) ? "it can't start with a number" : stage.rawName.includes('$') ? 'variables are not expanded in stage names' : "it can't contain symbols other than - _ .";
      report({ message: `Invalid name for build stage: "${stage.rawName}": ${why}`, range: stage.nameRange });
    }
  },
});
