/**
 * hadolint rules that only work with configuration: trusted registries (DL3026) and the label
 * schema (DL3049–DL3058).
 */
import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';
import type { LintOptions } from '../../../src/lint.js';

const trusted: LintOptions = { trustedRegistries: ['registry.example.com', '*.corp.example', 'docker.io'] };
const onlyCorp: LintOptions = { trustedRegistries: ['registry.example.com'] };

describe('DL3026 trusted-registry', () => {
  it('cases', () =>
    checkRule('DL3026', {
      valid: [
        'FROM random.com/debian:12',
        { code: 'FROM registry.example.com/debian:12', options: onlyCorp },
        { code: 'FROM debian:12', options: trusted },
        { code: 'FROM a.corp.example/x:1', options: trusted },
        { code: 'FROM scratch', options: onlyCorp },
        { code: 'FROM registry.example.com/a:1 AS build\nFROM build\nCOPY --from=build /x /x\nCOPY --from=0 /y /y', options: onlyCorp },
        { code: 'ARG BASE\nFROM $BASE', options: onlyCorp },
        { code: 'FROM registry.example.com/a:1\nRUN --mount=type=secret,id=x,from=quay.io/x true', options: onlyCorp },
        { code: 'FROM registry.example.com/a:1\nONBUILD COPY --from=quay.io/x:1 /x /x', options: onlyCorp },
      ],
      invalid: [
        { code: 'FROM debian:12.8', options: onlyCorp, at: [[1, 6, 1, 17]], count: 1, message: /docker\.io/ },
        { code: 'FROM quay.io/a/b:1', options: trusted, count: 1 },
        { code: 'FROM registry.example.com/a:1\nCOPY --from=gcr.io/distroless/static:nonroot /x /x', options: onlyCorp, at: [[2, 13, 2, 45]], count: 1 },
        { code: 'FROM registry.example.com/a:1\nRUN --mount=type=bind,from=quay.io/tools:1,target=/t true', options: onlyCorp, count: 1 },
        { code: 'ARG BASE=ghcr.io/x/y:1\nFROM ${BASE}', options: onlyCorp, count: 1 },
        { code: 'FROM registry.example.com.evil.io/a:1', options: onlyCorp, count: 1 },
      ],
    }));
  it('wildcards', async () => {
    expect(await findingsOf('DL3026', 'FROM anything.io/a:1', { trustedRegistries: ['*'] })).toEqual([]);
    expect(await findingsOf('DL3026', 'FROM registry-2.example.com/a:1', { trustedRegistries: ['registry-*'] })).toEqual([]);
    expect(await findingsOf('DL3026', 'FROM other.example.com/a:1', { trustedRegistries: ['registry-*'] })).toHaveLength(1);
  });
});

const schema: LintOptions = {
  labelSchema: {
    'org.opencontainers.image.title': 'text',
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.licenses': 'spdx',
    'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.version': 'semver',
    maintainer: 'email',
  },
};
const withSchema = (code: string): { code: string; options: LintOptions } => ({ code, options: schema });

describe('DL3049 label-missing', () => {
  const small: LintOptions = { labelSchema: { a: 'text', b: 'text' } };
  it('cases', () =>
    checkRule('DL3049', {
      valid: [
        'FROM x:1',
        { code: 'FROM x:1\nLABEL a=1 b=2', options: small },
        { code: 'FROM x:1 AS base\nLABEL a=1 b=2\nFROM base', options: small },
        { code: 'FROM x:1 AS build\nRUN make\nFROM y:1\nCOPY --from=build /x /x\nLABEL a=1 b=2', options: small },
        { code: 'FROM x:1 AS base\nLABEL a=1\nFROM base\nLABEL b=2', options: small },
      ],
      invalid: [
        { code: 'FROM x:1\nLABEL a=1', options: small, at: [[1, 1, 1, 5]], count: 1, message: /`b`/ },
        { code: 'FROM x:1\nRUN x', options: small, count: 2 },
        { code: 'FROM x:1 AS a\nLABEL a=1 b=2\nFROM y:1\nLABEL a=1', options: small, count: 1 },
        { code: 'FROM x:1\nONBUILD LABEL a=1 b=2', options: small, count: 2 },
      ],
    }));
});

describe('DL3050 label-superfluous', () => {
  it('cases', () =>
    checkRule('DL3050', {
      valid: ['FROM x:1\nLABEL anything=1', { code: 'FROM x:1\nLABEL a=1', options: { labelSchema: { a: 'text' }, strictLabels: true } }, { code: 'FROM x:1\nLABEL z=1', options: { labelSchema: { a: 'text' } } }],
      invalid: [
        { code: 'FROM x:1\nLABEL a=1 z=2', options: { labelSchema: { a: 'text' }, strictLabels: true }, at: [[2, 11, 2, 12]], count: 1 },
        { code: 'FROM x:1\nLABEL b=1', options: { strictLabels: true }, count: 1 },
      ],
    }));
});

