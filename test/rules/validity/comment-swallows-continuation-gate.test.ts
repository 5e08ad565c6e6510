/**
 * DW5023 joins a RUN's lines (argumentText) only when `mayHaveSwallowingComment`, a scan of the
 * file text, allows a finding. Differential check: wherever the gate says no, the full computation
 * finds no swallowing comment either (corpus, when present, and edge cases).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayHaveSwallowingComment, swallowingComment } from '../../../rules/validity/comment-swallows-continuation.js';
import { linterFor } from '../../helpers/lint.js';
import { corpusFiles } from '../../helpers/corpus.js';

const CASES = [
  'FROM debian:12\nRUN a # b \\\n  && c',
  'FROM debian:12\nRUN # first \\\n  && c',
  'FROM debian:12\nRUN \\\n# dropped \\\n  a # kept \\\n  b',
  'FROM debian:12\nRUN a \\\n\t# tab-indented comment line \\\n  b',
  'FROM debian:12\nRUN a \\\n\tx\t# after a tab \\\n  b',
  'FROM debian:12\r\nRUN a \\\r\n  # crlf comment line \\\r\n  b # crlf inline \\\r\n  c',
  'FROM debian:12\rRUN a \\\r  b # lone cr \\\r  c',
  'FROM debian:12\nRUN a;# after semicolon \\\n  b',
  'FROM debian:12\nRUN echo ${v#x} \\\n  https://e.org/#frag \\\n  "q # q" \\\n  b',
  'FROM debian:12\nRUN a \\\n#col0 \\\n  b',
  'FROM debian:12\nRUN a \\\n\n  # after empty line \\\n  b',
  'FROM debian:12\nRUN a \\\n  b # last line only',
  'FROM debian:12\nRUN a # x\\\\\n  b',
  'FROM debian:12\nRUN   a \\  \n  b #c \\ \n d',
];

describe('DW5023 gate', () => {
  it('never rules out a RUN in which the full computation finds a swallowing comment', async () => {
    const texts = [...CASES, ...corpusFiles().map((f) => readFileSync(f, 'utf8'))];
    const linter = linterFor([]);
    let gated = 0;
    let found = 0;
    for (const text of texts) {
      const { model } = await linter.lintTextAsync(text, { file: 'Dockerfile' });
      if (!model) continue;
      for (const node of model.nodes) {
        if (node.keyword !== 'RUN' || node.syntax.json || node.syntax.heredocs.length > 0) continue;
        const full = swallowingComment(model, node.syntax);
        if (full !== null) found++;
        if (mayHaveSwallowingComment(model, node.syntax)) continue;
        gated++;
        expect(full, text).toBeNull();
      }
    }
    expect(gated).toBeGreaterThan(0);
    expect(found).toBeGreaterThan(0);
  });
});
