/**
 * hadolint rules for yum, dnf, zypper, yarn and go (DL3030–DL3041, DL3060, DL3062), with ONBUILD
 * variants and fixes.
 */
import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DL3030 yum-yes', () => {
  it('cases', () =>
    checkRule('DL3030', {
      valid: ['FROM c:7\nRUN yum install -y httpd', 'FROM c:7\nRUN yum -y install httpd', 'FROM c:7\nRUN yum install --assumeyes httpd', 'FROM c:7\nRUN yum clean all', 'FROM c:7\nRUN dnf install httpd'],
      invalid: [
        { code: 'FROM c:7\nRUN yum install httpd', at: [[2, 5, 2, 22]], count: 1 },
        { code: 'FROM c:7\nRUN yum groupinstall "Development Tools"', count: 1 },
        { code: 'FROM c:7\nRUN sudo yum localinstall /tmp/x.rpm', count: 1 },
        { code: 'FROM c:7\nONBUILD RUN yum install httpd', count: 1 },
      ],
    }));
  it('fix inserts -y after the subcommand', async () => {
    const [f] = await findingsOf('DL3030', 'FROM c:7\nRUN yum group install x');
    expect(f?.fix?.edits).toEqual([{ range: { start: { line: 1, character: 21 }, end: { line: 1, character: 21 } }, newText: ' -y' }]);
  });
});

describe('DL3032 yum-clean', () => {
  it('cases', () =>
    checkRule('DL3032', {
      valid: [
        'FROM c:7\nRUN yum install -y httpd && yum clean all',
        'FROM c:7\nRUN yum install -y httpd && rm -rf /var/cache/yum',
        'FROM c:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd',
        'FROM c:7 AS build\nRUN yum install -y gcc\nFROM c:7\nCOPY --from=build /x /x',
      ],
      invalid: [
        { code: 'FROM c:7\nRUN yum install -y httpd', at: [[2, 5, 2, 25]], count: 1 },
        { code: 'FROM c:7\nRUN yum clean all && yum install -y httpd', count: 1 },
        { code: 'FROM c:7 AS base\nRUN yum install -y httpd\nFROM base', count: 1 },
        { code: 'FROM c:7 AS build\nONBUILD RUN yum install -y httpd\nFROM c:7', count: 1 },
      ],
    }));
  it('fix chains a clean after the install', async () => {
    const [f] = await findingsOf('DL3032', 'FROM c:7\nRUN yum install -y httpd && echo ok');
    expect(f?.fix).toMatchObject({ safety: 'unsafe', edits: [{ range: { start: { line: 1, character: 24 } }, newText: ' && yum clean all' }] });
    const [g] = await findingsOf('DL3032', 'FROM c:7\nRUN yum install -y httpd | tee log');
    expect(g?.fix).toBeUndefined();
  });
});

describe('DL3033 pin-yum', () => {
  it('cases', () =>
    checkRule('DL3033', {
      valid: [
        'FROM c:7\nRUN yum install -y httpd-2.4.6',
        'FROM c:7\nRUN yum install -y /tmp/x.rpm',
        'FROM c:7\nRUN yum module install -y nodejs:18',
        'FROM c:7\nRUN yum install -y @core',
        'FROM c:7\nRUN yum install -y $PKGS',
        'FROM c:7\nRUN yum install -y httpd-${V}',
      ],
      invalid: [
        { code: 'FROM c:7\nRUN yum install -y httpd', at: [[2, 20, 2, 25]], count: 1 },
        { code: 'FROM c:7\nRUN yum install -y mod_ssl python3-pip', count: 2 },
        { code: 'FROM c:7\nRUN yum module install -y nodejs', count: 1, message: /nodejs:<stream>/ },
        { code: 'FROM c:7\nONBUILD RUN yum install -y httpd', count: 1 },
      ],
    }));
});

