import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5006 instruction-arity', () => {
  it('flags wrong argument counts', async () => {
    await checkRule('DW5006', {
      valid: [
        'FROM alpine:3.20',
        'FROM alpine:3.20 AS build\nFROM build as final',
        'FROM alpine:3.20\nCOPY a b /dest/\nADD ["a", "/b"]',
        'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF',
        'FROM alpine:3.20\nRUN\nCMD\nENTRYPOINT',
        'FROM alpine:3.20\nUSER app user\nWORKDIR /my dir\nSTOPSIGNAL SIGTERM',
        'FROM alpine:3.20\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD true',
        'FROM alpine:3.20\nVOLUME ["/data"]\nVOLUME /a /b',
        'FROM alpine:3.20\nENV A=1\nLABEL a=b\nARG X',
      ],
      invalid: [
        { code: 'FROM node:22 builder', at: [[1, 14, 1, 21]], message: /one or three arguments/ },
        { code: 'FROM node:22 AS', at: [[1, 14, 1, 16]], message: /stage name after AS is missing/ },
        { code: 'FROM node:22 ASS builder', at: [[1, 14, 1, 17]], message: /should be AS/ },
        { code: 'FROM node:22 AS a b', at: [[1, 14, 1, 20]] },
        { code: 'FROM', at: [[1, 1, 1, 5]] },
        { code: 'FROM alpine:3.20\nCOPY app.tar.gz', at: [[2, 6, 2, 16]], message: /at least two arguments/ },
        { code: 'FROM alpine:3.20\nCOPY --from=build', at: [[2, 1, 2, 5]], message: /after its flags/ },
        { code: 'FROM alpine:3.20\nADD ["a"]', at: [[2, 5, 2, 10]] },
        { code: 'FROM alpine:3.20\nADD <<EOF\nhello\nEOF', count: 1 },
        { code: 'FROM alpine:3.20\nHEALTHCHECK NONE CMD true', at: [[2, 18, 2, 26]], message: /takes no arguments/ },
        { code: 'FROM alpine:3.20\nHEALTHCHECK CMD', at: [[2, 13, 2, 16]], message: /Missing command/ },
        { code: 'FROM alpine:3.20\nHEALTHCHECK', at: [[2, 1, 2, 12]] },
        { code: 'FROM alpine:3.20\nEXPOSE', at: [[2, 1, 2, 7]] },
        { code: 'FROM alpine:3.20\nWORKDIR', count: 1 },
        { code: 'FROM alpine:3.20\nENV', count: 1 },
        { code: 'FROM alpine:3.20\nVOLUME []', at: [[2, 8, 2, 10]] },
        { code: 'FROM alpine:3.20\nVOLUME ["/a", ""]', at: [[2, 15, 2, 17]], message: /empty/ },
        { code: 'FROM alpine:3.20\nONBUILD', count: 1 },
      ],
    });
  });
});
