import { describe, expect, it } from 'vitest';

import type { LintReport } from '../../src/core/types.js';
import { format as checkstyle } from '../../src/report/checkstyle.js';
import { format as junit } from '../../src/report/junit.js';
import { xmlAttr, xmlText } from '../../src/report/xml.js';
import { SAMPLE_REPORT, sampleContext } from './sample.js';
import { checkXml, type XmlElement } from './xml-check.js';

/** Every kind of character that needs care in XML 1.0. */
const NASTY = 'a<b>&c"d\'e\u0000f\u0001g\u000Bh\u001Fi\uFFFEj\uD800k\tl\nm\rn 日本 ☕ 🐳';

const NASTY_REPORT: LintReport = {
  files: [
    {
      file: 'odd "name" <&>.Dockerfile',
      findings: [
        {
          file: 'x',
          rule: 'DL3020',
          category: 'correctness',
          severity: 'error',
          message: NASTY,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        },
      ],
    },
  ],
  errors: [{ file: 'bad\u0002file', message: NASTY, line: 2 }],
};

function wellFormed(xml: string): XmlElement {
  const { problems, root } = checkXml(xml);
  expect(problems).toEqual([]);
  if (!root) throw new Error('no root');
  return root;
}

describe('xml escaping', () => {
  it('escapes markup and replaces characters XML 1.0 cannot carry', () => {
    expect(xmlText('<a & b>')).toBe('&lt;a &amp; b&gt;');
    expect(xmlAttr('say "hi" & \'bye\'\t\n')).toBe('say &quot;hi&quot; &amp; &apos;bye&apos;&#9;&#10;');
    expect(xmlText('x\u0000y\u001Fz\uFFFF')).toBe('x\uFFFDy\uFFFDz\uFFFD');
    expect(xmlText('lone \uDC00 and pair \uD83D\uDC33')).toBe('lone \uFFFD and pair \uD83D\uDC33');
    expect(xmlText('cr\r')).toBe('cr&#13;');
  });

  it('the checker rejects what it should', () => {
    expect(checkXml('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a>').problems).not.toEqual([]);
    expect(checkXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 & 2"/>').problems).not.toEqual([]);
    expect(checkXml('<?xml version="1.0" encoding="UTF-8"?>\n<a>\u0001</a>').problems).not.toEqual([]);
    expect(checkXml('<?xml version="1.0" encoding="UTF-8"?>\n<a/><b/>').problems).not.toEqual([]);
  });
});

describe('checkstyle', () => {
  it('is well-formed and has one <file> per linted or failed file', () => {
    const root = wellFormed(checkstyle(SAMPLE_REPORT, sampleContext()));
    expect(root.name).toBe('checkstyle');
    expect(root.children.map((f) => f.attrs['name'])).toEqual([
      'Dockerfile',
      'services/api/Dockerfile.prod',
      '/srv/other/Dockerfile',
      'clean/Dockerfile',
      'broken/Dockerfile',
      'missing/Dockerfile',
    ]);
    const first = root.children[0]?.children[0];
    expect(first?.attrs).toEqual({
      line: '1',
      column: '1',
      severity: 'info',
      message: 'Instruction "from" should be upper case like the others',
      source: 'dockwise.ConsistentInstructionCasing',
    });
    expect(root.children[3]?.children).toEqual([]);
    expect(root.children[4]?.children[0]?.attrs).toMatchObject({ line: '4', severity: 'error', source: 'dockwise.input-error' });
  });

  it('stays well-formed with hostile messages and file names, keeping what XML can carry', () => {
    const root = wellFormed(checkstyle(NASTY_REPORT, sampleContext()));
    expect(root.children[0]?.attrs['name']).toBe('odd "name" <&>.Dockerfile');
    expect(root.children[0]?.children[0]?.attrs['message']).toBe(
      'a<b>&c"d\'e\uFFFDf\uFFFDg\uFFFDh\uFFFDi\uFFFDj\uFFFDk\tl\nm\rn 日本 ☕ 🐳',
    );
    expect(root.children[1]?.attrs['name']).toBe('bad\uFFFDfile');
  });
});

describe('junit', () => {
  it('is well-formed with a suite per file, failures for findings and errors for input errors', () => {
    const root = wellFormed(junit(SAMPLE_REPORT, sampleContext()));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toEqual({ name: 'dockwise', tests: '14', failures: '11', errors: '2' });
    const suites = root.children;
    expect(suites.map((s) => [s.attrs['name'], s.attrs['tests'], s.attrs['failures'], s.attrs['errors']])).toEqual([
      ['Dockerfile', '8', '8', '0'],
      ['services/api/Dockerfile.prod', '2', '2', '0'],
      ['/srv/other/Dockerfile', '1', '1', '0'],
      ['clean/Dockerfile', '1', '0', '0'],
      ['broken/Dockerfile', '1', '0', '1'],
      ['missing/Dockerfile', '1', '0', '1'],
    ]);
    for (const suite of suites) {
      expect(suite.children.length).toBe(Number(suite.attrs['tests']));
      expect(suite.children.filter((c) => c.children.some((x) => x.name === 'failure')).length).toBe(Number(suite.attrs['failures']));
      expect(suite.children.filter((c) => c.children.some((x) => x.name === 'error')).length).toBe(Number(suite.attrs['errors']));
    }
    const clean = suites[3]?.children[0];
    expect(clean).toEqual({ name: 'testcase', attrs: { name: 'dockwise', classname: 'clean/Dockerfile' }, children: [], text: '' });
    const failure = suites[0]?.children[4]?.children[0];
    expect(failure?.attrs).toEqual({ message: 'Use COPY instead of ADD for files and folders', type: 'error' });
    expect(failure?.text).toBe('Dockerfile:4:1: error: Use COPY instead of ADD for files and folders [DL3020]');
  });

  it('stays well-formed with hostile messages and file names', () => {
    const root = wellFormed(junit(NASTY_REPORT, sampleContext()));
    expect(root.children[0]?.children[0]?.children[0]?.attrs['message']).toContain('a<b>&c"d\'e\uFFFD');
  });

  it('renders an empty report as an empty, well-formed suite list', () => {
    const root = wellFormed(junit({ files: [], errors: [] }, sampleContext()));
    expect(root.attrs).toEqual({ name: 'dockwise', tests: '0', failures: '0', errors: '0' });
    wellFormed(checkstyle({ files: [], errors: [] }, sampleContext()));
  });
});
