/**
 * Every generated Nix file must parse (`nix-instantiate --parse`) and evaluate against the
 * offline nixpkgs stand-in in ./nix-stub, whose function formals copy the documented
 * argument lists: a misspelt or unsupported argument, or an unknown attribute, fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateMigration } from '../../src/migrate/index.js';
import type { MigrationPlan, MigrationTarget } from '../../src/migrate/plan.js';
import { goPlan, kitchenSinkPlan, seedPlan } from './fixtures.js';
import {
  CONTEXT_FILES,
  HAVE_NIX,
  NIX_MISSING_MESSAGE,
  NIX_REQUIRED,
  STUB_DIR,
  materialize,
  n2cStubArg,
  nixEvalJson,
  nixParseFile,
  stubExpr,
  warnIfSkipped,
} from './nix-helpers.js';

if (!HAVE_NIX && NIX_REQUIRED) {
  test('nix-instantiate is required when CI=true', () => {
    throw new Error(NIX_MISSING_MESSAGE);
  });
}

const FIXTURES: [string, () => MigrationPlan][] = [
  ['seed', seedPlan],
  ['go', goPlan],
  ['kitchen-sink', kitchenSinkPlan],
];
const NIX_TARGETS: MigrationTarget[] = ['buildLayeredImage', 'streamLayeredImage', 'nix2container'];

function writeOutput(plan: MigrationPlan): string {
  const out = generateMigration(plan);
  const files: Record<string, string> = { ...CONTEXT_FILES };
  for (const f of out.files) files[f.path] = f.content;
  return materialize(files);
}

interface ImageArgs {
  name: string;
  tag: string;
  contents?: string[];
  copyToRoot?: string[];
  fakeRootCommands?: string;
  config: Record<string, unknown>;
}

function evalImage(dir: string, target: MigrationTarget): { ok: boolean; args?: ImageArgs; stderr: string } {
  const extra = target === 'nix2container' ? n2cStubArg() : '';
  const r = nixEvalJson(`${stubExpr('./default.nix', extra)}.args`, dir);
  return r.ok ? { ok: true, args: JSON.parse(r.stdout) as ImageArgs, stderr: r.stderr } : { ok: false, stderr: r.stderr };
}

describe.skipIf(!HAVE_NIX)('generated Nix parses and evaluates against the nixpkgs stand-in', () => {
  warnIfSkipped();

  for (const [name, make] of FIXTURES) {
    for (const target of NIX_TARGETS) {
      test(`${name} / ${target}`, () => {
        const dir = writeOutput({ ...make(), target });
        for (const f of ['default.nix', 'flake.nix']) {
          const parsed = nixParseFile(path.join(dir, f));
          expect(parsed.stderr, f).toBe('');
          expect(parsed.ok, f).toBe(true);
        }
        const r = evalImage(dir, target);
        expect(r.stderr).toBe('');
        expect(r.ok).toBe(true);
        const args = r.args!;
        expect(args.name).toBe(make().image.name);
        expect(args.tag).toBe(make().image.tag);
      });
    }
  }

  test('seed: Cmd uses the Python env store path; only rootfs and the env are in the image', () => {
    const r = evalImage(writeOutput(seedPlan()), 'buildLayeredImage');
    expect(r.stderr).toBe('');
    const args = r.args!;
    expect(args.config['Cmd']).toEqual([expect.stringMatching(/^\/nix\/store\/[0-9a-f]{32}-python3-env\/bin\/python$/), '/usr/src/app/app.py']);
    expect(args.config['ExposedPorts']).toEqual({ '5000/tcp': {} });
    expect(args.contents).toEqual([expect.stringMatching(/-app-rootfs$/), expect.stringMatching(/-python3-env$/)]);
  });

  test('kitchen sink: helpers, fake-root script, healthcheck in nanoseconds', () => {
    const r = evalImage(writeOutput(kitchenSinkPlan()), 'buildLayeredImage');
    expect(r.stderr).toBe('');
    const args = r.args!;
    const names = (args.contents ?? []).map((p) => p.replace(/^\/nix\/store\/[0-9a-f]{32}-/, ''));
    expect(names).toEqual(['kitchen-sink-rootfs', 'python3-env', 'curl', 'glibcLocales', 'netcat-openbsd', 'ca-certificates', 'tzdata', 'iana-etc', 'bin-sh', 'usr-bin-env', 'fake-nss']);
    expect(args.fakeRootCommands).toMatch(/^mkdir -p \.\/tmp\nchmod 1777 \.\/tmp\n/);
    expect(args.fakeRootCommands).toMatch(/cp -rL \/nix\/store\/[0-9a-z]{32}-data \.\/srv\/data\n/);
    expect(args.config['Healthcheck']).toEqual({
      Test: ['CMD-SHELL', 'nc -z localhost 8080 || exit 1'],
      Interval: 10_000_000_000,
      Timeout: 3_000_000_000,
      StartPeriod: 5_000_000_000,
      StartInterval: 1_000_000_000,
      Retries: 5,
    });
    expect(args.config['Env']).toContain('GREETING=say "hi" to ${USER}\\n and $HOME; it\'\'s fine');
    expect(args.config['Cmd']).toEqual(['/bin/sh', '-c', 'exec server --listen ":8080" --motd \'${MOTD}\'']);
  });

  test('nix2container: copyToRoot, one dependency layer, no Healthcheck', () => {
    const r = evalImage(writeOutput({ ...kitchenSinkPlan(), target: 'nix2container' }), 'nix2container');
    expect(r.stderr).toBe('');
    expect(r.args!.config['Healthcheck']).toBeUndefined();
    expect(r.args!.copyToRoot?.some((p) => p.endsWith('-kitchen-sink-dirs'))).toBe(true);
  });

  describe('the stand-in rejects what nixpkgs would reject', () => {
    const mutate = (from: RegExp, to: string): string => {
      const dir = writeOutput(seedPlan());
      const file = path.join(dir, 'default.nix');
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toMatch(from);
      fs.writeFileSync(file, text.replace(from, to));
      return dir;
    };

    test('a misspelt argument', () => {
      const r = evalImage(mutate(/contents = /, 'contnets = '), 'buildLayeredImage');
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(/unexpected argument 'contnets'/);
    });

    test('runAsRoot in a layered image', () => {
      const r = evalImage(mutate(/contents = /, 'runAsRoot = "mkdir /data"; contents = '), 'buildLayeredImage');
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(/unexpected argument 'runAsRoot'/);
    });

    test('a package attribute that is not in the mapping table', () => {
      const r = evalImage(mutate(/ps\.flask/, 'ps.flaskk'), 'buildLayeredImage');
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(/attribute 'flaskk' missing/);
    });

    test('nodePackages does not exist', () => {
      const r = evalImage(mutate(/contents = \[/, 'contents = [ pkgs.nodePackages.nodemon'), 'buildLayeredImage');
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(/attribute 'nodePackages' missing/);
    });

    test('a syntax error is caught by --parse', () => {
      const dir = mutate(/tag = "latest";/, 'tag = "latest"');
      const r = nixParseFile(path.join(dir, 'default.nix'));
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(/syntax error/);
    });
  });

  test('every mapped attribute in the table exists in the stand-in', () => {
    const r = nixEvalJson(
      `let pkgs = import ${STUB_DIR} { }; m = builtins.fromJSON (builtins.readFile ${path.resolve(STUB_DIR, '../../../data/package-map.json')}); ` +
        `attrs = builtins.filter (a: a != null) (builtins.concatLists (map (t: map (e: e.nixAttr) (builtins.attrValues t)) (builtins.attrValues m.entries))); ` +
        `get = a: builtins.foldl' (s: n: s.\${n}) pkgs (builtins.filter builtins.isString (builtins.split "\\\\." a)); ` +
        `in map (a: (get a).type) attrs`,
      STUB_DIR,
    );
    expect(r.stderr).toBe('');
    const types = JSON.parse(r.stdout) as string[];
    expect(types.length).toBeGreaterThan(300);
    expect(new Set(types)).toEqual(new Set(['derivation']));
  });
});
