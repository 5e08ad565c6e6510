import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('JSONArgsRecommended', () => {
  it('flags shell-form CMD and ENTRYPOINT without SHELL', async () => {
    await checkRule('JSONArgsRecommended', {
      valid: [
        'FROM alpine:3.20\nCMD ["my-program", "start"]',
        'FROM alpine:3.20\nENTRYPOINT ["my-program"]',
        'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nCMD echo hi',
        'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD echo hi',
        'FROM alpine:3.20\nRUN echo hi',
        '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD [ "a", `\n  "b" ]',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nENTRYPOINT my-program start', at: [[2, 12, 2, 28]], message: /JSON arguments recommended for ENTRYPOINT to prevent/ },
        { code: 'FROM alpine:3.20\ncmd echo hi', at: [[2, 5, 2, 12]], message: /recommended for cmd / },
        { code: "FROM alpine:3.20\nCMD ['sh']", count: 1 },
        { code: 'FROM alpine:3.20 AS a\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD echo hi', at: [[4, 5, 4, 12]] },
        { code: 'FROM alpine:3.20\nCMD echo hi\nSHELL ["/bin/ash", "-c"]', count: 1 },
        { code: 'FROM alpine:3.20\nONBUILD CMD echo hi', count: 1 },
      ],
    });
  });
});
