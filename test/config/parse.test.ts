import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/config/index.js';
import type { DockwiseConfig } from '../../src/config/index.js';

const FORMATS = ['tty', 'json', 'sarif', 'gnu', 'github'] as const;

function parse(text: string, file = '.dockwise.yaml'): DockwiseConfig {
  return parseConfigText(text, file, { formatNames: FORMATS });
}

function parseError(text: string, file = '.dockwise.yaml'): ConfigError {
  try {
    parse(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText: empty input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '  \n\n'],
    ['comments only', '# nothing here\n# ignored:\n#   - DL3008\n'],
    ['explicit null document', '~\n'],
    ['document marker only', '---\n'],
  ])('%s is an empty config', (_name, text) => {
    expect(parse(text)).toEqual({});
  });

  it('keys without a value count as absent (as HsYAML .:? does)', () => {
    expect(parse('ignored:\n  # - DL3008\noverride:\nfailure-threshold:\n')).toEqual({});
    expect(parse('override:\n  error:\n  info: []\n')).toEqual({ override: { info: [] } });
  });
});

describe('parseConfigText: each key', () => {
  it('ignored', () => {
    expect(parse('ignored:\n  - DL3008\n  - SC2086\n  - XX9999\n')).toEqual({ ignored: ['DL3008', 'SC2086', 'XX9999'] });
    expect(parse('ignored: [DL3008, DL3009]\n')).toEqual({ ignored: ['DL3008', 'DL3009'] });
    expect(parse('ignored: []\n')).toEqual({ ignored: [] });
  });
  it('ignored: wrong types', () => {
    const e1 = parseError('ignored: DL3008\n');
    expect(e1.message).toBe('.dockwise.yaml:1: "ignored" must be a list of rule codes (got "DL3008")');
    expect(e1.key).toBe('ignored');
    const e2 = parseError('ignored:\n  - DL3008\n  - 3008\n');
    expect(e2.message).toBe('.dockwise.yaml:3: "ignored" must be a list of rule codes; found 3008');
    expect(e2.line).toBe(3);
    expect(parseError('ignored:\n  - {a: 1}\n').line).toBe(2);
    expect(parseError('ignored:\n  -\n').message).toContain('found nothing');
  });

  it('override', () => {
    const text = 'override:\n  error: [DL3001]\n  warning:\n    - DL3042\n  info: [DL3032]\n  style: [DL3015]\n';
    expect(parse(text)).toEqual({
      override: { error: ['DL3001'], warning: ['DL3042'], info: ['DL3032'], style: ['DL3015'] },
    });
  });
  it('override: unknown severity and wrong types', () => {
    const e1 = parseError('override:\n  errors:\n    - DL3001\n');
    expect(e1.message).toBe(
      '.dockwise.yaml:2: unknown key "override.errors" (did you mean "override.error"?); expected one of error, warning, info, style',
    );
    expect(e1.key).toBe('override.errors');
    expect(parseError('override:\n  ignore: [DL3001]\n').line).toBe(2);
    expect(parseError('override: [DL3001]\n').message).toBe(
      '.dockwise.yaml:1: "override" must be a mapping of severities to lists of rule codes (got a list)',
    );
    const e2 = parseError('override:\n  warning: DL3001\n');
    expect(e2.message).toBe('.dockwise.yaml:2: "override.warning" must be a list of rule codes (got "DL3001")');
    expect(e2.key).toBe('override.warning');
  });

  it('failure-threshold', () => {
    for (const t of ['error', 'warning', 'info', 'style', 'none'] as const) {
      expect(parse(`failure-threshold: ${t}\n`)).toEqual({ failureThreshold: t });
    }
    // hadolint's readEitherSeverity accepts "ignore" as the same value as "none".
    expect(parse('failure-threshold: ignore\n')).toEqual({ failureThreshold: 'none' });
  });
  it('failure-threshold: invalid', () => {
    const e = parseError('ignored: []\n\n# comment\n\nfailure-threshold: high\n', '.hadolint.yaml');
    expect(e.message).toBe(
      '.hadolint.yaml:5: "failure-threshold" must be one of error, warning, info, style, none (got "high")',
    );
    expect(e).toMatchObject({ file: '.hadolint.yaml', line: 5, key: 'failure-threshold' });
    expect(parseError('failure-threshold: Warning\n').line).toBe(1);
    expect(parseError('failure-threshold: [error]\n').message).toContain('(got a list)');
  });

  it.each([
    ['no-fail', 'noFail'],
    ['strict-labels', 'strictLabels'],
    ['disable-ignore-pragma', 'disableIgnorePragma'],
    ['strict-pinning', 'strictPinning'],
  ] as const)('boolean key %s', (key, prop) => {
    expect(parse(`${key}: true\n`)).toEqual({ [prop]: true });
    expect(parse(`${key}: false\n`)).toEqual({ [prop]: false });
    const e = parseError(`\n${key}: yes\n`);
    expect(e.message).toBe(`.dockwise.yaml:2: "${key}" must be true or false (got "yes")`);
    expect(e.key).toBe(key);
    expect(parseError(`${key}: 1\n`).message).toContain('(got 1)');
  });

  it('no-color and verbose are accepted, checked and dropped', () => {
    expect(parse('no-color: true\nverbose: false\n')).toEqual({});
    expect(parseError('no-color: "sometimes"\n').message).toBe(
      '.dockwise.yaml:1: "no-color" must be true or false (got "sometimes")',
    );
    expect(parseError('verbose: []\n').key).toBe('verbose');
  });

  it('format', () => {
    expect(parse('format: json\n')).toEqual({ format: 'json' });
    const e = parseError('format: checkstyle\n');
    expect(e.message).toBe('.dockwise.yaml:1: "format" must be one of tty, json, sarif, gnu, github (got "checkstyle")');
    expect(e.key).toBe('format');
    expect(parseError('format: 3\n').message).toBe('.dockwise.yaml:1: "format" must be a string (got 3)');
  });

  it('trustedRegistries (list, or a single string as the README documents)', () => {
    expect(parse('trustedRegistries:\n  - docker.io\n  - my-company.com:5000\n  - "*.gcr.io"\n')).toEqual({
      trustedRegistries: ['docker.io', 'my-company.com:5000', '*.gcr.io'],
    });
    expect(parse('trustedRegistries: docker.io\n')).toEqual({ trustedRegistries: ['docker.io'] });
    expect(parseError('trustedRegistries: {a: b}\n').message).toBe(
      '.dockwise.yaml:1: "trustedRegistries" must be a list of registries (got a mapping)',
    );
  });

  it('label-schema', () => {
    const text = [
      'label-schema:',
      '  author: text',
      '  contact: email',
      '  created: rfc3339',
      '  version: semver',
      '  documentation: url',
      '  git-revision: hash',
      '  license: spdx',
      '  other: ""',
    ].join('\n');
    expect(parse(text)).toEqual({
      labelSchema: {
        author: 'text',
        contact: 'email',
        created: 'rfc3339',
        version: 'semver',
        documentation: 'url',
        'git-revision': 'hash',
        license: 'spdx',
        other: 'text',
      },
    });
  });
  it('label-schema: invalid', () => {
    const e = parseError('label-schema:\n  author: text\n  version: number\n');
    expect(e.message).toBe(
      '.dockwise.yaml:3: "label-schema.version" must be one of text, url, semver, hash, rfc3339, spdx, email (got "number")',
    );
    expect(e.key).toBe('label-schema.version');
    expect(parseError('label-schema:\n  - author\n').message).toContain('must be a mapping of label names to label types');
    expect(parseError('label-schema:\n  author:\n').line).toBe(2);
  });

  it('enable', () => {
    expect(parse('enable:\n  - DL3057\n  - DW1001\n')).toEqual({ enable: ['DL3057', 'DW1001'] });
    expect(parseError('enable: DL3057\n').message).toBe('.dockwise.yaml:1: "enable" must be a list of rule codes (got "DL3057")');
  });

  it('build-args keeps the text as written', () => {
    expect(parse('build-args:\n  VERSION: 1.10\n  DEBUG: true\n  NAME: app\n  EMPTY: ""\n')).toEqual({
      buildArgs: { VERSION: '1.10', DEBUG: 'true', NAME: 'app', EMPTY: '' },
    });
  });
  it('build-args: invalid', () => {
    expect(parseError('build-args: [A=1]\n').message).toBe(
      '.dockwise.yaml:1: "build-args" must be a mapping of build argument names to values (got a list)',
    );
    const e = parseError('build-args:\n  A: 1\n  B: [1]\n');
    expect(e.message).toBe('.dockwise.yaml:3: "build-args.B" must be a string (got a list)');
    expect(parseError('build-args:\n  A:\n').line).toBe(2);
  });
});

