import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DockerfileParser, JSONInstruction, ModifiableInstruction, Onbuild, type Heredoc, type Instruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { memoiseArguments, originalCreateInstruction, originalRawArguments, reuseRepeatedInstructions } from '../../src/parse/memo-arguments.js';
import { parseDockerfile } from '../../src/parse/parse.js';
import { LineIndex } from '../../src/core/text.js';
import { CORPUS_SKIP_NOTE, HAVE_CORPUS, corpusFiles } from '../helpers/corpus.js';

memoiseArguments();
reuseRepeatedInstructions();

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
  // An escape, blanks and a lone \r: the scanner skips the character after the \r.
  'FROM a\nRUN x\\ \rab c\nRUN x \\ \rab c\nRUN \\\t\rab c',
  'FROM a\nRUN #x\\ \r#b\n c\nRUN a\\\r\n  # c\n  b',
  '# escape=`\nFROM a\nRUN x` \rab `$c `\\d\nRUN a`',
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

  it('gives the same arguments as the original on random escapes, blanks and line breaks (the scan is a copy, scan-arguments.ts)', () => {
    // Everything the scanner's states turn on: escape characters before blanks, line breaks,
    // `$`, other characters and the end; comment lines inside continuations; lone `\r`.
    const token = fc.constantFrom('\\', '`', ' ', '\t', '\n', '\r', '\r\n', '#', '$', 'a', 'b', '"', "'", '--f=1', '<<E', '\\ \n', '\\\t\r\n', '\\ x', '` \n', '`$', '\\$', ' # c\n', '\u00e9', '\ud83d\ude00');
    const head = fc.constantFrom('FROM a\nRUN ', '# escape=`\nFROM a\nRUN ', 'FROM a\nCOPY ', 'FROM a\nENV ', 'FROM a\nONBUILD RUN ', '# escape=`\nFROM a\nLABEL ');
    fc.assert(
      fc.property(head, fc.array(token, { maxLength: 40 }), (h, parts) => {
        expect(mismatches(h + parts.join(''))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it(`gives the same arguments as the original on every corpus file (${HAVE_CORPUS ? 'corpus present' : CORPUS_SKIP_NOTE})`, () => {
    if (!HAVE_CORPUS) console.warn(`[memo-arguments] ${CORPUS_SKIP_NOTE}`);
    for (const f of corpusFiles()) expect(mismatches(readFileSync(f, 'utf8')), f).toEqual([]);
  });
});

/** getHeredocs is public on RUN/COPY/ADD only (protected in Instruction's typings). */
function heredocsOf(i: Instruction): Heredoc[] | null {
  const h = (i as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs;
  if (typeof h !== 'function') return null;
  try {
    return h.call(i);
  } catch {
    return null; // dockerfile-ast's own getHeredocs throws on some continuations (parse.ts calls it only when `<<` is there)
  }
}

/** What dockerfile-ast's public accessors give for a text, and what parseDockerfile makes of it. */
function everything(text: string): string {
  const dump = (i: Instruction): unknown => ({
    class: i.constructor.name,
    keyword: i.getKeyword(),
    range: i.getRange(),
    instructionRange: i.getInstructionRange(),
    args: i.getArguments().map((a) => [a.getValue(), a.getRange()]),
    flags: i instanceof ModifiableInstruction ? i.getFlags().map((f) => [f.getName(), f.getValue(), f.getRange()]) : null,
    json: i instanceof JSONInstruction ? i.getJSONStrings().map((a) => [a.getValue(), a.getRange()]) : null,
    heredocs: heredocsOf(i)?.map((h) => [h.getName(), h.getStartRange(), h.getContentRange(), h.getDelimiterRange()]) ?? null,
    trigger: i instanceof Onbuild ? (i.getTriggerInstruction() ? dump(i.getTriggerInstruction() as Instruction) : null) : null,
  });
  const df = DockerfileParser.parse(text);
  return JSON.stringify({
    instructions: df.getInstructions().map(dump),
    comments: df.getComments().map((c) => [c.getContent(), c.getRange()]),
    directives: df.getDirectives().map((d) => [d.getName(), d.getValue(), d.getRange()]),
    syntax: parseDockerfile(text, new LineIndex(text)),
  });
}

type CreateInstruction = NonNullable<typeof originalCreateInstruction>;
const parserProto = Parser.prototype as unknown as { createInstruction: CreateInstruction };

/** `everything(text)` with dockerfile-ast's own createInstruction (an instance per call). */
function everythingUnpatched(text: string): string {
  const patched = parserProto.createInstruction;
  parserProto.createInstruction = originalCreateInstruction as CreateInstruction;
  try {
    return everything(text);
  } finally {
    parserProto.createInstruction = patched;
  }
}

describe('one instruction object where dockerfile-ast builds two', () => {
  it('the original createInstruction is found (a dockerfile-ast upgrade that renames it would turn the reuse off)', () => {
    expect(typeof originalCreateInstruction).toBe('function');
    expect(parserProto.createInstruction).not.toBe(originalCreateInstruction);
  });

  it('builds each instruction once', () => {
    // Every construction goes through the static factory; without the reuse RUN, COPY and CMD are built twice.
    const text = 'FROM a\nRUN echo a \\\n  b\nCOPY --from=x a b\nCMD ["a"]\n';
    const spy = vi.spyOn(Parser, 'createInstruction');
    try {
      DockerfileParser.parse(text);
      expect(spy).toHaveBeenCalledTimes(4);
      spy.mockClear();
      everythingUnpatched(text);
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(7);
    } finally {
      spy.mockRestore();
    }
  });

  it('parses tricky inputs exactly as without it', () => {
    for (const t of TRICKY) expect(everything(t), t).toBe(everythingUnpatched(t));
  });

  it('parses every fixture exactly as without it', () => {
    for (const f of fixtureFiles('fixtures')) {
      const text = readFileSync(f, 'utf8');
      expect(everything(text), f).toBe(everythingUnpatched(text));
    }
  });

  it('parses random Dockerfile-like text exactly as without it', () => {
    const token = fc.constantFrom('FROM a\n', 'RUN ', 'COPY ', 'ADD ', 'CMD ', 'ONBUILD ', '--x=y ', '\\\n', '\\', '`', '"', "'", '[', ']', ',', ' ', '\t', '\r\n', '\n', '# c\n', '$A', 'word', '<<EOF\n', '<<-EOF ', 'EOF\n', '# escape=`\n');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(everything(text)).toBe(everythingUnpatched(text));
      }),
      { numRuns: 400 },
    );
  });

  it(`parses every corpus file exactly as without it (${HAVE_CORPUS ? 'corpus present' : CORPUS_SKIP_NOTE})`, () => {
    for (const f of corpusFiles()) {
      const text = readFileSync(f, 'utf8');
      expect(everything(text), f).toBe(everythingUnpatched(text));
    }
  });
});
