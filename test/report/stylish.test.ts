import { describe, expect, it } from 'vitest';

import type { Finding, LintReport } from '../../src/core/types.js';
import { formatReport } from '../../src/report/index.js';
import { CHALK_PAINT } from '../../src/report/paint-chalk.js';
import { format, hygieneText } from '../../src/report/stylish.js';
import { frameLine, stringWidth, TAB_WIDTH } from '../../src/report/text-width.js';
import { SAMPLE_REPORT, rangeOf, sampleContext } from './sample.js';

const ESC = '\u001b';

function finding(partial: Partial<Finding> & Pick<Finding, 'range'>): Finding {
  return { file: 'Dockerfile', rule: 'DL3020', category: 'correctness', severity: 'error', message: 'msg', ...partial };
}

/** Display column of the first caret under a frame line. */
function caretColumn(underline: string): number {
  return stringWidth(underline.slice(0, underline.indexOf('^')));
}

describe('stylish', () => {
  it('emits no escape codes at all when colour is off', () => {
    const out = format(SAMPLE_REPORT, sampleContext({ color: false }));
    expect(out).not.toContain(ESC);
  });

  it('colours severities, underlines file names and keeps the same text when colour is on', () => {
    const coloured = format(SAMPLE_REPORT, sampleContext({ color: true }), CHALK_PAINT);
    expect(coloured).toContain(`${ESC}[31merror`);
    expect(coloured).toContain(`${ESC}[33mwarning`);
    expect(coloured).toContain(`${ESC}[4mDockerfile${ESC}[24m`);
    const stripped = coloured.replace(/\u001b\[[0-9;]*m/g, '');
    expect(stripped).toBe(format(SAMPLE_REPORT, sampleContext({ color: false })));
    // Bold summary lines: red when there are errors.
    expect(coloured.trimEnd().split('\n').at(-1)).toBe(`${ESC}[31m${ESC}[1m✖ 13 problems (5 errors, 4 warnings, 2 info, 2 style) in 6 files${ESC}[22m${ESC}[39m`);
  });

  it('formatReport paints with chalk exactly when ctx.color is set', async () => {
    expect(await formatReport('stylish', SAMPLE_REPORT, sampleContext({ color: true }))).toBe(format(SAMPLE_REPORT, sampleContext(), CHALK_PAINT));
    const plain = await formatReport('stylish', SAMPLE_REPORT, sampleContext({ color: false }));
    expect(plain).toBe(format(SAMPLE_REPORT, sampleContext()));
    expect(plain).not.toContain(ESC);
  });

  it('prints each finding as "line:col  severity  message  RULE" with aligned columns', () => {
    const out = format(SAMPLE_REPORT, sampleContext());
    expect(out).toContain('  4:1    error    Use COPY instead of ADD for files and folders  DL3020\n');
    expect(out).toContain('  7:165  error    Piping a download into');
  });

  it('ends with the problem summary, counting input errors as errors', () => {
    const out = format(SAMPLE_REPORT, sampleContext());
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 13 problems (5 errors, 4 warnings, 2 info, 2 style) in 6 files');
    expect(format({ files: [{ file: 'Dockerfile', findings: [] }], errors: [] }, sampleContext())).toBe('✔ no problems in 1 file\n');
    const one: LintReport = { files: [{ file: 'Dockerfile', findings: [finding({ range: rangeOf('ADD a b', 0, 'ADD') })] }], errors: [] };
    expect(format(one, sampleContext()).trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings, 0 info, 0 style) in 1 file');
  });

  it('prints the hygiene summary and input errors', () => {
    const out = format(SAMPLE_REPORT, sampleContext());
    expect(out).toContain(
      '  image hygiene: 3 unpinned, 2 build-only artifacts, 1 implicit dependency — pin node:20 by digest to fix 2 findings at once\n',
    );
    expect(out).toContain('✖ broken/Dockerfile:4  unterminated heredoc');
    expect(out).toContain("✖ missing/Dockerfile  ENOENT: no such file or directory, open 'missing/Dockerfile'");
    expect(hygieneText({ unpinnedVersion: 1, buildOnlyArtifact: 1, implicitDependency: 2 })).toBe(
      'image hygiene: 1 unpinned, 1 build-only artifact, 2 implicit dependencies',
    );
    expect(hygieneText({ unpinnedVersion: 0, buildOnlyArtifact: 0, implicitDependency: 0 })).toBe('image hygiene: clean');
  });

  it('never writes control characters from messages or sources to the terminal', () => {
    const source = 'RUN echo "\u001b[2J\u0007" \u202Eevil';
    const report: LintReport = {
      files: [{ file: 'Dockerfile', source, findings: [finding({ message: 'bad \u001b[31m text', range: rangeOf(source, 0, 'echo') })] }],
      errors: [{ file: 'x\u001b', message: 'oops\r\nmore' }],
    };
    const out = format(report, sampleContext());
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expect(out).toContain('bad \uFFFD[31m text');
    expect(out).toContain('✖ x\uFFFD  oops more');
  });
});

describe('code frame', () => {
  it('underlines the range with a caret and tildes', () => {
    expect(frameLine('ADD ./app /app', 0, 3)).toEqual({ code: 'ADD ./app /app', underline: '^~~' });
    expect(frameLine('FROM x', 5, 5).underline).toBe('     ^');
    expect(frameLine('FROM x', 6, 6).underline).toBe('      ^');
  });

  it('expands tabs to fixed stops in both the code and the underline', () => {
    const { code, underline } = frameLine('RUN\tcd /app &&\tmake', 15, 19);
    expect(code).toBe(`RUN${' '.repeat(TAB_WIDTH - 3)}cd /app &&${' '.repeat(TAB_WIDTH - (14 % TAB_WIDTH))}make`);
    expect(code.slice(caretColumn(underline), caretColumn(underline) + 4)).toBe('make');
    expect(code).not.toContain('\t');
  });

  it('aligns under wide and non-ASCII characters by display width', () => {
    const line = 'ENV GREETING="héllo wörld 日本語 ☕" API_TOKEN=hunter2';
    const { code, underline } = frameLine(line, line.indexOf('API_TOKEN'), line.length);
    // 日本語 and ☕ take two columns each, so the caret sits 4 columns right of the UTF-16 index.
    expect(caretColumn(underline)).toBe(line.indexOf('API_TOKEN') + 4);
    expect(underline.trimStart()).toBe(`^${'~'.repeat('API_TOKEN=hunter2'.length - 1)}`);
    expect(code).toBe(line);
  });

  it('clips long lines around the range and keeps the caret aligned', () => {
    const line = `RUN ${'x'.repeat(300)} | sh && echo ${'y'.repeat(200)}`;
    const at = line.indexOf('| sh');
    const { code, underline } = frameLine(line, at, at + 4, { maxWidth: 80, context: 10 });
    expect(stringWidth(code)).toBeLessThanOrEqual(80);
    expect(code.startsWith('…')).toBe(true);
    expect(code.endsWith('…')).toBe(true);
    expect(code.slice(caretColumn(underline), caretColumn(underline) + 4)).toBe('| sh');
    expect(underline.trimStart()).toBe('^~~~');
  });

  it('clips only the end when the range is near the start of a long line', () => {
    const line = `RUN curl ${'z'.repeat(200)}`;
    const { code, underline } = frameLine(line, 4, 8, { maxWidth: 40, context: 10 });
    expect(code).toBe(`${line.slice(0, 39)}…`);
    expect(underline).toBe('    ^~~~');
  });

  it('shows the tail of a long line when the range is at its end', () => {
    const line = `RUN ${'q'.repeat(200)} END`;
    const at = line.indexOf('END');
    const { code, underline } = frameLine(line, at, at + 3, { maxWidth: 40, context: 10 });
    expect(code.startsWith('…')).toBe(true);
    expect(code.endsWith('END')).toBe(true);
    expect(stringWidth(code)).toBe(40);
    expect(code.slice(caretColumn(underline), caretColumn(underline) + 3)).toBe('END');
  });

  it('underlines a multi-line range to the end of its first line', () => {
    const source = 'RUN apt-get install -y \\\n    curl\n';
    const report: LintReport = {
      files: [
        {
          file: 'Dockerfile',
          source,
          findings: [finding({ range: { start: { line: 0, character: 4 }, end: { line: 1, character: 8 } } })],
        },
      ],
      errors: [],
    };
    const lines = format(report, sampleContext()).split('\n');
    expect(lines.slice(2, 4)).toEqual(['    1 | RUN apt-get install -y \\', `      |     ^${'~'.repeat('apt-get install -y \\'.length - 1)}`]);
  });

  it('handles CRLF sources and ranges past the end of the source', () => {
    const source = 'FROM a\r\nADD b c\r\n';
    const report: LintReport = {
      files: [
        {
          file: 'Dockerfile',
          source,
          findings: [
            finding({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } }),
            finding({ rule: 'X', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } }),
          ],
        },
      ],
      errors: [],
    };
    const out = format(report, sampleContext());
    expect(out).toContain('    2 | ADD b c\n      | ^~~\n');
    expect(out).not.toContain('\r');
    expect(out).toContain('  10:1  error  msg  X\n');
  });
});
