// Read-only floor: start node, read every file as UTF-8, touch its length. No parsing.
// Usage: node bench/floor-read.mjs FILE... | @LIST
import { readFileSync } from 'node:fs';
import { filesFromArgv, report } from './_files.mjs';

const files = filesFromArgv();
let bytes = 0;
let lines = 0;
const crashes = [];
for (const f of files) {
  try {
    const text = readFileSync(f, 'utf8');
    bytes += text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  } catch (e) {
    crashes.push({ file: f, error: String(e?.message ?? e) });
  }
}
report('floor-read', { files: files.length, chars: bytes, lines, crashes });
