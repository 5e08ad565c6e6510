import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5002 unknown-flag', () => {
  it('flags flags an instruction does not accept', async () => {
    await checkRule('DW5002', {
      valid: [
        'FROM --platform=linux/amd64 alpine:3.20',
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/x --network=none --security=sandbox --device=/dev/fuse echo',
        'FROM alpine:3.20\nCOPY --from=b --chown=1 --chmod=644 --link --parents --exclude=*.md a /b/',
        'FROM alpine:3.20\nADD --chown=1 --chmod=644 --link --keep-git-dir --checksum=sha256:x --exclude=x --unpack a /b/',
        'FROM alpine:3.20\nHEALTHCHECK --interval=5s --timeout=3s --start-period=1s --start-interval=1s --retries=3 CMD true',
        'FROM alpine:3.20\nHEALTHCHECK --whatever=1 NONE',
        'FROM alpine:3.20\nRUN echo --not-a-flag',
        'FROM alpine:3.20\nCMD ["app", "--help"]',
        'FROM alpine:3.20\nENV A=--x',
      ],
      invalid: [
        { code: 'FROM --platfrom=linux/amd64 alpine:3.20', at: [[1, 6, 1, 16]], message: /did you mean --platform/ },
        { code: 'FROM alpine:3.20\nCOPY --Chown=app a /b', at: [[2, 6, 2, 13]], message: /case-sensitive: use --chown/ },
        { code: 'FROM alpine:3.20\nADD --from=builder /out /app', at: [[2, 5, 2, 11]], message: /flag of COPY/ },
        { code: 'FROM alpine:3.20\nCOPY --mount=type=cache,target=/x a /b', at: [[2, 6, 2, 13]], message: /flag of RUN/ },
        { code: 'FROM alpine:3.20\nCMD --help', at: [[2, 5, 2, 11]], message: /CMD takes no flags/ },
        { code: 'FROM alpine:3.20\nENV --foo=bar A=1', at: [[2, 5, 2, 10]] },
        { code: 'FROM alpine:3.20\nONBUILD RUN --mout=type=cache,target=/x make', at: [[2, 13, 2, 19]], message: /did you mean --mount/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x --netwrok=none --foo echo', count: 2 },
      ],
    });
  });
});
