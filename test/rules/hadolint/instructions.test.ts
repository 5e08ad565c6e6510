/**
 * hadolint rules about instructions other than RUN: ports, stages, COPY, ENV, LABEL keys, USER,
 * ONBUILD triggers and instruction order (DL1001, DL3011–DL3067, DL4xxx without shell analysis).
 */
import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DL1001 no-ignore-pragmas', () => {
  it('cases', () =>
    checkRule('DL1001', {
      valid: ['FROM a:1\nRUN x', 'FROM a:1\n# hadolint shell=bash\nRUN x', 'FROM a:1\n# just a comment about hadolint\nRUN x'],
      invalid: [
        { code: 'FROM a:1\n# hadolint ignore=DL3008\nRUN x', at: [[2, 1, 2, 25]], count: 1 },
        { code: '# hadolint global ignore=DL3006\nFROM a', count: 1 },
        { code: 'FROM a:1\n# dockwise ignore=DL3008,DL3015\nRUN x', count: 1, message: /DL3008,DL3015/ },
      ],
    }));
  it('is off by default', async () => {
    const { lint } = await import('../../helpers/lint.js');
    const fs = await lint('FROM a:1\n# hadolint ignore=DL3008\nRUN x');
    expect(fs.filter((f) => f.rule === 'DL1001')).toEqual([]);
  });
});

describe('DL3011 valid-port', () => {
  it('cases', () =>
    checkRule('DL3011', {
      valid: ['FROM a:1\nEXPOSE 80 443/tcp 65535', 'FROM a:1\nEXPOSE 8000-8010', 'FROM a:1\nARG P\nEXPOSE $P', 'FROM a:1\nEXPOSE 0'],
      invalid: [
        { code: 'FROM a:1\nEXPOSE 80 65536', at: [[2, 11, 2, 16]], count: 1 },
        { code: 'FROM a:1\nEXPOSE 8000-70000/udp', count: 1 },
        { code: 'FROM a:1\nARG P=99999\nEXPOSE ${P}', count: 1 },
      ],
    }));
});

describe('DL3012 one-healthcheck', () => {
  it('cases', () =>
    checkRule('DL3012', {
      valid: ['FROM a:1\nHEALTHCHECK CMD true', 'FROM a:1\nHEALTHCHECK CMD true\nFROM b:1\nHEALTHCHECK CMD true', 'FROM a:1\nHEALTHCHECK CMD true\nONBUILD HEALTHCHECK CMD false'],
      invalid: [{ code: 'FROM a:1\nHEALTHCHECK CMD true\nHEALTHCHECK NONE', at: [[3, 1, 3, 12]], count: 1 }],
    }));
});

