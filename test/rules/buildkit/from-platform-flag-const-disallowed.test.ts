import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('FromPlatformFlagConstDisallowed', () => {
  it('flags constant --platform values', async () => {
    await checkRule('FromPlatformFlagConstDisallowed', {
      valid: [
        'FROM alpine:3.20 AS base',
        'FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base',
        'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64',
        'FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2022 AS windows-base',
        'FROM --platform=not/a/valid/platform alpine:3.20',
        'ARG P=linux/amd64\nFROM --platform=$P alpine:3.20',
      ],
      invalid: [
        { code: 'FROM --platform=linux/amd64 alpine:3.20 AS base', at: [[1, 6, 1, 28]], message: /^FROM --platform flag should not use constant value "linux\/amd64"$/ },
        { code: 'FROM --platform=linux/arm64/v8 golang:1.22', count: 1 },
        { code: 'FROM --platform=amd64 alpine:3.20 AS base', count: 1 },
        { code: 'FROM --platform=linux/x86_64 alpine:3.20 AS build-amd', count: 1 },
      ],
    });
  });
});
