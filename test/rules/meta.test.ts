import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { allRules } from '../../rules/index.js';
import { CATEGORIES, SEVERITIES } from '../../src/core/types.js';
import { findingsOf } from '../helpers/lint.js';

describe('rule metadata', () => {
  it('rules/index.ts is generated from the rule files', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-rule-index.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('codes and names are unique and well formed', () => {
    const codes = new Set<string>();
    const names = new Set<string>();
    for (const r of allRules) {
      expect(codes.has(r.code), `duplicate code ${r.code}`).toBe(false);
      expect(names.has(r.name), `duplicate name ${r.name}`).toBe(false);
      codes.add(r.code);
      names.add(r.name);
      expect(r.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      if (r.source === 'hadolint') expect(r.code).toMatch(/^DL\d{4}$/);
      if (r.source === 'buildkit') expect(r.code).toMatch(/^[A-Z][A-Za-z]+$/);
      if (r.source === 'dockwise' || r.source === 'trivy-checkov' || r.source === 'dockerfile-utils') expect(r.code).toMatch(/^D[WM]\d{4}$/);
      expect(CATEGORIES).toContain(r.category);
      expect(SEVERITIES).toContain(r.severity);
    }
  });

  it('each rule file name is the rule slug', () => {
    const files = readdirSync('rules', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(`rules/${d.name}`).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)));
    expect([...files].sort()).toEqual(allRules.map((r) => r.name).sort());
  });

  it('docs are complete: summary without trailing period, what, why, examples', () => {
    for (const r of allRules) {
      expect(r.docs.summary.length, r.code).toBeGreaterThan(0);
      expect(r.docs.summary.endsWith('.'), `${r.code} summary ends with a period`).toBe(false);
      expect(r.docs.what.length, r.code).toBeGreaterThan(10);
      expect(r.docs.why.length, r.code).toBeGreaterThan(10);
      expect(r.docs.examples.length, r.code).toBeGreaterThan(0);
    }
  });
});

describe('documentation examples are tests', () => {
  for (const r of allRules) {
    r.docs.examples.forEach((ex, i) => {
      it(`${r.code} example ${i + 1}: bad fires, good does not`, async () => {
        const opts = { ...(ex.settings ?? {}), ...(ex.dockerignore !== undefined ? { context: { dockerignore: ex.dockerignore } } : {}) };
        expect((await findingsOf(r.code, ex.bad, opts)).length, `bad example of ${r.code} must fire`).toBeGreaterThan(0);
        expect(await findingsOf(r.code, ex.good, opts), `good example of ${r.code} must not fire`).toEqual([]);
      });
    });
  }
});
