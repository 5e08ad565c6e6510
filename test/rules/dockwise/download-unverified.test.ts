import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const SUM = '93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c';

describe('DW1013 download-unverified', () => {
  it('flags downloads no checksum or signature covers', () =>
    checkRule('DW1013', {
      valid: [
        `FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tini https://example.com/v0.19.0/tini && echo "${SUM}  /usr/local/bin/tini" | sha256sum -c -`,
        'FROM debian:12\nRUN wget -O python.tar.xz "https://www.python.org/ftp/python/3.12.7/Python-3.12.7.tar.xz"; echo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -',
        'FROM debian:12\nRUN curl -fsSLO https://example.com/app-1.0.tgz && curl -fsSLO https://example.com/app-1.0.tgz.asc && gpg --batch --verify app-1.0.tgz.asc app-1.0.tgz',
        'FROM debian:12\nRUN curl -fsSLO https://example.com/SHA256SUMS && curl -fsSLO https://example.com/app.tgz && sha256sum -c --ignore-missing SHA256SUMS',
        `FROM debian:12\nRUN curl -fsSLo app.tgz https://example.com/app.tgz\nRUN echo "${SUM}  app.tgz" | sha256sum -c -`,
        'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc -o /usr/share/keyrings/x.asc',
        'FROM debian:12\nRUN curl -fsSL https://packages.example.com/x.list -o /etc/apt/sources.list.d/x.list',
        'FROM debian:12\nRUN curl -fsSL https://api.example.com/version | jq -r .version',
        'FROM debian:12\nRUN curl -fsS -X POST -d @payload.json https://api.example.com/hook -o /dev/null',
        'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh',
        'FROM debian:12\nRUN wget -O /usr/local/bin/dind "https://raw.githubusercontent.com/docker/docker/${DIND_COMMIT}/hack/dind"',
        'FROM debian:12\nRUN curl -fsSLo app.tgz https://example.com/app.tgz && [ "$(sha256sum app.tgz | cut -d" " -f1)" = "$SHA" ]',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tini https://example.com/v0.19.0/tini && chmod +x /usr/local/bin/tini', at: [[2, 37, 2, 69]], message: /saved as `tini`/ },
        { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/app-1.2.3.tar.gz | tar -xz -C /opt', message: /piped straight into `tar`/ },
        { code: 'FROM debian:12\nRUN wget https://example.com/app.deb && apt-get install -y ./app.deb', message: /`app\.deb`/ },
        { code: 'FROM debian:12\nARG URL=https://example.com/app.tgz\nRUN curl -fsSL "$URL" > /tmp/app.tgz', count: 1 },
        { code: `FROM debian:12\nRUN curl -fsSLo a.tgz https://example.com/a.tgz && curl -fsSLo b.tgz https://example.com/b.tgz && echo "${SUM}  a.tgz" | sha256sum -c -`, count: 1, message: /`b\.tgz`/ },
        { code: `FROM debian:12 AS one\nRUN curl -fsSLo app.tgz https://example.com/app.tgz\nFROM debian:12\nRUN echo "${SUM}  app.tgz" | sha256sum -c -`, count: 1 },
        { code: 'FROM debian:12\nRUN [ "$(sha256sum app.tgz | cut -d" " -f1)" = "$SHA" ] || curl -fsSLo app.tgz https://example.com/app.tgz', count: 1 },
        { code: 'FROM debian:12\nRUN <<EOF\nset -eu\nwget -O /tmp/x.zip https://example.com/x.zip\nunzip /tmp/x.zip\nEOF', at: [[4, 20, 4, 45]] },
      ],
    }));
});
