/**
 * Snapshot tests over the fixtures (real Dockerfiles, each with its SOURCE.md): every finding as
 * a code frame with its exact range, and its fix. Snapshots live in test/__lint_snapshots__/. Review snapshot diffs like code; update with
 * `npx vitest run test/fixtures.test.ts -u`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineIndex } from '../src/core/text.js';
import type { Finding } from '../src/core/types.js';
import { lint } from './helpers/lint.js';

const FIXTURES = resolve('fixtures');

function frame(lines: LineIndex, f: Finding): string {
  const out: string[] = [];
  const { start, end } = f.range;
  out.push(`${f.rule} ${f.severity} ${f.category} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`);
  out.push(`  ${f.message}`);
  for (let l = start.line; l <= Math.min(end.line, start.line + 3); l++) {
    const text = lines.lineText(l);
    const from = l === start.line ? start.character : 0;
    const to = l === end.line ? end.character : text.length;
    out.push(`  ${String(l + 1).padStart(4)} | ${text}`);
    out.push(`       | ${' '.repeat(from)}${'^'.repeat(Math.max(1, to - from))}`);
  }
  if (f.fix) {
    out.push(`  fix (${f.fix.safety}): ${f.fix.title}`);
    for (const e of f.fix.edits) out.push(`    ${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.line + 1}:${e.range.end.character + 1} -> ${JSON.stringify(e.newText)}`);
  }
  return out.join('\n');
}

/** fixtures/<case>/Dockerfile and the migration fixtures fixtures/migrate/<case>/Dockerfile. */
function caseDirs(dir: string, prefix: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'Dockerfile')))
    .map((d) => prefix + d.name)
    .sort();
}
const cases = [...caseDirs(FIXTURES, ''), ...(existsSync(join(FIXTURES, 'migrate')) ? caseDirs(join(FIXTURES, 'migrate'), 'migrate/') : [])];
const SNAPSHOTS = resolve('test/__lint_snapshots__');

describe('fixture snapshots', () => {
  for (const name of cases) {
    it(name, async () => {
      const text = readFileSync(join(FIXTURES, name, 'Dockerfile'), 'utf8');
      const findings = await lint(text, { file: `fixtures/${name}/Dockerfile` });
      const lines = new LineIndex(text);
      const body = findings.length === 0 ? '(no findings)\n' : findings.map((f) => frame(lines, f)).join('\n\n') + '\n';
      await expect(body).toMatchFileSnapshot(join(SNAPSHOTS, `${name.replace('/', '__')}.snap`));
    });
  }
});
