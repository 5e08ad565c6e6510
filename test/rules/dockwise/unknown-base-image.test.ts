import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW3005 unknown-base-image', () => {
  it('says once per file that programs of an unknown base image cannot be checked', () =>
    checkRule('DW3005', {
      valid: [
        'FROM debian:bookworm-slim\nRUN curl https://x',
        'FROM scratch\nCOPY app /app\nCMD ["/app"]',
        'FROM registry.example.com/team/base:1\nCOPY app /app',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Get-Date',
        'ARG BASE=debian:bookworm-slim\nFROM ${BASE}\nRUN curl https://x',
        'FROM --platform=$BUILDPLATFORM debian:bookworm-slim AS linux\nFROM ${TARGETOS} AS target\nRUN echo hi && tool',
      ],
      invalid: [
        { code: 'FROM registry.example.com/team/base:1\nRUN curl https://x && make', at: [[1, 6, 1, 38]], count: 1, message: /`registry\.example\.com\/team\/base:1` \(dockwise has no data for this image\).*\d programs/ },
        { code: 'ARG BASE\nFROM ${BASE}\nRUN curl https://x', message: /build argument/ },
        { code: 'FROM redhat/ubi9-minimal\nRUN microdnf install -y curl\nFROM registry.example.com/x\nRUN y', count: 1, message: /ubi9-minimal/ },
      ],
    }));
});
