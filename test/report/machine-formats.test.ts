import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { CATEGORIES, type Finding, type LintReport } from '../../src/core/types.js';
import { codeClimateCategories, format as codeclimate, type CodeClimateIssue } from '../../src/report/codeclimate.js';
import { displayPath } from '../../src/report/common.js';
import { escapeData, escapeProperty, format as github } from '../../src/report/github.js';
import { format as gitlab, type GitlabIssue } from '../../src/report/gitlab.js';
import { format as gnu, gnuSpan } from '../../src/report/gnu.js';
import { format as json, type JsonReport } from '../../src/report/json.js';
import { CWD, SAMPLE_REPORT, sampleContext } from './sample.js';

function f(range: Finding['range'], partial: Partial<Finding> = {}): Finding {
  return { file: 'Dockerfile', rule: 'R1', category: 'correctness', severity: 'warning', message: 'm', range, ...partial };
}

const pos = (line: number, character: number) => ({ line, character });

describe('json', () => {
  const text = json(SAMPLE_REPORT, sampleContext());
  const parsed = JSON.parse(text) as JsonReport;

  it('is 2-space indented JSON with a trailing newline and the documented top-level keys', () => {
    expect(text.startsWith('{\n  "version": 1,\n  "findings": [\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'errors', 'summaries']);
  });

  it('uses a stable key order for findings, fixes and edits', () => {
    const withFix = parsed.findings.find((x) => x.fix);
    expect(Object.keys(withFix ?? {})).toEqual(['file', 'rule', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix']);
    expect(Object.keys(withFix?.fix ?? {})).toEqual(['title', 'safety', 'edits']);
    expect(Object.keys(withFix?.fix?.edits[0] ?? {})).toEqual(['line', 'column', 'endLine', 'endColumn', 'newText']);
    expect(parsed.findings.filter((x) => !x.fix).every((x) => !('fix' in x))).toBe(true);
  });

  it('keeps files in the given order and sorts findings within a file', () => {
    expect(parsed.findings.map((x) => `${x.file}:${x.line}:${x.column}:${x.rule}`)).toEqual([
      'Dockerfile:1:1:ConsistentInstructionCasing',
      'Dockerfile:1:6:DL3006',
      'Dockerfile:2:23:DL3015',
      'Dockerfile:2:23:DL3008',
      'Dockerfile:4:1:DL3020',
      'Dockerfile:5:34:DW7001',
      'Dockerfile:6:5:DL3003',
      'Dockerfile:7:165:DW3001',
      'services/api/Dockerfile.prod:2:5:DL3016',
      'services/api/Dockerfile.prod:3:6:DW5001',
      '/srv/other/Dockerfile:3:1:DW9000',
    ]);
  });

  it('lists errors (line only when known) and summaries only for files that have one', () => {
    expect(parsed.errors).toEqual([
      { file: 'broken/Dockerfile', message: 'unterminated heredoc <<EOF: expected "EOF" & end of file', line: 4 },
      { file: 'missing/Dockerfile', message: "ENOENT: no such file or directory, open 'missing/Dockerfile'" },
    ]);
    expect(parsed.summaries).toEqual([
      {
        file: 'services/api/Dockerfile.prod',
        unpinnedVersion: 3,
        buildOnlyArtifact: 2,
        implicitDependency: 1,
        advice: 'pin node:20 by digest to fix 2 findings at once',
      },
    ]);
  });

  it('renders an empty report', () => {
    expect(json({ files: [], errors: [] }, sampleContext())).toBe(
      '{\n  "version": 1,\n  "findings": [],\n  "errors": [],\n  "summaries": []\n}\n',
    );
  });
});

describe('paths', () => {
  it('are relative to cwd with forward slashes inside it and absolute outside', () => {
    expect(displayPath('Dockerfile', CWD)).toBe('Dockerfile');
    expect(displayPath('./a/../b/Dockerfile', CWD)).toBe('b/Dockerfile');
    expect(displayPath(`${CWD}/svc/Dockerfile`, CWD)).toBe('svc/Dockerfile');
    expect(displayPath('/srv/x/Dockerfile', CWD)).toBe('/srv/x/Dockerfile');
    expect(displayPath('../sibling/Dockerfile', CWD)).toBe('/work/sibling/Dockerfile');
  });
});

describe('gitlab', () => {
  const issues = JSON.parse(gitlab(SAMPLE_REPORT, sampleContext())) as GitlabIssue[];

  it('emits one Code Quality issue per finding and input error', () => {
    expect(issues).toHaveLength(13);
    expect(issues[0]).toEqual({
      description: 'Instruction "from" should be upper case like the others',
      check_name: 'ConsistentInstructionCasing',
      fingerprint: issues[0]?.fingerprint,
      severity: 'info',
      location: { path: 'Dockerfile', lines: { begin: 1 } },
    });
    expect(Object.fromEntries(issues.map((i) => [i.check_name, i.severity]))).toMatchObject({
      DL3020: 'critical',
      DL3006: 'major',
      DL3015: 'minor',
      ConsistentInstructionCasing: 'info',
      'input-error': 'blocker',
    });
    expect(issues.at(-1)?.location).toEqual({ path: 'missing/Dockerfile', lines: { begin: 1 } });
  });

  it('fingerprints are sha256 hex of path, rule, line and message, and unique here', () => {
    const dl3020 = issues.find((i) => i.check_name === 'DL3020');
    const expected = createHash('sha256').update(['Dockerfile', 'DL3020', '4', 'Use COPY instead of ADD for files and folders'].join('\0')).digest('hex');
    expect(dl3020?.fingerprint).toBe(expected);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fingerprints ignore columns, so they survive edits elsewhere on the line', () => {
    const at = (character: number): LintReport => ({
      files: [{ file: 'Dockerfile', findings: [f({ start: pos(3, character), end: pos(3, character + 2) })] }],
      errors: [],
    });
    const a = JSON.parse(gitlab(at(0), sampleContext())) as GitlabIssue[];
    const b = JSON.parse(gitlab(at(7), sampleContext())) as GitlabIssue[];
    expect(a[0]?.fingerprint).toBe(b[0]?.fingerprint);
  });
});

describe('codeclimate', () => {
  const issues = JSON.parse(codeclimate(SAMPLE_REPORT, sampleContext())) as CodeClimateIssue[];

  it('emits Code Climate issues with positions, categories, severity and fingerprint', () => {
    expect(issues).toHaveLength(13);
    const secret = issues.find((i) => i.check_name === 'DW7001');
    expect(secret).toMatchObject({
      type: 'issue',
      categories: ['Security'],
      severity: 'critical',
      location: { path: 'Dockerfile', positions: { begin: { line: 5, column: 34 }, end: { line: 5, column: 51 } } },
    });
    expect(secret?.content?.body).toContain('Do not put secrets in ENV or ARG.');
    expect(secret?.content?.body).toContain('https://dockwise.example/rules/DW7001');
    expect(issues.find((i) => i.check_name === 'DW9000')?.content).toBeUndefined();
    expect(issues.at(-1)).toMatchObject({ check_name: 'input-error', severity: 'blocker', location: { path: 'missing/Dockerfile', lines: { begin: 1, end: 1 } } });
    const gl = JSON.parse(gitlab(SAMPLE_REPORT, sampleContext())) as GitlabIssue[];
    expect(issues.map((i) => i.fingerprint)).toEqual(gl.map((i) => i.fingerprint));
  });

  it('maps every category to Code Climate categories', () => {
    const allowed = new Set(['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style']);
    for (const c of CATEGORIES) {
      const mapped = codeClimateCategories(c);
      expect(mapped.length).toBeGreaterThan(0);
      for (const m of mapped) expect(allowed.has(m)).toBe(true);
    }
  });
});

describe('github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext: a,b');
    expect(escapeProperty('C:\\dir,x%\n')).toBe('C%3A\\dir%2Cx%25%0A');
  });

  it('maps severities to commands and sends columns only on single-line ranges', () => {
    const lines = github(SAMPLE_REPORT, sampleContext()).trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe(
      '::notice file=Dockerfile,line=1,endLine=1,col=1,endColumn=5,title=ConsistentInstructionCasing::Instruction "from" should be upper case like the others',
    );
    expect(lines.find((l) => l.includes('title=DL3008'))).toBe('::warning file=Dockerfile,line=2,endLine=3,title=DL3008::Pin versions in apt-get install: curl, git');
    expect(lines.find((l) => l.includes('title=DW7001'))).toContain('::Secret <API_TOKEN> is 100%25 visible');
    expect(lines.filter((l) => l.startsWith('::error')).length).toBe(5);
    expect(lines.at(-2)).toBe('::error file=broken/Dockerfile,line=4,title=dockwise%3A input error::unterminated heredoc <<EOF: expected "EOF" & end of file');
  });

  it('keeps each annotation on one line and escapes commas in file names', () => {
    const report: LintReport = {
      files: [{ file: 'a,b:c.Dockerfile', findings: [f({ start: pos(0, 0), end: pos(0, 1) }, { message: 'two\nlines' })] }],
      errors: [],
    };
    expect(github(report, sampleContext())).toBe('::warning file=a%2Cb%3Ac.Dockerfile,line=1,endLine=1,col=1,endColumn=2,title=R1::two%0Alines\n');
    expect(github({ files: [], errors: [] }, sampleContext())).toBe('');
  });
});

