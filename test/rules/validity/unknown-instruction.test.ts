import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5001 unknown-instruction', () => {
  it('flags unknown keywords with a suggestion, including ONBUILD triggers', async () => {
    await checkRule('DW5001', {
      valid: [
        'FROM alpine:3.20\nRUN echo hi\nCOPY a /b',
        'from alpine:3.20\ncopy a /b\nHealthcheck NONE',
        'FROM alpine:3.20\nRUN <<EOF\nfoo bar\nEOF',
        'FROM alpine:3.20\nRUN apk add curl \\\n    && curl -V',
        'FROM alpine:3.20\nONBUILD RUN make',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nCOPPY app /app', at: [[2, 1, 2, 6]], message: /did you mean COPY/ },
        { code: 'FROM alpine:3.20\nRUN apk add curl\n    && curl -V', at: [[3, 5, 3, 7]], message: /line continuation/ },
        { code: 'FROM alpine:3.20\nONBUILD RUNN make', at: [[2, 9, 2, 13]], message: /RUNN \(did you mean RUN\?\)/ },
        { code: 'FROM alpine:3.20\nWRONG DOCKERFILE', count: 1 },
      ],
    });
  });
});
