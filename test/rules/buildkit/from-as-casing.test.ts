import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('FromAsCasing', () => {
  it('flags AS whose case differs from FROM', async () => {
    await checkRule('FromAsCasing', {
      valid: [
        'FROM alpine:3.20 AS builder',
        'from alpine:3.20 as builder',
        'FROM alpine:3.20',
        'From alpine:3.20 as builder',
        'FROM --platform=$BUILDPLATFORM alpine:3.20 AS builder',
      ],
      invalid: [
        { code: 'FROM debian:12 as builder', at: [[1, 16, 1, 18]], message: /'as' and 'FROM' keywords' casing do not match/ },
        { code: 'from debian:12 AS builder', at: [[1, 16, 1, 18]] },
        { code: 'FROM debian:12 AS a\nFROM a As b', at: [[2, 8, 2, 10]], count: 1 },
      ],
    });
  });
});
