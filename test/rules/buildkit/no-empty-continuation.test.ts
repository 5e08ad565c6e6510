import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('NoEmptyContinuation', () => {
  it('flags empty lines inside continued instructions', async () => {
    await checkRule('NoEmptyContinuation', {
      valid: [
        'FROM alpine:3.20\nRUN apk add \\\n    curl',
        'FROM alpine:3.20\nEXPOSE \\\n# Port\n80',
        'FROM alpine:3.20\nRUN echo hi\n\nRUN echo there',
        'FROM alpine:3.20\nRUN <<EOF\necho one\n\necho two\nEOF',
        'FROM alpine:3.20\nCOPY <<EOF /x\n\\\n\nEOF',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a \\\n  C:\\\\Windows\\\\\n\nRUN echo',
        'FROM alpine:3.20\nRUN echo \\\n  done\n',
        '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n    b',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl', at: [[2, 13, 3, 1]], count: 1, message: /^Empty continuation line$/ },
        { code: 'FROM alpine:3.20\nRUN apk add \\\n\n    gnupg \\\n  \n\n    curl', at: [[2, 13, 3, 1], [4, 11, 6, 1]], count: 2 },
        { code: 'FROM alpine:3.20\nEXPOSE \\\n# Port \\\n\n80', at: [[3, 9, 4, 1]] },
        { code: 'FROM alpine:3.20\nRUN echo hello \\\n# a comment\n\n# another\n\nworld', at: [[3, 12, 4, 1], [5, 10, 6, 1]], count: 2 },
        { code: 'FROM alpine:3.20\nRUN echo \\\n\n', count: 1 },
        { code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n\n    b', at: [[3, 12, 4, 1]] },
        { code: 'FROM alpine:3.20\nONBUILD RUN echo \\\n\n  hi', count: 1 },
      ],
    });
  });
});
