import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { allPlaceholders, validatePlan } from '../../src/migrate/common.js';
import { generateMigration } from '../../src/migrate/index.js';
import { emitDefaultNix, emitFlakeNix } from '../../src/migrate/nix/emit.js';
import { emitNix2ContainerNix } from '../../src/migrate/nix2container.js';
import { emptyPlan, type MigrationPlan, type MigrationTarget } from '../../src/migrate/plan.js';
import { goPlan, kitchenSinkPlan, seedPlan } from './fixtures.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compare with test/migrate/golden/<name>; UPDATE_GOLDEN=1 rewrites the file. */
function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

const TARGETS: MigrationTarget[] = ['buildLayeredImage', 'streamLayeredImage', 'nix2container', 'apko'];
const withTarget = (plan: MigrationPlan, target: MigrationTarget): MigrationPlan => ({ ...plan, target });

describe('golden files', () => {
  test('seed example (migration-examples) -> default.nix, flake.nix, migration-report.json', () => {
    const out = generateMigration(seedPlan());
    expect(out.files.map((f) => f.path)).toEqual(['default.nix', 'flake.nix', 'migration-report.json']);
    for (const f of out.files) expectGolden(`seed/${f.path}`, f.content);
    expectGolden('seed/report.txt', out.text);
  });

  test('go multi-stage -> default.nix (buildLayeredImage) and nix2container', () => {
    expectGolden('go/default.nix', emitDefaultNix(goPlan()));
    expectGolden('go/nix2container.nix', emitNix2ContainerNix(withTarget(goPlan(), 'nix2container')));
  });
});

