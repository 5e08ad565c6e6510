import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const CMD = '\nCMD ["/app"]';

describe('DW2006 files-removed-later', () => {
  it('flags deletions of what an earlier layer added', () =>
    checkRule('DW2006', {
      valid: [
        `FROM debian:12-slim\nRUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf /tmp/app.tar.gz -C /opt${CMD}`,
        `FROM debian:12-slim\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz && rm /tmp/app.tgz${CMD}`,
        `FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*${CMD}`,
        `FROM debian:12-slim\nRUN rm -f /etc/nginx/conf.d/default.conf${CMD}`,
        `FROM debian:12-slim\nCOPY . /src\nRUN cd /src && make && rm -rf /src/build${CMD}`,
        `FROM debian:12-slim AS build\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\nRUN rm /tmp/app.tar.gz\nFROM scratch\nCOPY --from=build /opt /opt${CMD}`,
        `FROM debian:12-slim\nRUN curl -fsSLo /tmp/x.tgz https://example.com/x.tgz && rm /tmp/x.tgz\nRUN rm -f /tmp/x.tgz${CMD}`,
        `FROM debian:12-slim\nADD app.tar.gz /opt/\nRUN rm -f /opt/app.tar.gz${CMD}`,
      ],
      invalid: [
        { code: `FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN rm /tmp/app.tar.gz${CMD}`, at: [[4, 8, 4, 23]], message: /added by the COPY on line 2/ },
        { code: `FROM debian:12-slim\nWORKDIR /tmp\nCOPY app.tar.gz .\nRUN rm app.tar.gz${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nCOPY scripts /tmp/scripts\nRUN /tmp/scripts/setup.sh && rm -rf /tmp/scripts${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*${CMD}`, at: [[3, 12, 3, 32]], message: /apt package lists came from the RUN on line 2/ },
        { code: `FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl && apt-get dist-clean${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz${CMD}`, message: /downloaded by the RUN on line 2/ },
        { code: `FROM debian:12-slim AS base\nCOPY x.bin /opt/x.bin\nFROM base\nRUN rm -rf /opt${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nWORKDIR /app\nCOPY . .\nRUN rm -rf .git${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nADD https://example.com/tool.tgz /tmp/\nRUN tar -xzf /tmp/tool.tgz && rm /tmp/tool.tgz${CMD}`, count: 1 },
      ],
    }));
});
