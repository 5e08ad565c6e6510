import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5009 expose-syntax', () => {
  it('flags invalid ports and protocols', async () => {
    await checkRule('DW5009', {
      valid: [
        'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000/sctp 8000-8010',
        'FROM nginx:1.27\nEXPOSE 80/TCP',
        'FROM nginx:1.27\nEXPOSE 8080:80 127.0.0.1:8080:80/tcp',
        'FROM nginx:1.27\nEXPOSE 70000',
        'FROM nginx:1.27\nARG PORT=8080\nEXPOSE ${PORT}/tcp "81"',
        'FROM nginx:1.27\nARG PORT\nEXPOSE $PORT',
        'FROM nginx:1.27\nEXPOSE 80/',
      ],
      invalid: [
        { code: 'FROM nginx:1.27\nEXPOSE 80/http', at: [[2, 8, 2, 15]], message: /protocol "http"/ },
        { code: 'FROM nginx:1.27\nEXPOSE http', at: [[2, 8, 2, 12]], message: /invalid port "http"/ },
        { code: 'FROM nginx:1.27\nEXPOSE 8010-8000', message: /start is above the end/ },
        { code: 'FROM nginx:1.27\nARG PORT=web\nEXPOSE $PORT', message: /invalid port "web"/ },
        { code: 'FROM nginx:1.27\nEXPOSE 80 /tcp', message: /missing port/ },
      ],
    });
  });
});
