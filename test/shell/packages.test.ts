import { describe, expect, it } from 'vitest';
import { recognisePackageCommand, recognisePackageInstall } from '../../src/shell/packages.js';
import { loadShellParser } from '../../src/shell/parser.js';
import type { PackageInstall, PackageSpec } from '../../src/shell/types.js';

const parser = await loadShellParser();

/** The installs recognised in a script. */
function installs(src: string): PackageInstall[] {
  return parser.parse(src).commands.flatMap((c) => {
    const r = recognisePackageInstall(c);
    return r === null ? [] : [r];
  });
}

function only(src: string): PackageInstall {
  const all = installs(src);
  if (all.length !== 1 || all[0] === undefined) throw new Error(`expected one install in ${src}, got ${all.length}`);
  return all[0];
}

/** [name, operator, version, pinned, source] per package. */
function pkgs(src: string): [string, string | null, string | null, boolean, string][] {
  return only(src).packages.map((p: PackageSpec) => [p.name, p.operator, p.version, p.pinned, p.source]);
}

function pinnedOf(src: string): Record<string, boolean> {
  return Object.fromEntries(only(src).packages.map((p) => [p.word.value ?? p.word.text, p.pinned]));
}

describe('recognisePackageCommand', () => {
  it('finds manager, tool, subcommand and operands through wrappers', () => {
    const pc = recognisePackageCommand(parser.parse('sudo -E /usr/bin/apt-get -o Acquire::Retries=3 -y install curl').commands[0]!);
    expect(pc).toMatchObject({ manager: 'apt', tool: 'apt-get', subcommand: 'install', wrappers: ['sudo'] });
    expect(pc?.operands.map((w) => w.value)).toEqual(['curl']);
    expect(pc?.subcommandWord?.value).toBe('install');
    expect(pc?.flags.map((f) => [f.name, f.value])).toEqual([
      ['-o', 'Acquire::Retries=3'],
      ['-y', null],
    ]);
  });

  it('ignores other commands', () => {
    for (const src of ['echo apt-get install x', 'apt-getx install', 'python3 script.py', 'python3 -c "import pip"', '$PM install x']) {
      expect(recognisePackageCommand(parser.parse(src).commands[0]!)).toBeNull();
    }
  });
});

describe('apt (DL3008, DL3014, DL3015)', () => {
  it('reads packages and hadolint pinning', () => {
    expect(pkgs('apt-get install -y curl=7.88.1-10 git/bookworm-backports ./local.deb vim "$PKG" "python3=${PY}*"')).toEqual([
      ['curl', '=', '7.88.1-10', true, 'registry'],
      ['git', '/', 'bookworm-backports', true, 'registry'],
      ['./local.deb', null, null, true, 'file'],
      ['vim', null, null, false, 'registry'],
      ['$PKG', null, null, false, 'registry'],
      ['python3', '=', '${PY}*', true, 'registry'],
    ]);
    expect(only('apt-get install "$PKG"').packages[0]?.dynamic).toBe(true);
  });

  it('skips values of -t/--target-release and -o', () => {
    const r = only('apt-get install -t bookworm -o Dpkg::Options::=--force-confnew curl');
    expect(r.packages.map((p) => p.name)).toEqual(['curl']);
    expect(r.manager === 'apt' && r.targetRelease).toBe('bookworm');
  });

  it.each([
    ['apt-get install -y x', true],
    ['apt-get install --yes x', true],
    ['apt-get install --assume-yes x', true],
    ['apt-get install -qy x', true],
    ['apt-get install -qq x', true],
    ['apt-get -q -q install x', true],
    ['apt-get -q=2 install x', true],
    ['apt-get -o APT::Get::Assume-Yes=true install x', true],
    ['apt-get install -q x', false],
    ['apt-get install x', false],
  ])('assumeYes: %s -> %s', (src, expected) => {
    const r = only(src);
    expect(r.manager === 'apt' && r.assumeYes).toBe(expected);
  });

  it.each([
    ['apt-get install --no-install-recommends x', true],
    ['apt-get install -o APT::Install-Recommends=false x', true],
    ['apt-get install -o APT::Install-Recommends=0 x', true],
    ['apt-get install x', false],
    ['apt-get install --no-install-suggests x', false],
  ])('noInstallRecommends: %s -> %s', (src, expected) => {
    const r = only(src);
    expect(r.manager === 'apt' && r.noInstallRecommends).toBe(expected);
  });

  it('covers apt, aptitude and wrappers', () => {
    expect(only('apt install -y curl').tool).toBe('apt');
    expect(only('aptitude install -y curl').tool).toBe('aptitude');
    expect(only('DEBIAN_FRONTEND=noninteractive sudo apt-get install curl').wrappers).toEqual(['sudo']);
  });

  it('does not treat other subcommands or mentions as installs', () => {
    expect(installs('apt-get update && apt-get upgrade -y && apt-get remove x && echo apt-get install y')).toEqual([]);
    expect(installs('apt-get download install')).toEqual([]);
    // review of issue 3 (docker-library/postgres): a simulation installs nothing
    expect(installs('if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then :; fi')).toEqual([]);
    expect(installs('apt-get --simulate install x && apt-get install --dry-run y')).toEqual([]);
  });
});