describe('parseConfigText: unknown keys and spellings', () => {
  it('suggests the nearest key', () => {
    const e = parseError('ignored: []\n\nignore:\n  - DL3008\n');
    expect(e.message).toBe('.dockwise.yaml:3: unknown key "ignore" (did you mean "ignored"?)');
    expect(e).toMatchObject({ line: 3, key: 'ignore', file: '.dockwise.yaml' });
  });
  it.each([
    // hadolint reads none of these spellings (Configuration.hs), so they would be silently ignored by hadolint.
    ['failureThreshold: error', 'failure-threshold'],
    ['noFail: true', 'no-fail'],
    ['strictLabels: true', 'strict-labels'],
    ['labelSchema: {}', 'label-schema'],
    ['disableIgnorePragma: true', 'disable-ignore-pragma'],
    ['trusted-registries: [docker.io]', 'trustedRegistries'],
    ['trusted_registries: [docker.io]', 'trustedRegistries'],
    ['output-format: json', 'format'],
    ['buildArgs: {}', 'build-args'],
    ['strictPinning: true', 'strict-pinning'],
    ['overide: {}', 'override'],
  ])('%s -> did you mean %s', (line, hint) => {
    const e = parseError(`${line}\n`);
    expect(e.detail).toMatch(new RegExp(`^unknown key ".+" \\(did you mean "${hint}"\\?\\)$`));
    expect(e.line).toBe(1);
  });
  it('no suggestion when nothing is close', () => {
    expect(parseError('shellcheck-path: /usr/bin/shellcheck\n').message).toBe(
      '.dockwise.yaml:1: unknown key "shellcheck-path"',
    );
  });
  it('top level must be a mapping', () => {
    expect(parseError('- DL3008\n').message).toBe(
      '.dockwise.yaml:1: the file must be a mapping of settings such as "ignored:" (got a list)',
    );
    expect(parseError('\n\nDL3008\n').line).toBe(3);
  });
  it('non-string keys', () => {
    expect(parseError('ignored: []\n3: x\n').message).toBe('.dockwise.yaml:2: keys must be setting names (got 3)');
  });
});

