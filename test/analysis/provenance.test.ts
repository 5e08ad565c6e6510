import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text.js';
import { parseDockerfile } from '../../src/parse/parse.js';
import { buildModel, type DockerfileModel } from '../../src/model/model.js';
import { loadShellParser } from '../../src/shell/parser.js';
import { analyseProvenance, firstUses, installCommand, type ProgramUse } from '../../src/analysis/provenance.js';
import { parseJsonStrings, parseShellText } from '../../src/analysis/command-text.js';

const parser = await loadShellParser();

function model(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  return buildModel(parseDockerfile(text, lines), lines, { file: 'Dockerfile', shellParser: parser });
}

function uses(text: string): ProgramUse[] {
  return analyseProvenance(model(text)).uses;
}

/** `program -> kind[:tier|:via]` of every use, in order. */
function kinds(text: string): string[] {
  return uses(text).map((u) => {
    const s = u.source;
    const detail = s.kind === 'base' ? `:${s.tier}` : s.kind === 'explicit' ? `:${s.via}` : '';
    return `${u.shell ? '(shell)' : ''}${u.program} -> ${s.kind}${detail}`;
  });
}

function kindOf(text: string, program: string, nth = 0): string {
  const found = uses(text).filter((u) => u.program === program && !u.shell)[nth];
  if (!found) throw new Error(`no use of ${program}: ${kinds(text).join(', ')}`);
  const s = found.source;
  return s.kind === 'base' ? `base:${s.tier}` : s.kind === 'explicit' ? `explicit:${s.via}` : s.kind;
}

describe('shell text reader (CMD / HEALTHCHECK shell form, sh -c scripts)', () => {
  it('splits commands and keeps offsets', () => {
    const cmds = parseShellText('curl -f http://x || exit 1', 10);
    expect(cmds.map((c) => c.name)).toEqual(['curl', 'exit']);
    expect(cmds[0]?.nameWord).toMatchObject({ start: 10, end: 14 });
    expect(cmds[0]?.connector).toBe('||');
    expect(cmds[1]?.conditional).toBe(true);
  });
  it('handles assignments, redirections, quotes, substitutions and keywords', () => {
    const cmds = parseShellText('A=1 B="x y" exec "my app" --flag 2>&1 >/dev/null; if [ -f x ]; then run; fi; echo "$(id -u)"');
    expect(cmds.map((c) => c.name)).toEqual(['exec', '[', 'run', 'echo']);
    expect(cmds[0]?.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmds[0]?.args.map((a) => a.value)).toEqual(['my app', '--flag']);
    expect(cmds[0]?.redirects.map((r) => r.operator)).toEqual(['>&', '>']);
    expect(cmds[2]?.conditional).toBe(true);
    expect(cmds[3]?.args[0]?.value).toBeNull();
  });
  it('skips for/case headers and reads pipelines', () => {
    const cmds = parseShellText('for f in a b; do cat $f | gzip; done');
    expect(cmds.map((c) => c.name)).toEqual(['cat', 'gzip']);
    expect(cmds[1]?.inPipeline).toBe(true);
  });
  it('reads JSON arrays of strings with offsets', () => {
    expect(parseJsonStrings(' ["curl", "-f"]', 5)).toEqual([
      { value: 'curl', start: 7, end: 13, plain: true },
      { value: '-f', start: 15, end: 19, plain: true },
    ]);
    expect(parseJsonStrings('["a\\"b"]')?.[0]).toMatchObject({ value: 'a"b', plain: false });
    expect(parseJsonStrings('curl -f')).toBeNull();
  });
});

