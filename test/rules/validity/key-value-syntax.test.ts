import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5019 key-value-syntax', () => {
  it('flags malformed ENV, LABEL and ARG pairs', async () => {
    await checkRule('DW5019', {
      valid: [
        'FROM alpine:3.20\nENV A=1 B="two words" C=\'x y\' D=a\\ b',
        'FROM alpine:3.20\nENV LEGACY value with spaces',
        'FROM alpine:3.20\nENV name="a\\"b" other=\'it\'"\'"\'s\'',
        'FROM alpine:3.20\nLABEL maintainer Erik \\\\Hollensbe <erik@hollensbe.org>\\"',
        'FROM alpine:3.20\nLABEL "a b"=c \\\n      d=e',
        'FROM alpine:3.20\nARG A B=2 C="q r"',
        'FROM alpine:3.20\nENV A=',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nENV APP_HOME', at: [[2, 5, 2, 13]], message: /two arguments/ },
        { code: 'FROM alpine:3.20\nLABEL version', message: /LABEL must have two arguments/ },
        { code: 'FROM alpine:3.20\nENV GREETING=hello world', at: [[2, 20, 2, 25]], message: /can't find = in "world"/ },
        { code: 'FROM alpine:3.20\nENV =value', message: /names can not be blank/ },
        { code: 'FROM alpine:3.20\nARG A=1 =2', at: [[2, 9, 2, 11]], message: /ARG names can not be blank/ },
        { code: 'FROM alpine:3.20\nLABEL description="web server', at: [[2, 19, 2, 30]], message: /double quote/ },
        { code: "FROM alpine:3.20\nENV name='a\\'b'", message: /single quote/ },
        { code: 'FROM alpine:3.20\nARG X="unterminated', message: /double quote in ARG X/ },
      ],
    });
  });
});
