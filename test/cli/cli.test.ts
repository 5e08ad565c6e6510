/**
 * End-to-end tests: run the built CLI (dist/, built by `npm test` before vitest) as a user would.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, symlinkSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The `bin` of package.json: the launcher of the bundled CLI (falls back to main.js without a bundle).
const BIN = resolve('dist/src/cli/launch.cjs');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    input: opts.input ?? '',
    encoding: 'utf8',
    // The launcher's code cache goes to XDG_CACHE_HOME (else HOME/.cache): one shared place, not the test's directory.
    env: { PATH: process.env.PATH ?? '', HOME: opts.cwd ?? tmpdir(), XDG_CONFIG_HOME: join(opts.cwd ?? tmpdir(), '.no-config'), XDG_CACHE_HOME: join(tmpdir(), 'dockwise-test-cache'), ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dockwise-cli-'));
}

interface JsonReport {
  version: number;
  findings: { file: string; rule: string; category: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errors: { file: string; message: string; line?: number }[];
}

function json(r: Run): JsonReport {
  return JSON.parse(r.stdout) as JsonReport;
}

describe('dockwise lint', () => {
  it('reports findings in the JSON contract and exits 1', () => {
    const r = run(['lint', '-f', 'json', 'fixtures/python-app/Dockerfile']);
    expect(r.status).toBe(1);
    const rep = json(r);
    expect(rep.version).toBe(1);
    expect(rep.errors).toEqual([]);
    const rules = new Set(rep.findings.map((f) => f.rule));
    for (const code of ['DL3006', 'DL4000', 'DL3000', 'DL3020', 'DL3025']) expect(rules).toContain(code);
    const f = rep.findings.find((x) => x.rule === 'DL3006');
    expect(f).toMatchObject({ file: 'fixtures/python-app/Dockerfile', category: 'unpinned-version', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 12 });
  });

  it('exits 0 on a clean file', () => {
    const r = run(['lint', '-f', 'json', 'fixtures/clean/Dockerfile']);
    expect(json(r).findings).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('reads standard input with --stdin-filename', () => {
    const r = run(['lint', '-f', 'json', '--stdin-filename', 'web/Dockerfile', '-'], { input: 'FROM debian\n' });
    expect(r.status).toBe(1);
    expect(json(r).findings[0]).toMatchObject({ file: 'web/Dockerfile', rule: 'DL3006' });
  });

  it('walks directories for Dockerfile names, skipping node_modules and .git', () => {
    const d = tempDir();
    for (const p of ['Dockerfile', 'svc/Dockerfile.dev', 'svc/api.Dockerfile', 'svc/x.dockerfile', 'Containerfile', 'node_modules/m/Dockerfile', '.git/Dockerfile', 'README.md', 'Dockerfile.dockerignore']) {
      mkdirSync(join(d, p, '..'), { recursive: true });
      writeFileSync(join(d, p), 'FROM debian\n');
    }
    const r = run(['lint', '-f', 'json'], { cwd: d });
    const files = [...new Set(json(r).findings.map((f) => f.file))].sort();
    expect(files).toEqual(['Containerfile', 'Dockerfile', 'svc/Dockerfile.dev', 'svc/api.Dockerfile', 'svc/x.dockerfile']);
  });

  it('expands globs', () => {
    const d = tempDir();
    mkdirSync(join(d, 'a/b'), { recursive: true });
    writeFileSync(join(d, 'a/b/Dockerfile.prod'), 'FROM debian\n');
    writeFileSync(join(d, 'a/Dockerfile.dev'), 'FROM debian\n');
    const r = run(['lint', '-f', 'json', 'a/**/Dockerfile.prod'], { cwd: d });
    expect([...new Set(json(r).findings.map((f) => f.file))]).toEqual(['a/b/Dockerfile.prod']);
  });

  it('reports unreadable input with exit 2 and still lints the other files', () => {
    const d = tempDir();
    writeFileSync(join(d, 'Dockerfile'), 'FROM debian\n');
    const r = run(['lint', '-f', 'json', 'missing/Dockerfile', 'Dockerfile'], { cwd: d });
    expect(r.status).toBe(2);
    const rep = json(r);
    expect(rep.errors).toEqual([{ file: 'missing/Dockerfile', message: 'cannot read: no such file or directory' }]);
    expect(rep.findings.some((f) => f.file === 'Dockerfile')).toBe(true);
  });

  it('reports a binary file and invalid UTF-8 with their line, without a stack trace', () => {
    const d = tempDir();
    writeFileSync(join(d, 'bin.Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x0a, 0x00, 0x01]));
    writeFileSync(join(d, 'latin1.Dockerfile'), Buffer.concat([Buffer.from('FROM debian:12\nLABEL a=b\nLABEL x="'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    const r = run(['lint', '-f', 'json', '.'], { cwd: d });
    expect(r.status).toBe(2);
    const errs = json(r).errors;
    expect(errs).toContainEqual(expect.objectContaining({ file: 'bin.Dockerfile', line: 2 }));
    expect(errs).toContainEqual(expect.objectContaining({ file: 'latin1.Dockerfile', line: 3 }));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lints empty files, a BOM, CRLF line endings and unknown instructions without errors', () => {
    const d = tempDir();
    writeFileSync(join(d, 'empty.Dockerfile'), '');
    writeFileSync(join(d, 'bom.Dockerfile'), '\ufeffFROM debian\r\nWORKDIR app\r\n');
    writeFileSync(join(d, 'odd.Dockerfile'), 'FROM debian:12\nFROBNICATE now\nRUN <<EOF\necho "unterminated\n');
    const r = run(['lint', '-f', 'json', '.'], { cwd: d });
    const rep = json(r);
    expect(rep.errors).toEqual([]);
    expect(r.status).toBe(1);
    const bom = rep.findings.filter((f) => f.file === 'bom.Dockerfile');
    expect(bom.find((f) => f.rule === 'DL3006')).toMatchObject({ line: 1, column: 6, endColumn: 12 });
    expect(bom.find((f) => f.rule === 'DL3000')).toMatchObject({ line: 2, column: 9, endColumn: 12 });
    expect(rep.findings.some((f) => f.file === 'odd.Dockerfile' && f.rule === 'DW5001')).toBe(true);
    expect(rep.findings.some((f) => f.file === 'empty.Dockerfile' && f.rule === 'DW5014')).toBe(true);
  });

  it('gives the same report in the same order with worker threads (--jobs)', () => {
    const d = tempDir();
    // More files than the threshold from which worker threads are used (50).
    for (let i = 0; i < 70; i++) writeFileSync(join(d, `s${String(i).padStart(3, '0')}.Dockerfile`), `FROM debian\nRUN apt-get install -y curl${i % 3 ? ' | cat' : ''}\nWORKDIR app${i}\n`);
    writeFileSync(join(d, 'bad.Dockerfile'), Buffer.from([0x00, 0x01]));
    const one = run(['lint', '-f', 'json', '-j', '1', '.'], { cwd: d });
    const three = run(['lint', '-f', 'json', '-j', '3', '.'], { cwd: d });
    expect(three.status).toBe(one.status);
    expect(three.stdout).toBe(one.stdout);
    expect(json(one).findings.length).toBeGreaterThan(140);
    expect(run(['lint', '-j', '0', '.'], { cwd: d }).status).toBe(2);
  });

  it('skips files over --max-file-size', () => {
    const d = tempDir();
    writeFileSync(join(d, 'Dockerfile'), 'FROM debian:12\n' + '# padding\n'.repeat(200));
    const r = run(['lint', '-f', 'json', '--max-file-size', '1k', 'Dockerfile'], { cwd: d });
    expect(r.status).toBe(2);
    expect(json(r).errors[0]?.message).toMatch(/larger than --max-file-size/);
  });

  it('reports a symlink loop once and goes on', () => {
    const d = tempDir();
    mkdirSync(join(d, 'a'));
    writeFileSync(join(d, 'a/Dockerfile'), 'FROM debian\n');
    symlinkSync('..', join(d, 'a/loop'));
    const r = run(['lint', '-f', 'json', '.'], { cwd: d });
    const rep = json(r);
    expect(rep.errors.filter((e) => /loop/.test(e.message))).toHaveLength(1);
    expect(rep.findings.filter((f) => f.rule === 'DL3006')).toHaveLength(1);
  });

  it('honours --failure-threshold, --no-fail, --ignore and severity overrides', () => {
    const f = 'fixtures/python-app/Dockerfile';
    expect(run(['lint', '-f', 'json', '--no-fail', f]).status).toBe(0);
    const onlyDL3006 = run(['lint', '-f', 'json', '-t', 'error', '--ignore', 'DL4000', '--ignore', 'DL3000', '--ignore', 'DL3020', f]);
    expect(json(onlyDL3006).findings.some((x) => x.rule === 'DL4000')).toBe(false);
    const warnOnly = run(['lint', '-f', 'json', '-t', 'error', '--ignore', 'DL4000', '--ignore', 'DL3000', '--ignore', 'DL3020', '--error', 'DL3006', f]);
    expect(json(warnOnly).findings.find((x) => x.rule === 'DL3006')?.severity).toBe('error');
    expect(warnOnly.status).toBe(1);
  });

  it('honours inline pragmas (hadolint and dockwise spellings) and disable-ignore-pragma', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3000\nWORKDIR app\n# dockwise ignore=DL3000\nWORKDIR other\n';
    expect(json(run(['lint', '-f', 'json', '-'], { input: text })).findings.filter((f) => f.rule === 'DL3000')).toEqual([]);
    const all = json(run(['lint', '-f', 'json', '--disable-ignore-pragma', '-'], { input: text })).findings;
    expect(all.filter((f) => f.rule === 'DL3000')).toHaveLength(2);
    const globalText = '# hadolint global ignore=DL3006\nFROM debian\n';
    expect(json(run(['lint', '-f', 'json', '-'], { input: globalText })).findings.filter((f) => f.rule === 'DL3006')).toEqual([]);
  });

  it('reads .hadolint.yaml and reports config errors with file, line and key (exit 2)', () => {
    const d = tempDir();
    writeFileSync(join(d, 'Dockerfile'), 'FROM debian\n');
    writeFileSync(join(d, '.hadolint.yaml'), 'ignored:\n  - DL3006\n');
    const ok = run(['lint', '-f', 'json'], { cwd: d });
    expect(json(ok).findings).toEqual([]);
    expect(ok.status).toBe(0);
    writeFileSync(join(d, '.dockwise.yaml'), 'ignored: [DL3006]\nfailure-threshold: high\n');
    const bad = run(['lint', '-f', 'json'], { cwd: d });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.dockwise\.yaml:2: .*failure-threshold/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', () => {
    const r = run(['lint', '--format', 'nonsense', 'fixtures/clean/Dockerfile']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nonsense/);
  });

  it('writes --output atomically and prints nothing', () => {
    const d = tempDir();
    const out = join(d, 'report.sarif');
    const r = run(['lint', '-f', 'sarif', '-o', out, resolve('fixtures/python-app/Dockerfile')], { cwd: d });
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('stylish output has a code frame and no colour when NO_COLOR is set', () => {
    const r = run(['lint', 'fixtures/python-app/Dockerfile'], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('fixtures/python-app/Dockerfile');
    expect(r.stdout).toContain('DL3006');
    expect(r.stdout).toMatch(/\^/);
    expect(r.stdout).not.toContain('\u001b[');
    const colored = run(['lint', 'fixtures/python-app/Dockerfile'], { env: { FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[');
  });

  it('--color forces colour into a pipe (over NO_COLOR), --no-color turns it off (over FORCE_COLOR), the last one wins', () => {
    const file = 'fixtures/python-app/Dockerfile';
    expect(run(['lint', '--color', file]).stdout).toContain('\u001b[33mwarning');
    expect(run(['lint', '--color', file], { env: { NO_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(run(['lint', '--no-color', file], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(run(['lint', '--color', '--no-color', file]).stdout).not.toContain('\u001b[');
    expect(run(['lint', file]).stdout).not.toContain('\u001b[');
  });

  it('an unreadable directory in the walk is reported and skipped', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const d = tempDir();
    mkdirSync(join(d, 'closed'));
    writeFileSync(join(d, 'closed/Dockerfile'), 'FROM debian\n');
    chmodSync(join(d, 'closed'), 0o000);
    const r = run(['lint', '-f', 'json', '.'], { cwd: d });
    expect(json(r).errors[0]?.message).toMatch(/cannot read directory/);
  });
});

describe('dockwise lint into a closed pipe', () => {
  it('a reader that stops early (`| head -1`) is no crash: no stack trace, and the exit code still tells the result', () => {
    // Far more report than a pipe buffer holds, so dockwise is still writing when head has gone.
    const dir = tempDir();
    for (let i = 0; i < 40; i++) {
      mkdirSync(join(dir, `d${i}`));
      writeFileSync(join(dir, `d${i}`, 'Dockerfile'), 'FROM debian\nRUN apt-get update && apt-get install -y curl\n'.repeat(20));
    }
    const r = spawnSync('/bin/bash', ['-c', `"${process.execPath}" "${BIN}" lint "${dir}" | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_CACHE_HOME: join(tmpdir(), 'dockwise-test-cache') },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('exit=1');
  });
});

describe('dockwise rules and explain', () => {
  it('lists rules as JSON with code, category, severity, fixable', () => {
    const r = run(['rules', '--format', 'json']);
    expect(r.status).toBe(0);
    const rules = JSON.parse(r.stdout) as { code: string; category: string; severity: string; fixable: boolean }[];
    expect(rules.find((x) => x.code === 'DL3006')).toMatchObject({ category: 'unpinned-version', severity: 'warning', fixable: false });
  });

  it('explains a rule', () => {
    const r = run(['explain', 'DL3020']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Use COPY instead of ADD');
    expect(r.stdout).toContain('Problematic code');
    expect(r.stdout).toContain('# hadolint ignore=DL3020');
    expect(run(['explain', 'NOPE9999']).status).toBe(2);
  });
});
