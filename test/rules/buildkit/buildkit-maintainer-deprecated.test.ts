import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('MaintainerDeprecated', () => {
  it('flags MAINTAINER', async () => {
    await checkRule('MaintainerDeprecated', {
      valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me@example.com"'],
      invalid: [
        { code: 'FROM alpine:3.20\nMAINTAINER me@example.com', at: [[2, 1, 2, 11]], message: /^Maintainer instruction is deprecated in favor of using label$/ },
        { code: 'FROM alpine:3.20\nmaintainer Jane Doe', at: [[2, 1, 2, 11]] },
      ],
    });
  });
});
