import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('ConsistentInstructionCasing', () => {
  it('flags keywords that do not follow the majority casing', async () => {
    await checkRule('ConsistentInstructionCasing', {
      valid: [
        'FROM alpine:3.20\nRUN echo hello\nCMD ["sh"]',
        'from alpine:3.20\nrun echo hello\ncmd ["sh"]',
        'FROM alpine:3.20\nONBUILD run echo hi',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nRun echo hello\nENTRYPOINT ["cat"]', at: [[2, 1, 2, 4]], count: 1, message: /Command 'Run' should match the case of the command majority \(uppercase\)/ },
        { code: 'from alpine:3.20\nrun echo hello\nCMD ["sh"]', at: [[3, 1, 3, 4]], message: /\(lowercase\)/ },
        { code: 'from alpine:3.20\nRUN echo hello', at: [[1, 1, 1, 5]], count: 1 },
        { code: 'arg VERSION=1\nFROM alpine:3.20\nRUN echo $VERSION', at: [[1, 1, 1, 4]] },
        { code: 'From alpine:3.20\nrun a\nEntrypoint ["x"]', count: 2 },
      ],
    });
  });
});
