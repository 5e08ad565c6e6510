/**
 * Migration safety under fuzzing (issue 6): `planMigration` + the emitters on structure-aware
 * mutations of the corpus files (or of the fixtures when the corpus is absent) never throw, give
 * exit code 0 or 3, and every default.nix they write parses with nix-instantiate. The CLI's
 * file-writing guarantees (only inside --out, no overwrite of foreign files) are tested in
 * test/migrate/cli.test.ts; here the in-process pipeline is fuzzed, which is where a crash would be.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { generateMigration } from '../../src/migrate/index.js';
import { planDockerfileText } from '../../src/migrate/from-model.js';
// @ts-expect-error plain ESM module without types, shared with the long fuzz runner
import { mutationArb, seedTexts } from '../../bench/fuzz-lib.mjs';
import { HAVE_NIX, NIX_MISSING_MESSAGE, NIX_REQUIRED } from '../migrate/nix-helpers.js';
import { materializeInto, packageMap, parseMany, shellParser, tempDir } from '../migrate/plan-helpers.js';

const RUNS = Number(process.env.DOCKWISE_FUZZ_MIGRATE_RUNS ?? 150);

describe('fuzz: dockwise migrate on mutated Dockerfiles', () => {
  it('never throws, exits 0 or 3, and writes Nix that parses', async () => {
    if (!HAVE_NIX && NIX_REQUIRED) throw new Error(NIX_MISSING_MESSAGE);
    const parser = await shellParser();
    const map = packageMap();
    const texts: string[] = fc.sample(mutationArb(seedTexts(undefined, 200)), { numRuns: RUNS, seed: 4242 });
    const root = tempDir('dockwise-migrate-fuzz-');
    const dirs: string[] = [];
    const failures: string[] = [];
    texts.forEach((text, i) => {
      try {
        const plan = planDockerfileText(text, parser, { name: 'app', dockerfile: 'Dockerfile', packageMap: map });
        const out = generateMigration(plan);
        if (out.exitCode !== 0 && out.exitCode !== 3) failures.push(`input ${i}: exit ${String(out.exitCode)}`);
        const dir = path.join(root, String(i));
        materializeInto(dir, plan, out.files);
        dirs.push(dir);
      } catch (e) {
        failures.push(`input ${i}: ${e instanceof Error ? e.message : String(e)}\n${text.slice(0, 300)}`);
      }
    });
    expect(failures).toEqual([]);
    if (!HAVE_NIX) return;
    const bad = parseMany(dirs.map((d) => path.join(d, 'default.nix')));
    expect(bad.map((b) => `${b.file}: ${b.error}`)).toEqual([]);
  }, 180_000);
});
