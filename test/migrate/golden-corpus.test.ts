/**
 * Golden tests of the whole migration (Dockerfile -> plan -> files) for the seed example and
 * real Dockerfiles from the project corpus, copied into fixtures/migrate/<name>/ with their
 * SOURCE.md. Expected output: fixtures/migrate/<name>/default.nix and migration-report.json
 * (`UPDATE_GOLDEN=1` rewrites them). Every default.nix must parse and evaluate against the
 * nixpkgs stand-in in test/migrate/nix-stub.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateMigration } from '../../src/migrate/index.js';
import { planDockerfileText } from '../../src/migrate/from-model.js';
import type { MigrationPlan } from '../../src/migrate/plan.js';
import { HAVE_NIX, NIX_MISSING_MESSAGE, NIX_REQUIRED, warnIfSkipped } from './nix-helpers.js';
import { MIGRATE_FIXTURES, dirContext, evalMany, materializeInto, packageMap, parseMany, shellParser, tempDir } from './plan-helpers.js';

if (!HAVE_NIX && NIX_REQUIRED) {
  test('nix-instantiate is required when CI=true', () => {
    throw new Error(NIX_MISSING_MESSAGE);
  });
}

const FIXTURES = fs
  .readdirSync(MIGRATE_FIXTURES)
  .filter((d) => fs.existsSync(path.join(MIGRATE_FIXTURES, d, 'Dockerfile')))
  .sort();

async function planFixture(name: string): Promise<MigrationPlan> {
  const dir = path.join(MIGRATE_FIXTURES, name);
  return planDockerfileText(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), await shellParser(), {
    name,
    contextDir: dir,
    dockerfile: 'Dockerfile',
    packageMap: packageMap(),
    ...dirContext(dir),
  });
}

function expectGolden(file: string, actual: string): void {
  if (process.env['UPDATE_GOLDEN'] === '1') fs.writeFileSync(file, actual);
  expect(fs.existsSync(file), `${file} missing (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('golden migrations (fixtures/migrate)', () => {
  test('at least the seed and ten corpus Dockerfiles, each with its SOURCE.md', () => {
    expect(FIXTURES).toContain('seed');
    expect(FIXTURES.length).toBeGreaterThanOrEqual(11);
    for (const f of FIXTURES) {
      const source = fs.readFileSync(path.join(MIGRATE_FIXTURES, f, 'SOURCE.md'), 'utf8');
      expect(source, f).toMatch(/Licence/);
      if (f !== 'seed') expect(source, f).toMatch(/Commit: `[0-9a-f]{40}`/);
    }
  });

  for (const name of FIXTURES) {
    test(`${name}: default.nix and migration-report.json match`, async () => {
      const out = generateMigration(await planFixture(name));
      const dir = path.join(MIGRATE_FIXTURES, name);
      const byPath = new Map(out.files.map((f) => [f.path, f.content]));
      expectGolden(path.join(dir, 'default.nix'), byPath.get('default.nix') ?? '');
      expectGolden(path.join(dir, 'migration-report.json'), byPath.get('migration-report.json') ?? '');
      expect([0, 3]).toContain(out.exitCode);
      // Deterministic: planning again gives the same bytes.
      const again = generateMigration(await planFixture(name));
      expect(again.files).toEqual(out.files);
    });
  }
});

describe.skipIf(!HAVE_NIX)('golden default.nix files parse and evaluate against the nixpkgs stand-in', () => {
  warnIfSkipped();
  test('nix-instantiate --parse and --eval --strict', async () => {
    const root = tempDir('dockwise-golden-');
    const dirs: string[] = [];
    for (const name of FIXTURES) {
      const p = await planFixture(name);
      const out = generateMigration(p);
      const dir = path.join(root, name);
      fs.cpSync(path.join(MIGRATE_FIXTURES, name), dir, { recursive: true });
      materializeInto(dir, p, out.files);
      dirs.push(dir);
    }
    const parseErrors = parseMany(dirs.flatMap((d) => [path.join(d, 'default.nix'), path.join(d, 'flake.nix')]));
    expect(parseErrors).toEqual([]);
    const evalErrors = evalMany(dirs);
    expect(evalErrors).toEqual([]);
  });
});
