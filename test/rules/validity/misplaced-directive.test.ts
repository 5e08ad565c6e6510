import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5016 misplaced-directive', () => {
  it('flags directives the builder reads as comments', async () => {
    await checkRule('DW5016', {
      valid: [
        '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\n\nFROM alpine:3.20',
        '#!/usr/bin/env -S docker build -f\n# syntax=docker/dockerfile:1\nFROM alpine:3.20',
        '# syntax=docker/dockerfile:1\n# Copyright\nFROM alpine:3.20',
        '# Copyright\n# escape=\\\nFROM alpine:3.20',
        'FROM alpine:3.20\nRUN echo a \\\n  # syntax=not-a-directive\n  && echo b',
        'FROM alpine:3.20\nRUN <<EOF\n# syntax=docker/dockerfile:1\nEOF',
      ],
      invalid: [
        { code: '# Copyright 2024 Example Inc.\n# syntax=docker/dockerfile:1\nFROM alpine:3.20', at: [[2, 1, 2, 29]] },
        { code: '\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022', at: [[2, 1, 2, 11]] },
        { code: 'FROM alpine:3.20\n# check=skip=all', count: 1 },
        { code: '# version=1\n# syntax=docker/dockerfile:1\nFROM alpine:3.20', message: /unknown directive "version"/ },
      ],
    });
  });
});
