// dockerfile-utils (rcjsuen) as a library: validate(content) of every file in one process with
// default settings. Its CLI takes exactly one path, so this is the fastest way it can lint a
// corpus (see /work/shared/research/baseline.md, section 1). Per-file try/catch.
// Usage: node bench/peer-dockerfile-utils.mjs FILE... | @LIST
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { filesFromArgv, report } from './_files.mjs';

const require = createRequire(import.meta.url);
const { validate } = require('dockerfile-utils');

const files = filesFromArgv();
let findings = 0;
let withFindings = 0;
const crashes = [];
for (const f of files) {
  try {
    const diagnostics = validate(readFileSync(f, 'utf8'));
    findings += diagnostics.length;
    if (diagnostics.length) withFindings++;
  } catch (e) {
    crashes.push({ file: f, error: String(e?.message ?? e) });
  }
}
report('dockerfile-utils', { files: files.length, findings, withFindings, crashes });
