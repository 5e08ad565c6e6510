import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW5015 directive-casing', () => {
  it('flags upper-case directive names BuildKit reads', async () => {
    await checkRule('DW5015', {
      valid: ['# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM alpine:3.20', '# Copyright\n# Syntax=docker/dockerfile:1\nFROM alpine:3.20', '# Hello=world\nFROM alpine:3.20'],
      invalid: [
        { code: '# Syntax=docker/dockerfile:1\nFROM alpine:3.20', at: [[1, 3, 1, 9]] },
        { code: '#ESCAPE = `\nFROM alpine:3.20', at: [[1, 2, 1, 8]] },
      ],
    });
  });

  it('offers a safe fix', async () => {
    const [f] = await findingsOf('DW5015', '# Syntax=docker/dockerfile:1\nFROM alpine:3.20');
    expect(f?.fix?.edits).toEqual([{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } }, newText: 'syntax' }]);
  });
});
