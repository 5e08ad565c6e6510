import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW4010 workdir-system-dir', () => {
  it('flags WORKDIR inside /proc, /sys, /boot, /dev, /initrd, /lost+found', () =>
    checkRule('DW4010', {
      valid: ['FROM debian:12\nWORKDIR /app', 'FROM debian:12\nWORKDIR /devel', 'FROM debian:12\nWORKDIR /process', 'FROM debian:12\nARG D\nWORKDIR $D', 'FROM debian:12\nWORKDIR /dev/../srv', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\\\dev'],
      invalid: [
        { code: 'FROM debian:12\nWORKDIR /proc', at: [[2, 9, 2, 14]], message: /\/proc/ },
        { code: 'FROM debian:12\nWORKDIR /dev/app', count: 1 },
        { code: 'FROM debian:12\nWORKDIR /boot\nWORKDIR grub', count: 2 },
        { code: 'FROM debian:12\nWORKDIR /\nWORKDIR sys', at: [[3, 9, 3, 12]] },
        { code: 'FROM debian:12\nARG D=/lost+found\nWORKDIR "$D"', count: 1 },
        { code: 'FROM debian:12\nWORKDIR /./proc/', count: 1 },
      ],
    }));
});
