import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('ExposeInvalidFormat', () => {
  it('flags IP addresses and host ports in EXPOSE', async () => {
    await checkRule('ExposeInvalidFormat', {
      valid: ['FROM alpine:3.20\nEXPOSE 80 443/tcp 8000-8010', 'FROM alpine:3.20\nARG PORT=80\nEXPOSE $PORT'],
      invalid: [
        { code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80', at: [[2, 8, 2, 23]], message: /^EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'$/ },
        { code: 'FROM alpine:3.20\nEXPOSE 80 8080:80/tcp', at: [[2, 11, 2, 22]], count: 1 },
        { code: 'FROM alpine:3.20\nARG PORTS="80:80 443"\nEXPOSE $PORTS', count: 1 },
        { code: 'FROM alpine:3.20\nONBUILD EXPOSE 80:80', count: 1 },
      ],
    });
  });
});