describe('DL3034 zypper-non-interactive', () => {
  it('cases', () =>
    checkRule('DL3034', {
      valid: ['FROM s:1\nRUN zypper -n install x', 'FROM s:1\nRUN zypper install -y x', 'FROM s:1\nRUN zypper --non-interactive rm x', 'FROM s:1\nRUN zypper refresh', 'FROM s:1\nRUN zypper install --no-confirm x'],
      invalid: [
        { code: 'FROM s:1\nRUN zypper install x', at: [[2, 5, 2, 21]], count: 1 },
        { code: 'FROM s:1\nRUN zypper in x && zypper rm y && zypper patch', count: 3 },
        { code: 'FROM s:1\nONBUILD RUN zypper si x', count: 1 },
      ],
    }));
  it('fix inserts -n after zypper', async () => {
    const [f] = await findingsOf('DL3034', 'FROM s:1\nRUN zypper install x');
    expect(f?.fix?.edits).toEqual([{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, newText: ' -n' }]);
  });
});

describe('DL3035 no-zypper-dup', () => {
  it('cases', () =>
    checkRule('DL3035', {
      valid: ['FROM s:1\nRUN zypper -n update', 'FROM s:1\nRUN zypper -n install dup'],
      invalid: [
        { code: 'FROM s:1\nRUN zypper -n dup', at: [[2, 15, 2, 18]], count: 1 },
        { code: 'FROM s:1\nRUN zypper dist-upgrade -y', count: 1 },
        { code: 'FROM s:1\nONBUILD RUN zypper dup', count: 1 },
      ],
    }));
});

describe('DL3036 zypper-clean', () => {
  it('cases', () =>
    checkRule('DL3036', {
      valid: [
        'FROM s:1\nRUN zypper -n install x=1 && zypper clean',
        'FROM s:1\nRUN zypper -n in x=1 && zypper cc -a',
        'FROM s:1\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install x=1',
        'FROM s:1\nRUN zypper -n refresh',
      ],
      invalid: [
        { code: 'FROM s:1\nRUN zypper -n install x=1', at: [[2, 5, 2, 26]], count: 1 },
        { code: 'FROM s:1\nONBUILD RUN zypper -n install x=1', count: 1 },
      ],
    }));
});

describe('DL3037 pin-zypper', () => {
  it('cases', () =>
    checkRule('DL3037', {
      valid: ['FROM s:1\nRUN zypper -n install x=1.2', 'FROM s:1\nRUN zypper -n install "x>=1.2" "y<2"', 'FROM s:1\nRUN zypper -n install /tmp/x.rpm', 'FROM s:1\nRUN zypper -n install $PKG'],
      invalid: [
        { code: 'FROM s:1\nRUN zypper -n install nginx', at: [[2, 23, 2, 28]], count: 1 },
        { code: 'FROM s:1\nRUN zypper -n in a b=1 c', count: 2 },
        { code: 'FROM s:1\nONBUILD RUN zypper -n install nginx', count: 1 },
      ],
    }));
});

describe('DL3038 dnf-yes', () => {
  it('cases', () =>
    checkRule('DL3038', {
      valid: [
        'FROM f:40\nRUN dnf install -y httpd',
        'FROM f:40\nRUN microdnf install -y httpd',
        'FROM f:40\nRUN dnf -y groupinstall x',
        'FROM f:40\nRUN yum install httpd',
        // review of issue 3 (docker-library/openjdk): microdnf 3 never asks
        'FROM oraclelinux:9-slim\nRUN microdnf install gzip tar && microdnf clean all',
        'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5 AS base\nFROM base\nRUN microdnf install httpd',
      ],
      invalid: [
        { code: 'FROM f:40\nRUN dnf install httpd', at: [[2, 5, 2, 22]], count: 1 },
        { code: 'FROM fedora:40\nRUN microdnf install httpd', count: 1, message: /microdnf install -y/ },
        { code: 'FROM registry.fedoraproject.org/fedora-minimal:41 AS a\nFROM a\nRUN microdnf install httpd', count: 1 },
        { code: 'FROM f:40\nRUN dnf5 localinstall x.rpm', count: 1 },
        { code: 'FROM f:40\nONBUILD RUN dnf install httpd', count: 1 },
      ],
    }));
});