describe('DL3021 multi-src-dest-slash', () => {
  it('cases', () =>
    checkRule('DL3021', {
      valid: [
        'FROM a:1\nCOPY a b /app/',
        'FROM a:1\nCOPY a /app',
        'FROM a:1\nCOPY ["a", "b", "/app/"]',
        'FROM a:1\nARG D\nCOPY a b $D',
        'FROM a:1\nCOPY *.json /app',
        'FROM a:1\nCOPY a b "/app/"',
        // review of issue 3 (docker-library/mongo): `C:\\Windows\\` at the end of a line ends the COPY
        'FROM a:1\nCOPY --from=m:1 \\\n\tC:\\\\x.dll \\\n\tC:\\\\y.dll \\\n\tC:\\\\Windows\\\\\n\n# comment\nENV MONGO_VERSION 8.3.4\n',
      ],
      invalid: [
        { code: 'FROM a:1\nCOPY a b /app', at: [[2, 10, 2, 14]], count: 1 },
        { code: 'FROM a:1\nADD a b c .', count: 1, message: /^ADD/ },
        { code: 'FROM a:1\nARG D=/x\nCOPY a b $D', count: 1 },
        { code: 'FROM a:1\nCOPY ["a", "b", "/app"]', count: 1 },
      ],
    }));
  it('fix appends a slash, inside quotes', async () => {
    const [f] = await findingsOf('DL3021', 'FROM a:1\nCOPY a b "/app"');
    expect(f?.fix).toMatchObject({ safety: 'safe', edits: [{ range: { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, newText: '/' }] });
    const [g] = await findingsOf('DL3021', 'FROM a:1\nCOPY a b /app');
    expect(g?.fix?.edits[0]?.range.start).toEqual({ line: 1, character: 13 });
  });
});

describe('DL3022 copy-from-known-stage', () => {
  it('cases', () =>
    checkRule('DL3022', {
      valid: [
        'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x',
        'FROM a:1 AS Build\nFROM b:1\nCOPY --from=build /x /x',
        'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x',
        'FROM a:1\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx',
        'FROM a:1\nCOPY --from=docker.io/library/nginx /x /x',
        'FROM a:1\nARG STAGE\nCOPY --from=$STAGE /x /x',
        'ARG S=build\nFROM a:1 AS build\nFROM b:1\nARG S\nCOPY --from=$S /x /x',
      ],
      invalid: [
        { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=biuld /x /x', at: [[3, 13, 3, 18]], count: 1 },
        { code: 'FROM b:1\nCOPY --from=build /x /x\nFROM c:1 AS build', count: 1, message: /defined later/ },
        { code: 'FROM a:1\nCOPY --from=3 /x /x', count: 1 },
        { code: 'FROM a:1\nARG S=nope\nCOPY --from=${S} /x /x', count: 1 },
      ],
    }));
});

describe('DL3023 copy-from-self', () => {
  it('cases', () =>
    checkRule('DL3023', {
      valid: ['FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x', 'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x'],
      invalid: [
        { code: 'FROM a:1 AS build\nCOPY --from=build /x /x', at: [[2, 13, 2, 18]], count: 1 },
        { code: 'FROM a:1 AS Build\nCOPY --from=build /x /x', count: 1 },
        { code: 'FROM a:1\nFROM b:1\nCOPY --from=1 /x /x', count: 1 },
      ],
    }));
});

describe('DL3024 unique-stage-names', () => {
  it('cases', () =>
    checkRule('DL3024', {
      valid: ['FROM a:1 AS x\nFROM b:1 AS y', 'FROM a:1\nFROM a:1'],
      invalid: [
        { code: 'FROM a:1 AS x\nFROM b:1 AS x', at: [[2, 13, 2, 14]], count: 1 },
        { code: 'FROM a:1 AS build\nFROM b:1 AS BUILD\nFROM c:1 AS build', count: 2 },
      ],
    }));
});

describe('DL3029 no-from-platform', () => {
  it('cases', () =>
    checkRule('DL3029', {
      valid: ['FROM a:1', 'FROM --platform=$BUILDPLATFORM a:1', 'FROM --platform=${TARGETPLATFORM} a:1', 'FROM --platform=$BUILDOS/$BUILDARCH a:1', 'ARG P=linux/amd64\nFROM --platform=$P a:1'],
      invalid: [{ code: 'FROM --platform=linux/amd64 a:1', at: [[1, 17, 1, 28]], count: 1 }, { code: 'FROM --platform="linux/arm64" a:1 AS x', count: 1 }],
    }));
});

describe('DL3043 bad-onbuild-trigger', () => {
  it('cases', () =>
    checkRule('DL3043', {
      valid: ['FROM a:1\nONBUILD RUN x', 'FROM a:1\nONBUILD COPY . /app/'],
      invalid: [
        { code: 'FROM a:1\nONBUILD FROM b:1', at: [[2, 9, 2, 13]], count: 1 },
        { code: 'FROM a:1\nONBUILD ONBUILD RUN x', count: 1 },
        { code: 'FROM a:1\nONBUILD MAINTAINER me', count: 1 },
      ],
    }));
});

describe('DL3044 env-self-reference', () => {
  it('cases', () =>
    checkRule('DL3044', {
      valid: [
        'FROM a:1\nENV A=1\nENV B=$A',
        'FROM a:1\nENV PATH=$PATH:/opt/bin',
        'FROM a:1\nENV A=1\nENV A=2 B=$A',
        'FROM a:1\nARG A\nENV A=1 B=${A}',
        "FROM a:1\nENV A=1 B='$A'",
        'FROM a:1\nENV A=1 B=$AB',
        'FROM a:1\nENV A=1 B=\\$A',
      ],
      invalid: [
        { code: 'FROM a:1\nENV A=1 B=$A', at: [[2, 11, 2, 13]], count: 1 },
        { code: 'FROM a:1\nENV A=1 B=${A}/x', at: [[2, 11, 2, 15]], count: 1 },
        { code: 'FROM a:1\nENV B="${A:-x}" A=1', count: 1 },
        { code: 'FROM a:1\nENV A=1 \\\n    B=$A', at: [[3, 7, 3, 9]], count: 1 },
        { code: 'FROM a:1\nONBUILD ENV A=1 B=$A', count: 1 },
      ],
    }));
});

describe('DL3045 copy-relative-needs-workdir', () => {
  it('cases', () =>
    checkRule('DL3045', {
      valid: [
        'FROM a:1\nWORKDIR /app\nCOPY a .',
        'FROM a:1\nCOPY a /app/',
        'FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY a b/',
        'FROM a:1\nCOPY a "/app"',
        'FROM a:1\nCOPY a C:\\\\app',
        'FROM a:1\nARG D\nCOPY a $D',
        'FROM a:1\nENV D=/app\nCOPY a $D',
        'FROM a:1\nADD a rel/',
        'FROM a:1\nONBUILD COPY a .',
        'FROM scratch\nCOPY a .',
        'FROM scratch AS out\nFROM out\nCOPY b c/',
        // review of issue 3 (docker-library/mongo): the ENV after `C:\\Windows\\` is not part of the COPY
        'FROM a:1\nCOPY --from=m:1 \\\n\tC:\\\\x.dll \\\n\tC:\\\\Windows\\\\\n\nENV MONGO_VERSION 8.3.4\n',
      ],
      invalid: [
        { code: 'FROM a:1\nCOPY a .', at: [[2, 8, 2, 9]], count: 1 },
        { code: 'FROM a:1 AS base\nWORKDIR /app\nFROM a:1\nCOPY a b/', count: 1 },
        { code: 'FROM a:1\nENV D=app\nCOPY a $D', count: 1 },
      ],
    }));
});

describe('DL3048 label-key-format', () => {
  it('cases', () =>
    checkRule('DL3048', {
      valid: ['FROM a:1\nLABEL org.opencontainers.image.source=x maintainer=y', 'FROM a:1\nLABEL "com.example.a-b"="c"', 'FROM a:1\nLABEL version=1.0 a1=x', 'FROM a:1\nARG K\nLABEL $K=x'],
      invalid: [
        { code: 'FROM a:1\nLABEL Maintainer=x', at: [[2, 7, 2, 17]], count: 1 },
        { code: 'FROM a:1\nLABEL com.docker.x=1 io.docker.y=2 org.dockerproject.z=3', count: 3 },
        { code: 'FROM a:1\nLABEL build_date=x', count: 1 },
        { code: 'FROM a:1\nLABEL .a=1 a.=2 1a=3 a..b=4 a--b=5', count: 5 },
        { code: 'FROM a:1\nONBUILD LABEL Bad=x', count: 1 },
        { code: 'FROM a:1\nARG K=Bad\nLABEL $K=x', count: 1 },
      ],
    }));
  it('fix lower-cases the key only when that makes it valid', async () => {
    const [f] = await findingsOf('DL3048', 'FROM a:1\nLABEL "Maintainer"=x');
    expect(f?.fix).toMatchObject({ safety: 'unsafe', edits: [{ newText: '"maintainer"' }] });
    const [g] = await findingsOf('DL3048', 'FROM a:1\nLABEL Build_Date=x');
    expect(g?.fix).toBeUndefined();
  });
});

describe('DL3057 healthcheck-missing', () => {
  it('cases', () =>
    checkRule('DL3057', {
      valid: [
        'FROM a:1\nHEALTHCHECK CMD true',
        'FROM a:1\nHEALTHCHECK NONE',
        'FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN x',
        'FROM a:1 AS build\nRUN make\nFROM b:1\nCOPY --from=build /x /x\nHEALTHCHECK CMD true',
        'FROM a:1 AS lint\nRUN make lint\nFROM a:1 AS bin-linux\nFROM a:1 AS bin-darwin\nFROM bin-$TARGETOS\nHEALTHCHECK CMD true',
      ],
      invalid: [
        { code: 'FROM a:1\nRUN x', at: [[1, 1, 1, 5]], count: 1 },
        { code: 'FROM a:1 AS build\nHEALTHCHECK CMD true\nFROM b:1\nCOPY --from=build /x /x', count: 1 },
        { code: 'FROM a:1\nONBUILD HEALTHCHECK CMD true', count: 1 },
        { code: 'FROM a:1 AS server\nCMD ["serve"]\nFROM a:1 AS tools\nHEALTHCHECK CMD true', count: 1, at: [[1, 1, 1, 5]] },
      ],
    }));
  it('is off by default', async () => {
    const { lint } = await import('../../helpers/lint.js');
    expect((await lint('FROM a:1\nRUN x')).filter((f) => f.rule === 'DL3057')).toEqual([]);
  });
});

describe('DL3061 from-first', () => {
  it('cases', () =>
    checkRule('DL3061', {
      valid: ['FROM a:1\nRUN x', '# syntax=docker/dockerfile:1\n# comment\nARG V=1\nFROM a:$V', '{{ template }}\nFROM a:1'],
      invalid: [
        { code: 'ENV A=1\nFROM a:1', at: [[1, 1, 1, 4]], count: 1 },
        { code: 'ARG V=1\nLABEL a=b\nRUN x\nFROM a:1', count: 2 },
      ],
    }));
});

describe('DL3063 reserved-stage-name', () => {
  it('cases', () =>
    checkRule('DL3063', {
      valid: ['FROM a:1 AS build', 'FROM scratch', 'FROM a:1 AS contexts'],
      invalid: [
        { code: 'FROM a:1 AS context', at: [[1, 13, 1, 20]], count: 1 },
        { code: 'FROM a:1 AS Scratch', count: 1 },
      ],
    }));
});

describe('DL3065 redundant-targetplatform', () => {
  it('cases', () =>
    checkRule('DL3065', {
      valid: ['FROM a:1', 'FROM --platform=$BUILDPLATFORM a:1', 'FROM --platform=linux/amd64 a:1'],
      invalid: [
        { code: 'FROM --platform=$TARGETPLATFORM a:1', at: [[1, 6, 1, 32]], count: 1 },
        { code: 'FROM --platform=${TARGETPLATFORM} a:1 AS x', count: 1 },
      ],
    }));
  it('fix removes the flag and the blank after it', async () => {
    const [f] = await findingsOf('DL3065', 'FROM --platform=$TARGETPLATFORM a:1');
    expect(f?.fix).toEqual({ title: 'Remove --platform', safety: 'safe', edits: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 32 } }, newText: '' }] });
  });
});

