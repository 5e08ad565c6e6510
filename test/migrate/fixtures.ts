/**
 * Hand-built MigrationPlans for the emitter tests.
 *
 * - seedPlan: the worked example in shared/research/migration-examples (Python on Alpine).
 * - goPlan: a Go multi-stage build with a non-root user, CA certs and a healthcheck.
 * - kitchenSinkPlan: every plan feature at once, with text that stresses the escaping.
 */
import { emptyPlan, type MigrationPlan, type PackagePlan } from '../../src/migrate/plan.js';

const pip = (name: string, attr: string, version: string | null, line: number): PackagePlan => ({
  manager: 'pip',
  name,
  version,
  line,
  file: 'requirements.txt',
  nixAttr: attr,
  role: 'runtime',
  decision: { method: 'table', confidence: 'high', verified: `pkgs/development/python-modules/${attr.split('.')[1]}/default.nix` },
  status: 'mapped',
  versionMatch: 'no',
});

export function seedPlan(): MigrationPlan {
  const plan = emptyPlan('app');
  plan.source.contextFilesRead = ['requirements.txt'];
  const alpine = { ref: 'alpine:3.5', name: 'alpine', tag: '3.5', digest: null, line: 1 };
  plan.base = { kind: 'scratch', replaced: alpine };
  plan.stages = [{ index: 0, name: null, from: alpine, role: 'final' }];
  plan.packages = [
    {
      manager: 'apk',
      name: 'py2-pip',
      version: null,
      line: 2,
      nixAttr: null,
      role: 'build-only',
      decision: { method: 'rule:installer', confidence: 'high', note: 'installer: Python packages come from python3.withPackages' },
      status: 'not-needed',
    },
    {
      manager: 'apk',
      name: 'python2',
      version: null,
      line: 2,
      nixAttr: 'python3',
      role: 'runtime',
      decision: { method: 'rule:eol-upgrade', confidence: 'medium', note: 'py2-pip depends on python2 (end of life); mapped to Python 3' },
      status: 'needs-confirmation',
    },
    pip('Flask', 'python3Packages.flask', '==0.10.1', 1),
  ];
  plan.python = { interpreter: 'python3', packages: ['flask'], line: 4 };
  plan.copies = [
    { line: 5, from: { kind: 'context', path: 'app.py', isDirectory: false }, dest: '/usr/src/app/app.py', placement: 'store' },
    {
      line: 6,
      from: { kind: 'context', path: 'templates/index.html', isDirectory: false },
      dest: '/usr/src/app/templates/index.html',
      placement: 'store',
    },
  ];
  plan.config.ports = [{ port: 5000, protocol: 'tcp', line: 7 }];
  plan.config.cmd = {
    line: 8,
    form: 'exec',
    argv: [[{ ref: { kind: 'python-env' } }, '/bin/python'], ['/usr/src/app/app.py']],
    program: { name: 'python', resolved: true },
  };
  plan.instructions = [
    { line: 1, instruction: 'FROM', text: 'FROM alpine:3.5', outcome: 'replaced', nix: 'nixpkgs pin (default.nix: pkgs argument)', reason: 'the base image is replaced by one pinned nixpkgs revision', findings: ['F001', 'F005'] },
    { line: 2, instruction: 'RUN', text: 'RUN apk add --update py2-pip', outcome: 'translated', nix: 'pkgs.python3 (interpreter only)', reason: 'pip is build-only; the interpreter comes with pythonEnv', findings: ['F002'] },
    { line: 3, instruction: 'COPY', text: 'COPY requirements.txt /usr/src/app/', outcome: 'dropped-build-only', nix: null, reason: 'requirements.txt is only an input to pip', findings: ['F003'] },
    { line: 4, instruction: 'RUN', text: 'RUN pip install --no-cache-dir -r /usr/src/app/requirements.txt', outcome: 'translated', nix: 'python3.withPackages (ps: [ ps.flask ])', reason: 'pip packages come from nixpkgs', findings: ['F004'] },
    { line: 5, instruction: 'COPY', text: 'COPY app.py /usr/src/app/', outcome: 'translated', nix: 'rootfs (runCommand)', reason: 'copied into the rootfs derivation', findings: [] },
    { line: 6, instruction: 'COPY', text: 'COPY templates/index.html /usr/src/app/templates/', outcome: 'translated', nix: 'rootfs (runCommand)', reason: 'copied into the rootfs derivation', findings: [] },
    { line: 7, instruction: 'EXPOSE', text: 'EXPOSE 5000', outcome: 'translated', nix: 'config.ExposedPorts."5000/tcp"', reason: 'image config', findings: [] },
    { line: 8, instruction: 'CMD', text: 'CMD ["python", "/usr/src/app/app.py"]', outcome: 'translated', nix: 'config.Cmd with the interpreter store path', reason: 'exec form; python resolved to pythonEnv', findings: ['F006'] },
  ];
  plan.findings = [
    { id: 'F001', rule: 'base-image-unpinned', severity: 'warning', category: 'unpinned-version', line: 1, message: 'Base image referenced by mutable tag `alpine:3.5`, not by digest.', resolution: 'Base image removed; the userland is fixed by one nixpkgs revision.', status: 'resolved-with-placeholder' },
    { id: 'F002', rule: 'eol-runtime', severity: 'warning', category: 'correctness', line: 2, message: '`py2-pip` implies Python 2 (end of life); the image uses Python 3.', status: 'needs-confirmation' },
    { id: 'F003', rule: 'build-artifact-in-final-image', severity: 'info', category: 'build-only-artifact', line: 3, message: 'requirements.txt is only an input to pip; it is not copied into the image.', resolution: 'Dropped.', status: 'resolved' },
    { id: 'F004', rule: 'version-drift', severity: 'warning', category: 'unpinned-version', line: 1, file: 'requirements.txt', message: 'Flask==0.10.1 requested; nixpkgs ships one (newer) Flask.', status: 'needs-confirmation' },
    { id: 'F005', rule: 'implicit-base-dependency', severity: 'info', category: 'implicit-dependency', line: 1, message: 'alpine provided /bin/sh, /tmp, /etc/passwd and CA certificates; CMD is exec form, so none is needed.', status: 'resolved' },
    { id: 'F006', rule: 'runs-as-root', severity: 'warning', category: 'security', line: 8, message: 'No USER instruction; the container runs as root (unchanged).', status: 'unchanged' },
  ];
  plan.needsPerson = [
    { id: 'H001', kind: 'confirm-choice', line: 2, message: 'Python 2 was replaced by Python 3; check that app.py runs on Python 3.', finding: 'F002' },
    { id: 'H002', kind: 'confirm-choice', line: 4, message: 'Flask 0.10.1 becomes the nixpkgs version; accept it or pin via a lockfile tool.', finding: 'F004' },
  ];
  return plan;
}

