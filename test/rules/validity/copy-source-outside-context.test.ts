import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5024 copy-source-outside-context', () => {
  it('flags sources that climb out of the context', async () => {
    await checkRule('DW5024', {
      valid: [
        'FROM nginx:1.27\nCOPY shared/nginx.conf /etc/nginx/',
        'FROM nginx:1.27\nCOPY /.patches/a.patch ./.patches/',
        'FROM nginx:1.27\nCOPY a/../b.conf /etc/',
        'FROM nginx:1.27 AS b\nFROM nginx:1.27\nCOPY --from=b ../x /y',
        'FROM nginx:1.27\nADD https://example.com/../x.tar.gz /tmp/',
        'FROM nginx:1.27\nARG SRC\nCOPY ${SRC} /x',
      ],
      invalid: [
        { code: 'FROM nginx:1.27\nCOPY ../shared/nginx.conf /etc/nginx/', at: [[2, 6, 2, 26]] },
        { code: 'FROM nginx:1.27\nADD a/../../b /b', count: 1 },
        { code: 'FROM nginx:1.27\nCOPY ["../x", "/y/"]', count: 1 },
        { code: 'FROM nginx:1.27\nARG SRC=../up\nCOPY ${SRC} /x', count: 1 },
      ],
    });
  });
});
