import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('MultipleInstructionsDisallowed', () => {
  it('flags overridden CMD, ENTRYPOINT and HEALTHCHECK', async () => {
    await checkRule('MultipleInstructionsDisallowed', {
      valid: [
        'FROM alpine:3.20\nCMD ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK NONE',
        'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]',
        'FROM alpine:3.20\nONBUILD CMD ["a"]\nCMD ["b"]',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]', at: [[2, 1, 2, 4]], count: 1, message: /^Multiple CMD instructions should not be used in the same stage because only the last one will be used$/ },
        { code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]', at: [[2, 1, 2, 11], [3, 1, 3, 11]], count: 2 },
        { code: 'FROM alpine:3.20\nHEALTHCHECK CMD true\nHEALTHCHECK NONE', at: [[2, 1, 2, 12]] },
      ],
    });
  });
});
