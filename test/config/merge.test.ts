import { describe, expect, it } from 'vitest';
import { envConfig, failsThreshold, mergeConfig, parseConfigText } from '../../src/config/index.js';
import type { DockwiseConfig } from '../../src/config/index.js';

describe('mergeConfig: defaults', () => {
  it('no layers gives hadolint\'s defaults', () => {
    const r = mergeConfig();
    expect(r).toEqual({
      ignored: new Set(),
      severityOverrides: new Map(),
      failureThreshold: 'info',
      noFail: false,
      trustedRegistries: [],
      labelSchema: {},
      strictLabels: false,
      disableIgnorePragma: false,
      strictPinning: false,
      enable: new Set(),
      buildArgs: {},
    });
    expect('format' in r).toBe(false);
    expect('configFile' in r).toBe(false);
  });
});

describe('mergeConfig: layering (env < file < cli)', () => {
  const env: DockwiseConfig = {
    noFail: true,
    failureThreshold: 'error',
    format: 'json',
    ignored: ['DL3008'],
    trustedRegistries: ['docker.io'],
    override: { warning: ['DL3059'] },
    labelSchema: { author: 'text', version: 'text' },
    buildArgs: { A: 'env' },
  };
  const file: DockwiseConfig = {
    noFail: false,
    ignored: ['DL3009', 'DL3008'],
    trustedRegistries: ['quay.io'],
    override: { error: ['DL3059', 'DL3001'] },
    labelSchema: { version: 'semver' },
    strictLabels: true,
    enable: ['DL3057'],
    buildArgs: { A: 'file', B: 'file' },
    configFile: '/p/.hadolint.yaml',
  };
  const cli: DockwiseConfig = {
    failureThreshold: 'style',
    format: 'sarif',
    ignored: ['DL3015'],
    override: { style: ['DL3001'] },
    strictPinning: true,
    enable: ['DW1001', 'DL3057'],
    buildArgs: { B: 'cli' },
    disableIgnorePragma: true,
  };

  it('later scalars win, lists are unioned in order, maps merge per name', () => {
    const r = mergeConfig(env, file, cli);
    expect(r.noFail).toBe(false);
    expect(r.failureThreshold).toBe('style');
    expect(r.format).toBe('sarif');
    expect([...r.ignored]).toEqual(['DL3008', 'DL3009', 'DL3015']);
    expect(r.trustedRegistries).toEqual(['docker.io', 'quay.io']);
    expect([...r.enable]).toEqual(['DL3057', 'DW1001']);
    expect(r.labelSchema).toEqual({ author: 'text', version: 'semver' });
    expect(r.buildArgs).toEqual({ A: 'file', B: 'cli' });
    expect(r.strictLabels).toBe(true);
    expect(r.strictPinning).toBe(true);
    expect(r.disableIgnorePragma).toBe(true);
    expect(r.configFile).toBe('/p/.hadolint.yaml');
    expect(Object.fromEntries(r.severityOverrides)).toEqual({ DL3059: 'error', DL3001: 'style' });
  });

  it('an unset scalar in a later layer does not reset an earlier one', () => {
    const r = mergeConfig({ noFail: true, strictLabels: true }, {}, { ignored: [] });
    expect(r.noFail).toBe(true);
    expect(r.strictLabels).toBe(true);
  });

  it('inside one layer, a code in two override lists gets the later severity (error < warning < info < style)', () => {
    const r = mergeConfig({ override: { error: ['DL3001'], info: ['DL3001'] } });
    expect(r.severityOverrides.get('DL3001')).toBe('info');
  });

  it('does not mutate its inputs', () => {
    const a: DockwiseConfig = { labelSchema: { a: 'text' }, buildArgs: { X: '1' }, ignored: ['DL1'] };
    const b: DockwiseConfig = { labelSchema: { a: 'url' }, buildArgs: { X: '2' }, ignored: ['DL2'] };
    mergeConfig(a, b);
    expect(a).toEqual({ labelSchema: { a: 'text' }, buildArgs: { X: '1' }, ignored: ['DL1'] });
  });

  it('end to end: environment, then a hadolint file, then CLI flags', () => {
    const fromEnv = envConfig({ HADOLINT_IGNORE: 'DL3006', HADOLINT_FAILURE_THRESHOLD: 'warning', HADOLINT_NOFAIL: '1' });
    const fromFile = parseConfigText('ignored: [DL3008]\nno-fail: false\nfailure-threshold: error\n', '.hadolint.yaml', {
      formatNames: ['tty'],
    });
    const fromCli: DockwiseConfig = { ignored: ['DL3059'], failureThreshold: 'style' };
    const r = mergeConfig(fromEnv, fromFile, fromCli);
    expect([...r.ignored]).toEqual(['DL3006', 'DL3008', 'DL3059']);
    expect(r.noFail).toBe(false);
    expect(r.failureThreshold).toBe('style');
  });
});

describe('failsThreshold (hadolint semantics)', () => {
  it.each([
    ['error', 'error', true],
    ['warning', 'error', false],
    ['error', 'warning', true],
    ['warning', 'warning', true],
    ['info', 'warning', false],
    ['info', 'info', true],
    ['style', 'info', false],
    ['style', 'style', true],
    ['style', 'none', true],
    ['error', 'none', true],
  ] as const)('%s finding under threshold %s fails: %s', (severity, threshold, expected) => {
    expect(failsThreshold(severity, threshold)).toBe(expected);
  });
});