describe('apk (DL3018, DL3019)', () => {
  it('reads packages, operators, virtual and cache flags', () => {
    const r = only('apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.4-r2 "curl>8" libc~1.2 ./x.apk -X https://repo pcre');
    expect(r.packages.map((p) => [p.name, p.operator, p.version, p.pinned, p.source])).toEqual([
      ['gcc', null, null, false, 'registry'],
      ['musl-dev', '=', '1.2.4-r2', true, 'registry'],
      ['curl', '>', '8', true, 'registry'],
      ['libc', '~', '1.2', true, 'registry'],
      ['./x.apk', null, null, true, 'file'],
      ['pcre', null, null, false, 'registry'],
    ]);
    expect(r.manager === 'apk' && [r.noCache, r.virtual, r.updateIndex]).toEqual([true, '.build-deps', false]);
    const u = only('apk add -U -t .deps x');
    expect(u.manager === 'apk' && [u.noCache, u.virtual, u.updateIndex]).toEqual([false, '.deps', true]);
  });

  it('ignores apk del/update', () => {
    expect(installs('apk update && apk del .build-deps')).toEqual([]);
    expect(installs('apk add --simulate curl')).toEqual([]);
  });
});

describe('yum / dnf / microdnf (DL3033, DL3041)', () => {
  it('uses the name-version test', () => {
    expect(pinnedOf('dnf install -y nginx-1.20.1 python3-pip foo-bar-1.2-3.el8 httpd-2.4.57-5.el9.x86_64 x-1.0* bash ./a.rpm')).toEqual({
      'nginx-1.20.1': true,
      'python3-pip': false,
      'foo-bar-1.2-3.el8': true,
      'httpd-2.4.57-5.el9.x86_64': true,
      'x-1.0*': false,
      bash: false,
      './a.rpm': true,
    });
    expect(pkgs('yum install -y foo-bar-1.2-3.el8')).toEqual([['foo-bar', '-', '1.2-3.el8', true, 'registry']]);
  });

  it('handles modules and groups', () => {
    const m = only('dnf module install -y nodejs:18 php');
    expect(m.manager === 'dnf' && m.module).toBe(true);
    expect(m.packages.map((p) => [p.name, p.version, p.pinned, p.source])).toEqual([
      ['nodejs', '18', true, 'module'],
      ['php', null, false, 'module'],
    ]);
    const g = only('yum groupinstall -y "Development Tools"');
    expect(g.manager === 'yum' && g.group).toBe(true);
    expect(g.packages[0]?.source).toBe('group');
    expect(only('dnf group install -y x').subcommand).toBe('group install');
    expect(only('dnf install -y @development-tools').packages[0]).toMatchObject({ source: 'group', pinned: true });
  });

  it('reads facts', () => {
    const r = only('microdnf install -y --nodocs --setopt=install_weak_deps=0 x');
    expect(r.manager === 'microdnf' && [r.assumeYes, r.noDocs, r.noWeakDeps]).toEqual([true, true, true]);
    const d = only('dnf install --setopt tsflags=nodocs x');
    expect(d.manager === 'dnf' && [d.assumeYes, d.noDocs, d.noWeakDeps]).toEqual([false, true, false]);
    expect(only('tdnf install -y x').manager).toBe('dnf');
  });

  it('ignores other subcommands', () => {
    expect(installs('yum clean all && dnf makecache && dnf module enable nodejs:18 && dnf remove x')).toEqual([]);
  });
});

