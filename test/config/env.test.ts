import { describe, expect, it } from 'vitest';
import { ConfigError, envConfig } from '../../src/config/index.js';

describe('envConfig: hadolint variables', () => {
  it('nothing set is an empty config', () => {
    expect(envConfig({ PATH: '/usr/bin', HOME: '/home/me' })).toEqual({});
  });

  it('reads the variables from hadolint\'s README', () => {
    expect(
      envConfig({
        NO_COLOR: '1',
        HADOLINT_NOFAIL: '1',
        HADOLINT_VERBOSE: '1',
        HADOLINT_FORMAT: 'json',
        HADOLINT_FAILURE_THRESHOLD: 'info',
        HADOLINT_OVERRIDE_ERROR: 'DL3010,DL3020',
        HADOLINT_OVERRIDE_WARNING: 'DL3011',
        HADOLINT_OVERRIDE_INFO: 'DL3012',
        HADOLINT_OVERRIDE_STYLE: 'DL3013,DL3014',
        HADOLINT_IGNORE: 'DL3010,DL3020',
        HADOLINT_STRICT_LABELS: '1',
        HADOLINT_DISABLE_IGNORE_PRAGMA: '1',
        HADOLINT_TRUSTED_REGISTRIES: 'docker.io',
        HADOLINT_REQUIRE_LABELS: 'maintainer:text',
      }),
    ).toEqual({
      noFail: true,
      format: 'json',
      failureThreshold: 'info',
      override: { error: ['DL3010', 'DL3020'], warning: ['DL3011'], info: ['DL3012'], style: ['DL3013', 'DL3014'] },
      ignored: ['DL3010', 'DL3020'],
      strictLabels: true,
      disableIgnorePragma: true,
      trustedRegistries: ['docker.io'],
      labelSchema: { maintainer: 'text' },
    });
  });

  it.each([
    ['1', true],
    ['y', true],
    ['on', true],
    ['TRUE', true],
    ['Yes', true],
    ['0', false],
    ['false', false],
    ['no', false],
    ['', false],
    ['enabled', false],
  ])('truthy(%j) = %s (hadolint Environment.hs)', (value, expected) => {
    expect(envConfig({ HADOLINT_NOFAIL: value })).toEqual({ noFail: expected });
    expect(envConfig({ HADOLINT_STRICT_LABELS: value })).toEqual({ strictLabels: expected });
    expect(envConfig({ HADOLINT_DISABLE_IGNORE_PRAGMA: value })).toEqual({ disableIgnorePragma: expected });
  });

  it('lists are trimmed and empty items dropped', () => {
    expect(envConfig({ HADOLINT_IGNORE: ' DL3008 , ,SC2086,' })).toEqual({ ignored: ['DL3008', 'SC2086'] });
    expect(envConfig({ HADOLINT_TRUSTED_REGISTRIES: 'docker.io,my-company.com:5000' })).toEqual({
      trustedRegistries: ['docker.io', 'my-company.com:5000'],
    });
  });

  it('failure threshold: every value, ignore = none, invalid is an error', () => {
    for (const t of ['error', 'warning', 'info', 'style', 'none'] as const) {
      expect(envConfig({ HADOLINT_FAILURE_THRESHOLD: t })).toEqual({ failureThreshold: t });
    }
    expect(envConfig({ HADOLINT_FAILURE_THRESHOLD: 'ignore' })).toEqual({ failureThreshold: 'none' });
    let err: unknown;
    try {
      envConfig({ HADOLINT_FAILURE_THRESHOLD: 'high' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({
      message: 'environment: HADOLINT_FAILURE_THRESHOLD must be one of error, warning, info, style, none (got "high")',
      file: 'environment',
      key: 'HADOLINT_FAILURE_THRESHOLD',
    });
  });

  it('format is checked only when format names are given', () => {
    expect(envConfig({ HADOLINT_FORMAT: 'checkstyle' })).toEqual({ format: 'checkstyle' });
    expect(() => envConfig({ HADOLINT_FORMAT: 'checkstyle' }, { formatNames: ['tty', 'json'] })).toThrow(
      'environment: HADOLINT_FORMAT must be one of tty, json (got "checkstyle")',
    );
    expect(envConfig({ DOCKWISE_FORMAT: 'json' }, { formatNames: ['tty', 'json'] })).toEqual({ format: 'json' });
  });

  it('require labels: name:type pairs, empty type is text, bad type is an error', () => {
    expect(envConfig({ HADOLINT_REQUIRE_LABELS: 'maintainer:text,version:semver,org' })).toEqual({
      labelSchema: { maintainer: 'text', version: 'semver', org: 'text' },
    });
    expect(() => envConfig({ HADOLINT_REQUIRE_LABELS: 'version:number' })).toThrow(ConfigError);
  });
});

describe('envConfig: DOCKWISE_ variables', () => {
  it('DOCKWISE_ replaces its HADOLINT_ twin', () => {
    expect(
      envConfig({
        HADOLINT_NOFAIL: '1',
        DOCKWISE_NOFAIL: '0',
        HADOLINT_IGNORE: 'DL3008',
        DOCKWISE_IGNORE: 'DL3009',
        HADOLINT_FAILURE_THRESHOLD: 'error',
        DOCKWISE_FAILURE_THRESHOLD: 'style',
        HADOLINT_OVERRIDE_ERROR: 'DL1',
        DOCKWISE_OVERRIDE_WARNING: 'DL2',
      }),
    ).toEqual({
      noFail: false,
      ignored: ['DL3009'],
      failureThreshold: 'style',
      override: { error: ['DL1'], warning: ['DL2'] },
    });
  });

  it('an empty DOCKWISE_ list clears the HADOLINT_ one', () => {
    expect(envConfig({ HADOLINT_IGNORE: 'DL3008', DOCKWISE_IGNORE: '' })).toEqual({ ignored: [] });
  });

  it('dockwise-only variables', () => {
    expect(envConfig({ DOCKWISE_STRICT_PINNING: 'yes', DOCKWISE_ENABLE: 'DL3057,DW1001' })).toEqual({
      strictPinning: true,
      enable: ['DL3057', 'DW1001'],
    });
    expect(envConfig({ HADOLINT_STRICT_PINNING: '1', HADOLINT_ENABLE: 'DL3057' })).toEqual({});
  });

  it('error names the DOCKWISE_ variable it came from', () => {
    expect(() => envConfig({ DOCKWISE_FAILURE_THRESHOLD: 'all' })).toThrow(/^environment: DOCKWISE_FAILURE_THRESHOLD /);
  });
});
