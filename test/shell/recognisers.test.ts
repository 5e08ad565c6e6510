import { describe, expect, it } from 'vitest';
import {
  recogniseCleanup,
  recogniseDownload,
  recogniseIndexUpdate,
  recognisePackageRemoval,
  recogniseVerification,
} from '../../src/shell/packages.js';
import { loadShellParser } from '../../src/shell/parser.js';
import type { SimpleCommand } from '../../src/shell/types.js';

const parser = await loadShellParser();

function all<T>(src: string, f: (c: SimpleCommand) => T | null): T[] {
  return parser.parse(src).commands.flatMap((c) => {
    const r = f(c);
    return r === null ? [] : [r];
  });
}

function one<T>(src: string, f: (c: SimpleCommand) => T | null): T {
  const found = all(src, f);
  if (found.length !== 1 || found[0] === undefined) throw new Error(`expected one match in ${src}, got ${found.length}`);
  return found[0];
}

describe('recogniseIndexUpdate', () => {
  it.each([
    ['apt-get update', 'apt'],
    ['apt update', 'apt'],
    ['aptitude update', 'apt'],
    ['sudo apt-get -qq update', 'apt'],
    ['apk update', 'apk'],
    ['yum makecache', 'yum'],
    ['dnf makecache --refresh', 'dnf'],
    ['zypper refresh', 'zypper'],
    ['zypper --gpg-auto-import-keys ref', 'zypper'],
  ])('recognises %s', (src, manager) => {
    expect(one(src, recogniseIndexUpdate).manager).toBe(manager);
  });

  it.each(['apt-get upgrade', 'apt-get install update', 'echo apt-get update', 'npm update', 'yum update', 'apk add --update x'])(
    'ignores %s',
    (src) => {
      expect(all(src, recogniseIndexUpdate)).toEqual([]);
    },
  );
});

describe('recognisePackageRemoval', () => {
  it('reads apt removals', () => {
    expect(one('apt-get purge -y --auto-remove gcc make', recognisePackageRemoval)).toMatchObject({ purge: true, autoremove: true });
    expect(one('apt-get remove -y gcc', recognisePackageRemoval)).toMatchObject({ purge: false, autoremove: false });
    const auto = one('apt-get autoremove -y', recognisePackageRemoval);
    expect(auto).toMatchObject({ autoremove: true, purge: false });
    expect(auto.packages).toEqual([]);
    expect(one('apt-get remove --purge x', recognisePackageRemoval).purge).toBe(true);
    expect(one('apt-get remove -y gcc', recognisePackageRemoval).packages.map((w) => w.value)).toEqual(['gcc']);
  });

  it.each([
    ['apk del .build-deps', 'apk'],
    ['dnf remove -y x', 'dnf'],
    ['yum erase x', 'yum'],
    ['zypper rm x', 'zypper'],
    ['pip uninstall -y x', 'pip'],
    ['npm uninstall x', 'npm'],
    ['yarn remove x', 'yarn'],
    ['gem uninstall x', 'gem'],
    ['conda remove x', 'conda'],
  ])('recognises %s', (src, manager) => {
    expect(one(src, recognisePackageRemoval).manager).toBe(manager);
  });

  it.each(['apt-get install x', 'apk add x', 'rm -rf x', 'npm install x'])('ignores %s', (src) => {
    expect(all(src, recognisePackageRemoval)).toEqual([]);
  });
});

