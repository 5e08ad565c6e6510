import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const CMD = '\nCMD ["/app"]';

describe('DW2005 packages-removed-later', () => {
  it('flags removals in a later layer than the install', () =>
    checkRule('DW2005', {
      valid: [
        `FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps${CMD}`,
        `FROM debian:12-slim\nRUN apt-get purge -y --auto-remove perl${CMD}`,
        `FROM alpine:3.20 AS build\nRUN apk add gcc\nRUN apk del gcc\nFROM alpine:3.20\nCOPY --from=build /out /app${CMD}`,
        `FROM debian:12-slim\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\nRUN apt-get purge -y gcc${CMD}`,
      ],
      invalid: [
        { code: `FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\nRUN make -C /src install\nRUN apk del .build-deps${CMD}`, at: [[4, 13, 4, 24]], message: /installed by the RUN on line 2/ },
        { code: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y build-essential curl\nRUN apt-get purge -y --auto-remove build-essential${CMD}`, count: 1 },
        { code: `FROM debian:12-slim AS base\nRUN apt-get install -y gcc\nFROM base\nRUN apt-get remove -y gcc${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nENV DEPS="gcc make"\nRUN apt-get install -y $DEPS\nRUN apt-get purge -y $DEPS${CMD}`, count: 1 },
        { code: `FROM fedora:40\nRUN dnf install -y gcc\nRUN yum remove -y gcc${CMD}`, count: 1 },
      ],
    }));
});
