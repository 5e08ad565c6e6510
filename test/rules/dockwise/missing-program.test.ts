import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW3004 missing-program', () => {
  it('flags programs that neither the base image nor the Dockerfile provides', () =>
    checkRule('DW3004', {
      valid: [
        'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && curl -fsSL https://x',
        'FROM python:3.12-slim\nRUN command -v curl && curl -fsSL https://x || true',
        'FROM python:3.12-slim\nRUN curl -fsSL https://x || wget -qO- https://x || python -c "import urllib"',
        'FROM alpine:3.20\nRUN wget -qO- https://x | tar -xz',
        'FROM alpine:3.20\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nRUN echo hi',
        'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]',
        'FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/server /server\nCMD ["/server"]',
        'FROM gcr.io/distroless/base-debian12:debug\nSHELL ["/busybox/sh", "-c"]\nRUN echo hi',
        'ARG BASE\nFROM ${BASE}\nRUN curl https://x',
        'FROM registry.example.com/team/base:1\nRUN curl https://x',
        'FROM debian:bookworm-slim\nCOPY --from=builder /usr/local/ /usr/local/\nRUN mytool --version',
        'FROM debian:bookworm-slim\nCOPY install.sh /tmp/\nRUN /tmp/install.sh\nRUN anything --version',
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && curl -fsSL https://x | sh\nRUN anything',
        'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]',
        'FROM python:3.12-slim\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["celery", "worker"]',
        'FROM php:8.2-apache\nRUN docker-php-ext-install pdo_mysql && pecl install redis',
        'FROM debian:bookworm-slim\nRUN git --version 2>/dev/null || echo "no git"',
        'FROM debian:bookworm-slim\nRUN if command -v git; then git --version; fi',
        'FROM debian:bookworm-slim\nCMD ["/app/server"]',
      ],
      invalid: [
        { code: 'FROM python:3.12-slim\nRUN curl -fsSL -o /tmp/get.json https://example.com/get.json', at: [[2, 5, 2, 9]], message: /`curl` is not in the base image python:3\.12-slim.*apt-get install -y --no-install-recommends curl/ },
        { code: 'FROM alpine:3.20\nRUN bash -c "echo hi"', message: /apk add --no-cache bash/ },
        { code: 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nRUN echo hi', at: [[3, 1, 3, 4]], message: /this RUN needs `\/bin\/bash`/ },
        { code: 'FROM gcr.io/distroless/static-debian12\nRUN echo hi', message: /needs `\/bin\/sh`.*exec form/ },
        { code: 'FROM ubuntu:22.04\nRUN pip install requests==2.32.3', message: /`pip`.*python3-pip/ },
        { code: 'FROM debian:bookworm-slim\nHEALTHCHECK CMD curl -f http://localhost/', count: 1 },
        { code: 'FROM scratch\nCMD ["/server"]', message: /`\/server` is not in the base image scratch.*COPY --from/ },
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build gcc && apk del .build\nRUN gcc -v', count: 1 },
        { code: 'FROM debian:bookworm-slim AS a\nRUN apt-get update && apt-get install -y curl\nFROM debian:bookworm-slim\nRUN curl https://x', count: 1 },
        { code: 'FROM python:3.12-slim\nRUN ["sh", "-c", "curl https://x"]', at: [[2, 19, 2, 23]] },
        { code: 'FROM debian:bookworm-slim\nRUN <<EOF\nset -e\ncurl https://x\nEOF', at: [[4, 1, 4, 5]] },
      ],
    }));
});
