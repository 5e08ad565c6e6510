import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { FORMAT_NAMES, formatReport, isFormatName, type FormatName } from '../../src/report/index.js';
import { SAMPLE_REPORT, sampleContext } from './sample.js';

const SNAPSHOT_FILE: Record<FormatName, string> = {
  stylish: 'sample.stylish.txt',
  json: 'sample.json',
  sarif: 'sample.sarif',
  checkstyle: 'sample.checkstyle.xml',
  gitlab: 'sample.gitlab.json',
  github: 'sample.github.txt',
  gnu: 'sample.gnu.txt',
  codeclimate: 'sample.codeclimate.json',
  junit: 'sample.junit.xml',
};

describe('formatReport', () => {
  it('knows nine formats, each once', () => {
    expect([...FORMAT_NAMES]).toEqual(['stylish', 'json', 'sarif', 'checkstyle', 'gitlab', 'github', 'gnu', 'codeclimate', 'junit']);
    expect(Object.isFrozen(FORMAT_NAMES)).toBe(true);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('tty')).toBe(false);
  });

  it('loads formatter modules lazily (index.ts has no static import of them)', () => {
    const index = readFileSync(new URL('../../src/report/index.ts', import.meta.url), 'utf8');
    const staticImports = [...index.matchAll(/^import[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(staticImports).toEqual(['../core/types.js']);
    for (const name of FORMAT_NAMES) expect(index).toContain(`await import('./${name}.js')`);
  });

  for (const name of FORMAT_NAMES) {
    it(`renders the sample report as ${name}`, async () => {
      const out = await formatReport(name, SAMPLE_REPORT, sampleContext());
      expect(out.endsWith('\n')).toBe(true);
      await expect(out).toMatchFileSnapshot(`./__snapshots__/${SNAPSHOT_FILE[name]}`);
    });

    it(`${name} is deterministic and does not mutate the report`, async () => {
      const before = JSON.stringify(SAMPLE_REPORT);
      const a = await formatReport(name, SAMPLE_REPORT, sampleContext());
      const b = await formatReport(name, structuredClone(SAMPLE_REPORT), sampleContext());
      expect(a).toBe(b);
      expect(JSON.stringify(SAMPLE_REPORT)).toBe(before);
    });

    it(`${name} handles an empty report`, async () => {
      const out = await formatReport(name, { files: [], errors: [] }, sampleContext());
      expect(typeof out).toBe('string');
      expect(out).not.toMatch(/undefined|NaN|\[object/);
    });
  }
});
