/**
 * Cases that fire and cases that must not for the hadolint rules of the lint pipeline
 * (DL3000–DL3042, DL4000–DL4006), including ONBUILD variants where hadolint checks them.
 */
import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DL3000 absolute-workdir', () => {
  it('cases', () =>
    checkRule('DL3000', {
      valid: ['FROM a:1\nWORKDIR /app', 'FROM a:1\nWORKDIR $HOME/app', 'FROM a:1\nWORKDIR "/quoted dir"', 'FROM a:1\nWORKDIR C:\\\\app', 'FROM a:1\nWORKDIR ${DIR}'],
      invalid: [{ code: 'FROM a:1\nWORKDIR app', at: [[2, 9, 2, 12]] }, { code: 'FROM a:1\nWORKDIR "rel/dir"', count: 1 }],
    }));
});

describe('DL3002 last-user-not-root', () => {
  it('cases', () =>
    checkRule('DL3002', {
      valid: ['FROM a:1\nUSER root\nRUN x\nUSER app', 'FROM a:1\nRUN x', 'FROM a:1\nUSER 1000:1000', 'FROM a:1 AS b\nUSER root\nUSER nobody\nFROM b'],
      invalid: [
        { code: 'FROM a:1\nUSER app\nUSER root', at: [[3, 6, 3, 10]] },
        { code: 'FROM a:1\nUSER 0:0', count: 1 },
        { code: 'FROM a:1 AS build\nUSER root\nFROM b:1\nUSER app', count: 1 },
        { code: 'ARG U=root\nFROM a:1\nARG U\nUSER $U', count: 1 },
      ],
    }));
});

describe('DL3003 use-workdir', () => {
  it('cases', () =>
    checkRule('DL3003', {
      valid: ['FROM a:1\nWORKDIR /src\nRUN make', 'FROM a:1\nRUN echo cd'],
      invalid: [
        { code: 'FROM a:1\nRUN cd /src && make', at: [[2, 5, 2, 12]] },
        { code: 'FROM a:1\nONBUILD RUN cd /src', count: 1 },
        { code: 'FROM a:1\nRUN <<EOF\ncd /src\nmake\nEOF', at: [[3, 1, 3, 8]] },
      ],
    }));
});

describe('DL3004 no-sudo', () => {
  it('cases', () =>
    checkRule('DL3004', {
      valid: ['FROM a:1\nRUN apt-get update', 'FROM a:1\nRUN echo sudo'],
      invalid: [{ code: 'FROM a:1\nRUN sudo apt-get update', at: [[2, 5, 2, 9]] }, { code: 'FROM a:1\nONBUILD RUN sudo make', count: 1 }],
    }));
});

describe('DL3006 tag-base-image', () => {
  it('cases', () =>
    checkRule('DL3006', {
      valid: [
        'FROM debian:12',
        'FROM scratch',
        'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000',
        'FROM debian:12 AS base\nFROM base',
        'ARG IMAGE\nFROM $IMAGE',
        'ARG V=12\nFROM debian:${V}',
        { code: 'ARG IMAGE\nFROM ${IMAGE}', options: { buildArgs: { IMAGE: 'debian:12' } } },
      ],
      invalid: [
        { code: 'FROM debian', at: [[1, 6, 1, 12]] },
        { code: 'ARG BASE=debian\nFROM $BASE', count: 1 },
        { code: 'FROM localhost:5000/app', count: 1 },
        { code: 'ARG IMAGE\nFROM ${IMAGE} AS x', options: { buildArgs: { IMAGE: 'debian' } }, count: 1 },
      ],
    }));
});

