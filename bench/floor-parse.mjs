// Parse floor: DockerfileParser.parse (dockerfile-ast, the parser under dockerfile-utils) of
// every file in one process, plus a cheap touch of the result so the work is not dead code.
// Usage: node bench/floor-parse.mjs FILE... | @LIST
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { filesFromArgv, report } from './_files.mjs';

const require = createRequire(import.meta.url);
const { DockerfileParser } = require('dockerfile-ast');

const files = filesFromArgv();
let instructions = 0;
const crashes = [];
for (const f of files) {
  try {
    const dockerfile = DockerfileParser.parse(readFileSync(f, 'utf8'));
    instructions += dockerfile.getInstructions().length;
  } catch (e) {
    crashes.push({ file: f, error: String(e?.message ?? e) });
  }
}
report('floor-parse', { files: files.length, instructions, crashes });
