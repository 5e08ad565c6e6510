import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW5021 trailing-escape', () => {
  it('flags a continuation at the end of the file', async () => {
    await checkRule('DW5021', {
      valid: [
        'FROM alpine:3.20\nRUN apk add --no-cache curl',
        'FROM alpine:3.20\nRUN apk add \\\n  curl\n',
        'FROM alpine:3.20\n# trailing comment \\',
        '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\',
        // review of issue 3: an escaped escape character does not continue the line (BuildKit)
        'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll C:\\\\Windows\\\\',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\', at: [[2, 29, 2, 30]] },
        { code: 'FROM alpine:3.20\nRUN apk add \\\n  curl \\\n\n# done\n', at: [[3, 8, 3, 9]] },
        { code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `', at: [[3, 9, 3, 10]] },
      ],
    });
  });

  it('offers a fix that removes the continuation', async () => {
    const [f] = await findingsOf('DW5021', 'FROM alpine:3.20\nRUN apk add curl \\');
    expect(f?.fix?.edits).toEqual([{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 18 } }, newText: '' }]);
  });
});
