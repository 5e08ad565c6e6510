// dockerfilelint (replicatedhq) as a library: run(dirname(file), content) of every file in one
// process, with a per-file try/catch. Its own multi-file CLI (`dockerfilelint -j F1 F2 ...`)
// aborts the whole run with no report when one file throws (any HEALTHCHECK without --options
// does: checks.js:185), see /work/shared/research/baseline.md, sections 1 and 5.
// Usage: node bench/peer-dockerfilelint.mjs FILE... | @LIST
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { filesFromArgv, report } from './_files.mjs';

const require = createRequire(import.meta.url);
const dockerfilelint = require('dockerfilelint');

const files = filesFromArgv();
let findings = 0;
let withFindings = 0;
const crashes = [];
for (const f of files) {
  try {
    const items = dockerfilelint.run(dirname(f), readFileSync(f, 'utf8'));
    findings += items.length;
    if (items.length) withFindings++;
  } catch (e) {
    crashes.push({ file: f, error: String(e?.message ?? e).split('\n')[0] });
  }
}
report('dockerfilelint', { files: files.length, findings, withFindings, crashes });
