import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5007 stage-name', () => {
  it('flags stage names BuildKit rejects', async () => {
    await checkRule('DW5007', {
      valid: ['FROM golang:1.23 AS build', 'FROM golang:1.23 AS Build-Env_1.2', 'FROM golang:1.23 AS b'],
      invalid: [
        { code: 'FROM golang:1.23 AS 1st-build', at: [[1, 21, 1, 30]], message: /start with a number/ },
        { code: 'FROM golang:1.23 AS build:amd64', at: [[1, 21, 1, 32]], message: /symbols/ },
        { code: 'FROM golang:1.23 AS ${TARGET}', message: /not expanded/ },
        { code: 'FROM golang:1.23 AS _build', count: 1 },
      ],
    });
  });
});
