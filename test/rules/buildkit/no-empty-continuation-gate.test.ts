/**
 * NoEmptyContinuation walks a file's lines only when `mayHaveEmptyContinuation`, one regex test
 * over the text, allows a finding. Differential check: wherever the gate says no, the full walk
 * finds nothing either (corpus, when present, and edge cases: CRLF and CR line ends, Unicode
 * blanks, comment lines, backtick escapes, a blank last line).
 */
import { describe, it } from 'vitest';
import { expectGateSound } from '../../helpers/gate.js';
import { emptyContinuations, mayHaveEmptyContinuation } from '../../../rules/buildkit/no-empty-continuation.js';

const CASES = [
  'FROM alpine:3.20\nRUN apk add \\\n\n    curl',
  'FROM alpine:3.20\nRUN apk add \\\n  # c\n\t# d\n\n    curl',
  'FROM alpine:3.20\nRUN a \\ \t\n \t\n  b',
  'FROM alpine:3.20\r\nRUN a \\\r\n\r\n  b',
  'FROM alpine:3.20\rRUN a \\\r\r  b',
  'FROM alpine:3.20\nRUN a \\\n\u00a0\u3000\n  b',
  'FROM alpine:3.20\nRUN a \\\n\v\f\n  b',
  'FROM alpine:3.20\nRUN a \\\n\u2003# c\n\n  b',
  'FROM alpine:3.20\nRUN a \\\n\n',
  'FROM alpine:3.20\nRUN a \\\n  ',
  'FROM alpine:3.20\nRUN a \\\\\n\nRUN b',
  'FROM alpine:3.20\nRUN a \\\n  b\n\nRUN c',
  'FROM alpine:3.20\nRUN a # x \\\n  b \\\n\n  c',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n\n    b',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a \\\n\n    b',
  'FROM alpine:3.20\nONBUILD RUN echo \\\n\n  hi',
  'FROM alpine:3.20\nCOPY <<EOF /x\n\\\n\nEOF',
];

describe('NoEmptyContinuation gate', () => {
  it('never rules out a file in which the full walk finds an empty continuation line', async () => {
    await expectGateSound(
      CASES,
      (model) => {
        const full = emptyContinuations(model);
        return [{ full, found: full.length > 0, allowed: mayHaveEmptyContinuation(model.text, model.escapeChar) }];
      },
      [],
    );
  });
});
