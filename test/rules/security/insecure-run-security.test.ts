import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW4008 insecure-run-security', () => {
  it('flags RUN --security=insecure', () =>
    checkRule('DW4008', {
      valid: ['FROM debian:12\nRUN --security=sandbox ls', 'FROM debian:12\nRUN --network=host ls', 'FROM debian:12\nRUN echo --security=insecure'],
      invalid: [
        { code: 'FROM debian:12\nRUN --security=insecure ls', at: [[2, 16, 2, 24]] },
        { code: 'FROM debian:12 AS build\nRUN --mount=type=cache,target=/x --security=insecure make\nFROM scratch', count: 1 },
        { code: 'FROM debian:12\nONBUILD RUN --security=insecure ls', count: 1 },
      ],
    }));
});
