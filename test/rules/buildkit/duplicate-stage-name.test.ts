import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DuplicateStageName', () => {
  it('flags a stage name used twice', async () => {
    await checkRule('DuplicateStageName', {
      valid: ['FROM debian:12 AS deb-builder\nFROM golang:1.22 AS go-builder', 'FROM debian:12\nFROM debian:12', 'FROM debian:12 AS base\nFROM base AS final'],
      invalid: [
        { code: 'FROM debian:12 AS builder\nRUN echo one\nFROM golang:1.22 AS builder', at: [[3, 21, 3, 28]], count: 1, message: /Duplicate stage name "builder", stage names should be unique/ },
        { code: 'FROM debian:12 AS Builder\nFROM golang:1.22 AS builder', at: [[2, 21, 2, 28]], count: 1 },
        { code: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x', count: 2 },
      ],
    });
  });
});