describe('zypper (DL3037)', () => {
  it('reads packages and facts', () => {
    const r = only('zypper --non-interactive install --no-recommends curl=8.0 "git>=2" vim ./x.rpm');
    expect(r.packages.map((p) => [p.name, p.operator, p.pinned])).toEqual([
      ['curl', '=', true],
      ['git', '>=', true],
      ['vim', null, false],
      ['./x.rpm', null, true],
    ]);
    expect(r.manager === 'zypper' && [r.nonInteractive, r.noRecommends]).toEqual([true, true]);
    expect(only('zypper in -y x').subcommand).toBe('in');
  });
});

describe('pip (DL3013, DL3042)', () => {
  it('reads version specifiers and sources', () => {
    expect(
      pkgs(
        'pip install "requests[socks]>=2,<3" flask==3.0.0 Django~=4.2 six!=1 "attrs===23.1" numpy ./pkg /src x.whl y.tar.gz ' +
          'https://x/z-1.0.tar.gz https://x/z.zip git+https://github.com/a/b.git@v1.0#egg=b git+https://github.com/a/c.git ' +
          'git+ssh://git@github.com/a/d.git "e @ git+https://h/e.git@abc"',
      ),
    ).toEqual([
      ['requests', '>=', '2,<3', true, 'registry'],
      ['flask', '==', '3.0.0', true, 'registry'],
      ['Django', '~=', '4.2', true, 'registry'],
      ['six', '!=', '1', true, 'registry'],
      ['attrs', '===', '23.1', true, 'registry'],
      ['numpy', null, null, false, 'registry'],
      ['./pkg', null, null, true, 'path'],
      ['/src', null, null, true, 'path'],
      ['x.whl', null, null, true, 'file'],
      ['y.tar.gz', null, null, true, 'file'],
      ['https://x/z-1.0.tar.gz', null, null, true, 'url'],
      ['https://x/z.zip', null, null, false, 'url'],
      ['git+https://github.com/a/b.git@v1.0#egg=b', '@', 'v1.0', true, 'vcs'],
      ['git+https://github.com/a/c.git', null, null, false, 'vcs'],
      ['git+ssh://git@github.com/a/d.git', null, null, false, 'vcs'],
      ['e', '@', 'git+https://h/e.git@abc', true, 'vcs'],
    ]);
  });

  it('reads requirement, constraint and editable flags (not packages)', () => {
    const r = only('pip install -r req.txt --requirement=dev.txt -c cons.txt -e ./lib --no-cache-dir --require-hashes -i https://idx x');
    expect(r.manager).toBe('pip');
    if (r.manager !== 'pip') return;
    expect(r.requirementFiles.map((w) => w.value)).toEqual(['req.txt', 'dev.txt']);
    expect(r.constraintFiles.map((w) => w.value)).toEqual(['cons.txt']);
    expect(r.editables.map((w) => w.value)).toEqual(['./lib']);
    expect([r.noCacheDir, r.requireHashes]).toEqual([true, true]);
    expect(r.packages.map((p) => p.name)).toEqual(['x']);
    expect(only('pip install -r req.txt').packages).toEqual([]);
  });

  it('recognises pip upgrades and other facts', () => {
    const r = only('pip3 install --user --break-system-packages -U pip setuptools');
    expect(r.manager === 'pip' && [r.upgrade, r.isUpgradePip, r.user, r.breakSystemPackages]).toEqual([true, true, true, true]);
    const s = only('pip install --upgrade setuptools');
    expect(s.manager === 'pip' && s.isUpgradePip).toBe(false);
  });

  it.each([
    ['pip install x', 'pip'],
    ['pip3 install x', 'pip3'],
    ['pip3.12 install x', 'pip3.12'],
    ['python -m pip install x', 'python -m pip'],
    ['python3 -m pip install x', 'python3 -m pip'],
    ['python3.11 -I -m pip install x', 'python3.11 -m pip'],
    ['/usr/local/bin/python3 -mpip install x', 'python3 -m pip'],
  ])('recognises %s', (src, tool) => {
    expect(only(src)).toMatchObject({ manager: 'pip', tool, subcommand: 'install' });
  });

  it('ignores other pip commands and python scripts', () => {
    expect(installs('pip download x && pip uninstall -y x && python3 -m venv /v && python3 setup.py install && pip3 freeze')).toEqual([]);
    expect(installs('python3 -m pip_tool install x')).toEqual([]);
  });

  it('reads uv and pipx', () => {
    const uv = only('uv pip install --system --no-cache ruff==0.1 -r req.txt');
    expect(uv).toMatchObject({ manager: 'uv', subcommand: 'pip install' });
    expect(uv.manager === 'uv' && [uv.noCacheDir, uv.requirementFiles.length]).toEqual([true, 1]);
    expect(pkgs('uv tool install black')).toEqual([['black', null, null, false, 'registry']]);
    expect(pkgs('uv add "httpx>=0.27"')).toEqual([['httpx', '>=', '0.27', true, 'registry']]);
    expect(only('pipx install poetry==1.8')).toMatchObject({ manager: 'pipx' });
    expect(pkgs('pipx install --spec "poetry==1.8" poetry')).toEqual([['poetry', '==', '1.8', true, 'registry']]);
    expect(installs('uv sync --frozen && uv venv && pipx run x')).toEqual([]);
  });
});