describe('emitted Nix', () => {
  test('same plan, same bytes (all targets, all fixtures)', () => {
    for (const make of [seedPlan, goPlan, kitchenSinkPlan]) {
      for (const t of TARGETS) {
        const a = generateMigration(withTarget(make(), t));
        const b = generateMigration(withTarget(make(), t));
        expect(a.files).toEqual(b.files);
        expect(a.text).toBe(b.text);
      }
    }
  });

  test('streamLayeredImage only changes the builder', () => {
    const layered = emitDefaultNix(seedPlan());
    const stream = emitDefaultNix(withTarget(seedPlan(), 'streamLayeredImage'));
    expect(stream).toBe(layered.replace('dockerTools.buildLayeredImage', 'dockerTools.streamLayeredImage'));
  });

  test('never runAsRoot, never nodePackages', () => {
    for (const make of [seedPlan, goPlan, kitchenSinkPlan]) {
      for (const t of ['buildLayeredImage', 'streamLayeredImage', 'nix2container'] as const) {
        const text = generateMigration(withTarget(make(), t)).files.map((f) => f.content).join('\n');
        expect(text).not.toMatch(/runAsRoot\s*=/);
        expect(text).not.toMatch(/nodePackages/);
      }
    }
  });

  test('network hashes are lib.fakeHash with the placeholder id and fill command', () => {
    const plan = kitchenSinkPlan();
    const nix = emitDefaultNix(plan);
    const ph = allPlaceholders(plan);
    for (const p of ph.filter((x) => (x.kind === 'deps-hash' || x.kind === 'source-hash') && x.what !== 'nginx version')) {
      expect(nix).toContain(`pkgs.lib.fakeHash; # ${p.id}: fill with: ${p.fill}`);
    }
    expect(ph.map((p) => p.id)).toEqual(ph.map((_, i) => `P${String(i + 1).padStart(3, '0')}`));
    // the plan's own placeholder keeps its text but gets the next id
    expect(ph.at(-1)).toMatchObject({ what: 'nginx version', id: `P${String(ph.length).padStart(3, '0')}` });
    // a known hash is used as is
    expect(nix).toContain('cargoHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";');
  });

  test('implicit base-image needs become explicit helpers, each with its reason', () => {
    const nix = emitDefaultNix(kitchenSinkPlan());
    expect(nix).toContain('pkgs.dockerTools.caCertificates # the server calls HTTPS endpoints');
    expect(nix).toContain('pkgs.dockerTools.binSh # CMD and HEALTHCHECK use shell form');
    expect(nix).toContain('pkgs.dockerTools.usrBinEnv # scripts start with #!/usr/bin/env');
    expect(nix).toContain('pkgs.iana-etc # the server resolves service names');
    expect(nix).toContain('mkdir -p ./tmp\n    chmod 1777 ./tmp');
    expect(nix).toContain('nss = pkgs.dockerTools.fakeNss.override {');
    expect(nix).toContain('"app:x:10001:10001::/home/app:/sbin/nologin"');
    expect(nix).toContain('"TZDIR=${pkgs.tzdata}/share/zoneinfo"');
    // nothing is added when nothing needs it
    const seed = emitDefaultNix(seedPlan());
    expect(seed).not.toMatch(/binSh|caCertificates|fakeNss|fakeRootCommands/);
  });

  test('config: every field, durations in nanoseconds, comments point at Dockerfile lines', () => {
    const nix = emitDefaultNix(kitchenSinkPlan());
    for (const key of ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Healthcheck', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'Shell']) {
      expect(nix).toMatch(new RegExp(`\\n    ${key} = `));
    }
    expect(nix).toContain('Interval = 10000000000;');
    expect(nix).toContain('"5353/udp" = { }; # Dockerfile:12 EXPOSE 5353/udp');
    expect(nix).toContain('"with space" = "x"; # Dockerfile:17 LABEL');
    expect(nix).toContain('Entrypoint = [ "${server}/bin/server" ];');
    expect(nix).toContain("\"GREETING=say \\\"hi\\\" to \\${USER}\\\\n and $HOME; it''s fine\"");
  });

  test('untranslatable instructions stay visible as comments, verbatim', () => {
    const nix = emitDefaultNix(kitchenSinkPlan());
    expect(nix).toContain('#   Dockerfile:30-31: downloads and runs a script; no declarative equivalent\n#     RUN curl -fsSL https://get.example.org | sh \\\n#      && echo "done ${x}"');
  });

  test('unmapped and build-only packages never reach the image', () => {
    const nix = emitDefaultNix(kitchenSinkPlan());
    expect(nix).not.toContain('frobnicator');
    expect(nix).not.toMatch(/pkgs\.gcc\b/);
  });

  test('awkward context paths use builtins.path with a valid store name', () => {
    const nix = emitDefaultNix(kitchenSinkPlan());
    expect(nix).toContain('cp ${builtins.path {');
    expect(nix).toContain('name = "my-file.txt";');
    expect(nix).toContain('name = "server-src";');
  });

  test('flake.nix wraps default.nix; nix2container gets its input', () => {
    expect(emitFlakeNix(seedPlan())).toContain('default = import ./default.nix { inherit pkgs; };');
    const n2c = emitFlakeNix(withTarget(goPlan(), 'nix2container'));
    expect(n2c).toContain('inputs.nix2container.url = "github:nlewo/nix2container";');
    expect(n2c).toContain('nix2container = nix2container.packages.${system}.nix2container;');
  });

  test('nix2container: no Healthcheck or Shell in config; deps in their own layer; perms with numeric ids', () => {
    const nix = emitNix2ContainerNix(withTarget(kitchenSinkPlan(), 'nix2container'));
    expect(nix).not.toMatch(/\n\s+Healthcheck = /);
    expect(nix).not.toMatch(/\n\s+Shell = /);
    expect(nix).toContain('nix2container.buildLayer {');
    expect(nix).toMatch(/regex = "\/srv\/data";\s+mode = "0750";\s+uid = 10001;\s+gid = 10001;/);
    expect(nix).toContain('# Not expressible with nix2container:');
  });

  test('pullImage base keeps fromImage with digest and hash placeholders', () => {
    const plan = seedPlan();
    plan.base = { kind: 'pullImage', image: { ref: 'alpine:3.5', name: 'alpine', tag: '3.5', digest: null, line: 1 }, finalImageTag: '3.5', hash: null };
    const nix = emitDefaultNix(plan);
    expect(nix).toContain('fromImage = baseImage;');
    expect(nix).toMatch(/imageDigest = "IMAGE_DIGEST"; # P\d{3}: fill with: skopeo inspect/);
    expect(nix).toMatch(/hash = pkgs\.lib\.fakeHash; # P\d{3}: fill with: nix-prefetch-docker --image-name alpine --image-tag 3\.5/);
  });
});

describe('plan validation', () => {
  test('valid fixtures have no errors', () => {
    for (const make of [seedPlan, goPlan, kitchenSinkPlan]) expect(validatePlan(make())).toEqual([]);
  });

  test('bad plans are rejected before emitting', () => {
    const plan = emptyPlan('App');
    plan.builders.push({ ...goPlan().builders[0]!, id: 'rootfs' });
    plan.copies.push({ line: 3, from: { kind: 'builder', builder: 'missing', outPath: 'x' }, dest: 'relative', placement: 'store' });
    plan.config.cmd = { line: 4, form: 'exec', argv: [[{ ref: { kind: 'python-env' } }]], program: null };
    plan.instructions.push(
      { line: 5, instruction: 'RUN', text: 'x', outcome: 'translated', nix: null, reason: '', findings: [] },
      { line: 5, instruction: 'RUN', text: 'y', outcome: 'translated', nix: null, reason: '', findings: [] },
    );
    const errors = validatePlan(plan).join('\n');
    expect(errors).toMatch(/builder id rootfs is reserved/);
    expect(errors).toMatch(/unknown builder missing/);
    expect(errors).toMatch(/not absolute/);
    expect(errors).toMatch(/python env referenced/);
    expect(errors).toMatch(/unique ascending lines/);
    expect(errors).toMatch(/lower-case/);
    expect(() => emitDefaultNix(plan)).toThrow(/invalid migration plan/);
  });

  test('emitters refuse the wrong target', () => {
    expect(() => emitDefaultNix(withTarget(seedPlan(), 'apko'))).toThrow(/not a dockerTools target/);
    expect(() => emitNix2ContainerNix(seedPlan())).toThrow(/target is buildLayeredImage/);
  });
});
