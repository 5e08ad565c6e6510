import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const CMD = '\nCMD ["/app/run"]';

describe('DW2008 git-metadata-in-image', () => {
  it('flags .git directories that ship', () =>
    checkRule('DW2008', {
      valid: [
        `FROM alpine:3.20\nCOPY app /app${CMD}`,
        `FROM alpine:3.20\nCOPY . /app${CMD}`,
        { code: `FROM alpine:3.20\nCOPY . /app\nRUN true${CMD}`, options: { context: { dockerignore: null } } },
        { code: `FROM alpine:3.20\nCOPY . /app\nRUN echo ok${CMD}`, options: { context: { dockerignore: '# vcs\n.git\nnode_modules\n' } } },
        { code: `FROM alpine:3.20\nCOPY . /app\nRUN echo globbed${CMD}`, options: { context: { dockerignore: '**/.git\n' } } },
        { code: `FROM alpine:3.20\nCOPY . /app\nRUN echo star${CMD}`, options: { context: { dockerignore: '*\n!app\n' } } },
        `FROM alpine:3.20\nRUN git clone --depth 1 -b v1.0.0 https://github.com/x/y.git /app && rm -rf /app/.git${CMD}`,
        `FROM alpine:3.20\nRUN git clone --depth 1 -b v1.0.0 https://github.com/x/y.git /src && make -C /src install && rm -rf /src${CMD}`,
        `FROM alpine:3.20 AS src\nRUN git clone https://github.com/x/y.git /src\nFROM alpine:3.20\nCOPY --from=src /src/bin /app${CMD}`,
        'FROM alpine:3.20\nRUN git clone https://github.com/x/y.git /src',
        `FROM alpine:3.20\nADD https://github.com/x/y.git#v1.0.0 /src${CMD}`,
      ],
      invalid: [
        { code: `FROM alpine:3.20\nCOPY .git /app/.git\nCOPY app /app${CMD}`, at: [[2, 6, 2, 10]], message: /git history/ },
        { code: `FROM alpine:3.20\nCOPY . /app\nRUN echo x${CMD}`, options: { context: { dockerignore: 'node_modules\n' } }, message: /does not exclude `\.git`/ },
        { code: `FROM alpine:3.20\nCOPY . /app\nRUN echo negated${CMD}`, options: { context: { dockerignore: '.git\n!.git\n' } }, count: 1 },
        { code: `FROM alpine:3.20\nRUN git clone --depth 1 -b v1.0.0 https://github.com/x/y.git /app${CMD}`, at: [[2, 35, 2, 61]], message: /`\/app\/\.git`/ },
        { code: `FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/x/y.git#v1.0.0 /src${CMD}`, message: /--keep-git-dir/ },
        { code: `FROM alpine:3.20 AS base\nRUN git clone https://github.com/x/y.git\nFROM base${CMD}`, message: /`y\/\.git`/ },
      ],
    }));
});
