/**
 * `dockwise migrate` over every file of the project corpus (../shared/corpus, outside the
 * repository; skipped with a message when it is absent): no exception, exit code 0 or 3, and
 * every generated default.nix parses (nix-instantiate --parse, many files per process) and
 * evaluates against the nixpkgs stand-in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateMigration } from '../../src/migrate/index.js';
import { planDockerfileText } from '../../src/migrate/from-model.js';
import { HAVE_NIX, NIX_MISSING_MESSAGE, NIX_REQUIRED, warnIfSkipped } from './nix-helpers.js';
import { REPO_ROOT, evalMany, materializeInto, packageMap, parseMany, shellParser, tempDir } from './plan-helpers.js';

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const HAVE_CORPUS = fs.existsSync(CORPUS);
if (!HAVE_CORPUS) console.warn(`[test/migrate] corpus not found at ${CORPUS}; skipping the corpus migration test.`);

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(CORPUS).sort()) {
    const dir = path.join(CORPUS, d);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) if (fs.statSync(path.join(dir, f)).isFile()) out.push(path.join(dir, f));
  }
  return out;
}

describe.skipIf(!HAVE_CORPUS)('migrating the whole corpus', () => {
  if (!HAVE_NIX && NIX_REQUIRED) {
    test('nix-instantiate is required when CI=true', () => {
      throw new Error(NIX_MISSING_MESSAGE);
    });
  }
  warnIfSkipped();

  test(
    'every file: no exception, exit 0 or 3, default.nix parses and evaluates',
    async () => {
      const parser = await shellParser();
      const map = packageMap();
      const files = corpusFiles();
      expect(files.length).toBeGreaterThan(100);
      const root = tempDir('dockwise-corpus-');
      const failures: string[] = [];
      const exits = { 0: 0, 3: 0 };
      const dirs: string[] = [];
      files.forEach((file, i) => {
        const rel = path.relative(CORPUS, file);
        try {
          const plan = planDockerfileText(fs.readFileSync(file, 'utf8'), parser, { name: 'app', dockerfile: 'Dockerfile', packageMap: map });
          const out = generateMigration(plan);
          exits[out.exitCode] += 1;
          const dir = path.join(root, String(i));
          materializeInto(dir, plan, out.files);
          dirs.push(dir);
        } catch (e) {
          failures.push(`${rel}: ${e instanceof Error ? e.message : String(e)}`);
        }
      });
      console.log(`[test/migrate] corpus: ${files.length} files, exit 0: ${exits[0]}, exit 3: ${exits[3]}`);
      expect(failures).toEqual([]);
      expect(exits[0] + exits[3]).toBe(files.length);
      if (!HAVE_NIX) return;
      const bad = parseMany(dirs.map((d) => path.join(d, 'default.nix')));
      expect(bad.map((b) => `${b.file}: ${b.error}`)).toEqual([]);
      const badEval = evalMany(dirs);
      expect(badEval.map((b) => `${b.dir}: ${b.error}`)).toEqual([]);
      fs.rmSync(root, { recursive: true, force: true });
    },
    170_000,
  );
});
