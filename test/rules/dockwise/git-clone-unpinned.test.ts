import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1015 git-clone-unpinned', () => {
  it('flags clones of branches without a later checkout of a fixed ref', () =>
    checkRule('DW1015', {
      valid: [
        'FROM debian:12\nRUN git clone --depth 1 --branch jq-1.7.1 https://github.com/jqlang/jq.git /src',
        'FROM debian:12\nRUN git clone https://github.com/jqlang/jq.git /src && git -C /src checkout 71c2ab509a8628dbbad4bc7b3f98a64aa90d3297',
        'FROM debian:12\nRUN git clone https://github.com/jqlang/jq.git /src && cd /src && git reset --hard v1.7.1',
        'FROM debian:12\nRUN git clone https://github.com/jqlang/jq.git /src\nWORKDIR /src\nRUN git checkout jq-1.7.1',
        'FROM debian:12\nARG JQ_VERSION=1.7.1\nRUN git clone -b "jq-${JQ_VERSION}" https://github.com/jqlang/jq.git',
        'FROM debian:12\nARG VERSION\nRUN git clone -b "$VERSION" https://github.com/jqlang/jq.git',
        'FROM debian:12\nRUN git init src && cd src && git fetch --depth 1 https://github.com/x/y 0123456789abcdef0123456789abcdef01234567 && git checkout FETCH_HEAD',
        'FROM debian:12\nRUN git clone --revision=71c2ab509a8628dbbad4bc7b3f98a64aa90d3297 https://github.com/jqlang/jq.git',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN git clone https://github.com/jqlang/jq.git /src', at: [[2, 15, 2, 47]], message: /default branch/ },
        { code: 'FROM debian:12\nRUN git clone -b master https://github.com/jqlang/jq.git /src && make -C /src', message: /branch `master`/ },
        { code: 'FROM debian:12\nARG BRANCH\nRUN git clone -b "$BRANCH" https://github.com/x/y.git', count: 1 },
        { code: 'FROM debian:12\nARG REF=develop\nRUN git clone --branch ${REF} https://github.com/x/y.git', count: 1 },
        { code: 'FROM debian:12\nRUN git clone https://github.com/x/y.git /src && git -C /src checkout main', count: 1 },
        { code: 'FROM debian:12 AS src\nRUN git clone https://github.com/x/y.git /src\nFROM debian:12\nRUN git checkout v1.0.0', count: 1 },
      ],
    }));
});
