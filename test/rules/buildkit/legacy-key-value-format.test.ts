import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('LegacyKeyValueFormat', () => {
  it('flags ENV and LABEL without =', async () => {
    await checkRule('LegacyKeyValueFormat', {
      valid: [
        'FROM alpine:3.20\nENV foo=bar',
        'FROM alpine:3.20\nENV a=1 b="2 3"',
        'FROM alpine:3.20\nLABEL a=b',
        'FROM alpine:3.20\nARG foo bar',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nENV foo bar', at: [[2, 5, 2, 8]], message: /^"ENV key=value" should be used instead of legacy "ENV key value" format$/ },
        { code: 'FROM alpine:3.20\nLABEL maintainer team@example.com', at: [[2, 7, 2, 17]], message: /"LABEL key=value"/ },
        { code: 'FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git', at: [[2, 5, 2, 9]] },
        { code: 'FROM alpine:3.20\nONBUILD ENV a b', at: [[2, 13, 2, 14]] },
        { code: 'ENV x y\nFROM alpine:3.20', count: 1 },
      ],
    });
  });
});
