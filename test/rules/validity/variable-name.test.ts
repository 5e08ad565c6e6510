import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5020 variable-name', () => {
  it('flags ENV and ARG names that are not variable names', async () => {
    await checkRule('DW5020', {
      valid: [
        'FROM alpine:3.20\nENV NODE_ENV=production _private=1 http_proxy=""',
        'FROM alpine:3.20\nARG APP_VERSION=1.0 TARGETARCH',
        'FROM alpine:3.20\nARG X="a b-c d"',
        'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app',
        'FROM alpine:3.20\nENV --flag=1',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nARG app-version=1.0', at: [[2, 5, 2, 16]] },
        { code: 'FROM alpine:3.20\nENV node.env=production', at: [[2, 5, 2, 13]] },
        { code: 'FROM alpine:3.20\nENV 1ST=a', count: 1 },
        { code: 'FROM alpine:3.20\nARG OK=1 not-ok', at: [[2, 10, 2, 16]], count: 1 },
      ],
    });
  });
});
