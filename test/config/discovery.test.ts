import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, configSearchPaths, findConfigFile, loadConfig } from '../../src/config/index.js';
import type { ConfigFs } from '../../src/config/index.js';

const FORMATS = ['tty', 'json'] as const;

let root: string;
let cwd: string;
let home: string;
let env: NodeJS.ProcessEnv;

function write(file: string, text = 'ignored: []\n'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dockwise-config-'));
  cwd = path.join(root, 'project');
  home = path.join(root, 'home');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(home, { recursive: true });
  env = { HOME: home };
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('findConfigFile: order', () => {
  it('finds nothing in empty directories', () => {
    expect(findConfigFile(cwd, env)).toBeUndefined();
  });

  it('walks the documented order, first file wins', () => {
    // Create every candidate, then remove them one by one from the front: each time the next one must be found.
    const expected = [
      path.join(cwd, '.dockwise.yaml'),
      path.join(cwd, '.dockwise.yml'),
      path.join(cwd, '.hadolint.yaml'),
      path.join(cwd, '.hadolint.yml'),
      path.join(home, '.config', 'dockwise.yaml'),
      path.join(home, '.config', 'dockwise.yml'),
      path.join(home, '.config', 'hadolint.yaml'),
      path.join(home, '.config', 'hadolint.yml'),
      path.join(home, '.dockwise', 'dockwise.yaml'),
      path.join(home, '.dockwise', 'dockwise.yml'),
      path.join(home, '.dockwise', 'config.yaml'),
      path.join(home, '.dockwise', 'config.yml'),
      path.join(home, '.hadolint', 'hadolint.yaml'),
      path.join(home, '.hadolint', 'hadolint.yml'),
      path.join(home, '.hadolint', 'config.yaml'),
      path.join(home, '.hadolint', 'config.yml'),
      path.join(home, '.dockwise.yaml'),
      path.join(home, '.dockwise.yml'),
      path.join(home, '.hadolint.yaml'),
      path.join(home, '.hadolint.yml'),
    ];
    expect(configSearchPaths(cwd, env, 'linux')).toEqual(expected);
    for (const f of expected) write(f);
    for (const f of expected) {
      expect(findConfigFile(cwd, env)).toBe(f);
      rmSync(f);
    }
    expect(findConfigFile(cwd, env)).toBeUndefined();
  });

  it('a project .hadolint.yaml beats a user dockwise.yaml', () => {
    write(path.join(home, '.config', 'dockwise.yaml'));
    const project = write(path.join(cwd, '.hadolint.yaml'));
    expect(findConfigFile(cwd, env)).toBe(project);
  });

  it('uses $XDG_CONFIG_HOME instead of ~/.config when it is absolute', () => {
    const xdg = path.join(root, 'xdg');
    write(path.join(home, '.config', 'hadolint.yaml'));
    const inXdg = write(path.join(xdg, 'hadolint.yaml'));
    expect(findConfigFile(cwd, { ...env, XDG_CONFIG_HOME: xdg })).toBe(inXdg);
    // A relative XDG_CONFIG_HOME is ignored (XDG base directory spec), so ~/.config is used.
    expect(findConfigFile(cwd, { ...env, XDG_CONFIG_HOME: 'relative/xdg' })).toBe(
      path.join(home, '.config', 'hadolint.yaml'),
    );
  });

  it('ignores directories named like config files', () => {
    mkdirSync(path.join(cwd, '.dockwise.yaml'));
    const f = write(path.join(cwd, '.hadolint.yml'));
    expect(findConfigFile(cwd, env)).toBe(f);
  });

  it('skips home-based places when HOME is unset', () => {
    expect(configSearchPaths(cwd, {}, 'linux')).toEqual([
      path.join(cwd, '.dockwise.yaml'),
      path.join(cwd, '.dockwise.yml'),
      path.join(cwd, '.hadolint.yaml'),
      path.join(cwd, '.hadolint.yml'),
    ]);
  });

  it('Windows: %LOCALAPPDATA% for the XDG dir and %APPDATA% for app data', () => {
    const winEnv = {
      USERPROFILE: 'C:\\Users\\me',
      LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local',
      APPDATA: 'C:\\Users\\me\\AppData\\Roaming',
    };
    const paths = configSearchPaths('C:\\work', winEnv, 'win32');
    expect(paths[0]).toBe('C:\\work\\.dockwise.yaml');
    expect(paths).toContain('C:\\Users\\me\\AppData\\Local\\hadolint.yaml');
    expect(paths).toContain('C:\\Users\\me\\AppData\\Roaming\\hadolint\\hadolint.yaml');
    expect(paths.at(-1)).toBe('C:\\Users\\me\\.hadolint.yml');
  });

  it('accepts an injected file system', () => {
    const fake: ConfigFs = {
      isFile: (f) => f === path.join('/p', '.hadolint.yml'),
      readFile: () => 'no-fail: true\n',
    };
    expect(findConfigFile('/p', {}, fake)).toBe(path.join('/p', '.hadolint.yml'));
    expect(loadConfig({ cwd: '/p', env: {}, formatNames: FORMATS, fs: fake }).config).toEqual({
      noFail: true,
      configFile: path.join('/p', '.hadolint.yml'),
    });
  });
});

describe('loadConfig', () => {
  it('returns an empty config when there is no file', () => {
    expect(loadConfig({ cwd, env, formatNames: FORMATS })).toEqual({ config: {} });
  });

  it('loads the discovered file and records it', () => {
    const f = write(path.join(cwd, '.hadolint.yaml'), 'ignored:\n  - DL3008\n');
    expect(loadConfig({ cwd, env, formatNames: FORMATS })).toEqual({
      config: { ignored: ['DL3008'], configFile: f },
      file: f,
    });
  });

  it('--config wins over discovery and is relative to cwd', () => {
    write(path.join(cwd, '.dockwise.yaml'), 'ignored: [DL1]\n');
    const explicit = write(path.join(cwd, 'conf', 'lint.yaml'), 'ignored: [DL2]\n');
    const r = loadConfig({ cwd, env, configPath: 'conf/lint.yaml', formatNames: FORMATS });
    expect(r.file).toBe(explicit);
    expect(r.config.ignored).toEqual(['DL2']);
  });

  it('a missing --config file is an error', () => {
    expect(() => loadConfig({ cwd, env, configPath: 'nope.yaml', formatNames: FORMATS })).toThrow(
      new ConfigError('nope.yaml', 'config file not found'),
    );
  });

  it('errors name the file relative to cwd', () => {
    write(path.join(cwd, '.dockwise.yaml'), 'ignored: []\nignore: [DL3008]\n');
    expect(() => loadConfig({ cwd, env, formatNames: FORMATS })).toThrow(
      '.dockwise.yaml:2: unknown key "ignore" (did you mean "ignored"?)',
    );
  });

  it('errors in a user file name the absolute path', () => {
    const f = write(path.join(home, '.hadolint.yaml'), 'failure-threshold: high\n');
    let err: unknown;
    try {
      loadConfig({ cwd, env, formatNames: FORMATS });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({ file: f, line: 1, key: 'failure-threshold' });
  });

  it('an empty file is an empty config', () => {
    const f = write(path.join(cwd, '.hadolint.yaml'), '');
    expect(loadConfig({ cwd, env, formatNames: FORMATS })).toEqual({ config: { configFile: f }, file: f });
  });

  it('a file that cannot be read is a ConfigError', () => {
    const fake: ConfigFs = {
      isFile: () => true,
      readFile: () => {
        throw new Error('EACCES: permission denied');
      },
    };
    expect(() => loadConfig({ cwd: '/p', env: {}, formatNames: FORMATS, fs: fake })).toThrow(
      /^\.dockwise\.yaml: cannot read config file: EACCES/,
    );
  });
});
