/**
 * The launcher (package.json `bin`, src/cli/launch.cts) and its V8 code cache: same output with
 * and without a cache, a damaged cache is ignored and replaced, and caching can be turned off.
 * Runs the built dist/ (bundled by `npm run build`).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('dist/src/cli/launch.cjs');
const FILE = resolve('fixtures/migrate/python-emailservice/Dockerfile');
const bundled = existsSync(resolve('dist/src/cli/bundle-core.cjs'));

function lint(cacheHome: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', FILE], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', HOME: cacheHome, XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: join(cacheHome, '.no-config'), ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function caches(cacheHome: string): string[] {
  const dir = join(cacheHome, 'dockwise');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')).map((f) => join(dir, f)) : [];
}

describe.skipIf(!bundled)('launcher code cache', () => {
  it('writes a cache on the first run and gives the same output from it', () => {
    const home = mkdtempSync(join(tmpdir(), 'dockwise-launch-'));
    const first = lint(home);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    expect(caches(home)).toHaveLength(1);
    const second = lint(home);
    expect(second).toEqual(first);
  });

  it('ignores and replaces a damaged cache', () => {
    const home = mkdtempSync(join(tmpdir(), 'dockwise-launch-'));
    const first = lint(home);
    const [file] = caches(home);
    if (file === undefined) throw new Error('no cache written');
    const data = readFileSync(file);
    for (let i = 64; i < data.length; i += 997) data[i] = (data[i] ?? 0) ^ 0x55;
    writeFileSync(file, data);
    expect(lint(home)).toEqual(first);
    writeFileSync(file, 'not a cache');
    expect(lint(home)).toEqual(first);
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });

  it('runs uncached where the cache cannot be written, and creates no home directory', () => {
    const home = mkdtempSync(join(tmpdir(), 'dockwise-launch-'));
    const first = lint(home, { XDG_CACHE_HOME: '' });
    expect(caches(join(home, '.cache'))).toHaveLength(1);
    const missing = join(home, 'no-such-home');
    expect(lint(home, { HOME: missing, XDG_CACHE_HOME: '' })).toEqual(first);
    expect(existsSync(missing)).toBe(false);
    // Where nothing can be created (a recursive mkdir never returned here).
    if (process.platform === 'linux') expect(lint(home, { XDG_CACHE_HOME: '/proc/dockwise-cache' })).toEqual(first);
  }, 60_000);

  it('writes nothing with DOCKWISE_NO_CODE_CACHE or after a usage error', () => {
    const home = mkdtempSync(join(tmpdir(), 'dockwise-launch-'));
    expect(lint(home, { DOCKWISE_NO_CODE_CACHE: '1' }).status).toBe(1);
    const bad = spawnSync(process.execPath, [BIN, 'lint', '--max-file-size', 'x', FILE], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: home } });
    expect(bad.status).toBe(2);
    expect(caches(home)).toEqual([]);
  });
});
