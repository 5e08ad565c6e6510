import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const CMD = '\nCMD ["/app"]';

describe('DW2001 build-tools-in-final-image', () => {
  it('flags build-only packages that ship', () =>
    checkRule('DW2001', {
      valid: [
        // official-image pattern: virtual group added and deleted in one RUN
        `FROM alpine:3.20\nRUN set -eux; apk add --no-cache --virtual .build-deps gcc musl-dev make; make -C /src install; apk del --no-network .build-deps${CMD}`,
        // official-image pattern: apt-mark auto + purge --auto-remove
        `FROM debian:12-slim\nRUN set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev make; make -C /src; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; rm -rf /var/lib/apt/lists/*${CMD}`,
        `FROM debian:12-slim\nRUN apt-get update && apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc${CMD}`,
        `FROM debian:12-slim\nRUN buildDeps="gcc make" && apt-get install -y $buildDeps && make && apt-get purge -y $buildDeps${CMD}`,
        // builder stage: anything goes
        'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12-slim\nCOPY --from=build /out /app\nCMD ["/app"]',
        // runtime libraries are fine
        `FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends libpq5 ca-certificates curl${CMD}`,
        // toolbox images: no program of their own, or a dev/test target
        'FROM debian:12-slim\nRUN apt-get install -y build-essential',
        'FROM debian:12-slim\nRUN apt-get install -y build-essential\nCMD ["bash"]',
        'FROM debian:12-slim AS dev\nRUN apt-get install -y build-essential\nCOPY . /src\nCMD ["/src/run"]',
        'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get install -y build-essential\nCOPY src /src\nCMD ["sleep", "infinity"]',
        'FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCOPY src /src\nCMD ["/bin/bash", "-c", "sleep infinity"]',
        'FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCOPY src /src\nENTRYPOINT ["/usr/bin/build"]',
        // removed in a later RUN: DW2005 reports it
        `FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc\nRUN apk del .build-deps${CMD}`,
        // a channel called -dev
        `FROM debian:12-slim\nRUN apt-get install -y microsoft-edge-dev${CMD}`,
      ],
      invalid: [
        { code: `FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install psycopg2==2.9.9${CMD}`, count: 2, at: [[2, 66, 2, 69], [2, 70, 2, 79]] },
        { code: `FROM alpine:3.20\nRUN apk add --no-cache build-base python3-dev${CMD}`, count: 2, message: /apk add --no-cache --virtual \.build-deps/ },
        { code: `FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && make${CMD}`, count: 1 },
        { code: `FROM debian:12-slim\nRUN apt-get install -y gcc make && apt-get purge -y gcc${CMD}`, count: 1, message: /`make` \(build tool\)/ },
        { code: `FROM debian:12 AS base\nRUN apt-get install -y golang-go\nFROM base\nCOPY . /src${CMD}`, message: /language SDK/ },
        { code: `FROM debian:12-slim\nENV BUILD_DEPS="gcc g++ libssl-dev"\nRUN apt-get install -y $BUILD_DEPS${CMD}`, count: 1, message: /`gcc`.*`g\+\+`.*`libssl-dev`.*from `\$BUILD_DEPS`/ },
        { code: `FROM debian:12-slim\nARG CC_PKG=clang\nRUN apt-get install -y "\${CC_PKG}"${CMD}`, count: 1, message: /`clang`/ },
        { code: `FROM fedora:40\nRUN dnf install -y gcc-c++ openssl-devel && dnf clean all${CMD}`, count: 2 },
        { code: `FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y cmake\nEOF${CMD}`, at: [[4, 20, 4, 25]] },
      ],
    }));
});