describe('where programs come from', () => {
  it('builtins, the shell and the base system are told apart from the rest', () => {
    expect(kinds('FROM debian:bookworm-slim\nRUN set -e && echo hi && cd /tmp && rm -rf x')).toEqual([
      '(shell)/bin/sh -> base:system',
      'set -> builtin',
      'echo -> builtin',
      'cd -> builtin',
      'rm -> base:system',
    ]);
  });

  it('a program the base image only has through buildpack-deps is a layer dependency', () => {
    const text = 'FROM node:20\nRUN git clone https://x/y.git && curl -fsSO https://x && node -v && npm ci';
    expect(kindOf(text, 'git')).toBe('base:layer');
    expect(kindOf(text, 'curl')).toBe('base:layer');
    expect(kindOf(text, 'node')).toBe('base:image');
    expect(kindOf(text, 'npm')).toBe('base:image');
    const git = uses(text).find((u) => u.program === 'git');
    expect(git?.source).toMatchObject({ kind: 'base', package: 'git', introducedBy: expect.stringMatching(/^buildpack-deps:/) });
  });

  it('what an image is for is not an implicit dependency (python, nginx, php:apache)', () => {
    expect(kindOf('FROM python:3.12-slim\nRUN python -V && pip install flask==3.0.0', 'python')).toBe('base:image');
    expect(kindOf('FROM python:3.12-slim\nRUN python -V && pip install flask==3.0.0', 'pip')).toBe('base:image');
    expect(kindOf('FROM nginx:1.27\nRUN nginx -t', 'nginx')).toBe('base:image');
    expect(kindOf('FROM php:8.2-apache\nRUN a2enmod rewrite', 'a2enmod')).toBe('base:image');
  });

  it('explicit installs: apt (metapackages seen through), apk, and removal', () => {
    expect(kindOf('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && curl -V', 'curl')).toBe('explicit:package');
    expect(kindOf('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y build-essential && gcc -v && make -v', 'gcc')).toBe('explicit:package');
    expect(kindOf('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y gnupg && gpg --version && gpgconf --kill all', 'gpgconf')).toBe('explicit:package');
    expect(kindOf('FROM alpine:3.20\nRUN apk add --no-cache bash curl\nRUN bash -c "curl -V"', 'curl')).toBe('explicit:package');
    expect(kindOf('FROM alpine:3.20\nRUN apk add --no-cache --virtual .b gcc && apk del .b\nRUN gcc -v', 'gcc')).toBe('missing');
    expect(kindOf('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && apt-get purge -y curl\nRUN curl -V', 'curl')).toBe('missing');
  });

  it('packages from an added repository may ship other programs', () => {
    const base = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y nodejs && npm -v';
    expect(kindOf(base, 'npm')).toBe('missing');
    expect(kindOf(base.replace('RUN ', 'RUN echo "deb https://deb.nodesource.com/node_20.x nodistro main" > /etc/apt/sources.list.d/nodesource.list && '), 'npm')).toBe('possibly');
    expect(kindOf('FROM debian:bookworm-slim\nCOPY vendor.list /etc/apt/sources.list.d/\nRUN apt-get update && apt-get install -y nodejs && npm -v', 'npm')).toBe('possibly');
  });

  it('package names from ARG and from the script\'s own variables', () => {
    expect(kindOf('FROM debian:bookworm-slim\nARG PKG=git\nRUN apt-get update && apt-get install -y $PKG && git --version', 'git')).toBe('explicit:package');
    expect(kindOf('FROM debian:bookworm-slim\nENV PKGS="curl git"\nRUN apt-get update && apt-get install -y ${PKGS} && git --version', 'git')).toBe('explicit:package');
    expect(kindOf('FROM debian:bookworm-slim\nARG PKG\nRUN apt-get update && apt-get install -y $PKG && git --version', 'git')).toBe('possibly');
    expect(kindOf('FROM debian:bookworm-slim\nRUN deps="curl wget" && apt-get update && apt-get install -y $deps && wget -V', 'wget')).toBe('explicit:package');
  });

  it('a dependency of an installed package is transitive; naming it makes it explicit', () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nRUN python3 -m pip --version';
    expect(uses(text).find((u) => u.program === 'python3')?.source).toMatchObject({ kind: 'transitive', via: 'python3-pip' });
    expect(kindOf(text.replace('python3-pip', 'python3 python3-pip'), 'python3')).toBe('explicit:package');
  });

  it('COPY, downloads, links, moves and relative paths provide programs', () => {
    expect(kindOf('FROM debian:bookworm-slim\nCOPY tool /usr/local/bin/tool\nRUN tool --help', 'tool')).toBe('explicit:copy');
    expect(kindOf('FROM debian:bookworm-slim\nCOPY --from=golang:1.22 /usr/local/go/bin/go /usr/local/bin/\nRUN go version', 'go')).toBe('explicit:copy');
    expect(kindOf('FROM debian:bookworm-slim\nADD --chmod=755 https://example.com/yq /usr/local/bin/yq\nRUN yq --version', 'yq')).toBe('explicit:download');
    expect(kindOf('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && curl -fsSLo /usr/local/bin/jq https://x/jq && chmod +x /usr/local/bin/jq && jq --version', 'jq')).toBe('explicit:download');
    expect(kindOf('FROM debian:bookworm-slim\nRUN ln -s /opt/app/bin/app /usr/local/bin/app && app', 'app')).toBe('explicit:created');
    expect(kindOf('FROM debian:bookworm-slim\nWORKDIR /src\nCOPY . .\nRUN ./build.sh', './build.sh')).toBe('explicit:local');
    expect(kindOf('FROM debian:bookworm-slim\nCOPY <<EOF /usr/local/bin/hello\n#!/bin/sh\necho hi\nEOF\nRUN hello', 'hello')).toBe('explicit:copy');
  });

  it('programs built from source by the Dockerfile (official images) are not missing', () => {
    const py = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make wget \\\n && wget -O python.tar.xz "https://www.python.org/ftp/python/3.12.1/Python-3.12.1.tar.xz" \\\n && tar -xJf python.tar.xz -C /usr/src/python --strip-components=1 && cd /usr/src/python && ./configure && make -j 4 && make install \\\n && python3 --version\nCMD ["python3"]';
    expect(kindOf(py, 'python3')).toBe('explicit:created');
    expect(uses(py).filter((u) => u.runtime).map((u) => u.source.kind)).toEqual(['explicit']);
    // ... also when the base image happens to have one (buildpack-deps has python3).
    expect(kindOf(py.replace('debian:bookworm-slim', 'buildpack-deps:bookworm'), 'python3')).toBe('explicit:created');
    expect(kindOf('FROM debian:bookworm-slim\nRUN curl -o x.tgz https://x && tar -xzf x.tgz -C /usr/local\nRUN mytool', 'mytool')).toBe('possibly');
  });

  it('language package managers provide their console scripts', () => {
    expect(kindOf('FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry --version', 'poetry')).toBe('explicit:language');
    expect(kindOf('FROM python:3.12-slim\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]', 'gunicorn')).toBe('possibly');
    // ... but not curl.
    expect(kindOf('FROM python:3.12-slim\nRUN pip install -r requirements.txt && curl -V', 'curl')).toBe('missing');
    expect(kindOf('FROM node:20-slim\nRUN npm install -g typescript@5.4.5 && tsc -v', 'tsc')).toBe('possibly');
    expect(kindOf('FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.0 && dlv version', 'dlv')).toBe('explicit:language');
  });

  it('missing programs, and what guards them', () => {
    expect(kindOf('FROM python:3.12-slim\nRUN curl -fsSL https://x', 'curl')).toBe('missing');
    expect(uses('FROM python:3.12-slim\nRUN curl -fsSL https://x').find((u) => u.program === 'curl')?.source).toMatchObject({ candidates: ['curl'] });
    expect(kindOf('FROM alpine:3.20\nRUN bash -c "echo hi"', 'bash')).toBe('missing');
    expect(uses('FROM python:3.12-slim\nRUN command -v curl && curl -fsSL https://x').find((u) => u.program === 'curl')?.guarded).toBe(true);
    expect(uses('FROM python:3.12-slim\nRUN curl -fsSL https://x || wget -qO- https://x').every((u) => u.guarded || u.source.kind !== 'missing')).toBe(true);
    expect(uses('FROM python:3.12-slim\nRUN if [ -x /usr/bin/curl ]; then curl https://x; fi').find((u) => u.program === 'curl')?.guarded).toBe(true);
  });

  it('words of a continuation line are arguments, not commands', () => {
    const guarded = (text: string, program: string): boolean | undefined => uses(text).find((u) => u.program === program)?.guarded;
    // The model joins `\` + blanks + newline, and drops comment and blank lines inside a continuation.
    expect(guarded('FROM debian:bookworm-slim\nRUN echo hello \\  \ncurl', 'curl')).toBeUndefined();
    expect(guarded('FROM debian:bookworm-slim\nRUN echo hello \\\n# a comment\n\ncurl x', 'curl')).toBeUndefined();
    expect(guarded('FROM debian:bookworm-slim\nRUN true && \\\n  curl x', 'curl')).toBe(false);
  });

  it('busybox applets and partly known Alpine packages are not told missing', () => {
    expect(kindOf('FROM alpine:3.20\nRUN wget -qO- https://x && tar -xzf x.tgz', 'wget')).toBe('base:system');
    expect(kindOf('FROM alpine:3.20\nRUN scanelf --needed /usr/local', 'scanelf')).toBe('possibly');
  });

  it('distroless and scratch: no shell, and nothing but what is copied in', () => {
    const d = uses('FROM gcr.io/distroless/static-debian12\nCOPY app /app\nRUN echo hi\nENTRYPOINT ["/app"]');
    expect(d.find((u) => u.shell)?.source.kind).toBe('missing');
    expect(d.find((u) => u.program === '/app')?.source).toMatchObject({ kind: 'explicit', via: 'copy' });
    expect(kindOf('FROM scratch\nCMD ["/server"]', '/server')).toBe('missing');
    expect(kindOf('FROM gcr.io/distroless/nodejs22\nCOPY app.js /app/\nENTRYPOINT ["/nodejs/bin/node", "/app/app.js"]', '/nodejs/bin/node')).toBe('base:image');
    expect(kindOf('FROM scratch\nCOPY --from=build /out/ /\nCMD ["/server"]', '/server')).toBe('possibly');
    expect(uses('FROM gcr.io/distroless/base-debian12:debug\nRUN echo hi').find((u) => u.shell)?.source.kind).toBe('missing');
    expect(uses('FROM gcr.io/distroless/base-debian12:debug\nSHELL ["/busybox/sh", "-c"]\nRUN echo hi').find((u) => u.shell)?.source.kind).toBe('base');
  });

  it('SHELL programs are checked like any other', () => {
    expect(uses('FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nRUN echo hi').find((u) => u.shell)?.source.kind).toBe('missing');
    expect(uses('FROM alpine:3.20\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nRUN echo hi').filter((u) => u.shell).map((u) => u.source.kind)).toEqual(['base', 'explicit']);
  });

  it('multi-stage builds: FROM <stage> inherits what the parent installed; other stages do not', () => {
    const text = 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS test\nRUN curl -V\nFROM debian:bookworm-slim\nRUN curl -V';
    const curl = uses(text).filter((u) => u.program === 'curl');
    expect(curl.map((u) => [u.stage.index, u.source.kind])).toEqual([
      [1, 'explicit'],
      [2, 'missing'],
    ]);
  });

  it('ARG-substituted and unknown base images', () => {
    expect(kindOf('ARG BASE=node:20\nFROM ${BASE}\nRUN git --version', 'git')).toBe('base:layer');
    expect(kindOf('ARG BASE\nFROM ${BASE}\nRUN curl -V', 'curl')).toBe('unknown-base');
    expect(kindOf('FROM registry.example.com/team/base:1\nRUN curl -V', 'curl')).toBe('unknown-base');
    expect(kindOf('FROM openjdk:8-jdk-alpine\nRUN apk add curl', 'apk')).toBe('unknown-base');
    expect(uses('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Get-Date')).toEqual([]);
  });

  it('heredocs and sh -c scripts are read', () => {
    expect(kindOf('FROM python:3.12-slim\nRUN <<EOF\nset -e\ncurl https://x\nEOF', 'curl')).toBe('missing');
    const t = 'FROM python:3.12-slim\nRUN sh -c "apt-get update && apt-get install -y curl" && curl -V';
    expect(kindOf(t, 'curl')).toBe('explicit:package');
    const r = uses(t).find((u) => u.program === 'apt-get');
    expect(r?.range).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 18 } });
  });

  it('RUN mounts provide programs for that RUN only', () => {
    const text = 'FROM debian:bookworm-slim\nRUN --mount=type=bind,from=mikefarah/yq:4.44.1,source=/usr/bin/yq,target=/usr/local/bin/yq yq --version\nRUN yq --version';
    const yq = uses(text).filter((u) => u.program === 'yq');
    expect(yq[0]?.source).toMatchObject({ kind: 'explicit', via: 'mount' });
    expect(yq[1]?.source.kind).toBe('missing');
    const uv = 'FROM python:3.12-slim\nRUN --mount=from=ghcr.io/astral-sh/uv:0.4.0,source=/uv,target=/bin/uv uv pip install --system flask==3.0.0';
    expect(kindOf(uv, 'uv')).toBe('explicit:mount');
  });

  it('the final image: CMD, ENTRYPOINT, HEALTHCHECK (exec and shell form)', () => {
    const text = 'FROM nginx:1.27\nHEALTHCHECK --interval=5s CMD curl -fsS http://localhost/ || exit 1\nCMD ["nginx", "-g", "daemon off;"]';
    const rt = uses(text).filter((u) => u.runtime);
    expect(rt.map((u) => `${u.context}:${u.shell ? '(shell)' : ''}${u.program}:${u.source.kind}`)).toEqual([
      'cmd:nginx:base',
      'healthcheck:(shell)/bin/sh:base',
      'healthcheck:curl:base',
      'healthcheck:exit:builtin',
    ]);
    const curl = rt.find((u) => u.program === 'curl');
    expect(curl?.source).toMatchObject({ tier: 'layer', package: 'curl' });
    expect(curl?.range).toEqual({ start: { line: 1, character: 30 }, end: { line: 1, character: 34 } });
    const json = uses('FROM node:20\nHEALTHCHECK CMD ["python3", "/check.py"]').filter((u) => u.runtime);
    expect(json.map((u) => u.program)).toEqual(['python3']);
    expect(json[0]?.range).toEqual({ start: { line: 1, character: 17 }, end: { line: 1, character: 26 } });
  });

  it('CMD is only arguments when an ENTRYPOINT program takes it', () => {
    expect(uses('FROM python:3.12-slim\nENTRYPOINT ["python", "-m", "app"]\nCMD ["--port", "80"]').filter((u) => u.runtime).map((u) => u.program)).toEqual(['python']);
    expect(uses('FROM python:3.12-slim\nENTRYPOINT ["python"]\nCMD ["app.py"]').filter((u) => u.runtime).map((u) => u.program)).toEqual(['python']);
    const wrapped = uses('FROM python:3.12-slim\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["curl", "x"]').filter((u) => u.runtime);
    expect(wrapped.map((u) => u.program)).toEqual(['/entrypoint.sh', 'curl']);
    // an entrypoint script may treat CMD as its arguments: never "missing"
    expect(wrapped.find((u) => u.program === 'curl')?.guarded).toBe(true);
  });

  it('CMD of earlier stages and ONBUILD are not the final image', () => {
    expect(uses('FROM python:3.12-slim AS a\nCMD ["curl"]\nFROM python:3.12-slim\nONBUILD RUN curl x\nCMD ["python"]').map((u) => u.program)).toEqual(['python']);
    expect(uses('FROM python:3.12-slim AS a\nCMD ["curl", "x"]\nFROM a\nRUN true').filter((u) => u.runtime).map((u) => u.program)).toEqual(['curl']);
  });

  it('removing a base image package removes its programs', () => {
    expect(kindOf('FROM node:20\nRUN apt-get purge -y git\nRUN git --version', 'git')).toBe('missing');
  });

  it('firstUses keeps one use per program and stage', () => {
    const all = uses('FROM node:20\nRUN git a && git b\nRUN git c\nFROM node:20\nRUN git d');
    expect(firstUses(all, (u) => u.program === 'git').map((u) => u.range.start.line)).toEqual([1, 4]);
  });

  it('install commands per family', () => {
    const p = analyseProvenance(model('FROM alpine:3.20\nFROM debian:12\nFROM scratch'));
    expect(p.stages.map((s) => installCommand(s, ['curl']))).toEqual(['apk add --no-cache curl', 'apt-get install -y --no-install-recommends curl', null]);
  });

  it('is computed once per model', () => {
    const m = model('FROM node:20\nRUN git --version');
    expect(analyseProvenance(m)).toBe(analyseProvenance(m));
  });
});
