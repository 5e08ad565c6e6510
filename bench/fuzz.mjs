#!/usr/bin/env node
// Long fuzz run: `npm run fuzz -- --runs 100000 [--seed N] [--kind bytes|unicode|dockerish|mutated|migrate]`.
// Runs the same properties as test/fuzz/fuzz.test.ts and test/fuzz/migrate-fuzz.test.ts on the
// built code (run `npm run build` first). `migrate` plans and emits a migration of each mutated
// file (no exception, exit 0 or 3) and checks every default.nix with `nix-instantiate --parse`
// (in batches) when nix-instantiate is installed.
import fc from 'fast-check';
import { checkInput, inputArbs, loadPipeline, mutationArb, seedTexts } from './fuzz-lib.mjs';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

/** Migration property: plan + emit never throws, exit 0 or 3; default.nix parses (batched). */
async function loadMigration() {
  const dist = (p) => pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', p)).href;
  const { generateMigration, defaultPackageMap } = await import(dist('src/migrate/index.js'));
  const packageMap = defaultPackageMap();
  const { planDockerfileText } = await import(dist('src/migrate/from-model.js'));
  const { loadShellParser } = await import(dist('src/shell/parser.js'));
  const parser = await loadShellParser();
  const haveNix = spawnSync('nix-instantiate', ['--version']).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'dockwise-fuzz-migrate-'));
  let pending = [];
  const flush = () => {
    if (!haveNix || pending.length === 0) return;
    const r = spawnSync('nix-instantiate', ['--parse', ...pending], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`generated Nix does not parse: ${r.stderr.slice(0, 2000)}`);
    for (const f of pending) rmSync(f, { force: true });
    pending = [];
  };
  let n = 0;
  return {
    check(text) {
      const plan = planDockerfileText(text, parser, { name: 'app', dockerfile: 'Dockerfile', packageMap });
      const out = generateMigration(plan);
      if (out.exitCode !== 0 && out.exitCode !== 3) throw new Error(`exit ${out.exitCode}`);
      const nix = out.files.find((f) => f.path === 'default.nix');
      if (nix) {
        const f = join(dir, `${n++}.nix`);
        writeFileSync(f, nix.content);
        pending.push(f);
        if (pending.length >= 200) flush();
      }
    },
    flush,
  };
}

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', '10000'));
const seed = Number(arg('seed', String(Date.now() % 1_000_000)));
const only = arg('kind', null);
const pipeline = await loadPipeline();
const seeds = seedTexts(undefined, 1000);
const arbs = { ...inputArbs(seeds), migrate: mutationArb(seeds) };
const kinds = only ? [only] : Object.keys(arbs);
const migration = await loadMigration();
const per = Math.ceil(runs / kinds.length);
let total = 0;
const started = Date.now();
for (const kind of kinds) {
  const t0 = Date.now();
  if (kind === 'migrate') {
    await fc.assert(fc.asyncProperty(arbs[kind], async (text) => { migration.check(text); total++; }), { numRuns: per, seed });
    migration.flush();
  } else {
    await fc.assert(fc.asyncProperty(arbs[kind], async (text) => { await checkInput(pipeline, text); total++; }), { numRuns: per, seed });
  }
  console.log(`${kind}: ${per} inputs, no failure (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`total: ${total} inputs, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s, no failure`);
