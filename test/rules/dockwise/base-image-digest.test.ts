import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const D = 'sha256:0a47e9e4e7a5e6b3f1e2d3c4b5a697887766554433221100ffeeddccbbaa9988';
const strict = { strictPinning: true };

describe('DW1001 base-image-digest', () => {
  it('reports tags without digests only under strict pinning', () =>
    checkRule('DW1001', {
      valid: [
        'FROM alpine:3.20\nRUN true',
        `FROM golang:1.22@${D} AS build\nFROM alpine:3.20\nRUN true`,
        { code: `FROM alpine:3.20@${D}`, options: strict },
        { code: 'FROM scratch\nCOPY a /a', options: strict },
        { code: `FROM golang:1.22@${D} AS build\nFROM build`, options: strict },
        { code: 'ARG IMAGE\nFROM $IMAGE', options: strict },
        { code: 'FROM alpine', options: strict },
        { code: 'FROM alpine:latest', options: strict },
        { code: `FROM alpine:3.20@${D} AS a\nFROM a AS b\nCOPY --from=b /x /x`, options: strict },
        { code: `FROM alpine:3.20@${D}\nCOPY --from=0 /x /y`, options: strict },
      ],
      invalid: [
        { code: 'FROM alpine:3.20', options: strict, at: [[1, 6, 1, 17]], message: /alpine:3\.20@sha256:<digest>/ },
        { code: `FROM golang:1.22@${D} AS build\nFROM alpine:3.20`, options: strict, count: 1, at: [[2, 6, 2, 17]] },
        { code: 'ARG V=3.20\nFROM alpine:${V}', options: strict, message: /`alpine:3\.20`/ },
        { code: `FROM alpine:3.20@${D}\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx`, options: strict, count: 1, at: [[2, 13, 2, 23]], message: /COPY --from/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=bind,from=busybox:1.36,target=/b ls /b', options: strict, count: 2 },
        { code: 'FROM alpine:3.20 AS base\nFROM base\nFROM debian:12-slim', options: strict, count: 2 },
      ],
    }));
});
