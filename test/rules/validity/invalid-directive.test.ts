import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5018 invalid-directive', () => {
  it('flags bad escape values and repeated directives', async () => {
    await checkRule('DW5018', {
      valid: ['# escape=`\nFROM alpine:3.20', '# escape=\\\nFROM alpine:3.20', '# syntax=a\n\n# syntax=b\nFROM alpine:3.20'],
      invalid: [
        { code: '# escape=^\nFROM alpine:3.20', at: [[1, 10, 1, 11]], message: /must be/ },
        { code: '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20', at: [[2, 1, 2, 31]], message: /Only one syntax/ },
        { code: '# escape=`\n# ESCAPE=`\nFROM alpine:3.20', count: 1 },
      ],
    });
  });
});