describe('parseConfigText: YAML errors carry a line', () => {
  it('bad indentation', () => {
    const e = parseError('ignored:\n  - DL3008\n override:\n   error: [DL3001]\n');
    expect(e.message).toMatch(/^\.dockwise\.yaml:\d+: YAML syntax error: /);
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.key).toBeUndefined();
  });
  it('unclosed flow sequence', () => {
    const e = parseError('ignored: [DL3008, DL3009\nno-fail: true\n');
    expect(e.message).toMatch(/^\.dockwise\.yaml:\d+: YAML syntax error: /);
    expect(e.line).toBeDefined();
  });
  it('duplicate keys', () => {
    const e = parseError('ignored: []\nno-fail: true\nignored: [DL3008]\n');
    expect(e.message).toBe('.dockwise.yaml:3: YAML syntax error: a key appears twice in the same mapping');
  });
  it('several documents', () => {
    const e = parseError('ignored: []\n---\nno-fail: true\n');
    expect(e.message).toContain('several documents');
    expect(e.line).toBe(2);
  });
  it('tabs as indentation', () => {
    // hadolint's own formatError example uses tabs; YAML forbids them as indentation.
    const e = parseError('ignored:\n\t- DL3000\n');
    expect(e.message).toMatch(/^\.dockwise\.yaml:2: YAML syntax error: /);
  });
});