export function goPlan(): MigrationPlan {
  const plan = emptyPlan('server');
  plan.image.tag = '1.0';
  const golang = { ref: 'golang:1.22', name: 'golang', tag: '1.22', digest: null, line: 1 };
  const debian = { ref: 'debian:bookworm-slim', name: 'debian', tag: 'bookworm-slim', digest: null, line: 7 };
  plan.base = { kind: 'scratch', replaced: debian };
  plan.stages = [
    { index: 0, name: 'build', from: golang, role: 'builder', builder: 'server' },
    { index: 1, name: null, from: debian, role: 'final' },
  ];
  plan.builders = [
    {
      id: 'server',
      kind: 'go',
      stage: { index: 0, name: 'build', line: 1 },
      pname: 'server',
      version: '0.0.0',
      src: '.',
      depsHash: null,
      nativeBuildInputs: [],
      buildInputs: [],
      outputs: [{ stagePath: '/out/server', outPath: 'bin/server' }],
      go: { subPackages: ['cmd/server'], ldflags: ['-s', '-w'], cgo: false, tags: [] },
    },
  ];
  plan.packages = [
    { manager: 'apt', name: 'ca-certificates', version: null, line: 8, nixAttr: 'cacert', role: 'runtime', decision: { method: 'table', confidence: 'high', verified: 'pkgs/by-name/ca/cacert/package.nix' }, status: 'mapped', helper: 'cacert' },
    { manager: 'apt', name: 'curl', version: null, line: 8, nixAttr: 'curl', role: 'runtime', decision: { method: 'user', confidence: 'high', verified: 'pkgs/by-name/cu/curl/package.nix', note: 'HEALTHCHECK calls curl' }, status: 'mapped' },
  ];
  plan.copies = [{ line: 9, from: { kind: 'builder', builder: 'server', outPath: 'bin/server' }, dest: '/usr/local/bin/server', placement: 'store' }];
  plan.config.accounts = [{ name: 'app', uid: 10001, gid: 10001, group: 'app', home: '/home/app', shell: '/sbin/nologin' }];
  plan.config.user = { spec: 'app', line: 11 };
  plan.config.workdir = { path: '/srv', line: 10, create: true };
  plan.config.ports = [{ port: 8080, protocol: 'tcp', line: 12 }];
  plan.config.entrypoint = {
    line: 14,
    form: 'exec',
    argv: [[{ ref: { kind: 'builder', id: 'server' } }, '/bin/server']],
    program: { name: '/usr/local/bin/server', resolved: true },
  };
  plan.config.healthcheck = {
    line: 13,
    test: [['CMD'], [{ ref: { kind: 'package', attr: 'curl' } }, '/bin/curl'], ['-fsS'], ['http://localhost:8080/healthz']],
    intervalNs: 30_000_000_000,
    timeoutNs: 5_000_000_000,
    retries: 3,
  };
  plan.implicitNeeds = [
    { kind: 'cacert', reason: 'the server calls HTTPS endpoints; debian:bookworm-slim shipped CA certificates', lines: [8] },
    { kind: 'fakeNss', reason: 'USER app needs /etc/passwd and /etc/group', lines: [11] },
    { kind: 'tmp', reason: 'Go writes temporary files to /tmp, which debian provided', lines: [14] },
  ];
  plan.instructions = [
    { line: 1, instruction: 'FROM', text: 'FROM golang:1.22 AS build', outcome: 'replaced', nix: 'pkgs.buildGoModule', reason: 'builder stage becomes a derivation', findings: [] },
    { line: 3, instruction: 'COPY', text: 'COPY . .', outcome: 'replaced', nix: 'server.src = ./.', reason: 'source of the derivation', findings: [] },
    { line: 4, instruction: 'RUN', text: 'RUN go mod download', outcome: 'replaced', nix: 'server.vendorHash', reason: 'dependencies are a fixed-output derivation', findings: [] },
    { line: 5, instruction: 'RUN', text: 'RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/server ./cmd/server', outcome: 'replaced', nix: 'server (buildGoModule)', reason: 'go build becomes buildGoModule', findings: [] },
    { line: 7, instruction: 'FROM', text: 'FROM debian:bookworm-slim', outcome: 'replaced', nix: 'nixpkgs pin', reason: 'no base image', findings: [] },
    { line: 8, instruction: 'RUN', text: 'RUN apt-get update && apt-get install -y ca-certificates curl && rm -rf /var/lib/apt/lists/*', outcome: 'translated', nix: 'contents: caCertificates, curl', reason: 'packages mapped', findings: [] },
    { line: 9, instruction: 'COPY', text: 'COPY --from=build /out/server /usr/local/bin/server', outcome: 'translated', nix: 'rootfs: link to ${server}/bin/server', reason: 'builder output', findings: [] },
    { line: 10, instruction: 'WORKDIR', text: 'WORKDIR /srv', outcome: 'translated', nix: 'config.WorkingDir + mkdir', reason: 'image config', findings: [] },
    { line: 11, instruction: 'USER', text: 'USER app', outcome: 'translated', nix: 'config.User + fakeNss', reason: 'image config', findings: [] },
    { line: 12, instruction: 'EXPOSE', text: 'EXPOSE 8080', outcome: 'translated', nix: 'config.ExposedPorts', reason: 'image config', findings: [] },
    { line: 13, instruction: 'HEALTHCHECK', text: 'HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["curl", "-fsS", "http://localhost:8080/healthz"]', outcome: 'translated', nix: 'config.Healthcheck', reason: 'image config', findings: [] },
    { line: 14, instruction: 'ENTRYPOINT', text: 'ENTRYPOINT ["/usr/local/bin/server"]', outcome: 'translated', nix: 'config.Entrypoint', reason: 'exec form with store path', findings: [] },
  ];
  return plan;
}

