import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW1002 syntax-directive-version', () => {
  it('flags a frontend without a version', () =>
    checkRule('DW1002', {
      valid: [
        'FROM alpine:3.20',
        '# syntax=docker/dockerfile:1\nFROM alpine:3.20',
        '# syntax=docker/dockerfile:1.7-labs\nFROM alpine:3.20',
        '# syntax=docker/dockerfile:1.7.1@sha256:a57df69d0ea827fb7266491f2813635de6f17269be881f696fbfdf2d83dda33e\nFROM alpine:3.20',
        { code: '# syntax=docker/dockerfile:1.7.1@sha256:a57df69d0ea827fb7266491f2813635de6f17269be881f696fbfdf2d83dda33e\nFROM alpine:3.20\nRUN true', options: { strictPinning: true } },
        'FROM alpine:3.20\n# syntax=docker/dockerfile',
      ],
      invalid: [
        { code: '# syntax=docker/dockerfile\nFROM alpine:3.20', at: [[1, 10, 1, 27]], message: /has no version/ },
        { code: '# syntax = docker/dockerfile:latest\nFROM alpine:3.20', at: [[1, 12, 1, 36]], message: /uses `:latest`/ },
        { code: '# syntax=docker/dockerfile:labs\nFROM alpine:3.20', message: /docker\/dockerfile:1-labs/ },
        { code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN true', options: { strictPinning: true }, message: /moving tag/ },
        { code: '# syntax=docker/dockerfile:1.7.1\nFROM alpine:3.20', options: { strictPinning: true }, message: /no digest/ },
      ],
    }));

  it('fixes a missing version to the 1.x channel', async () => {
    const [f] = await findingsOf('DW1002', '# syntax=docker/dockerfile:latest\nFROM alpine:3.20');
    expect(f?.fix?.edits[0]?.newText).toBe('docker/dockerfile:1');
    expect(f?.severity).toBe('warning');
    const [g] = await findingsOf('DW1002', '# syntax=docker/dockerfile:1\nFROM alpine:3.20', { strictPinning: true });
    expect(g?.severity).toBe('info');
  });
});