describe('parseConfigText: aliases', () => {
  it('resolves anchors and aliases', () => {
    expect(parse('ignored: &codes [DL3008, DL3009]\nenable: *codes\n')).toEqual({
      ignored: ['DL3008', 'DL3009'],
      enable: ['DL3008', 'DL3009'],
    });
  });
});

describe('parseConfigText: realistic hadolint files', () => {
  it('the full schema example from the hadolint README ("Configure")', () => {
    const text = `failure-threshold: warning
format: json
ignored:
  - DL3000
  - SC1010
label-schema:
  author: text
  contact: email
  created: rfc3339
  version: semver
  documentation: url
  git-revision: hash
  license: spdx
no-color: false
no-fail: false
override:
  error:
    - DL3001
    - DL3002
  warning:
    - DL3042
    - DL3033
  info:
    - DL3032
  style:
    - DL3015
strict-labels: true
disable-ignore-pragma: false
trustedRegistries:
  - docker.io
  - my-company.com:5000
  - "*.gcr.io"
`;
    expect(parse(text, '.hadolint.yaml')).toEqual({
      failureThreshold: 'warning',
      format: 'json',
      ignored: ['DL3000', 'SC1010'],
      labelSchema: {
        author: 'text',
        contact: 'email',
        created: 'rfc3339',
        version: 'semver',
        documentation: 'url',
        'git-revision': 'hash',
        license: 'spdx',
      },
      noFail: false,
      override: { error: ['DL3001', 'DL3002'], warning: ['DL3042', 'DL3033'], info: ['DL3032'], style: ['DL3015'] },
      strictLabels: true,
      disableIgnorePragma: false,
      trustedRegistries: ['docker.io', 'my-company.com:5000', '*.gcr.io'],
    });
  });

  it('a typical project file with comments and an empty override list', () => {
    const text = `---
# Hadolint configuration file
# https://github.com/hadolint/hadolint#configure

# Set failure threshold (error | warning | info | style | ignore | none)
failure-threshold: warning

ignored:
  - SC3037 # In POSIX sh, echo flags are undefined.
  - DL3041 # Specify version with dnf install -y <package>-<version>.

override:
  warning:
    - DL3059 # Multiple consecutive RUN instructions
  info:
    []
    # - DL3047

trustedRegistries:
  - registry.access.redhat.com
  - docker.io
  - quay.io
`;
    expect(parse(text, '.hadolint.yaml')).toEqual({
      failureThreshold: 'warning',
      ignored: ['SC3037', 'DL3041'],
      override: { warning: ['DL3059'], info: [] },
      trustedRegistries: ['registry.access.redhat.com', 'docker.io', 'quay.io'],
    });
  });

  it('a dockwise file with dockwise keys', () => {
    const text = `ignored: [DL3008]
strict-pinning: true
enable:
  - DL3057
build-args:
  BASE_TAG: "3.20"
  PY_VERSION: 3.12
`;
    expect(parse(text)).toEqual({
      ignored: ['DL3008'],
      strictPinning: true,
      enable: ['DL3057'],
      buildArgs: { BASE_TAG: '3.20', PY_VERSION: '3.12' },
    });
  });
});
