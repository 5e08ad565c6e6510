import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KNOWLEDGE_FILES,
  closurePackagesProviding,
  commandProvidersIn,
  commandProvidersInImage,
  isBuiltinOfAnyShell,
  isShellBuiltin,
  knowledgeDataDir,
  packageClosure,
  packageCommands,
  packageDepends,
  packageRecommends,
  packageRelations,
  packagesProvidingCommand,
  repositoryKey,
  resolveBaseImage,
  splitTag,
  versionScore,
  type BaseImageInfo,
  type ImageRef,
} from '../../src/knowledge/index.js';

function resolve(ref: string): BaseImageInfo {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  const r: ImageRef = { repository: hasTag ? name.slice(0, colon) : name };
  if (hasTag) r.tag = name.slice(colon + 1);
  if (digest) r.digest = digest;
  const info = resolveBaseImage(r);
  if (!info) throw new Error(`${ref} did not resolve`);
  return info;
}
const has = (ref: string, cmd: string): boolean => commandProvidersInImage(resolve(ref), cmd);

describe('data files', () => {
  const dir = knowledgeDataDir();
  it.each(KNOWLEDGE_FILES)('%s has a top-level "source"', file => {
    const data: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect(data).toHaveProperty('source');
    expect((data as { source: unknown }).source).toBeTruthy();
  });
  it('stays within the size budget (1.5 MB in total)', () => {
    const total = fs.readdirSync(dir).filter(f => f.endsWith('.json')).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });
  it('every data file is listed in KNOWLEDGE_FILES', () => {
    expect(fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()).toEqual([...KNOWLEDGE_FILES].sort());
  });
  it('covers bookworm and trixie, and minbase matches the real images (repo-info cross-check)', () => {
    const deb = JSON.parse(fs.readFileSync(path.join(dir, 'debian-packages.json'), 'utf8')) as { suites: Record<string, { minbase: string[] }> };
    expect(Object.keys(deb.suites).sort()).toEqual(['bookworm', 'trixie']);
    expect(deb.suites.bookworm?.minbase).toContain('apt');
    const images = JSON.parse(fs.readFileSync(path.join(dir, 'images.json'), 'utf8')) as { source: { crossChecks: string[] } };
    for (const c of images.source.crossChecks) expect(c).toMatch(/identical/);
  });
});

describe('resolveBaseImage: Debian', () => {
  it('debian:bookworm-slim has sh and apt-get but not curl', () => {
    const i = resolve('debian:bookworm-slim');
    expect(i.family).toBe('debian');
    expect(i.release).toBe('bookworm');
    expect(i.match).toBe('exact');
    expect(i.shell).toBe('/bin/sh');
    for (const c of ['sh', 'bash', 'apt-get', 'dpkg', 'ls', 'awk', 'sed', 'grep']) expect(commandProvidersInImage(i, c)).toBe(true);
    for (const c of ['curl', 'wget', 'git', 'ps', 'gpg']) expect(commandProvidersInImage(i, c)).toBe(false);
    expect(i.cmd).toEqual(['bash']);
  });
  it('debian aliases and numbers resolve', () => {
    expect(resolve('debian:12').release).toBe('bookworm');
    expect(resolve('debian:trixie').release).toBe('trixie');
    expect(resolve('debian').release).toBe('trixie');
    expect(resolve('docker.io/library/debian:bookworm').id).toBe(resolve('debian:bookworm').id);
  });
  it('unlisted old suites resolve approximately', () => {
    const i = resolve('debian:buster-slim');
    expect(i.match).toBe('approximate');
    expect(i.confidence).toBe('approximate');
  });
  it('absolute paths count when their directory is on PATH', () => {
    const i = resolve('debian:bookworm');
    expect(commandProvidersInImage(i, '/bin/sh')).toBe(true);
    expect(commandProvidersInImage(i, '/usr/bin/env')).toBe(true);
    expect(commandProvidersInImage(i, '/docker-entrypoint.sh')).toBe(false);
  });
});

