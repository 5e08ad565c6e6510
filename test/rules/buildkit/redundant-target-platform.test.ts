import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('RedundantTargetPlatform', () => {
  it('flags --platform=$TARGETPLATFORM', async () => {
    await checkRule('RedundantTargetPlatform', {
      valid: [
        'FROM alpine:3.20',
        'FROM --platform=$BUILDPLATFORM alpine:3.20',
        'FROM --platform=linux/amd64 alpine:3.20',
        'FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20',
        'FROM --platform=${TARGETPLATFORM:-linux/amd64}${SUFFIX} alpine:3.20',
      ],
      invalid: [
        { code: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS build', at: [[1, 6, 1, 32]], message: /Setting platform to predefined \$TARGETPLATFORM in FROM is redundant/ },
        { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20', at: [[1, 6, 1, 34]] },
        { code: 'FROM --platform="$TARGETPLATFORM" alpine:3.20', count: 1 },
      ],
    });
  });
});
