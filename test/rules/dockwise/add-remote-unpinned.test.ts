import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const SUM = 'sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee';

describe('DW1014 add-remote-unpinned', () => {
  it('flags ADD of URLs without --checksum and git sources on branches', () =>
    checkRule('DW1014', {
      valid: [
        `FROM alpine:3.20\nADD --checksum=${SUM} https://example.com/tini /tini`,
        'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src',
        'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#d6a46f2cc2d3025ee3ffb59991c6d93ef903e339 /src',
        'FROM alpine:3.20\nADD --checksum=d6a46f2cc2d3025ee3ffb59991c6d93ef903e339 https://github.com/moby/buildkit.git /src',
        'FROM alpine:3.20\nADD app.tar.gz /opt/',
        'FROM alpine:3.20\nADD https://example.com/app.tgz /tmp/\nRUN echo "$SHA  /tmp/app.tgz" | sha256sum -c - && tar -xzf /tmp/app.tgz',
        'FROM alpine:3.20\nARG REF=v1.2.3\nADD https://github.com/x/y.git#${REF} /src',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nADD https://example.com/tini /tini', at: [[2, 5, 2, 29]], message: /--checksum/ },
        { code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git /src', message: /default branch/ },
        { code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git#master /src', message: /branch `master`/ },
        { code: 'FROM alpine:3.20\nARG REF=main\nADD https://github.com/x/y.git#${REF} /src', message: /branch `main`/ },
        { code: 'FROM alpine:3.20\nARG V=1.2.3\nADD https://example.com/app-${V}.tgz /tmp/', message: /app-1\.2\.3\.tgz/ },
        { code: 'FROM alpine:3.20 AS get\nADD https://example.com/a /a\nFROM scratch\nCOPY --from=get /a /a', count: 1 },
      ],
    }));
});
