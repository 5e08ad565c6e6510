import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5003 duplicate-flag', () => {
  it('flags repeated single-value flags', async () => {
    await checkRule('DW5003', {
      valid: [
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b echo',
        'FROM alpine:3.20\nCOPY --exclude=*.md --exclude=*.txt a /b/',
        'FROM alpine:3.20\nCOPY --from=a --chown=1 x /y',
        'FROM alpine:3.20\nCOPY --foo=1 --foo=2 x /y',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nCOPY --chown=app --chown=root app /app', at: [[2, 20, 2, 25]], count: 1 },
        { code: 'FROM --platform=a --platform=b alpine:3.20', at: [[1, 21, 1, 29]] },
        { code: 'FROM alpine:3.20\nRUN --network=none --network=host echo', count: 1 },
        { code: 'FROM alpine:3.20\nADD --link --link=false a /b', count: 1 },
        { code: 'FROM alpine:3.20\nHEALTHCHECK --retries=1 --retries=2 CMD true', count: 1 },
      ],
    });
  });
});