describe('resolveBaseImage: official images', () => {
  it('python:3.12-slim(-bookworm) has python3 and pip on a Debian slim base', () => {
    for (const ref of ['python:3.12-slim', 'python:3.12-slim-bookworm', 'python:3.14-slim']) {
      const i = resolve(ref);
      expect(i.family).toBe('debian');
      for (const c of ['python3', 'python', 'pip', 'pip3', 'sh', 'apt-get']) expect(commandProvidersInImage(i, c)).toBe(true);
      expect(commandProvidersInImage(i, 'gcc')).toBe(false);
      expect(i.path[0]).toBe('/usr/local/bin');
    }
    expect(resolve('python:3.12-slim-bookworm').release).toBe('bookworm');
    expect(resolve('python:3.12-slim-bookworm').chain.at(-1)).toBe('debian:bookworm-slim');
  });
  it('python full images sit on buildpack-deps (gcc, git, curl present)', () => {
    const i = resolve('python:3.13-bookworm');
    for (const c of ['python3', 'gcc', 'git', 'curl', 'make']) expect(commandProvidersInImage(i, c)).toBe(true);
    expect(i.chain.some(x => x.startsWith('buildpack-deps:'))).toBe(true);
  });
  it('node:20-alpine has node and busybox applets, no bash', () => {
    const i = resolve('node:20-alpine');
    expect(i.family).toBe('alpine');
    expect(i.match).not.toBe('exact');
    for (const c of ['node', 'npm', 'sh', 'wget']) expect(commandProvidersInImage(i, c)).toBe(true);
    expect(commandProvidersInImage(i, 'bash')).toBe(false);
    expect(commandProvidersInImage(i, 'apt-get')).toBe(false);
  });
  it('golang:1.22 has go (PATH /usr/local/go/bin) on buildpack-deps scm', () => {
    const i = resolve('golang:1.22');
    expect(i.family).toBe('debian');
    expect(commandProvidersInImage(i, 'go')).toBe(true);
    expect(commandProvidersInImage(i, 'git')).toBe(true);
    expect(i.path).toContain('/usr/local/go/bin');
  });
  it('eclipse-temurin:21-jre is Ubuntu-based with java', () => {
    const i = resolve('eclipse-temurin:21-jre');
    expect(i.family).toBe('ubuntu');
    expect(i.packageFamily).toBe('ubuntu');
    expect(commandProvidersInImage(i, 'java')).toBe(true);
    expect(commandProvidersInImage(i, 'sh')).toBe(true);
  });
  it('nginx, httpd, postgres, redis, php, ruby, openjdk resolve', () => {
    expect(has('nginx:latest', 'nginx')).toBe(true);
    expect(has('nginx:1.27-alpine', 'nginx')).toBe(true);
    expect(has('httpd:2.4', 'httpd')).toBe(true);
    expect(has('postgres:16', 'postgres')).toBe(true);
    expect(has('redis:7-alpine', 'redis-server')).toBe(true);
    expect(has('php:8.3-apache', 'php')).toBe(true);
    expect(has('ruby:3.3-slim', 'ruby')).toBe(true);
    expect(has('openjdk:27-jdk-slim', 'java')).toBe(true);
    expect(resolve('nginx:latest').cmd).toEqual(['nginx', '-g', 'daemon off;']);
  });
  it('tags that are not listed resolve to the closest version of the same variant', () => {
    expect(resolve('alpine:3.20').id).toBe('alpine:3.21.7');
    expect(resolve('golang:1.22-alpine').family).toBe('alpine');
    expect(resolve('python:3.9-slim-bullseye').match).toBe('approximate');
    expect(resolve('python:3.9-slim-bullseye').id).toMatch(/slim/);
    expect(resolve('python:3.11-alpine3.18').id).toMatch(/^python:3\.11\..*alpine/);
    expect(resolve('openjdk:11-jre-slim').id).toMatch(/slim/);
    expect(resolve('node:20').match).toBe('variant');
  });
  it('alpine base has apk (Dockerfile evidence) and python:3.14-slim uses the repo-info package list', () => {
    expect(has('alpine:3.24', 'apk')).toBe(true);
    expect(resolve('python:3.14-slim').notes.join(' ')).toMatch(/repo-info/);
  });
  it('digest-only references resolve as latest', () => {
    const i = resolve('python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    expect(i.notes.join(' ')).toMatch(/digest/);
  });
});

describe('resolveBaseImage: alpine, ubuntu, busybox, distroless, scratch', () => {
  it('alpine:3.20 has busybox wget and sh, not curl or bash', () => {
    const i = resolve('alpine:3.20');
    expect(i.family).toBe('alpine');
    for (const c of ['wget', 'sh', 'ls', 'tar']) expect(commandProvidersInImage(i, c)).toBe(true);
    for (const c of ['curl', 'bash', 'apt-get']) expect(commandProvidersInImage(i, c)).toBe(false);
    expect(i.packages).toContain('busybox');
    expect(i.packages).toContain('apk-tools');
  });
  it('ubuntu:24.04 and 22.04 come from repo-info package lists', () => {
    const i = resolve('ubuntu:24.04');
    expect(i.family).toBe('ubuntu');
    expect(i.packages).toContain('apt');
    expect(commandProvidersInImage(i, 'apt-get')).toBe(true);
    expect(commandProvidersInImage(i, 'curl')).toBe(false);
    expect(resolve('ubuntu:jammy').release).toBe('22.04');
    expect(resolve('ubuntu:20.04').match).toBe('approximate');
  });
  it('busybox has applets and a shell', () => {
    const i = resolve('busybox:1.37');
    expect(i.family).toBe('busybox');
    expect(commandProvidersInImage(i, 'wget')).toBe(true);
    expect(i.shell).toBe('/bin/sh');
    expect(resolve('busybox:latest').confidence).toBe('approximate');
  });
  it('gcr.io/distroless/static-debian12 has no shell and no commands', () => {
    const i = resolve('gcr.io/distroless/static-debian12');
    expect(i.family).toBe('distroless');
    expect(i.shell).toBeNull();
    expect(commandProvidersInImage(i, 'sh')).toBe(false);
    expect(i.packages).toContain('tzdata');
    expect(resolve('gcr.io/distroless/static-debian12:nonroot').user).toBe('65532');
  });
  it('distroless :debug has busybox on PATH', () => {
    const i = resolve('gcr.io/distroless/base-debian12:debug');
    expect(i.shell).toBe('/busybox/sh');
    expect(commandProvidersInImage(i, 'sh')).toBe(true);
    expect(commandProvidersInImage(i, '/busybox/sh')).toBe(true);
  });
  it('distroless python3 has python3, nodejs has no node on PATH', () => {
    expect(has('gcr.io/distroless/python3-debian13', 'python3')).toBe(true);
    expect(has('gcr.io/distroless/nodejs22-debian13', 'node')).toBe(false);
    expect(resolve('gcr.io/distroless/nodejs22-debian13').entrypoint).toEqual(['/nodejs/bin/node']);
  });
  it('scratch is empty', () => {
    const i = resolve('scratch');
    expect(i.family).toBe('scratch');
    expect(i.shell).toBeNull();
    expect(i.commands.size).toBe(0);
  });
  it('unknown images return null', () => {
    expect(resolveBaseImage({ repository: 'mycompany/app', tag: '1.0' })).toBeNull();
    expect(resolveBaseImage({ registry: 'ghcr.io', repository: 'foo/bar' })).toBeNull();
    expect(resolveBaseImage({ registry: 'quay.io', repository: 'python', tag: '3.12' })).toBeNull();
  });
});

describe('packages', () => {
  it('curl provides curl and depends on libcurl4 (bookworm) / libcurl4t64 (trixie)', () => {
    expect(packageCommands('debian', 'curl', 'bookworm')).toEqual(['curl']);
    expect(packageCommands('debian', 'curl')).toContain('curl');
    expect(packageDepends('debian', 'curl', 'bookworm')).toContain('libcurl4');
    expect(packageDepends('debian', 'curl', 'trixie')).toContain('libcurl4t64');
    expect(packageDepends('debian', 'curl')).toContain('libc6');
  });
  it('command -> packages, including update-alternatives links', () => {
    expect(packagesProvidingCommand('debian', 'curl')).toContain('curl');
    expect(packagesProvidingCommand('debian', 'awk')).toContain('mawk');
    expect(packagesProvidingCommand('debian', 'ps')).toContain('procps');
    expect(packagesProvidingCommand('debian', 'no-such-command-xyz')).toEqual([]);
    expect(packageCommands('debian', 'openjdk-17-jre-headless', 'bookworm')).toContain('java');
  });
  it('alternatives in dependencies are joined with |', () => {
    expect(packageDepends('debian', 'apt', 'bookworm')).toContain('gpgv|gpgv2|gpgv1');
    const gnupg = packageDepends('debian', 'gnupg', 'bookworm');
    expect(new Set(gnupg).size).toBe(gnupg.length);
  });
  it('recommends and closure', () => {
    expect(packageRecommends('debian', 'python3-pip', 'bookworm')).toContain('build-essential');
    const withRecs = packageClosure('debian', ['python3-pip'], { release: 'bookworm' });
    const without = packageClosure('debian', ['python3-pip'], { release: 'bookworm', recommends: false });
    expect(withRecs).toContain('gcc');
    expect(without).not.toContain('gcc');
    expect(without).toContain('python3');
  });
  it('ubuntu uses the nearest Debian suite', () => {
    expect(packageCommands('ubuntu', 'curl', '22.04')).toEqual(['curl']);
    expect(packageCommands('ubuntu', 'curl', '24.04')).toContain('curl');
  });
  it('alpine: busybox applets; other names mapped approximately', () => {
    expect(packageCommands('alpine', 'busybox')).toContain('wget');
    expect(packageCommands('alpine', 'curl')).toContain('curl');
    expect(packagesProvidingCommand('alpine', 'wget')).toContain('busybox');
    expect(packageDepends('alpine', 'curl')).toEqual([]);
  });
});

describe('shared answers (the provenance analysis reads these instead of the copying API)', () => {
  const sample = ['curl', 'git', 'gnupg', 'build-essential', 'python3', 'openssh-client', 'ca-certificates', 'awk', 'no-such-package', 'constructor'];
  it('packageRelations agrees with packageCommands, packageDepends and packageRecommends', () => {
    const first = (d: string): string => d.split('|')[0] ?? d;
    for (const [family, release] of [['debian', 'bookworm'], ['debian', 'trixie'], ['ubuntu', '24.04'], ['alpine', '3.20'], ['debian', undefined]] as const) {
      for (const pkg of sample) {
        const r = packageRelations(family, pkg, release);
        expect([...r.commands]).toEqual(packageCommands(family, pkg, release));
        expect([...r.depends]).toEqual(packageDepends(family, pkg, release).map(first));
        expect(r.recommends.length).toBe(packageRecommends(family, pkg, release).length);
      }
    }
  });
  it('commandProvidersIn reads packageCommands backwards', () => {
    for (const ref of ['python:3.12-slim', 'node:20-alpine', 'ubuntu:24.04', 'golang:1.22']) {
      const info = resolve(ref);
      const family = info.packageFamily;
      if (!family) continue;
      const of = commandProvidersIn(family, info.packages, info.packageRelease ?? undefined);
      expect(of).not.toBeNull();
      for (const command of [...info.commands].slice(0, 200)) {
        const eager = info.packages.filter((p) => packageCommands(family, p, info.packageRelease ?? undefined).includes(command)).sort();
        expect([...(of?.(command) ?? [])].sort()).toEqual(eager);
      }
    }
  });
  it('isBuiltinOfAnyShell is the union of bash, dash and ash', () => {
    for (const n of ['cd', 'export', 'source', 'declare', 'if', '[[', 'local', 'curl', 'ls', 'select', 'function']) {
      expect(isBuiltinOfAnyShell(n)).toBe(isShellBuiltin('bash', n) || isShellBuiltin('dash', n) || isShellBuiltin('ash', n));
    }
  });
  it('closurePackagesProviding reads the closure\'s commands backwards: the same packages as reading them all', () => {
    const installs: readonly (readonly string[])[] = [['git'], ['curl', 'ca-certificates'], ['build-essential'], ['python3-pip'], ['gnupg', 'no-such-package'], ['openjdk-17-jdk-headless'], ['constructor'], []];
    const commands = ['python3', 'perl', 'gpg', 'gpgconf', 'ssh', 'make', 'cc', 'java', 'openssl', 'wget', 'no-such-command', 'constructor', 'ls'];
    for (const [family, release] of [['debian', 'bookworm'], ['ubuntu', '24.04'], ['debian', undefined]] as const) {
      for (const pkgs of installs) {
        for (const recommends of [true, false]) {
          for (const command of commands) {
            const slow = packageClosure(family, pkgs, { release, recommends }).filter((q) => packageRelations(family, q, release).commands.includes(command));
            expect(closurePackagesProviding(family, pkgs, { release, recommends }, command), `${family} ${release} ${pkgs.join(' ')} ${command}`).toEqual(slow);
          }
        }
      }
    }
  });
  it('closures are the same whatever was asked before', () => {
    const a = packageClosure('debian', ['git', 'curl'], { release: 'bookworm' });
    packageClosure('debian', ['build-essential'], { release: 'bookworm', recommends: false });
    packageClosure('debian', ['no-such-package', 'gnupg'], { release: 'bookworm' });
    // An unknown name adds itself and nothing else (a different cache key: computed afresh).
    expect(packageClosure('debian', ['git', 'curl', 'no-such-package'], { release: 'bookworm' })).toEqual([...a, 'no-such-package'].sort());
    expect(packageClosure('debian', ['no-such-package'], { release: 'bookworm' })).toEqual(['no-such-package']);
  });
});

describe('shell builtins', () => {
  it('cd, export, set are builtins of every shell; keywords count too', () => {
    for (const sh of ['bash', 'dash', 'ash', 'sh', '/bin/sh', '/bin/bash', '/busybox/sh']) {
      for (const b of ['cd', 'export', 'set', 'exit', 'if', 'for']) expect(isShellBuiltin(sh, b)).toBe(true);
      expect(isShellBuiltin(sh, 'curl')).toBe(false);
    }
  });
  it('bash-only builtins', () => {
    expect(isShellBuiltin('bash', 'source')).toBe(true);
    expect(isShellBuiltin('bash', 'declare')).toBe(true);
    expect(isShellBuiltin('dash', 'declare')).toBe(false);
    expect(isShellBuiltin('dash', 'source')).toBe(false);
    expect(isShellBuiltin('ash', 'source')).toBe(true);
    expect(isShellBuiltin('unknown-shell', 'cd')).toBe(false);
  });
});

describe('tag helpers', () => {
  it('splitTag', () => {
    expect(splitTag('3.12-slim-bookworm')).toEqual({ version: '3.12', key: 'slim-bookworm' });
    expect(splitTag('8u502-b07-jdk-alpine-3.24')).toEqual({ version: '8u502-b07', key: 'jdk-alpine-3.24' });
    expect(splitTag('alpine')).toEqual({ version: '', key: 'alpine' });
    expect(splitTag('3.15-rc-slim')).toEqual({ version: '3.15-rc', key: 'slim' });
  });
  it('versionScore prefers full prefixes, then the nearest version, and avoids pre-releases', () => {
    expect(versionScore('3.12.14', '3.12')).toBeGreaterThan(versionScore('3.13', '3.12'));
    expect(versionScore('3.21', '3.20')).toBeGreaterThan(versionScore('3', '3.20'));
    expect(versionScore('3.21', '3.20')).toBeGreaterThan(versionScore('3.24', '3.20'));
    expect(versionScore('3.14', '3.9')).toBeGreaterThan(versionScore('3.15-rc', '3.9'));
    expect(versionScore('3', '3')).toBeGreaterThan(versionScore('3.14', '4'));
  });
  it('repositoryKey', () => {
    expect(repositoryKey({ repository: 'library/python' })).toBe('python');
    expect(repositoryKey({ registry: 'docker.io', repository: 'library/python' })).toBe('python');
    expect(repositoryKey({ repository: 'gcr.io/distroless/static-debian12' })).toBe('gcr.io/distroless/static-debian12');
    expect(repositoryKey({ registry: 'gcr.io', repository: 'distroless/static-debian12' })).toBe('gcr.io/distroless/static-debian12');
  });
});
