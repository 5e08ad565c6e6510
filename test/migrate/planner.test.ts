/**
 * Unit tests of the front half: Dockerfile text -> MigrationPlan (classification, package
 * mapping, config, builder stages, implicit needs, --stage).
 */
import { describe, expect, test } from 'vitest';
import { PlanError } from '../../src/migrate/from-model.js';
import { generateMigration } from '../../src/migrate/index.js';
import type { CopyPlan, MigrationPlan, PackagePlan } from '../../src/migrate/plan.js';
import { plan } from './plan-helpers.js';

const outcome = (p: MigrationPlan, line: number): string | undefined => p.instructions.find((i) => i.line === line)?.outcome;
const pkg = (p: MigrationPlan, name: string): PackagePlan | undefined => p.packages.find((x) => x.name === name);
const needs = (p: MigrationPlan): string[] => p.implicitNeeds.map((n) => n.kind);
const copyTo = (p: MigrationPlan, dest: string): CopyPlan | undefined => p.copies.find((c) => c.dest === dest);

describe('instruction outcomes', () => {
  test('the seed example: every instruction has one outcome, by line', async () => {
    const p = await plan(
      [
        'FROM alpine:3.5',
        'RUN apk add --update py2-pip',
        'COPY requirements.txt /usr/src/app/',
        'RUN pip install --no-cache-dir -r /usr/src/app/requirements.txt',
        'COPY app.py /usr/src/app/',
        'COPY templates/index.html /usr/src/app/templates/',
        'EXPOSE 5000',
        'CMD ["python", "/usr/src/app/app.py"]',
      ].join('\n'),
      { files: { 'requirements.txt': 'Flask==0.10.1\n', 'app.py': '', 'templates/index.html': '' } },
    );
    expect(p.instructions.map((i) => [i.line, i.outcome])).toEqual([
      [1, 'replaced'],
      [2, 'translated'],
      [3, 'dropped-build-only'],
      [4, 'translated'],
      [5, 'translated'],
      [6, 'translated'],
      [7, 'translated'],
      [8, 'translated'],
    ]);
    expect(p.source.contextFilesRead).toEqual(['requirements.txt']);
    expect(p.python).toEqual({ interpreter: 'python3', packages: ['flask'], line: 4 });
    expect(pkg(p, 'Flask')).toMatchObject({ manager: 'pip', file: 'requirements.txt', line: 1, version: '==0.10.1', nixAttr: 'python3Packages.flask', role: 'runtime' });
    expect(pkg(p, 'python2')).toMatchObject({ nixAttr: 'python3', status: 'needs-confirmation', decision: { method: 'rule:eol-upgrade' } });
    expect(pkg(p, 'py2-pip')).toMatchObject({ role: 'build-only', nixAttr: null });
    expect(p.copies.map((c) => c.dest)).toEqual(['/usr/src/app/app.py', '/usr/src/app/templates/index.html']);
    expect(p.config.cmd?.argv[0]).toEqual([{ ref: { kind: 'python-env' } }, '/bin/python']);
    expect(p.findings.map((f) => f.rule)).toContain('eol-runtime');
    expect(p.needsPerson.map((h) => h.kind)).toEqual(['confirm-choice', 'confirm-choice']);
  });

  test('untranslatable RUNs keep their packages but none of their filesystem changes', async () => {
    const p = await plan(['FROM debian:bookworm', 'RUN apt-get update && apt-get install -y nginx && curl -fsSL https://get.example.org | sh && mkdir /srv/x', 'CMD ["nginx"]'].join('\n'));
    expect(outcome(p, 2)).toBe('untranslatable');
    const o = p.instructions.find((i) => i.line === 2);
    expect(o?.reason).toMatch(/downloads https:\/\/get\.example\.org with curl/);
    expect(p.rootfsOps).toEqual([]);
    expect(pkg(p, 'nginx')?.role).toBe('runtime');
    expect(p.findings.find((f) => f.rule === 'untranslatable')?.line).toBe(2);
  });

  test('cleanups and index updates are build-only; unused stages are dropped', async () => {
    const p = await plan(['FROM alpine AS unused', 'RUN echo hi', 'FROM alpine:3.20', 'RUN apk update && rm -rf /var/cache/apk/*', 'CMD ["sh"]'].join('\n'));
    expect(outcome(p, 1)).toBe('dropped-build-only');
    expect(outcome(p, 2)).toBe('dropped-build-only');
    expect(outcome(p, 4)).toBe('dropped-build-only');
    expect(p.stages.map((s) => s.role)).toEqual(['unused', 'final']);
  });

  test('ONBUILD and heredoc COPY are untranslatable; the report asks a person', async () => {
    const p = await plan(['FROM alpine:3.20', 'ONBUILD RUN make', 'COPY <<EOF /etc/motd', 'hello', 'EOF', 'CMD ["true"]'].join('\n'));
    expect(outcome(p, 2)).toBe('untranslatable');
    expect(outcome(p, 3)).toBe('untranslatable');
    expect(generateMigration(p).exitCode).toBe(3);
  });

  test('a file without FROM gives an empty image and a question, not an exception', async () => {
    const p = await plan('CMD ["a"]\n');
    expect(p.instructions).toHaveLength(1);
    expect(p.needsPerson).toHaveLength(1);
    expect(generateMigration(p).exitCode).toBe(3);
  });

  test('deterministic: the same input gives the same plan', async () => {
    const text = ['FROM golang:1.22 AS build', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y curl', 'COPY --from=build /out/app /app', 'HEALTHCHECK CMD curl -f http://localhost/', 'CMD ["/app"]'].join('\n');
    expect(JSON.stringify(await plan(text))).toBe(JSON.stringify(await plan(text)));
  });
});

describe('packages', () => {
  test('apt: runtime and build-only roles from the table; unknown names are unmapped, never guessed', async () => {
    const p = await plan(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl libpq-dev frobnicator-tool && rm -rf /var/lib/apt/lists/*', 'CMD ["/bin/true"]'].join('\n'));
    expect(pkg(p, 'ca-certificates')).toMatchObject({ nixAttr: 'cacert', role: 'runtime', helper: 'cacert' });
    expect(pkg(p, 'curl')).toMatchObject({ nixAttr: 'curl', role: 'build-only' });
    expect(pkg(p, 'libpq-dev')?.role).toBe('build-only');
    expect(pkg(p, 'frobnicator-tool')).toMatchObject({ nixAttr: null, status: 'unmapped', decision: { method: 'unknown' } });
    const report = generateMigration(p).report;
    expect(report.needsPerson.some((h) => h.kind === 'unmapped-package' && h.message.includes('frobnicator-tool'))).toBe(true);
  });

  test('a tool the container calls at runtime stays in the image', async () => {
    const p = await plan(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y curl', 'HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]', 'CMD ["sleep", "infinity"]'].join('\n'));
    expect(pkg(p, 'curl')?.role).toBe('runtime');
    expect(p.config.healthcheck?.test[1]).toEqual([{ ref: { kind: 'package', attr: 'curl' } }, '/bin/curl']);
  });

  test('pinned versions are reported as drift to confirm', async () => {
    const p = await plan(['FROM debian:bookworm-slim', 'RUN apt-get install -y nginx=1.22.1-9', 'CMD ["nginx", "-g", "daemon off;"]'].join('\n'));
    expect(pkg(p, 'nginx')).toMatchObject({ version: '=1.22.1-9', versionMatch: 'unknown' });
    expect(p.findings.find((f) => f.rule === 'version-drift')?.line).toBe(2);
    expect(p.needsPerson.find((h) => h.kind === 'confirm-choice')?.line).toBe(2);
  });

  test('apk --virtual groups deleted later and apt purge --auto-remove make packages build-only', async () => {
    const apk = await plan(['FROM alpine:3.20', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk add --no-cache tini && apk del .build-deps', 'ENTRYPOINT ["tini", "--"]'].join('\n'));
    expect(pkg(apk, 'gcc')?.role).toBe('build-only');
    expect(pkg(apk, 'tini')?.role).toBe('runtime');
    expect(apk.config.entrypoint?.argv[0]).toEqual([{ ref: { kind: 'package', attr: 'tini' } }, '/bin/tini']);
    const apt = await plan(['FROM debian:bookworm-slim', 'RUN apt-get install -y wget gnupg; wget -q https://x/y; apt-mark auto \'.*\'; apt-get purge -y --auto-remove', 'CMD ["true"]'].join('\n'));
    expect(pkg(apt, 'wget')?.role).toBe('build-only');
  });

  test('requirements files are read from the context; unknown PyPI names are suggested, not written', async () => {
    const p = await plan(['FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .', 'CMD ["gunicorn", "app:app"]'].join('\n'), {
      files: { 'requirements.txt': '# web\nflask==3.0.0\ngunicorn>=21\nsome-unlisted-lib[extra]==1.0 ; python_version>"3"\n-r more.txt\n', 'more.txt': 'requests\n' },
    });
    expect(p.source.contextFilesRead).toEqual(['requirements.txt', 'more.txt']);
    expect(p.python?.packages).toEqual(['flask', 'gunicorn', 'requests']);
    expect(pkg(p, 'some-unlisted-lib')).toMatchObject({ status: 'needs-confirmation', nixAttr: 'python3Packages.some-unlisted-lib', line: 4, file: 'requirements.txt' });
    expect(p.needsPerson.some((h) => h.message.includes('some-unlisted-lib') && h.message.includes('add ps.some-unlisted-lib'))).toBe(true);
    expect(outcome(p, 3)).toBe('dropped-build-only');
    expect(p.config.cmd?.argv[0]).toEqual([{ ref: { kind: 'python-env' } }, '/bin/gunicorn']);
  });

  test('without the context, an unread requirements file is a question for a person', async () => {
    const p = await plan(['FROM python:3.12-slim', 'COPY requirements.txt /r.txt', 'RUN pip install -r /r.txt', 'CMD ["python"]'].join('\n'));
    expect(p.python).toEqual({ interpreter: 'python3', packages: [], line: 3 });
    expect(p.needsPerson.some((h) => h.message.includes('/r.txt') && h.message.includes('no build context'))).toBe(true);
  });

  test('the base image runtime becomes an explicit package', async () => {
    const p = await plan(['FROM node:20-alpine', 'WORKDIR /app', 'COPY server.js .', 'CMD ["node", "server.js"]'].join('\n'));
    expect(p.packages[0]).toMatchObject({ nixAttr: 'nodejs', role: 'runtime', line: 1 });
    expect(p.config.cmd?.argv[0]).toEqual([{ ref: { kind: 'package', attr: 'nodejs' } }, '/bin/node']);
  });
});

describe('config', () => {
  test('Env, ports, volumes, labels, stop signal, workdir, shell', async () => {
    const p = await plan(
      [
        'FROM debian:bookworm-slim',
        'ARG VERSION=1.2.3',
        'ENV APP_VERSION=$VERSION PATH=/opt/app/bin:$PATH',
        'EXPOSE 8080 53/udp 9000-9002',
        'VOLUME ["/data", "/cache"]',
        'LABEL org.opencontainers.image.version=$VERSION maintainer="Jane <j@example.org>"',
        'STOPSIGNAL SIGTERM',
        'WORKDIR /srv',
        'WORKDIR app',
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'CMD ["./run"]',
      ].join('\n'),
    );
    const c = p.config;
    expect(c.env.map((e) => [e.name, e.value.join('')])).toEqual([
      ['APP_VERSION', '1.2.3'],
      ['PATH', '/opt/app/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ]);
    expect(c.ports.map((x) => `${x.port}/${x.protocol}`)).toEqual(['8080/tcp', '53/udp', '9000/tcp', '9001/tcp', '9002/tcp']);
    expect(c.volumes.map((v) => v.path)).toEqual(['/data', '/cache']);
    expect(c.labels).toEqual([
      { key: 'org.opencontainers.image.version', value: '1.2.3', line: 6 },
      { key: 'maintainer', value: 'Jane <j@example.org>', line: 6 },
    ]);
    expect(c.stopSignal).toEqual({ signal: 'SIGTERM', line: 7 });
    expect(c.workdir).toEqual({ path: '/srv/app', line: 9, create: true });
    expect(c.shell).toEqual({ argv: ['/bin/bash', '-o', 'pipefail', '-c'], line: 10 });
    expect(outcome(p, 2)).toBe('replaced');
  });

  test('HEALTHCHECK: durations in nanoseconds, shell form needs /bin/sh, NONE', async () => {
    const p = await plan(['FROM alpine:3.20', 'HEALTHCHECK --interval=1m30s --timeout=500ms --start-period=5s --retries=4 CMD wget -q -O- http://localhost/ || exit 1', 'CMD ["sleep", "1d"]'].join('\n'));
    expect(p.config.healthcheck).toEqual({
      line: 2,
      test: [['CMD-SHELL'], ['wget -q -O- http://localhost/ || exit 1']],
      intervalNs: 90_000_000_000,
      timeoutNs: 500_000_000,
      startPeriodNs: 5_000_000_000,
      retries: 4,
    });
    expect(needs(p)).toContain('binSh');
    const none = await plan(['FROM alpine:3.20', 'HEALTHCHECK NONE', 'CMD ["true"]'].join('\n'));
    expect(none.config.healthcheck?.test).toEqual([['NONE']]);
  });

  test('shell-form CMD: rewritten to exec form when plain, else run through /bin/sh', async () => {
    const plain = await plan(['FROM python:3.12-slim', 'COPY app.py /app.py', 'CMD python /app.py --port 80'].join('\n'));
    expect(plain.config.cmd?.form).toBe('exec');
    expect(plain.config.cmd?.argv).toEqual([[{ ref: { kind: 'package', attr: 'python3' } }, '/bin/python'], ['/app.py'], ['--port'], ['80']]);
    expect(needs(plain)).not.toContain('binSh');
    const shell = await plan(['FROM alpine:3.20', 'CMD echo "$HOME" && exec sleep 10'].join('\n'));
    expect(shell.config.cmd).toMatchObject({ form: 'shell', argv: [['/bin/sh'], ['-c'], ['echo "$HOME" && exec sleep 10']] });
    expect(needs(shell)).toContain('binSh');
  });

  test('ENTRYPOINT resets what the base image gave; a later CMD overrides an earlier one', async () => {
    const p = await plan(['FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]'].join('\n'));
    expect(outcome(p, 2)).toBe('replaced');
    expect(p.config.cmd?.argv).toEqual([['b']]);
  });

  test('the base image CMD is inherited when the Dockerfile sets none', async () => {
    const p = await plan(['FROM nginx:1.27', 'COPY site /usr/share/nginx/html'].join('\n'));
    expect(p.config.cmd?.argv).toEqual([[{ ref: { kind: 'package', attr: 'nginx' } }, '/bin/nginx'], ['-g'], ['daemon off;']]);
    expect(p.needsPerson.some((h) => h.message.includes('/docker-entrypoint.sh'))).toBe(true);
  });
});

describe('users and files', () => {
  test('useradd + USER: account in fakeNss, chown of copied files in the top layer with numeric ids', async () => {
    const p = await plan(
      [
        'FROM debian:bookworm-slim',
        'RUN groupadd -r app && useradd -r -g app -u 10001 -m -d /home/app app',
        'COPY --chown=app:app config /etc/app',
        'COPY bin/server /usr/local/bin/server',
        'RUN chmod 0755 /usr/local/bin/server && chown -R app /home/app',
        'USER app',
        'ENTRYPOINT ["/usr/local/bin/server"]',
      ].join('\n'),
      { files: { 'config/a.conf': '', 'bin/server': '\x7fELF' } },
    );
    expect(p.config.accounts).toEqual([{ name: 'app', uid: 10001, gid: 999, group: 'app', home: '/home/app', shell: '/sbin/nologin' }]);
    expect(p.config.user).toEqual({ spec: 'app', line: 6 });
    expect(needs(p)).toContain('fakeNss');
    expect(copyTo(p, '/etc/app')).toMatchObject({ placement: 'layer', owner: '10001:999' });
    expect(copyTo(p, '/usr/local/bin/server')?.placement).toBe('layer');
    expect(p.rootfsOps).toEqual([
      { op: 'mkdir', path: '/home/app', owner: '10001:999', line: 2, reason: 'home directory of app (line 2)' },
      { op: 'chmod', path: '/usr/local/bin/server', mode: '0755', recursive: false, line: 5, reason: 'RUN chmod (line 5)' },
      { op: 'chown', path: '/home/app', owner: '10001:999', recursive: true, line: 5, reason: 'RUN chown (line 5)' },
    ]);
  });

  test('a directory copied into the top layer makes the WORKDIR itself (no nested copy)', async () => {
    const p = await plan(['FROM python:3.12-slim', 'WORKDIR /app', 'COPY --chown=1000:1000 . .', 'CMD ["python", "main.py"]'].join('\n'), { files: { 'main.py': '' } });
    expect(copyTo(p, '/app')).toMatchObject({ placement: 'layer', owner: '1000:1000' });
    expect(p.config.workdir).toEqual({ path: '/app', line: 2, create: false });
  });

  test('a Windows base image is one untranslatable item, not a list of guesses', async () => {
    const p = await plan(['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command"]', 'RUN Write-Host hi', 'USER ContainerUser'].join('\n'));
    expect(p.findings.some((f) => f.rule === 'windows-image')).toBe(true);
    expect(p.needsPerson.map((h) => h.kind)).toEqual(['untranslatable']);
    expect(p.config.accounts).toEqual([]);
  });

  test('chmod of a path the new image does not have is dropped and reported', async () => {
    const p = await plan(['FROM debian:bookworm-slim', 'RUN chown -R www-data:www-data /var/www/html', 'CMD ["true"]'].join('\n'));
    expect(p.rootfsOps).toEqual([]);
    expect(p.needsPerson.some((h) => h.message.includes('/var/www/html'))).toBe(true);
  });

  test('ADD <url> becomes fetchurl (the hash is a placeholder); ADD of a local archive is untranslatable', async () => {
    const p = await plan(['FROM alpine:3.20', 'ADD https://example.org/tool-1.0.tar.gz /opt/', 'ADD vendor.tar.gz /opt/vendor/', 'CMD ["true"]'].join('\n'));
    expect(copyTo(p, '/opt/tool-1.0.tar.gz')?.from).toEqual({ kind: 'url', url: 'https://example.org/tool-1.0.tar.gz', hash: null, name: 'tool-1.0.tar.gz' });
    expect(outcome(p, 3)).toBe('untranslatable');
    expect(generateMigration(p).report.placeholders.some((x) => x.kind === 'source-hash')).toBe(true);
  });

  test('COPY . keeps the directory whole; paths that leave the context are untranslatable', async () => {
    const p = await plan(['FROM alpine:3.20', 'WORKDIR /app', 'COPY . .', 'COPY ../secret /s', 'CMD ["./run.sh"]'].join('\n'), { files: { 'run.sh': '#!/bin/sh\necho hi\n' } });
    expect(copyTo(p, '/app')?.from).toEqual({ kind: 'context', path: '.', isDirectory: true });
    expect(outcome(p, 4)).toBe('untranslatable');
    expect(p.implicitNeeds.find((n) => n.kind === 'binSh')?.reason).toMatch(/#!\/bin\/sh/);
  });
});

describe('builder stages', () => {
  test('Go: buildGoModule, COPY --from maps to $out/bin, entrypoint gets the store path, CA certificates for distroless', async () => {
    const p = await plan(
      [
        'FROM golang:1.22-alpine AS build',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'COPY . .',
        'RUN CGO_ENABLED=0 go build -ldflags="-s -w" -tags netgo -o /out/server ./cmd/server',
        'FROM gcr.io/distroless/static-debian12',
        'COPY --from=build /out/server /server',
        'COPY --from=build /src/static /static',
        'USER nonroot',
        'ENTRYPOINT ["/server"]',
      ].join('\n'),
    );
    expect(p.builders).toHaveLength(1);
    const b = p.builders[0];
    expect(b).toMatchObject({ id: 'build', kind: 'go', pname: 'server', src: '.', depsHash: null, outputs: [{ stagePath: '/out/server', outPath: 'bin/server' }] });
    expect(b?.go).toEqual({ subPackages: ['cmd/server'], ldflags: ['-s', '-w'], cgo: false, tags: ['netgo'] });
    expect(copyTo(p, '/server')?.from).toEqual({ kind: 'builder', builder: 'build', outPath: 'bin/server' });
    expect(copyTo(p, '/static')?.from).toEqual({ kind: 'context', path: 'static', isDirectory: true });
    expect(p.config.entrypoint?.argv[0]).toEqual([{ ref: { kind: 'builder', id: 'build' } }, '/bin/server']);
    expect(p.config.accounts[0]).toMatchObject({ name: 'nonroot', uid: 65532 });
    expect(needs(p)).toEqual(expect.arrayContaining(['cacert', 'fakeNss', 'tmp']));
    expect(needs(p)).not.toContain('binSh');
    expect(p.stages.map((s) => s.role)).toEqual(['builder', 'final']);
    expect(outcome(p, 4)).toBe('replaced');
    expect(generateMigration(p).report.placeholders.some((x) => x.what === 'build.vendorHash')).toBe(true);
  });

  test('Go: the binary name comes from go.mod when the context is readable', async () => {
    const text = ['FROM golang:1.22 AS b', 'COPY . .', 'RUN go build -o /bin/app .', 'FROM scratch', 'COPY --from=b /bin/app /app', 'ENTRYPOINT ["/app"]'].join('\n');
    const withMod = await plan(text, { files: { 'go.mod': 'module github.com/acme/widget\n\ngo 1.22\n' } });
    expect(copyTo(withMod, '/app')?.from).toEqual({ kind: 'builder', builder: 'b', outPath: 'bin/widget' });
    expect(withMod.needsPerson).toEqual([]);
    expect(generateMigration(withMod).exitCode).toBe(0);
    const without = await plan(text);
    expect(without.needsPerson.some((h) => h.message.includes('go.mod'))).toBe(true);
  });

  test('Rust: rustPlatform.buildRustPackage with features and the bin flag', async () => {
    const p = await plan(['FROM rust:1.80 AS builder', 'WORKDIR /usr/src/app', 'COPY . .', 'RUN cargo build --release --locked --bin api --features tls', 'FROM debian:bookworm-slim', 'COPY --from=builder /usr/src/app/target/release/api /usr/local/bin/api', 'CMD ["api"]'].join('\n'));
    expect(p.builders[0]).toMatchObject({ kind: 'rust', pname: 'api', outputs: [{ outPath: 'bin/api' }], rust: { cargoBuildFlags: ['--bin', 'api'], features: ['tls'] } });
    expect(p.config.cmd?.argv[0]).toEqual([{ ref: { kind: 'builder', id: 'builder' } }, '/bin/api']);
  });

  test('npm: buildNpmPackage from package.json, node_modules from its output', async () => {
    const p = await plan(
      ['FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'RUN npm run build', 'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules ./node_modules', 'COPY --from=deps /app/dist ./dist', 'CMD ["node", "dist/index.js"]'].join('\n'),
      { files: { 'package.json': '{"name":"@acme/web","version":"2.1.0"}', 'package-lock.json': '{}' } },
    );
    expect(p.builders[0]).toMatchObject({ kind: 'npm', pname: 'web', version: '2.1.0', npm: { buildScript: 'build', npmFlags: [] } });
    expect(copyTo(p, '/app/node_modules')?.from).toEqual({ kind: 'builder', builder: 'deps', outPath: 'lib/node_modules/@acme/web/node_modules' });
    expect(copyTo(p, '/app/dist')?.from).toEqual({ kind: 'builder', builder: 'deps', outPath: 'lib/node_modules/@acme/web/dist' });
  });

  test('npm ci in the final stage is an inline buildNpmPackage; package*.json copies are build inputs', async () => {
    const p = await plan(['FROM node:20-alpine', 'WORKDIR /usr/src/app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'COPY . .', 'CMD ["node", "server.js"]'].join('\n'), { files: { 'package.json': '{"name":"svc"}' } });
    expect(p.builders[0]).toMatchObject({ kind: 'npm', pname: 'svc', npm: { buildScript: null } });
    expect(copyTo(p, '/usr/src/app/node_modules')?.from).toEqual({ kind: 'builder', builder: 'svc', outPath: 'lib/node_modules/svc/node_modules' });
    expect(outcome(p, 3)).toBe('dropped-build-only');
    expect(outcome(p, 4)).toBe('replaced');
  });

  test('other builders: stdenv.mkDerivation with the stage commands and a review item', async () => {
    const p = await plan(['FROM gcc:13 AS build', 'COPY . /src', 'WORKDIR /src', 'RUN ./configure && make', 'FROM debian:bookworm-slim', 'COPY --from=build /src/out/tool /usr/bin/tool', 'CMD ["tool"]'].join('\n'));
    const b = p.builders[0];
    expect(b).toMatchObject({ kind: 'generic', src: '.', outputs: [{ stagePath: 'out/tool', outPath: 'out/tool' }] });
    expect(b?.generic?.buildCommands).toEqual(['./configure && make']);
    expect(p.needsPerson.some((h) => h.kind === 'review' && h.message.includes('stdenv.mkDerivation'))).toBe(true);
  });

  test('pip packages installed in a builder and copied as site-packages become the Python environment', async () => {
    const p = await plan(
      ['FROM python:3.12-slim AS builder', 'COPY requirements.txt .', 'RUN pip install --prefix=/install -r requirements.txt', 'FROM python:3.12-slim', 'COPY --from=builder /install /usr/local', 'COPY app.py .', 'CMD ["python", "app.py"]'].join('\n'),
      { files: { 'requirements.txt': 'requests==2.31.0\n', 'app.py': '' } },
    );
    expect(p.python?.packages).toEqual(['requests']);
    expect(p.builders).toEqual([]);
    expect(outcome(p, 5)).toBe('replaced');
    expect(needs(p)).toContain('cacert');
  });

  test('CA certificates and time zone data copied from a builder become helpers', async () => {
    const p = await plan(['FROM alpine:3.20 AS certs', 'RUN apk add --no-cache ca-certificates tzdata', 'FROM scratch', 'COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/', 'COPY --from=certs /usr/share/zoneinfo /usr/share/zoneinfo', 'COPY app /app', 'ENTRYPOINT ["/app"]'].join('\n'));
    expect(needs(p)).toEqual(['cacert', 'tzdata']);
    expect(outcome(p, 4)).toBe('replaced');
    expect(p.copies.map((c) => c.dest)).toEqual(['/app']);
  });
});

describe('--stage', () => {
  const text = ['FROM alpine:3.20 AS base', 'RUN apk add --no-cache bash', 'FROM base AS dev', 'RUN apk add --no-cache curl', 'CMD ["bash"]', 'FROM base AS prod', 'CMD ["sh"]'].join('\n');

  test('selects the target stage and its parents; default is the last stage', async () => {
    const dev = await plan(text, { stage: 'dev' });
    expect(dev.stages.map((s) => s.role)).toEqual(['final', 'final', 'unused']);
    expect(dev.config.cmd?.argv[0]).toEqual([{ ref: { kind: 'package', attr: 'bashInteractive' } }, '/bin/bash']);
    expect(outcome(dev, 6)).toBe('dropped-build-only');
    const prod = await plan(text);
    expect(prod.stages.map((s) => s.role)).toEqual(['final', 'unused', 'final']);
    const byIndex = await plan(text, { stage: '1' });
    expect(byIndex.stages[1]?.role).toBe('final');
  });

  test('an unknown stage is an input error naming the stages', async () => {
    await expect(plan(text, { stage: 'nope' })).rejects.toThrow(PlanError);
    await expect(plan(text, { stage: 'nope' })).rejects.toThrow(/stages: base, dev, prod/);
  });
});

describe('targets and names', () => {
  test('nix / --stream / nix2container / apko targets; name from the context directory', async () => {
    const text = 'FROM alpine:3.20\nCMD ["true"]\n';
    expect((await plan(text, { target: 'nix' })).target).toBe('buildLayeredImage');
    expect((await plan(text, { target: 'nix', stream: true })).target).toBe('streamLayeredImage');
    expect((await plan(text, { target: 'nix2container' })).target).toBe('nix2container');
    expect((await plan(text, { target: 'apko' })).target).toBe('apko');
    const named = await plan(text, { name: undefined, contextDir: '/work/My App', tag: 'v1' });
    expect(named.image).toEqual({ name: 'my-app', tag: 'v1' });
  });
});