describe('DL3066 numeric-uid', () => {
  it('cases', () =>
    checkRule('DL3066', {
      valid: [
        'FROM a:1\nUSER 1000',
        'FROM a:1\nUSER 1000:1000',
        'FROM a:1\nUSER app\nUSER 1000',
        'FROM a:1\nARG UID\nUSER $UID',
        'FROM a:1\nARG UID=1001\nUSER ${UID}:0',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser',
        'FROM a:1\nRUN x',
        'FROM a:1\nUSER root',
      ],
      invalid: [
        { code: 'FROM a:1\nUSER app', at: [[2, 6, 2, 9]], count: 1 },
        { code: 'FROM a:1\nUSER app:1000', at: [[2, 6, 2, 9]], count: 1 },
        { code: 'FROM a:1\nUSER 1000\nUSER node', count: 1 },
        { code: 'FROM a:1\nENV U=app\nUSER $U', count: 1 },
        { code: 'FROM a:1 AS b\nUSER x\nFROM c:1\nUSER y', count: 2 },
      ],
    }));
});

describe('DL3067 no-copy-whole-stage', () => {
  it('cases', () =>
    checkRule('DL3067', {
      valid: [
        'FROM a:1 AS b\nFROM c:1\nCOPY --from=b /app /app',
        'FROM a:1\nCOPY / /',
        'FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /rootfs/',
        'FROM a:1 AS build\nRUN make\nFROM scratch AS export\nCOPY --from=build /out /\nFROM c:1\nCOPY --from=export / /',
        // review of issue 3: tonistiigi/xx is made to be copied whole (moby/buildkit, docker/buildx)
        'ARG XX_VERSION=1.6.1\nFROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION} AS xx\nFROM golang:1.23-alpine\nCOPY --from=xx / /',
        'FROM tonistiigi/xx:${XX_VERSION} AS xx\nFROM golang:1.23-alpine\nCOPY --link --from=xx / /',
        'FROM golang:1.23-alpine\nCOPY --from=docker.io/tonistiigi/xx:1.6.1 / /',
        // review of issue 3 (kubernetes-sigs/kind): squashing a stage into a scratch stage
        'FROM debian:12 AS build\nRUN apt-get update\nFROM scratch\nCOPY --from=build / /',
      ],
      invalid: [
        { code: 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /', at: [[3, 15, 3, 18]], count: 1 },
        { code: 'FROM c:1\nCOPY --from=busybox:1.36 "/" "/"', count: 1 },
      ],
    }));
});