describe('npm / yarn / pnpm (DL3016, DL3060)', () => {
  it('uses hadolint pinning', () => {
    expect(
      pkgs(
        'npm install @angular/cli@17 @scope/pkg lodash@latest express git+https://github.com/a/b.git#v1 ' +
          'git://github.com/a/c.git ./local ../up /abs ~/home x.tgz https://r/y-1.0.tar.gz user/repo#abc github:u/r',
      ),
    ).toEqual([
      ['@angular/cli', '@', '17', true, 'registry'],
      ['@scope/pkg', null, null, false, 'registry'],
      ['lodash', '@', 'latest', true, 'registry'],
      ['express', null, null, false, 'registry'],
      ['git+https://github.com/a/b.git', '#', 'v1', true, 'vcs'],
      ['git://github.com/a/c.git', null, null, false, 'vcs'],
      ['./local', null, null, true, 'path'],
      ['../up', null, null, true, 'path'],
      ['/abs', null, null, true, 'path'],
      ['~/home', null, null, true, 'path'],
      ['x.tgz', null, null, true, 'file'],
      ['https://r/y-1.0.tar.gz', null, null, true, 'url'],
      ['user/repo', '#', 'abc', true, 'vcs'],
      ['github:u/r', null, null, false, 'vcs'],
    ]);
  });

  it('reads npm facts', () => {
    const g = only('npm i -g --omit=dev typescript@5');
    expect(g.manager === 'npm' && [g.global, g.production, g.bare, g.ci]).toEqual([true, true, false, false]);
    const ci = only('npm ci --production');
    expect(ci.manager === 'npm' && [ci.ci, ci.bare, ci.production]).toEqual([true, true, true]);
    const bare = only('npm install');
    expect(bare.manager === 'npm' && [bare.bare, bare.production]).toEqual([true, false]);
    expect(only('npm add x').subcommand).toBe('add');
    expect(only('npm install --location=global x').manager === 'npm' && only('npm install --location=global x')).toMatchObject({ global: true });
    expect(installs('npm run build && npm cache clean --force && npm test && npm uninstall x')).toEqual([]);
  });

  it('reads yarn and pnpm', () => {
    expect(only('yarn global add typescript@5')).toMatchObject({ manager: 'yarn', subcommand: 'global add', global: true });
    expect(only('yarn add --dev jest')).toMatchObject({ subcommand: 'add', bare: false });
    expect(only('yarn install --frozen-lockfile --production')).toMatchObject({ bare: true, frozenLockfile: true, production: true });
    expect(only('yarn')).toMatchObject({ manager: 'yarn', subcommand: 'install', bare: true });
    expect(only('yarn --immutable')).toMatchObject({ subcommand: 'install', frozenLockfile: true });
    expect(only('pnpm add -g pnpm@9')).toMatchObject({ manager: 'pnpm', global: true });
    expect(only('pnpm install --frozen-lockfile --prod')).toMatchObject({ bare: true, frozenLockfile: true, production: true });
    expect(installs('yarn build && yarn cache clean && pnpm run x')).toEqual([]);
  });
});

describe('gem and bundle (DL3028)', () => {
  it('reads name:version and -v/--version', () => {
    expect(pkgs('gem install rails:7.1.0 bundler --no-document')).toEqual([
      ['rails', ':', '7.1.0', true, 'registry'],
      ['bundler', null, null, false, 'registry'],
    ]);
    expect(pkgs('gem install bundler -v 2.5.0')).toEqual([['bundler', '-v', '2.5.0', true, 'registry']]);
    expect(pkgs('gem i bundler --version=2.5.0')).toEqual([['bundler', '--version', '2.5.0', true, 'registry']]);
    expect(only('gem install -N x')).toMatchObject({ noDocument: true, versionFlag: null });
  });

  it('reads bundle', () => {
    expect(only('bundle install --jobs 4 --deployment')).toMatchObject({ manager: 'bundle', frozen: true, packages: [] });
    expect(pkgs('bundle add rack --version "~> 3.0"')).toEqual([['rack', '--version', '~> 3.0', true, 'registry']]);
    expect(installs('gem update --system && bundle exec rake')).toEqual([]);
  });
});