describe('DL3007 no-latest-tag', () => {
  it('cases', () =>
    checkRule('DL3007', {
      valid: ['FROM debian:12', 'FROM debian:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'FROM debian'],
      invalid: [{ code: 'FROM debian:latest', at: [[1, 6, 1, 19]] }, { code: 'ARG T=latest\nFROM node:$T', count: 1 }],
    }));
});

describe('DL3008 pin-apt-get', () => {
  it('cases', () =>
    checkRule('DL3008', {
      valid: [
        'FROM debian:12\nRUN apt-get install -y curl=7.88',
        'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports',
        'FROM debian:12\nRUN apt-get install -y ./pkg.deb',
        'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=7.88',
        'FROM debian:12\nRUN apt-get install -y $PACKAGES',
        'FROM debian:12\nRUN apt-get update',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl git=1:2.39', at: [[2, 42, 2, 46]], count: 1 },
        { code: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    wget', at: [[3, 5, 3, 9], [4, 5, 4, 9]] },
        { code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl', count: 1 },
        { code: 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF', at: [[3, 20, 3, 24]] },
      ],
    }));
});

describe('DL3009 apt-lists-cleanup', () => {
  it('cases', () =>
    checkRule('DL3009', {
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*',
        'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x',
        'FROM debian:12 AS build\nRUN apt-get update\nFROM alpine:3.20',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y x', at: [[2, 5, 2, 19]] },
        { code: 'FROM debian:12 AS base\nRUN apt-get update\nFROM base', count: 1 },
        { code: 'FROM debian:12\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*', count: 1 },
      ],
    }));
});

describe('DL3013 pin-pip', () => {
  it('cases', () =>
    checkRule('DL3013', {
      valid: [
        'FROM python:3.12\nRUN pip install flask==3.0.3',
        'FROM python:3.12\nRUN pip install "flask>=3,<4"',
        'FROM python:3.12\nRUN pip install -r requirements.txt',
        'FROM python:3.12\nRUN pip install .',
        'FROM python:3.12\nRUN pip install ./dist/app-1.0-py3-none-any.whl',
        'FROM python:3.12\nRUN pip install -c constraints.txt flask',
      ],
      invalid: [
        { code: 'FROM python:3.12\nRUN pip install flask', at: [[2, 17, 2, 22]] },
        { code: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir requests flask==3', count: 1 },
        { code: 'FROM python:3.12\nONBUILD RUN pip3 install flask', count: 1 },
      ],
    }));
});

describe('DL3014 apt-get-yes', () => {
  it('cases', () =>
    checkRule('DL3014', {
      valid: [
        'FROM debian:12\nRUN apt-get install -y x',
        'FROM debian:12\nRUN apt-get -qq install x',
        'FROM debian:12\nRUN apt-get install --yes x',
        // review of issue 3 (docker-library/postgres): a simulated install never prompts
        'FROM debian:12\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then apt-get install -y x; fi',
      ],
      invalid: [{ code: 'FROM debian:12\nRUN apt-get install x', at: [[2, 5, 2, 22]] }],
    }));
  it('fix inserts -y after install', async () => {
    const [f] = await findingsOf('DL3014', 'FROM debian:12\nRUN apt-get install x');
    expect(f?.fix?.edits).toEqual([{ range: { start: { line: 1, character: 19 }, end: { line: 1, character: 19 } }, newText: ' -y' }]);
  });
});

describe('DL3015 apt-no-install-recommends', () => {
  it('cases', () =>
    checkRule('DL3015', {
      valid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends x', 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false x', 'FROM debian:12\nRUN apt-get update'],
      invalid: [{ code: 'FROM debian:12\nRUN apt-get install -y x', at: [[2, 5, 2, 25]] }, { code: 'FROM debian:12\nONBUILD RUN apt-get install -y x', count: 1 }],
    }));
});

describe('DL3016 pin-npm', () => {
  it('cases', () =>
    checkRule('DL3016', {
      valid: ['FROM node:22\nRUN npm install', 'FROM node:22\nRUN npm ci', 'FROM node:22\nRUN npm install -g typescript@5.6.3', 'FROM node:22\nRUN npm install @scope/pkg@1.2.3', 'FROM node:22\nRUN npm install ./local-dir'],
      invalid: [
        { code: 'FROM node:22\nRUN npm install -g typescript', at: [[2, 20, 2, 30]] },
        { code: 'FROM node:22\nRUN npm i @scope/pkg', count: 1 },
      ],
    }));
});

describe('DL3018 pin-apk', () => {
  it('cases', () =>
    checkRule('DL3018', {
      valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2', 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9', 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc=13.2.1-r0'],
      invalid: [
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl', at: [[2, 24, 2, 28]] },
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc', count: 1 },
        { code: 'FROM alpine:3.20\nONBUILD RUN apk add curl', count: 1 },
      ],
    }));
});

describe('DL3019 apk-no-cache', () => {
  it('cases', () =>
    checkRule('DL3019', {
      valid: [
        'FROM alpine:3.20\nRUN apk add --no-cache x',
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add x',
        // review of issue 3 (docker-library/wordpress): --no-network fetches no index
        'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps',
      ],
      invalid: [{ code: 'FROM alpine:3.20\nRUN apk add x', at: [[2, 5, 2, 14]] }, { code: 'FROM alpine:3.20\nRUN apk update && apk add -U x', count: 1 }],
    }));
});

describe('DL3020 copy-not-add', () => {
  it('cases', () =>
    checkRule('DL3020', {
      valid: ['FROM a:1\nADD https://example.com/x.tar.gz /tmp/', 'FROM a:1\nADD app.tar.gz /app/', 'FROM a:1\nCOPY . /app', 'FROM a:1\nADD git@github.com:org/repo.git /src'],
      invalid: [{ code: 'FROM a:1\nADD . /app', at: [[2, 1, 2, 4]] }, { code: 'FROM a:1\nADD ["a.txt", "/a.txt"]', count: 1 }],
    }));
  it('fix replaces the keyword', async () => {
    const [f] = await findingsOf('DL3020', 'FROM a:1\nADD . /app');
    expect(f?.fix).toMatchObject({ safety: 'safe', edits: [{ newText: 'COPY' }] });
  });
});

describe('DL3025 exec-form-cmd', () => {
  it('cases', () =>
    checkRule('DL3025', {
      valid: [
        'FROM a:1\nCMD ["a", "b"]',
        'FROM a:1\nENTRYPOINT ["a"]',
        'FROM a:1\nHEALTHCHECK CMD ["curl", "-f", "http://localhost"]',
        'FROM a:1\nHEALTHCHECK NONE',
        // review of issue 3 (StefanScherer/dockerfiles-windows): JSON continued with the backtick escape
        '# escape=`\nFROM a:1\nCMD [ "--config.file=/etc/prometheus/prometheus.yml", `\n       "--storage.tsdb.path=/prometheus" ]',
      ],
      invalid: [
        { code: 'FROM a:1\nCMD node server.js', at: [[2, 5, 2, 19]] },
        { code: 'FROM a:1\nENTRYPOINT /entry.sh', count: 1 },
        { code: 'FROM a:1\nHEALTHCHECK --interval=5s CMD curl -f http://localhost', count: 1 },
      ],
    }));
});

describe('DL3027 no-apt', () => {
  it('cases', () =>
    checkRule('DL3027', {
      valid: ['FROM debian:12\nRUN apt-get update', 'FROM debian:12\nRUN apt-cache policy x'],
      invalid: [{ code: 'FROM debian:12\nRUN apt update && apt install -y x', count: 2, at: [[2, 5, 2, 8]] }, { code: 'FROM debian:12\nONBUILD RUN apt update', count: 1 }],
    }));
});

describe('DL3028 pin-gem', () => {
  it('cases', () =>
    checkRule('DL3028', {
      valid: ['FROM ruby:3\nRUN gem install bundler:2.5.22', 'FROM ruby:3\nRUN gem install bundler -v 2.5.22', 'FROM ruby:3\nRUN bundle install'],
      invalid: [{ code: 'FROM ruby:3\nRUN gem install bundler', at: [[2, 17, 2, 24]] }, { code: 'FROM ruby:3\nRUN gem i rails', count: 1 }],
    }));
});

describe('DL3042 pip-no-cache-dir', () => {
  it('cases', () =>
    checkRule('DL3042', {
      valid: [
        'FROM python:3\nRUN pip install --no-cache-dir x==1',
        'FROM python:3\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1',
        'FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install x==1',
        'FROM python:3\nRUN PIP_NO_CACHE_DIR=1 pip install x==1',
        'FROM python:3\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1',
        'FROM python:3\nRUN pipx install x==1',
      ],
      invalid: [{ code: 'FROM python:3\nRUN pip install x==1', at: [[2, 5, 2, 21]] }, { code: 'FROM python:3\nRUN python -m pip install x==1', count: 1 }],
    }));
});

describe('DL4000 maintainer-deprecated', () => {
  it('cases', () =>
    checkRule('DL4000', {
      valid: ['FROM a:1\nLABEL maintainer="x"'],
      invalid: [{ code: 'FROM a:1\nMAINTAINER x', at: [[2, 1, 2, 11]] }],
    }));
});

describe('DL4003 one-cmd / DL4004 one-entrypoint', () => {
  it('DL4003', () =>
    checkRule('DL4003', {
      valid: ['FROM a:1\nCMD ["a"]', 'FROM a:1 AS x\nCMD ["a"]\nFROM b:1\nCMD ["b"]'],
      invalid: [{ code: 'FROM a:1\nCMD ["a"]\nCMD ["b"]', at: [[2, 1, 2, 4]], count: 1 }],
    }));
  it('DL4004', () =>
    checkRule('DL4004', {
      valid: ['FROM a:1\nENTRYPOINT ["a"]', 'FROM a:1 AS x\nENTRYPOINT ["a"]\nFROM b:1\nENTRYPOINT ["b"]'],
      invalid: [{ code: 'FROM a:1\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]', count: 2 }],
    }));
});

describe('DL4006 pipefail', () => {
  it('cases', () =>
    checkRule('DL4006', {
      valid: [
        'FROM debian:12\nRUN echo a && echo b',
        'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b',
        'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b',
        'FROM debian:12\nRUN set -o pipefail && a | b',
        'FROM debian:12\nRUN set -euxo pipefail; a | b',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Select-Object Name',
        'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM a\nRUN a | b',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN curl -fsSL https://x | sh', at: [[2, 5, 2, 30]] },
        { code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b', count: 1 },
        { code: 'FROM debian:12\nRUN a | b\nRUN c | d', count: 2 },
      ],
    }));
});

describe('pragmas', () => {
  it('ignore applies to the next instruction only, across continuation lines', async () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y \\\n  curl\nRUN apt-get install -y wget\n';
    const fs = await findingsOf('DL3008', text);
    expect(fs.map((f) => f.range.start.line + 1)).toEqual([5]);
  });
  it('check=skip skips BuildKit checks only', async () => {
    const fs = await findingsOf('DL3006', '# check=skip=all\nFROM debian\n');
    expect(fs).toHaveLength(1);
  });
});
