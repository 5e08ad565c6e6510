import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('ReservedStageName', () => {
  it('flags stages named scratch or context', async () => {
    await checkRule('ReservedStageName', {
      valid: ['FROM alpine:3.20 AS base', 'FROM scratch', 'FROM scratch AS rootfs', 'FROM alpine:3.20 AS contexts'],
      invalid: [
        { code: 'FROM alpine:3.20 AS scratch', at: [[1, 21, 1, 28]], message: /reserved stage "scratch"/ },
        { code: 'FROM alpine:3.20 AS Context', at: [[1, 21, 1, 28]], message: /reserved stage "context"/ },
      ],
    });
  });
});
