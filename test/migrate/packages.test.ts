import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { defaultPackageMap, lookupPackage, mappedAttributes, normalizeDistroName, normalizePypiName, parsePackageMap } from '../../src/migrate/packages.js';
import type { PackageManager } from '../../src/migrate/plan.js';
// The coverage script is plain JavaScript; it mirrors the lookup rules.
// @ts-expect-error no type declarations for the .mjs script
import { coverage, decide, extractPackages, loadPackageMap } from '../../scripts/package-coverage.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const map = defaultPackageMap();
const CORPUS = process.env['DOCKWISE_CORPUS'] ?? path.resolve(ROOT, '..', 'shared', 'corpus');
const HAVE_CORPUS = fs.existsSync(CORPUS);
const CORPUS_SKIP_NOTE = `skipped: the shared corpus (${CORPUS}) is not there; set DOCKWISE_CORPUS or run beside ../shared as CI does`;
if (!HAVE_CORPUS) console.warn(`[package coverage] ${CORPUS_SKIP_NOTE}`);

type Decide = (m: unknown, manager: string, name: string) => string;

describe('data/package-map.json', () => {
  test('every nixpkgs attribute records where it was verified in the nixpkgs source', () => {
    let n = 0;
    for (const [manager, table] of Object.entries(map.entries)) {
      for (const [name, e] of Object.entries(table ?? {})) {
        n++;
        if (e.nixAttr === null) {
          expect(e.verified, `${manager}/${name}`).toBeUndefined();
          expect(e.note, `${manager}/${name} needs a note saying why no attribute`).toBeTypeOf('string');
          continue;
        }
        const v = e.verified ?? '';
        const attr = e.nixAttr;
        const ok =
          v === `pkgs/by-name/${attr.slice(0, 2).toLowerCase()}/${attr}/package.nix` ||
          (attr.startsWith('python3Packages.') && v.startsWith(`pkgs/development/python-modules/${attr.slice('python3Packages.'.length)}/`)) ||
          (v.startsWith('pkgs/top-level/all-packages.nix: ') && (v.includes(`${attr} = `) || v.includes(`) ${attr}`)));
        expect(ok, `${manager}/${name} -> ${attr}: ${v}`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(400);
  });

  test('no nodePackages attributes (removed from nixpkgs)', () => {
    expect(mappedAttributes(map).filter((a) => a.startsWith('nodePackages'))).toEqual([]);
  });

  test('compilers, make and header packages are build-only', () => {
    for (const [m, n] of [
      ['apt', 'gcc'],
      ['apt', 'g++'],
      ['apt', 'make'],
      ['apt', 'build-essential'],
      ['apk', 'build-base'],
      ['apk', 'musl-dev'],
      ['apt', 'libssl-dev'],
      ['dnf', 'openssl-devel'],
    ] as [PackageManager, string][]) {
      expect(lookupPackage(map, m, n).role, `${m} ${n}`).toBe('build-only');
    }
  });

  test('the loader rejects malformed tables', () => {
    expect(() => parsePackageMap({ schemaVersion: 2, rules: [], entries: {} })).toThrow(/schemaVersion/);
    expect(() => parsePackageMap({ schemaVersion: 1, rules: [], entries: { apt: { x: { nixAttr: 'x', role: 'runtime' } } } })).toThrow(/without verified/);
    expect(() => parsePackageMap({ schemaVersion: 1, rules: [], entries: { brew: {} } })).toThrow(/unknown manager/);
  });
});

describe('lookupPackage', () => {
  test('exact table entries', () => {
    expect(lookupPackage(map, 'apt', 'curl')).toMatchObject({ nixAttr: 'curl', method: 'table', confidence: 'high', status: 'mapped', verified: 'pkgs/by-name/cu/curl/package.nix' });
    expect(lookupPackage(map, 'apt', 'ca-certificates')).toMatchObject({ nixAttr: 'cacert', helper: 'cacert', role: 'runtime' });
    expect(lookupPackage(map, 'apk', 'tzdata')).toMatchObject({ helper: 'tzdata' });
    expect(lookupPackage(map, 'apt', 'gcc')).toMatchObject({ nixAttr: null, status: 'not-needed', role: 'build-only' });
    expect(lookupPackage(map, 'apt', 'curl=7.88.1-10')).toMatchObject({ nixAttr: 'curl' });
    expect(lookupPackage(map, 'apt', 'libc6:amd64')).toMatchObject({ status: 'not-needed' });
  });

  test('rules: headers, versioned names, Python prefixes', () => {
    expect(lookupPackage(map, 'apt', 'libfoo-dev')).toMatchObject({ nixAttr: null, role: 'build-only', method: 'rule:dev-headers' });
    expect(lookupPackage(map, 'dnf', 'libfoo-devel')).toMatchObject({ role: 'build-only', method: 'rule:dev-headers' });
    expect(lookupPackage(map, 'apt', 'libssl-dev')).toMatchObject({ nixAttr: 'openssl', role: 'build-only', method: 'table' });
    expect(lookupPackage(map, 'apt', 'g++-12')).toMatchObject({ method: 'rule:version-suffix', via: 'g++', role: 'build-only' });
    expect(lookupPackage(map, 'apt', 'llvm-20')).toMatchObject({ nixAttr: 'llvm', status: 'needs-confirmation' });
    expect(lookupPackage(map, 'apt', 'libtcmalloc-minimal4t64')).toMatchObject({ nixAttr: 'gperftools', method: 'rule:version-suffix', confidence: 'high' });
    expect(lookupPackage(map, 'apk', 'py3-flask')).toMatchObject({ nixAttr: 'python3Packages.flask', method: 'rule:python-prefix', status: 'needs-confirmation' });
    expect(lookupPackage(map, 'apt', 'python3-yaml')).toMatchObject({ method: 'unknown' }); // Debian name != PyPI name: not guessed
    expect(lookupPackage(map, 'apt', 'foo-doc')).toMatchObject({ role: 'build-only', method: 'rule:build-tool' });
  });

  test('pip: PEP 503 names; unknown ones are a low-confidence guess that needs confirmation', () => {
    expect(normalizePypiName('Ruamel.YAML')).toBe('ruamel-yaml');
    expect(normalizePypiName('Flask__Login')).toBe('flask-login');
    expect(lookupPackage(map, 'pip', 'PyYAML')).toMatchObject({ nixAttr: 'python3Packages.pyyaml', method: 'table', via: 'pyyaml' });
    expect(lookupPackage(map, 'pip', 'pip')).toMatchObject({ nixAttr: null, role: 'build-only' });
    expect(lookupPackage(map, 'pip', 'Some_New.Lib')).toMatchObject({ nixAttr: 'python3Packages.some-new-lib', method: 'rule:pep503-normalize', confidence: 'low', status: 'needs-confirmation' });
  });

  test('unknown packages are reported, never guessed', () => {
    expect(lookupPackage(map, 'apt', 'frobnicator')).toMatchObject({ nixAttr: null, method: 'unknown', status: 'unmapped' });
    expect(lookupPackage(map, 'npm', 'left-pad')).toMatchObject({ method: 'unknown' });
    expect(normalizeDistroName('Curl=1:7.0~x')).toBe('curl');
  });
});

describe('scripts/package-coverage.mjs', () => {
  const decideJs = decide as Decide;
  const raw = (loadPackageMap as (f?: string) => unknown)();

  test('applies the same decisions as src/migrate/packages.ts', () => {
    const names = new Set<string>(['libfoo-dev', 'g++-12', 'llvm-20', 'libtcmalloc-minimal4t64', 'py3-flask', 'python3-yaml', 'foo-doc', 'frobnicator', 'php7.0']);
    for (const table of Object.values(map.entries)) for (const k of Object.keys(table ?? {})) names.add(k);
    for (const manager of ['apt', 'apk', 'dnf'] as const) {
      for (const name of names) {
        const ts = lookupPackage(map, manager, name).method;
        expect(decideJs(raw, manager, name), `${manager} ${name}`).toBe(ts);
      }
    }
  });

  test('extracts names like the research counter', () => {
    const df = 'RUN apt-get update && apt-get install -y --no-install-recommends \\\n  curl=7.0 ca-certificates \\\n  libc6:amd64 "$PKG" && rm -rf /x\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\n';
    expect((extractPackages as (t: string, w: string) => string[])(df, 'apt')).toEqual(['curl', 'ca-certificates', 'libc6']);
    expect((extractPackages as (t: string, w: string) => string[])(df, 'apk')).toEqual(['gcc', 'musl-dev']);
  });

  test.skipIf(!HAVE_CORPUS)(`covers at least 90% of the corpus apt/apk installs (${HAVE_CORPUS ? 'corpus present' : CORPUS_SKIP_NOTE})`, () => {
    const res = (coverage as (d: string, m: unknown) => { total: { occurrences: number; covered: { occurrences: number } } })(CORPUS, raw);
    expect(res.total.covered.occurrences / res.total.occurrences).toBeGreaterThan(0.9);
  });
});
