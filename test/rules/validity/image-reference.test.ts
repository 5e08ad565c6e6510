import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const DIGEST = 'sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d';

describe('DW5008 image-reference', () => {
  it('flags invalid image references in COPY --from and RUN --mount from', async () => {
    await checkRule('DW5008', {
      valid: [
        'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx',
        `FROM alpine:3.20\nCOPY --from=alpine@${DIGEST} /bin/sh /sh`,
        'FROM alpine:3.20\nCOPY --from=localhost:5000/team/app:v1.2.3 /a /b',
        'FROM alpine:3.20\nCOPY --from=registry.example.com:443/a/b__c/d-e.f:latest /a /b',
        'FROM alpine:3.20\nCOPY --from=ghcr.io/owner/my--image:tag_1 /a /b',
        'FROM alpine:3.20 AS Build\nFROM alpine:3.20\nCOPY --from=Build /a /b\nCOPY --from=build /a /b',
        'FROM alpine:3.20\nCOPY --from=0 /a /b',
        'FROM alpine:3.20\nCOPY --from=later /a /b\nFROM alpine:3.20 AS later',
        'FROM alpine:3.20\nARG V\nCOPY --from=node:${V} /a /b',
        'FROM alpine:3.20\nARG TAG=1.27\nCOPY --from=nginx:"${TAG}" /a /b',
        'FROM alpine:3.20\nRUN --mount=from=busybox:1.36,target=/bb ls /bb',
        'FROM Ubuntu:24.04',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nCOPY --from=Nginx:1.27 /a /b', at: [[2, 13, 2, 23]], message: /must be lowercase/ },
        { code: 'FROM alpine:3.20\nARG V=\nCOPY --from=node:${V} /a /b', message: /empty tag/ },
        { code: 'FROM alpine:3.20\nCOPY --from=alpine:3.20@sha256:abc /a /b', message: /32 hexadecimal/ },
        { code: `FROM alpine:3.20\nCOPY --from=alpine@${DIGEST}:3.20 /a /b`, count: 1 },
        { code: 'FROM alpine:3.20\nCOPY --from=alpine:3.20! /a /b', message: /invalid tag/ },
        { code: 'FROM alpine:3.20\nCOPY --from=my_-image:1 /a /b', message: /invalid (separator|character)/ },
        { code: 'FROM alpine:3.20\nCOPY --from=-x /a /b', count: 1 },
        { code: 'FROM alpine:3.20\nRUN --mount=from=Busybox,target=/bb ls', at: [[2, 13, 2, 25]], message: /--mount from/ },
      ],
    });
  });
});
