import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { generateMigration } from '../../src/migrate/index.js';
import type { MigrationPlan, MigrationTarget } from '../../src/migrate/plan.js';
import { EXIT_NEEDS_PERSON, REPORT_SCHEMA_VERSION, buildMigrationReport, formatTextReport, migrationExitCode } from '../../src/migrate/report.js';
import { goPlan, kitchenSinkPlan, seedPlan } from './fixtures.js';

const SCHEMA = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/migration-report.schema.json'), 'utf8'),
) as Record<string, unknown>;
// ajv's CommonJS default export under NodeNext typing
const AjvCtor = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
const validate = new AjvCtor({ allErrors: true, strict: true }).compile(SCHEMA);
const TARGETS: MigrationTarget[] = ['buildLayeredImage', 'streamLayeredImage', 'nix2container', 'apko'];

describe('migration-report.json', () => {
  test('matches the versioned schema for every fixture and target', () => {
    expect(SCHEMA['properties']).toMatchObject({ schemaVersion: { const: REPORT_SCHEMA_VERSION } });
    for (const make of [seedPlan, goPlan, kitchenSinkPlan]) {
      for (const target of TARGETS) {
        const out = generateMigration({ ...make(), target });
        const json = JSON.parse(out.files.find((f) => f.path === 'migration-report.json')!.content) as unknown;
        const ok = validate(json);
        expect(validate.errors ?? [], `${make().image.name}/${target}`).toEqual([]);
        expect(ok).toBe(true);
      }
    }
  });

  test('every instruction has an outcome; summary counts add up', () => {
    const r = buildMigrationReport(kitchenSinkPlan());
    const s = r.summary;
    expect(s.translated + s.replaced + s.droppedBuildOnly + s.untranslatable).toBe(s.instructions);
    expect(r.instructions.map((i) => i.line)).toEqual([...r.instructions.map((i) => i.line)].sort((a, b) => a - b));
    expect(s.packages.total).toBe(r.packages.length);
    expect(s.findings.error + s.findings.warning + s.findings.info + s.findings.style).toBe(r.findings.length);
  });

  test('the three problem classes are reported with their resolution', () => {
    const r = buildMigrationReport(goPlan());
    expect(r.problemClasses.unpinnedVersion.map((p) => p.what)).toEqual([
      'FROM golang:1.22: mutable tag, no digest',
      'FROM debian:bookworm-slim: mutable tag, no digest',
      'apt ca-certificates: no exact version',
      'apt curl: no exact version',
    ]);
    expect(r.problemClasses.unpinnedVersion[0]!.resolution).toMatch(/build toolchain comes from nixpkgs/);
    expect(r.problemClasses.buildOnlyArtifact).toEqual([
      { line: 1, file: null, what: 'builder stage build: toolchain and sources', resolution: 'derivation server; only bin/server reaches the image' },
    ]);
    expect(r.problemClasses.implicitDependency.map((p) => p.resolution)).toEqual([
      'added explicitly: pkgs.dockerTools.caCertificates (/etc/ssl/certs)',
      'added explicitly: pkgs.dockerTools.fakeNss (/etc/passwd, /etc/group)',
      'added explicitly: fakeRootCommands: mkdir -p ./tmp; chmod 1777 ./tmp',
    ]);
  });

  test('packages carry manager, version, attribute, role and how it was decided', () => {
    const r = buildMigrationReport(seedPlan());
    expect(r.packages[2]).toEqual({
      manager: 'pip',
      name: 'Flask',
      version: '==0.10.1',
      file: 'requirements.txt',
      line: 1,
      nixAttr: 'python3Packages.flask',
      role: 'runtime',
      status: 'mapped',
      decision: { method: 'table', confidence: 'high', verified: 'pkgs/development/python-modules/flask/default.nix', note: null },
      versionMatch: 'no',
      helper: null,
    });
  });

  test('placeholders are listed with the command that fills them', () => {
    const r = buildMigrationReport(goPlan());
    expect(r.placeholders.map((p) => [p.id, p.what, p.kind])).toEqual([
      ['P001', 'NIXPKGS_REV', 'nixpkgs-rev'],
      ['P002', 'NIXPKGS_SHA256', 'nixpkgs-sha256'],
      ['P003', 'NIXOS_RELEASE', 'nixos-release'],
      ['P004', 'server.vendorHash', 'deps-hash'],
    ]);
    const pinned = goPlan();
    pinned.nixpkgs = { channel: 'nixos-25.05', rev: 'a'.repeat(40), sha256: '0'.repeat(52) };
    pinned.builders[0]!.depsHash = 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const r2 = buildMigrationReport(pinned);
    expect(r2.placeholders).toEqual([]);
    expect(r2.output.nixpkgs).toMatchObject({ status: 'pinned' });
  });
});

