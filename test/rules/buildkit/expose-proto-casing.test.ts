import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('ExposeProtoCasing', () => {
  it('flags uppercase protocols', async () => {
    await checkRule('ExposeProtoCasing', {
      valid: ['FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 80', 'FROM alpine:3.20\nEXPOSE 80/FOO', 'FROM alpine:3.20\nARG P\nEXPOSE $P'],
      invalid: [
        { code: 'FROM alpine:3.20\nEXPOSE 80/TCP', at: [[2, 11, 2, 14]], message: /^Defined protocol '80\/TCP' in EXPOSE instruction should be lowercase$/ },
        { code: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/Udp 8080-8090/SCTP', at: [[2, 18, 2, 21], [2, 32, 2, 36]], count: 2 },
        { code: 'FROM alpine:3.20\nARG PROTO=UDP\nEXPOSE 53/$PROTO', at: [[3, 8, 3, 17]] },
        { code: 'FROM alpine:3.20\nONBUILD EXPOSE 80/TCP', count: 1 },
      ],
    });
  });
});
