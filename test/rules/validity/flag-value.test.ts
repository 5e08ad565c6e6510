import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5004 flag-value', () => {
  it('flags missing and invalid flag values', async () => {
    await checkRule('DW5004', {
      valid: [
        'FROM alpine:3.20\nCOPY --link --link=true a /b',
        'FROM alpine:3.20\nCOPY --link=FALSE --parents=True a /b/',
        'FROM alpine:3.20\nCOPY --chown= a /b',
        'FROM alpine:3.20\nRUN --network=default --security=insecure echo',
        'FROM alpine:3.20\nRUN --network=$NET echo',
        'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a',
        'FROM alpine:3.20\nADD --checksum=d6a46f2cc2d3025ee3ffb59991c6d93ef903e339 https://github.com/x/y.git /y',
        'FROM alpine:3.20\nADD --checksum=${SUM} https://example.com/a /a',
        'FROM alpine:3.20\nCOPY --unknown a /b',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nCOPY --chown app /src /app', at: [[2, 8, 2, 13]], message: /Missing a value/ },
        { code: 'FROM --platform alpine:3.20', at: [[1, 8, 1, 16]] },
        { code: 'FROM alpine:3.20\nCOPY --link=yes /src /app', at: [[2, 13, 2, 16]], message: /Expecting boolean/ },
        { code: 'FROM alpine:3.20\nADD --keep-git-dir= https://github.com/x/y.git /y', at: [[2, 5, 2, 20]], message: /Missing a value/ },
        { code: 'FROM alpine:3.20\nRUN --network=off wget x', at: [[2, 15, 2, 18]], message: /network mode/ },
        { code: 'FROM alpine:3.20\nRUN --network=nnone wget x', message: /did you mean none/ },
        { code: 'FROM alpine:3.20\nRUN --security=privileged echo', message: /security mode/ },
        { code: 'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/a /a', message: /64 hex characters/ },
        { code: 'FROM alpine:3.20\nADD --checksum=md5:abc https://example.com/a /a', message: /unsupported digest algorithm/ },
        { code: 'FROM alpine:3.20\nHEALTHCHECK --interval CMD true', message: /Missing a value on flag: --interval/ },
      ],
    });
  });
});
