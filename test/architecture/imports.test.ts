/**
 * Architecture checks that read import specifiers: dockerfile-ast is used in one module only,
 * rules import only the rule API, commander only in the CLI, and the migration never imports the
 * lint engine or the rules.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) if (m[1]) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) if (m[1]) out.push(m[1]);
  return out;
}

const all = [...files('src'), ...files('rules')];

describe('module boundaries', () => {
  it('only src/parse imports dockerfile-ast (the parser, and the memo of its argument scan)', () => {
    expect(all.filter((f) => imports(f).includes('dockerfile-ast')).sort()).toEqual([join('src', 'parse', 'memo-arguments.ts'), join('src', 'parse', 'parse.ts')]);
  });
  it('rules import only src/rule-api.ts', () => {
    const bad = files('rules')
      .filter((f) => !f.endsWith('index.ts'))
      .flatMap((f) => imports(f).filter((i) => i !== '../../src/rule-api.js').map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
  it('commander is used only by the CLI', () => {
    expect(all.filter((f) => imports(f).includes('commander') && !f.startsWith(join('src', 'cli')))).toEqual([]);
  });
  it('the migration never imports the lint engine or the rules', () => {
    const bad = all.filter((f) => f.startsWith(join('src', 'migrate'))).flatMap((f) => imports(f).filter((i) => /\/engine\/|\/rules\/|rule-api/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
});
