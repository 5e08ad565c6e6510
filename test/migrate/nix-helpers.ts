/**
 * Running Nix in tests. `nix-instantiate` comes from Debian's nix-bin (see docs/migration.md).
 * Without it the Nix checks are skipped with a message, except under CI=true, where a missing
 * nix-instantiate fails the run (`nixMissingUnderCi`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const STUB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'nix-stub');

function probe(): string | null {
  const r = spawnSync('nix-instantiate', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const NIX_VERSION = probe();
export const HAVE_NIX = NIX_VERSION !== null;
export const NIX_REQUIRED = process.env['CI'] === 'true';
export const NIX_MISSING_MESSAGE =
  'nix-instantiate not found: install it with `apt-get install -y --no-install-recommends nix-bin`';

let warned = false;
export function warnIfSkipped(): void {
  if (!HAVE_NIX && !NIX_REQUIRED && !warned) {
    warned = true;
    console.warn(`[test/migrate] ${NIX_MISSING_MESSAGE}; skipping the Nix parse/eval checks (CI=true makes this a failure).`);
  }
}

export interface NixResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Nix prints a harmless warning about the nixbld group when run as root without a daemon. */
function cleanStderr(s: string): string {
  return s
    .split('\n')
    .filter((l) => !/build-users-group|nixbld/.test(l) && l.trim() !== '')
    .join('\n');
}

function run(args: string[], cwd: string): NixResult {
  const r = spawnSync('nix-instantiate', ['--readonly-mode', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIX_PATH: '' } });
  return { ok: r.status === 0, stdout: r.stdout, stderr: cleanStderr(r.stderr) };
}

export function nixParseFile(file: string): NixResult {
  return run(['--parse', file], path.dirname(file));
}

export function nixEvalJson(expr: string, cwd: string): NixResult {
  return run(['--eval', '--strict', '--json', '-E', expr], cwd);
}

/** Write files into a fresh temp directory; returns its path. */
export function materialize(files: Record<string, string>, dirs: readonly string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-migrate-'));
  for (const d of dirs) fs.mkdirSync(path.join(dir, d), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Build-context files the fixtures refer to. */
export const CONTEXT_FILES: Record<string, string> = {
  'app.py': 'print("hi")\n',
  'templates/index.html': '<p>hi</p>\n',
  'requirements.txt': 'Flask==0.10.1\n',
  'my file.txt': 'x\n',
  'conf/app.conf': 'x\n',
  'data/seed.csv': 'x\n',
  'web/package.json': '{}\n',
  'tool/Cargo.toml': '\n',
  'legacy dir/configure': '\n',
  'api/pyproject.toml': '\n',
  'go.mod': 'module x\n',
};

export function stubExpr(file = './default.nix', extra = ''): string {
  return `(import ${file} { pkgs = import ${STUB_DIR} { }; ${extra} })`;
}

export function n2cStubArg(): string {
  return `nix2container = import ${path.join(STUB_DIR, 'nix2container.nix')};`;
}