describe('DL3051 label-empty', () => {
  it('cases', () =>
    checkRule('DL3051', {
      valid: [withSchema('FROM x:1\nLABEL org.opencontainers.image.title=app'), withSchema('FROM x:1\nLABEL other=""'), withSchema('FROM x:1\nARG T\nLABEL org.opencontainers.image.title=$T')],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.title=""'), at: [[2, 7, 2, 37]], count: 1 },
        { ...withSchema('FROM x:1\nARG T=""\nLABEL org.opencontainers.image.title=${T}'), count: 1 },
      ],
    }));
});

describe('DL3052 label-url', () => {
  it('cases', () =>
    checkRule('DL3052', {
      valid: [
        withSchema('FROM x:1\nLABEL org.opencontainers.image.source=https://github.com/a/b'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.source="git+ssh://git@github.com/a/b.git#main"'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.source=http://[::1]:8080/x?q=1%20'),
        withSchema('FROM x:1\nARG URL\nLABEL org.opencontainers.image.source=$URL'),
      ],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.source=github.com/a/b'), at: [[2, 39, 2, 53]], count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.source="https://x/a b"'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.source=https://x/%zz'), count: 1 },
        { ...withSchema('FROM x:1\nARG URL=x\nLABEL org.opencontainers.image.source=$URL'), count: 1 },
      ],
    }));
});

describe('DL3053 label-rfc3339', () => {
  it('cases', () =>
    checkRule('DL3053', {
      valid: [
        withSchema('FROM x:1\nLABEL org.opencontainers.image.created=2024-05-01T12:30:00Z'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.created=2024-02-29T23:59:60.123+02:00'),
        withSchema('FROM x:1\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE'),
      ],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.created="05/01/2024 12:30"'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.created=2023-02-29T00:00:00Z'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.created=2024-05-01'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.created=2024-05-01T24:00:00Z'), count: 1 },
      ],
    }));
});

describe('DL3054 label-spdx', () => {
  it('cases', () =>
    checkRule('DL3054', {
      valid: [
        withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses=MIT'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses=apache-2.0'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND BSD-3-Clause"'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses="GPL-2.0-or-later WITH Classpath-exception-2.0"'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses="LicenseRef-internal"'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses=GPL-2.0+'),
      ],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses="Apache 2"'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses=Proprietary'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses="MIT OR"'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.licenses="(MIT"'), count: 1 },
      ],
    }));
});

describe('DL3055 label-git-hash', () => {
  it('cases', () =>
    checkRule('DL3055', {
      valid: [withSchema('FROM x:1\nLABEL org.opencontainers.image.revision=3f2a9c1'), withSchema(`FROM x:1\nLABEL org.opencontainers.image.revision=${'a'.repeat(40)}`)],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.revision=main'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.revision=3F2A9C1'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.revision=3f2a9c12'), count: 1 },
      ],
    }));
});

describe('DL3056 label-semver', () => {
  it('cases', () =>
    checkRule('DL3056', {
      valid: [
        withSchema('FROM x:1\nLABEL org.opencontainers.image.version=1.2.3'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.version=1.0.0-rc.1+build.5'),
        withSchema('FROM x:1\nLABEL org.opencontainers.image.version=0.0.0-alpha-1'),
      ],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.version=v1.2.3'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.version=1.2'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.version=01.2.3'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.version=1.2.3-rc.01'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL org.opencontainers.image.version=1.2.3+'), count: 1 },
      ],
    }));
});

describe('DL3058 label-email', () => {
  it('cases', () =>
    checkRule('DL3058', {
      valid: [
        withSchema('FROM x:1\nLABEL maintainer=ops@example.com'),
        withSchema('FROM x:1\nLABEL maintainer="first.last+tag@sub.example.co.uk"'),
        withSchema('FROM x:1\nLABEL maintainer="\\"odd name\\"@example.com"'),
        withSchema('FROM x:1\nLABEL maintainer=ops@[127.0.0.1]'),
      ],
      invalid: [
        { ...withSchema('FROM x:1\nLABEL maintainer="Ops <ops@example.com>"'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL maintainer=ops.example.com'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL maintainer=ops..x@example.com'), count: 1 },
        { ...withSchema('FROM x:1\nLABEL maintainer=ops@'), count: 1 },
      ],
    }));
});