describe('DL3040 dnf-clean', () => {
  it('cases', () =>
    checkRule('DL3040', {
      valid: [
        'FROM f:40\nRUN dnf install -y httpd && dnf clean all',
        'FROM f:40\nRUN microdnf install -y httpd && microdnf clean all',
        'FROM f:40\nRUN dnf install -y httpd && rm -rf /var/cache/libdnf5',
        'FROM f:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf/*',
        'FROM f:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd',
        'FROM f:40\nRUN dnf makecache',
      ],
      invalid: [
        { code: 'FROM f:40\nRUN dnf install -y httpd', at: [[2, 5, 2, 25]], count: 1 },
        { code: 'FROM f:40\nRUN dnf upgrade -y', count: 1 },
        { code: 'FROM f:40\nRUN microdnf reinstall -y x', count: 1, message: /microdnf clean all/ },
        { code: 'FROM f:40\nONBUILD RUN dnf install -y httpd', count: 1 },
      ],
    }));
});

describe('DL3041 pin-dnf', () => {
  it('cases', () =>
    checkRule('DL3041', {
      valid: [
        'FROM f:40\nRUN dnf install -y httpd-2.4.62',
        'FROM f:40\nRUN dnf install -y httpd-2.4.62-1.fc40',
        'FROM f:40\nRUN dnf module install -y nodejs:20',
        'FROM f:40\nRUN dnf group install -y "Development Tools"',
        'FROM f:40\nRUN dnf install -y @development-tools',
        'FROM f:40\nARG V=1\nRUN dnf install -y httpd-${V}',
      ],
      invalid: [
        { code: 'FROM f:40\nRUN dnf install -y httpd', at: [[2, 20, 2, 25]], count: 1 },
        { code: 'FROM f:40\nRUN microdnf install -y python3-pip', count: 1 },
        { code: 'FROM f:40\nRUN dnf module install -y nodejs', count: 1 },
        { code: 'FROM f:40\nONBUILD RUN dnf install -y httpd', count: 1 },
      ],
    }));
});

describe('DL3060 yarn-cache-clean', () => {
  it('cases', () =>
    checkRule('DL3060', {
      valid: [
        'FROM n:22\nRUN yarn install && yarn cache clean',
        'FROM n:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install',
        'FROM n:22 AS build\nRUN yarn install\nFROM n:22\nCOPY --from=build /app /app',
        'FROM n:22\nRUN yarn build',
        'FROM n:22\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn',
      ],
      invalid: [
        { code: 'FROM n:22\nRUN yarn install --frozen-lockfile', at: [[2, 5, 2, 35]], count: 1 },
        { code: 'FROM n:22\nRUN yarn', count: 1 },
        { code: 'FROM n:22\nRUN yarn global add pm2@5', count: 1 },
        { code: 'FROM n:22 AS base\nRUN yarn install\nFROM base', count: 1 },
        { code: 'FROM n:22\nONBUILD RUN yarn install', count: 1 },
      ],
    }));
  it('fix chains `yarn cache clean`', async () => {
    const [f] = await findingsOf('DL3060', 'FROM n:22\nRUN yarn install; yarn build');
    expect(f?.fix).toMatchObject({ edits: [{ newText: ' && yarn cache clean' }] });
  });
});

describe('DL3062 pin-go', () => {
  it('cases', () =>
    checkRule('DL3062', {
      valid: [
        'FROM g:1\nRUN go install golang.org/x/tools/gopls@v0.16.2',
        'FROM g:1\nRUN go install ./...',
        'FROM g:1\nRUN go build ./cmd/app',
        'FROM g:1\nRUN go run main.go',
        'FROM g:1\nRUN go run . --flag',
        'FROM g:1\nRUN go install myapp/cmd/server',
        'FROM g:1\nRUN go get -d -v',
        'FROM g:1\nRUN go run github.com/x/y@v1.0.0 arg',
      ],
      invalid: [
        { code: 'FROM g:1\nRUN go install golang.org/x/tools/gopls@latest', at: [[2, 16, 2, 47]], count: 1 },
        { code: 'FROM g:1\nRUN go get github.com/google/uuid', count: 1 },
        { code: 'FROM g:1\nRUN go run github.com/x/y unpinned/arg', count: 1 },
        { code: 'FROM g:1\nRUN go install github.com/a/b@none', count: 1 },
        { code: 'FROM g:1\nONBUILD RUN go install github.com/a/b', count: 1 },
      ],
    }));
});
