import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5014 no-from', () => {
  it('flags files without FROM', async () => {
    await checkRule('DW5014', {
      valid: ['FROM alpine:3.20', 'ARG V=1\nFROM alpine:3.20', 'RUN echo before\nFROM alpine:3.20', 'ARG V=1\nRUN echo $V'],
      invalid: [
        { code: 'ARG VERSION=1.0\nARG OTHER', at: [[1, 1, 1, 4]], message: /only ARG instructions/ },
        { code: '', at: [[1, 1, 1, 1]], message: /no instructions/ },
        { code: '# just a comment\n', message: /no instructions/ },
      ],
    });
  });
});