describe('recogniseCleanup', () => {
  it.each([
    ['rm -rf /var/lib/apt/lists/*', ['apt-lists']],
    ['rm -rf /var/lib/apt/lists', ['apt-lists']],
    ['rm -r /var/lib/apt/lists/', ['apt-lists']],
    ['rm -rf "/var/lib/apt/lists/"*', ['apt-lists']],
    ['rm -rf /var/lib/apt/lists/* /var/cache/apt/*', ['apt-lists', 'apt-archives']],
    ['rm -f /var/cache/apt/archives/*.deb', ['apt-archives']],
    ['rm -rf /var/cache/apk/*', ['apk']],
    ['rm -rf /var/cache/yum', ['yum']],
    ['rm -rf /var/cache/dnf/*', ['dnf']],
    ['rm -rf /var/cache/libdnf5*', ['dnf']],
    ['rm -rf /var/cache/zypp/*', ['zypper']],
    ['rm -rf /root/.cache/pip', ['pip']],
    ['rm -rf ~/.cache/pip/*', ['pip']],
    ['rm -rf "$HOME/.cache/pip"', ['pip']],
    ['rm -rf /root/.npm /usr/local/share/.cache/yarn', ['npm', 'yarn']],
    ['rm -rf /root/.cache', ['pip', 'uv', 'yarn', 'composer', 'go-build']],
    ['rm -rf /go/pkg/mod', ['go-mod']],
    ['rm -rf ~/.cargo/registry', ['cargo']],
    ['sudo rm -rf /var/lib/apt/lists/*', ['apt-lists']],
  ])('rm: %s', (src, caches) => {
    const c = one(src, recogniseCleanup);
    expect(c.method).toBe('rm');
    expect(c.caches).toEqual(caches);
    expect(c.paths.length).toBeGreaterThan(0);
  });

  it.each([
    ['apt-get clean', ['apt-archives']],
    ['apt clean', ['apt-archives']],
    ['apt-get dist-clean', ['apt-archives', 'apt-lists']],
    ['apk cache clean', ['apk']],
    ['yum clean all', ['yum']],
    ['dnf clean all', ['dnf']],
    ['microdnf clean all', ['dnf']],
    ['zypper clean -a', ['zypper']],
    ['zypper cc', ['zypper']],
    ['pip cache purge', ['pip']],
    ['python3 -m pip cache purge', ['pip']],
    ['uv cache clean', ['uv']],
    ['npm cache clean --force', ['npm']],
    ['yarn cache clean', ['yarn']],
    ['pnpm store prune', ['pnpm']],
    ['composer clear-cache', ['composer']],
    ['conda clean -afy', ['conda']],
    ['go clean -cache -modcache', ['go-build', 'go-mod']],
  ])('tool: %s', (src, caches) => {
    const c = one(src, recogniseCleanup);
    expect(c.method).toBe('tool');
    expect(c.caches).toEqual(caches);
    expect(c.tool.length).toBeGreaterThan(0);
  });

  it.each([
    'rm -rf /tmp/*',
    'rm -rf /var/lib/apt/lists/partial',
    'rm -rf /var/lib/apt',
    'rm /etc/apt/sources.list',
    'yum clean metadata',
    'dnf clean packages',
    'apt-get autoclean',
    'npm cache verify',
    'go clean',
    'echo rm -rf /var/lib/apt/lists/*',
    'ls /var/lib/apt/lists',
  ])('ignores %s', (src) => {
    expect(all(src, recogniseCleanup)).toEqual([]);
  });
});

