/**
 * Helpers for the front-half tests: plan a Dockerfile text or a fixture directory, materialise
 * the generated files with stand-ins for the build-context paths they refer to, and run
 * nix-instantiate on many files at once.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planDockerfileText, type PlanTextOptions } from '../../src/migrate/from-model.js';
import type { MigrationPlan } from '../../src/migrate/plan.js';
import { defaultPackageMap, type PackageMap } from '../../src/migrate/packages.js';
import { loadShellParser } from '../../src/shell/parser.js';
import type { ShellParser } from '../../src/shell/types.js';
import { STUB_DIR } from './nix-helpers.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIGRATE_FIXTURES = path.join(REPO_ROOT, 'fixtures', 'migrate');

let parserPromise: Promise<ShellParser> | null = null;
/** The bash grammar, loaded once per test file. */
export function shellParser(): Promise<ShellParser> {
  parserPromise ??= loadShellParser();
  return parserPromise;
}

let mapCache: PackageMap | null = null;
export function packageMap(): PackageMap {
  mapCache ??= defaultPackageMap();
  return mapCache;
}

/** Read context files from a directory (what the CLI does, without its safety checks). */
export function dirContext(dir: string): Pick<PlanTextOptions, 'readContextFile' | 'contextKind'> {
  return {
    readContextFile: (p) => {
      try {
        const f = path.join(dir, p);
        return fs.statSync(f).isFile() ? fs.readFileSync(f, 'utf8') : null;
      } catch {
        return null;
      }
    },
    contextKind: (p) => {
      try {
        return fs.statSync(path.join(dir, p)).isDirectory() ? 'directory' : 'file';
      } catch {
        return null;
      }
    },
  };
}

/** Plan a Dockerfile text; `files` is an in-memory build context. */
export async function plan(text: string, opts: PlanTextOptions & { files?: Record<string, string> } = {}): Promise<MigrationPlan> {
  const { files, ...rest } = opts;
  const ctx: Pick<PlanTextOptions, 'readContextFile' | 'contextKind'> =
    files === undefined
      ? {}
      : {
          readContextFile: (p) => files[p] ?? null,
          contextKind: (p) => (files[p] !== undefined ? 'file' : Object.keys(files).some((k) => k.startsWith(p + '/')) ? 'directory' : null),
        };
  return planDockerfileText(text, await shellParser(), { name: 'app', packageMap: packageMap(), ...ctx, ...rest });
}

/**
 * Write generated files into `dir` and create empty stand-ins for every build-context path the
 * plan refers to (copied files and directories, builder sources) that does not exist there.
 */
export function materializeInto(dir: string, p: MigrationPlan, files: readonly { path: string; content: string }[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.content);
  const ensure = (rel: string, isDir: boolean): void => {
    if (rel === '.' || rel === '') return;
    const abs = path.join(dir, rel);
    if (fs.existsSync(abs)) return;
    if (isDir) fs.mkdirSync(abs, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, '');
    }
  };
  for (const c of p.copies) if (c.from.kind === 'context') ensure(c.from.path, c.from.isDirectory);
  for (const b of p.builders) ensure(b.src, true);
}

export function tempDir(prefix = 'dockwise-migrate-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function nix(args: string[], cwd: string): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('nix-instantiate', ['--readonly-mode', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIX_PATH: '' }, maxBuffer: 256 * 1024 * 1024 });
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !/build-users-group|nixbld/.test(l) && l.trim() !== '')
    .join('\n');
  return { ok: r.status === 0, stdout: r.stdout, stderr };
}

/**
 * `nix-instantiate --parse` over many files, `chunk` per process; a failing chunk is retried
 * file by file. Returns the files that do not parse, with the error.
 */
export function parseMany(files: readonly string[], chunk = 200): { file: string; error: string }[] {
  const bad: { file: string; error: string }[] = [];
  for (let i = 0; i < files.length; i += chunk) {
    const part = files.slice(i, i + chunk);
    if (nix(['--parse', ...part], os.tmpdir()).ok) continue;
    for (const f of part) {
      const r = nix(['--parse', f], path.dirname(f));
      if (!r.ok) bad.push({ file: f, error: r.stderr });
    }
  }
  return bad;
}

/**
 * Evaluate `(import <dir>/default.nix { pkgs = <stub>; }).args` strictly for many directories,
 * `chunk` per process (one list expression); a failing chunk is retried one by one.
 */
export function evalMany(dirs: readonly string[], chunk = 100): { dir: string; error: string }[] {
  const bad: { dir: string; error: string }[] = [];
  const expr = (d: string): string => `(import ${d}/default.nix { pkgs = import ${STUB_DIR} { }; }).args`;
  for (let i = 0; i < dirs.length; i += chunk) {
    const part = dirs.slice(i, i + chunk);
    if (nix(['--eval', '--strict', '--json', '-E', `builtins.deepSeq [ ${part.map(expr).join(' ')} ] true`], os.tmpdir()).ok) continue;
    for (const d of part) {
      const r = nix(['--eval', '--strict', '--json', '-E', expr(d)], d);
      if (!r.ok) bad.push({ dir: d, error: r.stderr });
    }
  }
  return bad;
}
