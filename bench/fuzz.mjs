#!/usr/bin/env node
// Long fuzz run: `npm run fuzz -- --runs 100000 [--seed N] [--kind bytes|unicode|dockerish|mutated]`.
// Runs the same properties as test/fuzz/fuzz.test.ts on the built code (run `npm run build` first).
import fc from 'fast-check';
import { checkInput, inputArbs, loadPipeline, seedTexts } from './fuzz-lib.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', '10000'));
const seed = Number(arg('seed', String(Date.now() % 1_000_000)));
const only = arg('kind', null);
const pipeline = await loadPipeline();
const arbs = inputArbs(seedTexts(undefined, 1000));
const kinds = only ? [only] : Object.keys(arbs);
const per = Math.ceil(runs / kinds.length);
let total = 0;
const started = Date.now();
for (const kind of kinds) {
  const t0 = Date.now();
  await fc.assert(fc.asyncProperty(arbs[kind], async (text) => { await checkInput(pipeline, text); total++; }), { numRuns: per, seed });
  console.log(`${kind}: ${per} inputs, no failure (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`total: ${total} inputs, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s, no failure`);