describe('recogniseDownload', () => {
  it('reads curl', () => {
    const src = 'curl -fsSLo /tmp/x.tgz https://example.com/x.tgz';
    const d = one(src, recogniseDownload);
    expect(d).toMatchObject({ tool: 'curl', remoteName: false, toStdout: false, insecure: false, failOnError: true, followRedirects: true, quiet: true });
    expect(d.urls.map((w) => w.value)).toEqual(['https://example.com/x.tgz']);
    expect(d.output?.value).toBe('/tmp/x.tgz');
    expect(src.slice(d.output?.start, d.output?.end)).toBe('/tmp/x.tgz');
  });

  it('reads curl variants', () => {
    expect(one('curl -O https://x/a.tgz', recogniseDownload)).toMatchObject({ remoteName: true, toStdout: false, output: null });
    expect(one('curl -k https://x | sh', recogniseDownload)).toMatchObject({ insecure: true, toStdout: true, failOnError: false });
    expect(one('curl --insecure --output=f --url https://a https://b', recogniseDownload).urls.map((w) => w.value)).toEqual(['https://b', 'https://a']);
    expect(one('curl -H "Accept: x" -d @body -X POST "$URL"', recogniseDownload).urls.map((w) => w.text)).toEqual(['"$URL"']);
    expect(one('curl -o - https://x', recogniseDownload).toStdout).toBe(true);
    expect(one('curl --output-dir /d -O https://x', recogniseDownload).outputDir?.value).toBe('/d');
  });

  it('reads wget', () => {
    expect(one('wget -qO- https://x/install.sh', recogniseDownload)).toMatchObject({ tool: 'wget', toStdout: true, quiet: true });
    expect(one('wget -O /tmp/a https://x', recogniseDownload).output?.value).toBe('/tmp/a');
    expect(one('wget --no-check-certificate https://x', recogniseDownload)).toMatchObject({ insecure: true, remoteName: true, quiet: false });
    expect(one('wget -nv https://x', recogniseDownload).quiet).toBe(true);
    expect(one('wget --progress=dot:giga https://x', recogniseDownload).quiet).toBe(true);
    expect(one('wget -P /opt https://x', recogniseDownload).outputDir?.value).toBe('/opt');
    expect(one('busybox wget https://x', recogniseDownload).tool).toBe('wget');
  });

  it.each(['echo curl https://x', 'git clone https://x', 'curlie https://x', 'apt-get install -y curl wget'])('ignores %s', (src) => {
    expect(all(src, recogniseDownload)).toEqual([]);
  });
});

describe('recogniseVerification', () => {
  it.each([
    ['sha256sum -c SHA256SUMS', 'checksum', 'sha256', ['SHA256SUMS'], false],
    ['sha512sum --check --ignore-missing sums.txt', 'checksum', 'sha512', ['sums.txt'], false],
    ['echo "$SHA  /tmp/x.tgz" | sha256sum -c -', 'checksum', 'sha256', [], true],
    ['echo "$SHA *x" | sha256sum -c', 'checksum', 'sha256', [], true],
    ['sha256sum -c <<< "$SUM  f"', 'checksum', 'sha256', [], true],
    ['shasum -a 256 -c sums', 'checksum', 'sha256', ['sums'], false],
    ['md5sum -c x.md5', 'checksum', 'md5', ['x.md5'], false],
    ['gpg --batch --verify x.tar.gz.asc x.tar.gz', 'signature', null, ['x.tar.gz.asc', 'x.tar.gz'], false],
    ['gpg2 --verify x.asc', 'signature', null, ['x.asc'], false],
    ['gpgv --keyring ./k.gpg x.sig x', 'signature', null, ['x.sig', 'x'], false],
    ['cosign verify-blob --key k.pub --signature x.sig x', 'signature', null, ['x'], false],
    ['cosign verify --certificate-identity=i ghcr.io/x/y', 'signature', null, ['ghcr.io/x/y'], false],
    ['minisign -Vm x.tgz -P RWQ', 'signature', null, ['x.tgz'], false],
    ['openssl dgst -sha256 -verify pub.pem -signature x.sig x', 'signature', null, ['x.sig', 'x'], false],
    ['rpm -K x.rpm', 'signature', null, ['x.rpm'], false],
    ['gh attestation verify x.tgz --owner o', 'signature', null, ['x.tgz'], false],
  ])('recognises %s', (src, kind, algorithm, files, fromStdin) => {
    const v = one(src, recogniseVerification);
    expect([v.kind, v.algorithm, v.files.map((w) => w.value ?? w.text), v.fromStdin]).toEqual([kind, algorithm, files, fromStdin]);
  });

  it.each([
    'sha256sum x.tgz',
    'sha256sum x.tgz > x.sha256',
    'gpg --import key.asc',
    'gpg --recv-keys ABC',
    'cosign sign x',
    'openssl dgst -sha256 x',
    'rpm -qa',
    'echo sha256sum -c x',
    'minisign -G',
  ])('ignores %s', (src) => {
    expect(all(src, recogniseVerification)).toEqual([]);
  });
});