describe('gnu', () => {
  it('follows the GNU forms with inclusive end columns', () => {
    expect(gnuSpan(f({ start: pos(3, 0), end: pos(3, 3) }), undefined)).toBe('4.1-3');
    expect(gnuSpan(f({ start: pos(3, 4), end: pos(3, 5) }), undefined)).toBe('4:5');
    expect(gnuSpan(f({ start: pos(3, 4), end: pos(3, 4) }), undefined)).toBe('4:5');
    expect(gnuSpan(f({ start: pos(1, 22), end: pos(2, 14) }), undefined)).toBe('2.23-3.14');
    expect(gnuSpan(f({ start: pos(0, 2), end: pos(2, 0) }), ['FROM a', 'RUN b \\', 'x'])).toBe('1.3-2.7');
  });

  it('prints file:span: severity: message [RULE] and input errors', () => {
    const lines = gnu(SAMPLE_REPORT, sampleContext()).trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('Dockerfile:1.1-4: note: Instruction "from" should be upper case like the others [ConsistentInstructionCasing]');
    expect(lines).toContain('Dockerfile:2.23-40: info: Avoid additional packages by specifying --no-install-recommends [DL3015]');
    expect(lines).toContain('Dockerfile:2.23-3.14: warning: Pin versions in apt-get install: curl, git [DL3008]');
    expect(lines.at(-2)).toBe('broken/Dockerfile:4: error: unterminated heredoc <<EOF: expected "EOF" & end of file');
    expect(lines.at(-1)).toBe("missing/Dockerfile: error: ENOENT: no such file or directory, open 'missing/Dockerfile'");
    for (const l of lines) expect(l).toMatch(/^[^:]+(:\d+(:\d+|\.\d+-\d+(\.\d+)?)?)?: (error|warning|info|note): /);
  });
});
