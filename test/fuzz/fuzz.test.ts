/**
 * Property and fuzz tests (bounded for CI; `npm run fuzz -- --runs N` runs the same properties
 * longer). Random bytes, random Unicode, Dockerfile-ish token soup, and structure-aware mutations of
 * the corpus files (or of the fixtures when the corpus is absent).
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
// @ts-expect-error plain ESM module without types, shared with the long fuzz runner
import { checkInput, inputArbs, loadPipeline, seedTexts } from '../../bench/fuzz-lib.mjs';

const RUNS = Number(process.env.DOCKWISE_FUZZ_RUNS ?? 150);
const pipeline = await loadPipeline();
const arbs = inputArbs(seedTexts(undefined, 200));

describe('fuzz: lint never crashes, ranges stay inside the file, JSON is valid, time is bounded', () => {
  for (const kind of ['bytes', 'unicode', 'dockerish', 'mutated'] as const) {
    it(kind, async () => {
      await fc.assert(
        fc.asyncProperty(arbs[kind], async (text: string) => {
          await checkInput(pipeline, text);
        }),
        { numRuns: RUNS, seed: Number(process.env.DOCKWISE_FUZZ_SEED ?? 42) },
      );
    }, 120_000);
  }
});

describe('adversarial inputs finish quickly', () => {
  const cases: Record<string, string> = {
    'many continuation lines': 'FROM a:1\nRUN echo \\\n' + 'x \\\n'.repeat(20000) + 'y\n',
    'one 1 MB line': 'FROM a:1\nRUN echo ' + 'a'.repeat(1_000_000) + '\n',
    'deep nesting': 'FROM a:1\nRUN ' + '$('.repeat(2000) + 'x' + ')'.repeat(2000) + '\n',
    'unterminated heredoc': 'FROM a:1\nRUN <<EOF\n' + 'line\n'.repeat(5000),
    'unterminated quote': 'FROM a:1\nRUN echo "' + 'a b '.repeat(20000) + '\n',
    '20,000 instructions': 'FROM a:1\n' + 'RUN apt-get install -y curl\n'.repeat(20000),
    'many stages': Array.from({ length: 2000 }, (_, i) => `FROM a:${i} AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /x /x\n`).join(''),
    'many variables': 'FROM a:1\n' + Array.from({ length: 5000 }, (_, i) => `ARG V${i}=\${V${Math.max(0, i - 1)}}x\n`).join('') + 'RUN echo $V4999\n',
    'escape directive': '# escape=`\nFROM a:1\nRUN echo `\n' + 'x `\n'.repeat(5000) + 'y\n',
    'pragma soup': '# hadolint ignore=' + 'DL3008,'.repeat(20000) + '\nFROM a:1\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, async () => {
      await checkInput(pipeline, text, { msPerKb: 100, baseMs: 3000 });
    }, 60_000);
  }
});
