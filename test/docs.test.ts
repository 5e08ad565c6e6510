import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

describe('generated documentation', () => {
  it.skipIf(!existsSync('dist/rules/index.js'))('docs/rules.md and the README rule table match the rules (run `npm run docs` to update)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-docs.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
