import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('StageNameCasing', () => {
  it('flags stage names that are not lowercase', async () => {
    await checkRule('StageNameCasing', {
      valid: [
        'FROM alpine:3.20 AS builder',
        'FROM alpine:3.20',
        'FROM alpine:3.20 AS build-2\nFROM build-2 AS final',
        'ARG BASE=alpine\nFROM ${BASE} AS base-image',
        'FROM --platform=$BUILDPLATFORM golang:1.22 AS build_amd64',
      ],
      invalid: [
        { code: 'FROM alpine:3.20 AS Builder', at: [[1, 21, 1, 28]], message: /Stage name 'Builder' should be lowercase/ },
        { code: 'FROM alpine:3.20 AS base\nFROM base AS FINAL', at: [[2, 14, 2, 19]], count: 1 },
        { code: 'FROM --platform=$BUILDPLATFORM golang:1.22 as GoBuild', at: [[1, 47, 1, 54]] },
      ],
    });
  });
});
