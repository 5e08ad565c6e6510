import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW5011 healthcheck-options', () => {
  it('flags invalid types, durations and retries', async () => {
    await checkRule('DW5011', {
      valid: [
        'FROM nginx:1.27\nHEALTHCHECK --interval=1m30s --timeout=10s --start-period=5s --start-interval=500ms --retries=3 CMD curl -f http://localhost/',
        'FROM nginx:1.27\nHEALTHCHECK --interval=0 --timeout=0s CMD true',
        'FROM nginx:1.27\nHEALTHCHECK --interval=1.5h --timeout=1500µs --start-period=2000us CMD ["true"]',
        'FROM nginx:1.27\nHEALTHCHECK --interval=oops NONE',
        'FROM nginx:1.27\nhealthcheck cmd true',
      ],
      invalid: [
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30 CMD true', at: [[2, 24, 2, 26]], message: /missing unit/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --timeout=5sec CMD true', message: /unknown unit "sec"/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=100us CMD true', message: /less than 1ms/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=-5s CMD true', message: /negative/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=.s CMD true', message: /invalid duration/ },
        { code: 'FROM nginx:1.27\nARG I=5s\nHEALTHCHECK --interval=$I CMD true', message: /not expanded/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --retries=2.5 CMD true', at: [[2, 23, 2, 26]], message: /whole number/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --retries=-1 CMD true', message: /negative/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK curl -f http://localhost/', at: [[2, 13, 2, 17]], message: /Unknown type "curl"/ },
        { code: 'FROM nginx:1.27\nHEALTHCHECK ["curl", "-f", "http://localhost/"]', message: /HEALTHCHECK CMD \[/ },
      ],
    });
  });

  it('reports --retries=0 as a warning', async () => {
    const fs = await findingsOf('DW5011', 'FROM nginx:1.27\nHEALTHCHECK --retries=0 CMD true');
    expect(fs.map((f) => f.severity)).toEqual(['warning']);
  });
});
