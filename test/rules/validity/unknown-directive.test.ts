import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5017 unknown-directive', () => {
  it('flags misspelt directives at the top', async () => {
    await checkRule('DW5017', {
      valid: ['# syntax=docker/dockerfile:1\nFROM alpine:3.20', '# version=1.2\nFROM alpine:3.20', 'FROM alpine:3.20\n# sytnax=docker/dockerfile:1'],
      invalid: [
        { code: '# sytnax=docker/dockerfile:1\nFROM alpine:3.20', at: [[1, 3, 1, 9]], message: /did you mean syntax/ },
        { code: '# syntax=docker/dockerfile:1\n# escpae=`\nFROM alpine:3.20', at: [[2, 3, 2, 9]], message: /did you mean escape/ },
      ],
    });
  });
});
