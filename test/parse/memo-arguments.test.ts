import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DockerfileParser, Onbuild, type Instruction } from 'dockerfile-ast';
import { memoiseArguments, originalRawArguments } from '../../src/parse/memo-arguments.js';
import { CORPUS_SKIP_NOTE, HAVE_CORPUS, corpusFiles } from '../helpers/corpus.js';

memoiseArguments();

type Scan = (this: Instruction) => { getValue(): string; getRange(): unknown }[];
const original = originalRawArguments as unknown as Scan;
const memoised = (i: Instruction): ReturnType<Scan> => (i as unknown as { getRawArguments: Scan }).getRawArguments();
const plain = (args: ReturnType<Scan>): unknown[] => args.map((a) => [a.getValue(), a.getRange()]);

/** Every instruction of the text (ONBUILD triggers too), its memoised arguments against the original scanner's. */
function mismatches(text: string): string[] {
  const out: string[] = [];
  const visit = (i: Instruction): void => {
    // Twice: the first call may be the constructor's cached answer, the second must be the same list.
    for (let k = 0; k < 2; k++) {
      const got = memoised(i);
      got.shift(); // a caller mutating its copy must not change what the next caller gets
    }
    if (JSON.stringify(plain(memoised(i))) !== JSON.stringify(plain(original.call(i)))) out.push(`line ${i.getRange().start.line + 1}: ${i.getKeyword()}`);
    // The public accessors built on the scanner give what they gave before, too.
    if (i instanceof Onbuild) {
      const t = i.getTriggerInstruction();
      if (t) visit(t);
    }
  };
  for (const i of DockerfileParser.parse(text).getInstructions()) visit(i);
  return out;
}

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...fixtureFiles(p));
    else if (/Dockerfile|\.dockerfile$|Containerfile/i.test(name)) out.push(p);
  }
  return out;
}

const TRICKY = [
  'FROM a\nRUN echo a \\\n  b \\ \n  c',
  'FROM a\r\nRUN --mount=type=cache,target=/x \\\r\n  apt-get install -y \\\r\n  # comment\r\n  curl\r\n',
  '# escape=`\nFROM a\nRUN dir `\n  C:\\\\ `\n  x',
  'FROM a\nCOPY --chown=1:1 --from=b ["a b", "c"] /d/\n',
  'FROM a\nRUN <<EOF bash\necho hi\nEOF\n',
  'FROM a\nCMD [ "a" , \\\n "b" ]\nENTRYPOINT []\nSHELL ["/bin/sh", "-c"]\n',
  'FROM a\nONBUILD RUN --network=none echo $HOME\nONBUILD COPY --link . /\n',
  'FROM a\nRUN \\\n\nRUN\nRUN \\',
  'FROM a\nENV A=1 B="x y" \\\n  C=\\$D\nLABEL a=b\nARG X\n',
  'FROM a\nRUN echo \\$HOME \\\\ end\\',
];

describe('memoised dockerfile-ast argument scan', () => {
  it('the original scanner is found (a dockerfile-ast upgrade that renames it would turn the memo off)', () => {
    expect(typeof originalRawArguments).toBe('function');
  });

  it('gives the same arguments as the original on tricky inputs', () => {
    for (const t of TRICKY) expect(mismatches(t), t).toEqual([]);
  });

  it('gives the same arguments as the original on every fixture', () => {
    const files = fixtureFiles('fixtures');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(mismatches(readFileSync(f, 'utf8')), f).toEqual([]);
  });

  it('gives the same arguments as the original on random Dockerfile-like text', () => {
    const token = fc.constantFrom('FROM a\n', 'RUN ', 'COPY ', 'CMD ', 'ONBUILD ', '--x=y ', '\\\n', '\\', '`', '"', "'", '[', ']', ',', ' ', '\t', '\r\n', '\n', '# c\n', '$A', 'word', '<<EOF\n', 'EOF\n', '# escape=`\n');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        expect(mismatches(parts.join(''))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it(`gives the same arguments as the original on every corpus file (${HAVE_CORPUS ? 'corpus present' : CORPUS_SKIP_NOTE})`, () => {
    if (!HAVE_CORPUS) console.warn(`[memo-arguments] ${CORPUS_SKIP_NOTE}`);
    for (const f of corpusFiles()) expect(mismatches(readFileSync(f, 'utf8')), f).toEqual([]);
  });
});