describe('go (pin-go)', () => {
  it('reads @version and local paths', () => {
    expect(pkgs('go install golang.org/x/tools/gopls@v0.15.0 github.com/a/b@latest example.com/c ./cmd/... -ldflags=-s')).toEqual([
      ['golang.org/x/tools/gopls', '@', 'v0.15.0', true, 'registry'],
      ['github.com/a/b', '@', 'latest', false, 'registry'],
      ['example.com/c', null, null, false, 'registry'],
      ['./cmd/...', null, null, true, 'path'],
    ]);
    expect(pkgs('go get -u github.com/x/y@none')).toEqual([['github.com/x/y', '@', 'none', false, 'registry']]);
    expect(pkgs('go run -tags netgo github.com/x/gen@v1 arg1 arg2')).toEqual([['github.com/x/gen', '@', 'v1', true, 'registry']]);
    expect(installs('go build ./... && go mod download')).toEqual([]);
  });
});

describe('cargo', () => {
  it('reads versions, git and path installs', () => {
    expect(pkgs('cargo install ripgrep --locked')).toEqual([['ripgrep', null, null, false, 'registry']]);
    expect(only('cargo install ripgrep --locked')).toMatchObject({ locked: true });
    expect(pkgs('cargo install ripgrep@14.1.0 fd-find --version 9.0.0')).toEqual([
      ['ripgrep', '@', '14.1.0', true, 'registry'],
      ['fd-find', '--version', '9.0.0', true, 'registry'],
    ]);
    expect(pkgs('cargo install --git https://github.com/a/b --tag v1')).toEqual([['https://github.com/a/b', '--tag', 'v1', true, 'vcs']]);
    expect(pkgs('cargo install --git https://github.com/a/b')).toEqual([['https://github.com/a/b', null, null, false, 'vcs']]);
    expect(pkgs('cargo install --path .')).toEqual([['.', null, null, true, 'path']]);
    expect(installs('cargo build --release')).toEqual([]);
  });
});

describe('composer', () => {
  it('reads constraints in every spelling', () => {
    expect(pkgs('composer require monolog/monolog:^3.0 "symfony/console 6.*" guzzlehttp/guzzle 7.8 psr/log=3.0 laravel/framework')).toEqual([
      ['monolog/monolog', ':', '^3.0', true, 'registry'],
      ['symfony/console', ' ', '6.*', true, 'registry'],
      ['guzzlehttp/guzzle', ' ', '7.8', true, 'registry'],
      ['psr/log', '=', '3.0', true, 'registry'],
      ['laravel/framework', null, null, false, 'registry'],
    ]);
    expect(only('composer global require --dev phpunit/phpunit')).toMatchObject({ global: true, dev: true, subcommand: 'global require' });
    expect(only('composer install --no-dev')).toMatchObject({ bare: true });
    expect(installs('composer dump-autoload && composer update')).toEqual([]);
  });
});

describe('conda / mamba / micromamba', () => {
  it('reads match specs, channels and files', () => {
    const r = only('conda install -y -c conda-forge numpy=1.26 "scipy>=1.11" pandas "python 3.11" --file env.txt');
    expect(r.packages.map((p) => [p.name, p.operator, p.version, p.pinned])).toEqual([
      ['numpy', '=', '1.26', true],
      ['scipy', '>=', '1.11', true],
      ['pandas', null, null, false],
      ['python', ' ', '3.11', true],
    ]);
    expect(r.manager === 'conda' && [r.assumeYes, r.channels, r.files.map((w) => w.value)]).toEqual([true, ['conda-forge'], ['env.txt']]);
    expect(only('mamba create -n env -y python=3.12')).toMatchObject({ tool: 'mamba', subcommand: 'create' });
    expect(only('micromamba install -y x')).toMatchObject({ tool: 'micromamba' });
    expect(installs('conda clean -afy && conda activate x')).toEqual([]);
  });
});

describe('word ranges', () => {
  it('points packages at their words', () => {
    const src = 'apt-get install -y curl git';
    const r = only(src);
    expect(r.packages.map((p) => src.slice(p.word.start, p.word.end))).toEqual(['curl', 'git']);
    expect(src.slice(r.subcommandWord?.start, r.subcommandWord?.end)).toBe('install');
  });
});
