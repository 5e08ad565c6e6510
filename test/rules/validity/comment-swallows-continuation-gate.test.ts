/**
 * DW5023 joins a RUN's lines (argumentText) only when `mayHaveSwallowingComment`, a scan of the
 * file text, allows a finding. Differential check: wherever the gate says no, the full computation
 * finds no swallowing comment either (corpus, when present, and edge cases).
 */
import { describe, it } from 'vitest';
import { expectGateSound } from '../../helpers/gate.js';
import { mayHaveSwallowingComment, swallowingComment } from '../../../rules/validity/comment-swallows-continuation.js';

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
    await expectGateSound(
      CASES,
      (model) =>
        model.nodes
          .filter((node) => node.keyword === 'RUN' && !node.syntax.json && node.syntax.heredocs.length === 0)
          .map((node) => {
            const full = swallowingComment(model, node.syntax);
            return { full, found: full !== null, allowed: mayHaveSwallowingComment(model, node.syntax) };
          }),
      null,
    );
  });
});