describe('items needing a person and the exit code', () => {
  test('a clean plan exits 0', () => {
    const plan = goPlan();
    expect(buildMigrationReport(plan).needsPerson).toEqual([]);
    expect(generateMigration(plan).exitCode).toBe(0);
  });

  test('untranslatable instructions, unmapped packages and confirmations need a person (exit 3)', () => {
    const r = buildMigrationReport(kitchenSinkPlan());
    expect(r.exitCode).toBe(EXIT_NEEDS_PERSON);
    expect(migrationExitCode(r)).toBe(3);
    const kinds = r.needsPerson.map((h) => h.kind);
    expect(kinds).toContain('untranslatable');
    expect(kinds).toContain('unmapped-package');
    expect(r.needsPerson.find((h) => h.kind === 'unmapped-package')?.message).toMatch(/frobnicator/);
    // the plan's own item is not duplicated for the same line
    expect(r.needsPerson.filter((h) => h.kind === 'untranslatable')).toHaveLength(1);
    expect(new Set(r.needsPerson.map((h) => h.id)).size).toBe(r.needsPerson.length);
  });

  test('an untranslatable instruction without a plan item gets one', () => {
    const plan = goPlan();
    plan.instructions.push({ line: 20, instruction: 'ONBUILD', text: 'ONBUILD RUN make', outcome: 'untranslatable', nix: null, reason: 'ONBUILD has no meaning for the final image', findings: [] });
    const r = buildMigrationReport(plan);
    expect(r.needsPerson).toEqual([{ id: 'H001', kind: 'untranslatable', line: 20, message: 'ONBUILD at Dockerfile:20 was not translated: ONBUILD has no meaning for the final image' }]);
    expect(r.exitCode).toBe(3);
  });

  test('target limitations: healthcheck with nix2container is an error that needs a person', () => {
    const r = buildMigrationReport({ ...goPlan(), target: 'nix2container' });
    const f = r.findings.find((x) => x.rule === 'healthcheck-unsupported');
    expect(f).toMatchObject({ severity: 'error', source: 'target', line: 13 });
    expect(r.needsPerson).toEqual([expect.objectContaining({ kind: 'target-limitation', finding: f!.id })]);
    expect(r.exitCode).toBe(3);
    expect(buildMigrationReport(goPlan()).findings.some((x) => x.source === 'target')).toBe(false);
  });
});

describe('text report', () => {
  test('lists outcomes, packages, problem classes, placeholders and what needs a person', () => {
    const text = formatTextReport(buildMigrationReport(kitchenSinkPlan()));
    expect(text).toMatch(/^Migration of Dockerfile -> nixpkgs\.dockerTools\.buildLayeredImage/);
    expect(text).toContain('Dockerfile:30  untranslatable');
    expect(text).toContain('Unpinned versions -> pinned');
    expect(text).toContain('Build-only artifacts -> no longer shipped');
    expect(text).toContain('Implicit base-image dependencies -> explicit');
    expect(text).toContain('Placeholders to fill (');
    expect(text).toMatch(/Needs a person \(\d+\) -> exit code 3/);
    expect(formatTextReport(buildMigrationReport(goPlan()))).toContain('Nothing needs a person');
  });
});

export type { MigrationPlan };
