/**
 * Robustness over ~1,000 real Dockerfiles: nothing crashes, every finding's range lies inside its
 * file, the JSON report is valid. Runs when ../shared/corpus exists (as in CI), skipped otherwise.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LineIndex } from '../../src/core/text.js';
import { linterFor } from '../helpers/lint.js';
import { allRules } from '../../rules/index.js';
import { HAVE_CORPUS, CORPUS_SKIP_NOTE, corpusFiles } from '../helpers/corpus.js';
import { format } from '../../src/report/json.js';

if (!HAVE_CORPUS) console.warn(`[corpus] ${CORPUS_SKIP_NOTE}`);

describe.skipIf(!HAVE_CORPUS)('lint the whole corpus', () => {
  it(`no crash, no internal error, ranges inside the file (${HAVE_CORPUS ? 'corpus present' : CORPUS_SKIP_NOTE})`, async () => {
    const linter = linterFor(allRules.map((r) => r));
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(500);
    const problems: string[] = [];
    let findings = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const r = await linter.lintTextAsync(text, { file, enabled: allRules.filter((x) => x.optIn).map((x) => x.code) });
      for (const e of r.errors) problems.push(`${file}: ${e.message}`);
      const lines = new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      for (const f of r.result.findings) {
        findings++;
        const { start, end } = f.range;
        const ok =
          start.line >= 0 &&
          end.line < lines.lineCount &&
          (start.line < end.line || (start.line === end.line && start.character <= end.character)) &&
          start.character <= lines.lineText(start.line).length &&
          end.character <= lines.lineText(end.line).length;
        if (!ok) problems.push(`${file}: ${f.rule} range out of bounds ${JSON.stringify(f.range)}`);
      }
      const json = format({ files: [r.result], errors: r.errors }, { rules: new Map(), color: false, cwd: '/', toolName: 'dockwise', toolVersion: '0' });
      JSON.parse(json);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(findings).toBeGreaterThan(0);
  });
});
