import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5010 stopsignal-syntax', () => {
  it('flags unknown signals', async () => {
    await checkRule('DW5010', {
      valid: [
        'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT',
        'FROM nginx:1.27\nSTOPSIGNAL term',
        'FROM nginx:1.27\nSTOPSIGNAL 9',
        'FROM nginx:1.27\nSTOPSIGNAL SIGRTMIN+3',
        'FROM nginx:1.27\nARG SIG=SIGINT\nSTOPSIGNAL $SIG',
        'FROM nginx:1.27\nARG SIG\nSTOPSIGNAL $SIG',
        'FROM nginx:1.27\nSTOPSIGNAL "SIGTERM"',
      ],
      invalid: [
        { code: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUITT', at: [[2, 12, 2, 20]] },
        { code: 'FROM nginx:1.27\nSTOPSIGNAL 0', at: [[2, 12, 2, 13]] },
        { code: 'FROM nginx:1.27\nSTOPSIGNAL SIG TERM', at: [[2, 12, 2, 20]] },
        { code: 'FROM nginx:1.27\nARG SIG=STOP_NOW\nSTOPSIGNAL ${SIG}', message: /= "STOP_NOW"/ },
      ],
    });
  });
});