/** Every feature at once; strings contain `${`, quotes, backslashes, `''` and newlines. */
export function kitchenSinkPlan(): MigrationPlan {
  const plan = goPlan();
  plan.image = { name: 'kitchen-sink', tag: 'v1' };
  plan.nixpkgs = { channel: 'nixos-25.05', rev: null, sha256: null };
  plan.source.contextFilesRead = ['requirements.txt', 'package-lock.json'];
  plan.builders.push(
    { id: 'web', kind: 'npm', stage: { index: 2, name: 'web', line: 20 }, pname: 'web', version: '1.2.3', src: 'web', depsHash: null, nativeBuildInputs: [], buildInputs: [], outputs: [{ stagePath: '/web/dist', outPath: 'lib/node_modules/web/dist' }], npm: { buildScript: 'build', npmFlags: ['--legacy-peer-deps'] } },
    { id: 'tool', kind: 'rust', stage: { index: 3, name: 'tool', line: 24 }, pname: 'tool', version: '0.1.0', src: 'tool', depsHash: 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', nativeBuildInputs: ['pkg-config'], buildInputs: ['openssl'], outputs: [{ stagePath: '/tool/target/release/tool', outPath: 'bin/tool' }], rust: { cargoBuildFlags: ['--locked'], features: ['tls'] } },
    { id: 'legacy', kind: 'generic', stage: { index: 4, name: 'legacy', line: 28 }, pname: 'legacy', version: '2.0', src: 'legacy dir', depsHash: null, nativeBuildInputs: ['autoconf'], buildInputs: ['zlib'], outputs: [{ stagePath: '/src/legacy/out/legacy bin', outPath: 'bin/legacy' }], generic: { buildCommands: ["./configure --prefix=$out CFLAGS='-O2'", 'make -j"$NIX_BUILD_CORES"', "echo '${HOME}' ''quoted''"], installCommands: ['make install'] } },
    { id: 'api', kind: 'python', stage: { index: 5, name: 'api', line: 32 }, pname: 'api', version: '0.3.0', src: 'api', depsHash: null, nativeBuildInputs: [], buildInputs: [], outputs: [{ stagePath: '/api', outPath: 'bin/api' }], python: { dependencies: ['flask', 'gunicorn'], buildSystem: ['setuptools'] } },
  );
  plan.stages.push(
    { index: 2, name: 'web', from: { ref: 'node:20', name: 'node', tag: '20', digest: null, line: 20 }, role: 'builder', builder: 'web' },
    { index: 3, name: 'tool', from: { ref: 'rust:1', name: 'rust', tag: '1', digest: null, line: 24 }, role: 'builder', builder: 'tool' },
    { index: 4, name: 'legacy', from: { ref: 'gcc:13', name: 'gcc', tag: '13', digest: null, line: 28 }, role: 'builder', builder: 'legacy' },
    { index: 5, name: 'api', from: { ref: 'python:3.12', name: 'python', tag: '3.12', digest: null, line: 32 }, role: 'builder', builder: 'api' },
  );
  plan.packages.push(
    { manager: 'apt', name: 'tzdata', version: '=2024a-1', line: 8, nixAttr: 'tzdata', role: 'runtime', decision: { method: 'table', confidence: 'high', verified: 'pkgs/by-name/tz/tzdata/package.nix' }, status: 'mapped', helper: 'tzdata', versionMatch: 'unknown' },
    { manager: 'apt', name: 'locales', version: null, line: 8, nixAttr: 'glibcLocales', role: 'runtime', decision: { method: 'table', confidence: 'high', verified: 'pkgs/top-level/all-packages.nix' }, status: 'mapped' },
    { manager: 'apt', name: 'netcat-openbsd', version: null, line: 8, nixAttr: 'netcat-openbsd', role: 'runtime', decision: { method: 'table', confidence: 'high', verified: 'pkgs/by-name/ne/netcat-openbsd/package.nix' }, status: 'mapped' },
    { manager: 'apt', name: 'gcc', version: null, line: 8, nixAttr: null, role: 'build-only', decision: { method: 'table', confidence: 'high' }, status: 'not-needed' },
    { manager: 'apt', name: 'frobnicator', version: null, line: 8, nixAttr: null, role: 'runtime', decision: { method: 'unknown', confidence: 'low' }, status: 'unmapped' },
    { manager: 'pip', name: 'requests', version: null, line: 2, file: 'requirements.txt', nixAttr: 'python3Packages.requests', role: 'runtime', decision: { method: 'table', confidence: 'high' }, status: 'mapped' },
  );
  plan.python = { interpreter: 'python3', packages: ['requests'], line: 16 };
  plan.copies.push(
    { line: 15, from: { kind: 'context', path: 'conf', isDirectory: true }, dest: '/etc/app/conf', placement: 'store' },
    { line: 15, from: { kind: 'context', path: 'my file.txt', isDirectory: false }, dest: '/srv/my file.txt', placement: 'store' },
    { line: 17, from: { kind: 'context', path: 'data', isDirectory: true }, dest: '/srv/data', placement: 'layer', owner: 'app:app', mode: '0750' },
    { line: 18, from: { kind: 'url', url: 'https://example.org/tool-1.0.tar.gz', hash: null, name: 'tool-1.0.tar.gz' }, dest: '/opt/tool-1.0.tar.gz', placement: 'store' },
    { line: 21, from: { kind: 'builder', builder: 'web', outPath: 'lib/node_modules/web/dist' }, dest: '/srv/www', placement: 'store' },
    { line: 25, from: { kind: 'builder', builder: 'tool', outPath: 'bin/tool' }, dest: '/usr/local/bin/tool', placement: 'store' },
    { line: 29, from: { kind: 'builder', builder: 'legacy', outPath: 'bin/legacy' }, dest: '/usr/local/bin/legacy', placement: 'store' },
    { line: 33, from: { kind: 'package', attr: 'nginx', path: 'conf/mime.types' }, dest: '/etc/mime.types', placement: 'store' },
  );
  plan.rootfsOps = [
    { op: 'mkdir', path: '/var/cache/app', mode: '0700', owner: '10001:10001', line: 19, reason: 'RUN mkdir' },
    { op: 'chown', path: '/srv', owner: 'app:app', recursive: true, line: 19, reason: 'RUN chown' },
    { op: 'chmod', path: '/srv/run.sh', mode: '0755', recursive: false, line: 19, reason: 'RUN chmod' },
    { op: 'symlink', target: '/usr/local/bin/server', path: '/usr/bin/server', line: 19, reason: 'RUN ln -s' },
  ];
  plan.config.env = [
    { name: 'PATH', value: [{ ref: { kind: 'builder', id: 'server' } }, '/bin:/usr/local/bin:/usr/bin:/bin'], line: 13 },
    { name: 'GREETING', value: ['say "hi" to ${USER}\\n and $HOME; it\'\'s fine'], line: 13 },
    { name: 'PYTHONPATH', value: [{ ref: { kind: 'python-env' } }, '/lib'], line: 13 },
  ];
  plan.config.cmd = { line: 15, form: 'shell', argv: [['/bin/sh'], ['-c'], ['exec server --listen ":8080" --motd \'${MOTD}\'']], program: null };
  plan.config.volumes = [{ path: '/srv/data', line: 16 }, { path: '/var/cache/app', line: 16 }];
  plan.config.labels = [
    { key: 'org.opencontainers.image.source', value: 'https://example.org/repo', line: 17 },
    { key: 'maintainer', value: 'Jane "JD" Doe <jd@example.org>', line: 17 },
    { key: 'with space', value: 'x', line: 17 },
  ];
  plan.config.stopSignal = { signal: 'SIGINT', line: 18 };
  plan.config.shell = { argv: ['/bin/bash', '-o', 'pipefail', '-c'], line: 18 };
  plan.config.ports.push({ port: 5353, protocol: 'udp', line: 12 });
  plan.config.healthcheck = { line: 13, test: [['CMD-SHELL'], ['nc -z localhost 8080 || exit 1']], intervalNs: 10_000_000_000, timeoutNs: 3_000_000_000, startPeriodNs: 5_000_000_000, startIntervalNs: 1_000_000_000, retries: 5 };
  plan.implicitNeeds.push(
    { kind: 'binSh', reason: 'CMD and HEALTHCHECK use shell form', lines: [13, 15] },
    { kind: 'usrBinEnv', reason: 'scripts start with #!/usr/bin/env', lines: [19] },
    { kind: 'ianaEtc', reason: 'the server resolves service names', lines: [14] },
  );
  plan.instructions.push(
    { line: 30, endLine: 31, instruction: 'RUN', text: 'RUN curl -fsSL https://get.example.org | sh \\\n && echo "done ${x}"', outcome: 'untranslatable', nix: null, reason: 'downloads and runs a script; no declarative equivalent', findings: ['F101'] },
  );
  plan.findings.push({ id: 'F101', rule: 'untranslatable', severity: 'warning', category: 'correctness', line: 30, message: 'curl | sh cannot be translated.', status: 'needs-review' });
  plan.needsPerson.push({ id: 'H101', kind: 'untranslatable', line: 30, message: 'Package what get.example.org installs as a derivation, or drop it.', finding: 'F101' });
  plan.placeholders.push({ id: 'P900', file: 'default.nix', what: 'nginx version', kind: 'source-hash', fill: 'check that pkgs.nginx ships conf/mime.types' });
  return plan;
}
