/**
 * Package-manager, cleanup, download and verification recognisers. Each takes one `SimpleCommand`
 * and returns data (never messages); rules decide what to report.
 *
 * Commands are seen through wrappers (`sudo`, `env`, ... see `effectiveCommand`) and by basename
 * (`/usr/bin/apt-get`). "Pinned" follows hadolint's rules (see `PackageSpec.pinned`); deviations:
 * - dnf/yum `@group` arguments and `group install` are groups (pinned: not applicable), where hadolint
 *   applies the `name-version` test to `@group` names;
 * - pip VCS URLs are pinned only when `@ref` follows the host (hadolint accepts any `@`, including
 *   the user in `git+ssh://git@host/...`); local archives (.zip, .tgz, .tar.bz2) and local paths count as pinned;
 * - npm/yarn/pnpm `user/repo#ref` and `github:user/repo#ref` count as pinned (a commit-ish).
 * hadolint also exempts a whole `pip install` that has `-r`, `-c` or `.`; those facts are
 * `requirementFiles`, `constraintFiles` and a `path` package, so rules can do the same.
 */
import { effectiveCommand, parseWords, wordText, type ArgSpec, type EffectiveCommand } from './queries.js';
import { basename } from './text.js';
import { memoByCommand } from './memo.js';
import type {
  AptInstall,
  ApkInstall,
  CacheKind,
  CargoInstall,
  Cleanup,
  CommandFlag,
  ComposerInstall,
  CondaInstall,
  Download,
  GemInstall,
  GoInstall,
  IndexUpdate,
  NodeInstall,
  PackageCommand,
  PackageInstall,
  PackageManager,
  PackageRemoval,
  PackageSource,
  PackageSpec,
  PipInstall,
  RpmInstall,
  ShellWord,
  SimpleCommand,
  Verification,
  ZypperInstall,
} from './types.js';

// ------------------------------------------------------------------ identification

const PIP_NAME = /^pip\d*(?:\.\d+)?$/;
const PYTHON_NAME = /^python\d*(?:\.\d+)?$/;

const TOOL_MANAGER: Readonly<Record<string, PackageManager>> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  yum: 'yum',
  dnf: 'dnf',
  dnf5: 'dnf',
  'dnf-3': 'dnf',
  tdnf: 'dnf',
  microdnf: 'microdnf',
  zypper: 'zypper',
  pipx: 'pipx',
  uv: 'uv',
  npm: 'npm',
  yarn: 'yarn',
  yarnpkg: 'yarn',
  pnpm: 'pnpm',
  gem: 'gem',
  bundle: 'bundle',
  bundler: 'bundle',
  go: 'go',
  cargo: 'cargo',
  composer: 'composer',
  'composer.phar': 'composer',
  conda: 'conda',
  mamba: 'conda',
  micromamba: 'conda',
};

const APT_VALUES = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
const APK_VALUES = ['-t', '--virtual', '-X', '--repository', '--repositories-file', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--cache-max-age', '--timeout'];
const RPM_VALUES = [
  '-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid',
  '-x', '--exclude', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity', '--downloaddir',
  '--destdir', '--forcearch', '--advisory', '--advisories', '--bz', '--bzs', '--cve', '--cves', '--sec-severity',
  '--color', '--disableexcludes', '--disableplugin', '--enableplugin', '--comment', '--repofrompath',
  '--use-host-config', '--exclude-repo',
];
const ZYPPER_VALUES = [
  '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '-R', '--root', '--installroot', '-r', '--repo', '--from', '-t', '--type', '--download', '-p', '--plus-repo',
];
const PIP_VALUES = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--platform', '--python-version',
  '--implementation', '--abi', '--no-binary', '--only-binary', '--progress-bar', '--proxy', '--trusted-host',
  '--upgrade-strategy', '-b', '--build', '--cache-dir', '--log', '--log-file', '--timeout', '--retries',
  '--global-option', '--install-option', '-C', '--config-settings', '--python', '--report', '--exists-action',
  '--cert', '--client-cert', '--use-feature', '--use-deprecated', '--keyring-provider', '--group',
];
const UV_VALUES = [
  ...PIP_VALUES, '--requirements', '--constraints', '--override', '--overrides', '-p', '--index', '--default-index',
  '-P', '--upgrade-package', '--reinstall-package', '--index-strategy', '--resolution', '--prerelease',
  '--exclude-newer', '--link-mode', '--with', '--with-requirements', '--with-editable', '--from', '--optional',
  '--extra', '--rev', '--tag', '--branch', '--package', '--directory', '--project', '--config-file',
];
const PIPX_VALUES = ['--spec', '--python', '--pip-args', '--suffix', '--index-url', '--preinstall', '--backend'];
const NPM_VALUES = [
  '--prefix', '--registry', '--cache', '--userconfig', '--globalconfig', '--tag', '--omit', '--include', '-w',
  '--workspace', '--loglevel', '--install-strategy', '--save-prefix', '--before', '--scope', '--otp', '--only',
  '--also', '--python', '--location', '-C', '--dir', '--cwd', '--modules-folder', '--cache-folder',
  '--network-timeout', '--mutex', '--network-concurrency', '--global-folder', '-F', '--filter', '--store-dir',
  '--reporter', '--virtual-store-dir',
];
const GEM_VALUES = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file', '--build-root', '--document', '-p', '--http-proxy'];
const BUNDLE_VALUES = ['-j', '--jobs', '--retry', '--path', '--without', '--with', '--gemfile', '--binstubs', '--trust-policy', '--shebang', '--version', '--group', '--source', '--git', '--branch', '--ref', '--github'];
const GO_VALUES = ['-o', '-C', '-p', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-tags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-toolexec', '-exec', '-buildmode', '-compiler', '-installsuffix', '-covermode', '-coverpkg'];
const CARGO_VALUES = ['--version', '--vers', '--git', '--branch', '--tag', '--rev', '--path', '--root', '--index', '--registry', '-j', '--jobs', '--target', '--target-dir', '--features', '-F', '--profile', '--config', '-Z', '--color', '--bin', '--example'];
const COMPOSER_VALUES = ['-d', '--working-dir'];
const CONDA_VALUES = ['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--solver', '--repodata-fn', '--override-channels-file'];

const SPECS: Readonly<Record<PackageManager, ArgSpec>> = {
  apt: { values: APT_VALUES },
  apk: { values: APK_VALUES },
  yum: { values: RPM_VALUES },
  dnf: { values: RPM_VALUES },
  microdnf: { values: RPM_VALUES },
  zypper: { values: ZYPPER_VALUES },
  pip: { values: PIP_VALUES },
  pipx: { values: PIPX_VALUES },
  uv: { values: UV_VALUES },
  npm: { values: NPM_VALUES },
  yarn: { values: NPM_VALUES },
  pnpm: { values: NPM_VALUES },
  gem: { values: GEM_VALUES },
  bundle: { values: BUNDLE_VALUES },
  go: { values: GO_VALUES, goStyle: true },
  cargo: { values: CARGO_VALUES },
  composer: { values: COMPOSER_VALUES },
  conda: { values: CONDA_VALUES },
};

/** Subcommands spelled with two words. */
const TWO_WORD: Readonly<Partial<Record<PackageManager, readonly string[]>>> = {
  yarn: ['global'],
  pnpm: [],
  yum: ['module', 'group'],
  dnf: ['module', 'group'],
  microdnf: ['module'],
  composer: ['global'],
  uv: ['pip', 'tool'],
  apk: ['cache'],
  npm: ['cache'],
  pip: ['cache'],
  go: [],
};

interface Identified {
  manager: PackageManager;
  tool: string;
  eff: EffectiveCommand;
  /** Words after the tool (after `-m pip` for python). */
  words: ShellWord[];
}

const identify = memoByCommand(identifyUncached);

function identifyUncached(cmd: SimpleCommand): Identified | null {
  const eff = effectiveCommand(cmd);
  if (eff.name === null) return null;
  const name = basename(eff.name);
  const manager = TOOL_MANAGER[name];
  if (manager !== undefined) return { manager, tool: name, eff, words: eff.args };
  if (PIP_NAME.test(name)) return { manager: 'pip', tool: name, eff, words: eff.args };
  if (PYTHON_NAME.test(name) || name === 'py') {
    const m = pythonModule(eff.args);
    if (m !== null && (m.module === 'pip' || m.module === 'pip3')) {
      return { manager: 'pip', tool: `${name} -m pip`, eff, words: m.rest };
    }
    if (m !== null && m.module === 'pipx') return { manager: 'pipx', tool: `${name} -m pipx`, eff, words: m.rest };
  }
  return null;
}

/** `python3 [-I -u -W x] -m module args` -> module and its args. */
function pythonModule(args: readonly ShellWord[]): { module: string; rest: ShellWord[] } | null {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value;
    if (v === null || v === undefined) return null;
    if (v === '-m') {
      const mod = args[i + 1]?.value;
      return mod === null || mod === undefined ? null : { module: mod, rest: args.slice(i + 2) };
    }
    if (v.startsWith('-m') && v.length > 2) return { module: v.slice(2), rest: args.slice(i + 1) };
    if (v === '-W' || v === '-X') {
      i++;
      continue;
    }
    if (v === '-c' || v === '-' || !v.startsWith('-')) return null;
  }
  return null;
}

/**
 * Recognise any package-manager invocation: manager, subcommand, flags and operands. Returns null
 * for other commands.
 */
function recognisePackageCommandUncached(cmd: SimpleCommand): PackageCommand | null {
  const id = identify(cmd);
  if (id === null) return null;
  const parsed = parseWords(id.words, SPECS[id.manager]);
  const pos = parsed.positionals;
  let subWords = pos.slice(0, 1);
  const first = pos[0]?.value ?? null;
  if (first !== null && (TWO_WORD[id.manager] ?? []).includes(first) && pos.length > 1) subWords = pos.slice(0, 2);
  const subcommand = subWords.map((w) => w.value ?? w.text).join(' ');
  return {
    manager: id.manager,
    tool: id.tool,
    subcommand,
    subcommandWord: subWords[0] ?? null,
    command: cmd,
    wrappers: id.eff.wrappers,
    flags: parsed.flags,
    operands: pos.slice(subWords.length),
  };
}

// ------------------------------------------------------------------ installs

function has(pc: PackageCommand, ...names: string[]): boolean {
  return pc.flags.some((f) => names.includes(f.name));
}

function values(pc: PackageCommand, ...names: string[]): CommandFlag[] {
  return pc.flags.filter((f) => names.includes(f.name));
}

function firstValue(pc: PackageCommand, ...names: string[]): string | null {
  return values(pc, ...names)[0]?.value ?? null;
}

/** Text used to read a package argument: static value, or the raw text without quotes. */
function specText(w: ShellWord): string {
  return w.value ?? w.text.replace(/["']/g, '');
}

function spec(
  word: ShellWord,
  name: string,
  operator: string | null,
  version: string | null,
  pinned: boolean,
  source: PackageSource,
): PackageSpec {
  return { word, name, operator, version, pinned, source, dynamic: word.value === null };
}

function isUrl(s: string): boolean {
  return /^(?:https?|ftp|file):\/\//i.test(s);
}

function isLocalPath(s: string): boolean {
  return s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.startsWith('/') || s.startsWith('~/') || s === '~';
}

/** Split at the first character of `ops`; the operator is the run of `ops` characters there. */
function splitAtOperator(s: string, ops: string): { name: string; operator: string; version: string } | null {
  let i = 0;
  while (i < s.length && !ops.includes(s[i] ?? '')) i++;
  if (i >= s.length || i === 0) return null;
  let j = i;
  while (j < s.length && ops.includes(s[j] ?? '')) j++;
  return { name: s.slice(0, i), operator: s.slice(i, j), version: s.slice(j) };
}

function aptPackage(w: ShellWord): PackageSpec {
  const s = specText(w);
  if (s.endsWith('.deb')) return spec(w, s, null, null, true, isUrl(s) ? 'url' : 'file');
  const eq = s.indexOf('=');
  if (eq > 0) return spec(w, s.slice(0, eq), '=', s.slice(eq + 1), true, 'registry');
  const slash = s.indexOf('/');
  if (slash === 0 || s.startsWith('./')) return spec(w, s, null, null, true, 'path');
  if (slash > 0) return spec(w, s.slice(0, slash), '/', s.slice(slash + 1), true, 'registry');
  return spec(w, s, null, null, false, 'registry');
}

function apkPackage(w: ShellWord): PackageSpec {
  const s = specText(w);
  if (s.endsWith('.apk')) return spec(w, s, null, null, true, isUrl(s) ? 'url' : 'file');
  const split = splitAtOperator(s, '=~<>');
  if (split !== null) return spec(w, split.name, split.operator, split.version, true, 'registry');
  return spec(w, s, null, null, false, 'registry');
}

function isVersionChar(c: string): boolean {
  return /^[0-9A-Za-z.~^_:+]$/.test(c);
}

/** hadolint DL3041: every part after the first `-` is made of version characters and one starts with a digit. */
function rpmPackage(w: ShellWord, module: boolean, group: boolean): PackageSpec {
  const s = specText(w);
  if (s.endsWith('.rpm')) return spec(w, s, null, null, true, isUrl(s) ? 'url' : 'file');
  if (group || s.startsWith('@')) return spec(w, s, null, null, true, 'group');
  if (module) {
    const colon = s.indexOf(':');
    return colon > 0 ? spec(w, s.slice(0, colon), ':', s.slice(colon + 1), true, 'module') : spec(w, s, null, null, false, 'module');
  }
  const parts = s.split('-');
  if (parts.length > 1) {
    const tail = parts.slice(1);
    const valid = tail.every((p) => [...p].every(isVersionChar));
    const firstDigit = tail.findIndex((p) => /^[0-9]/.test(p));
    if (valid && firstDigit >= 0) {
      const k = firstDigit + 1;
      return spec(w, parts.slice(0, k).join('-'), '-', parts.slice(k).join('-'), true, 'registry');
    }
  }
  return spec(w, s, null, null, false, 'registry');
}

function zypperPackage(w: ShellWord): PackageSpec {
  const s = specText(w);
  if (s.endsWith('.rpm')) return spec(w, s, null, null, true, isUrl(s) ? 'url' : 'file');
  const split = splitAtOperator(s, '<>=');
  if (split !== null) return spec(w, split.name, split.operator, split.version, true, 'registry');
  return spec(w, s, null, null, false, 'registry');
}

const PIP_ARCHIVES = ['.whl', '.tar.gz'];
const LOCAL_ARCHIVES = ['.whl', '.tar.gz', '.tgz', '.zip', '.tar.bz2', '.tar.xz'];
const VCS_PREFIXES = ['git+', 'hg+', 'svn+', 'bzr+'];

/** `git+https://host/x/y.git@v1#egg=y`: is there an `@ref` after the host? */
function vcsHasRef(url: string): boolean {
  const noFragment = url.split('#')[0] ?? url;
  const scheme = noFragment.indexOf('://');
  const rest = scheme < 0 ? noFragment : noFragment.slice(scheme + 3);
  const slash = rest.indexOf('/');
  return slash >= 0 && rest.slice(slash).includes('@');
}

function pipPackage(w: ShellWord): PackageSpec {
  const s = specText(w).trim();
  const noQuery = s.split(/[?#]/)[0] ?? s;
  if (VCS_PREFIXES.some((p) => s.startsWith(p))) {
    const ref = vcsHasRef(s);
    const at = ref ? s.split('#')[0]?.lastIndexOf('@') ?? -1 : -1;
    return spec(w, s, ref ? '@' : null, ref && at >= 0 ? (s.split('#')[0] ?? '').slice(at + 1) : null, ref, 'vcs');
  }
  if (isUrl(s)) return spec(w, s, null, null, PIP_ARCHIVES.some((x) => noQuery.endsWith(x)), 'url');
  const atUrl = s.indexOf('@');
  if (atUrl > 0 && s.includes('://')) {
    // PEP 508 direct reference: `name @ git+https://...` / `name @ https://.../x.whl`
    const url = s.slice(atUrl + 1).trim();
    const name = s.slice(0, atUrl).trim();
    if (VCS_PREFIXES.some((p) => url.startsWith(p))) return spec(w, name, '@', url, vcsHasRef(url), 'vcs');
    return spec(w, name, '@', url, PIP_ARCHIVES.some((x) => (url.split(/[?#]/)[0] ?? url).endsWith(x)), 'url');
  }
  if (isLocalPath(s)) {
    const file = LOCAL_ARCHIVES.some((x) => s.endsWith(x));
    return spec(w, s, null, null, true, file ? 'file' : 'path');
  }
  if (LOCAL_ARCHIVES.some((x) => s.endsWith(x))) return spec(w, s, null, null, true, 'file');
  const beforeMarker = s.split(';')[0] ?? s;
  const split = splitAtOperator(beforeMarker, '=<>!~');
  const bare = (n: string): string => {
    const b = n.indexOf('[');
    return (b < 0 ? n : n.slice(0, b)).trim();
  };
  if (split !== null) return spec(w, bare(split.name), split.operator, split.version.trim(), true, 'registry');
  return spec(w, bare(beforeMarker), null, null, false, 'registry');
}

const NPM_GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const NPM_TARBALLS = ['.tar', '.tar.gz', '.tgz'];
const NPM_FOLDERS = ['/', './', '../', '~/'];
const NPM_HOSTED = /^(?:github|gitlab|bitbucket|gist):/;
const NPM_USER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:#.*)?$/;

/** hadolint DL3016 for npm (also used for yarn and pnpm). */
function npmPackage(w: ShellWord): PackageSpec {
  const s = specText(w);
  const git = NPM_GIT_PREFIXES.some((p) => s.startsWith(p));
  if (!git && NPM_TARBALLS.some((x) => s.endsWith(x))) return spec(w, s, null, null, true, isUrl(s) ? 'url' : 'file');
  if (NPM_FOLDERS.some((p) => s.startsWith(p))) return spec(w, s, null, null, true, 'path');
  if (git || NPM_HOSTED.test(s) || NPM_USER_REPO.test(s)) {
    const hash = s.indexOf('#');
    return spec(w, hash < 0 ? s : s.slice(0, hash), hash < 0 ? null : '#', hash < 0 ? null : s.slice(hash + 1), hash >= 0, 'vcs');
  }
  const from = s.startsWith('@') ? Math.max(s.indexOf('/'), 1) : 0;
  const at = s.indexOf('@', from);
  if (at > 0) return spec(w, s.slice(0, at), '@', s.slice(at + 1), true, isUrl(s) ? 'url' : 'registry');
  return spec(w, s, null, null, false, isUrl(s) ? 'url' : 'registry');
}

function gemPackage(w: ShellWord, versionFlag: { flag: string; value: string | null } | null): PackageSpec {
  const s = specText(w);
  if (s.endsWith('.gem')) return spec(w, s, null, null, true, 'file');
  const colon = s.indexOf(':');
  if (colon > 0) return spec(w, s.slice(0, colon), ':', s.slice(colon + 1), true, 'registry');
  if (versionFlag !== null) return spec(w, s, versionFlag.flag, versionFlag.value, true, 'registry');
  return spec(w, s, null, null, false, 'registry');
}

const GO_QUERIES = ['latest', 'none', 'upgrade', 'patch'];

function goPackage(w: ShellWord): PackageSpec {
  const s = specText(w);
  if (s.startsWith('.') || s.startsWith('/')) return spec(w, s, null, null, true, 'path');
  const at = s.indexOf('@');
  if (at > 0) {
    const version = s.slice(at + 1);
    return spec(w, s.slice(0, at), '@', version, !GO_QUERIES.includes(version), 'registry');
  }
  return spec(w, s, null, null, false, 'registry');
}

function condaPackage(w: ShellWord): PackageSpec {
  const s = specText(w).trim();
  if (s.endsWith('.tar.bz2') || s.endsWith('.conda')) return spec(w, s, null, null, true, isUrl(s) ? 'url' : 'file');
  const bracket = s.indexOf('[');
  const head = bracket < 0 ? s : s.slice(0, bracket);
  const split = splitAtOperator(head, '=<> ');
  if (split !== null) return spec(w, split.name, split.operator.trim() === '' ? ' ' : split.operator.trim(), split.version.trim(), true, 'registry');
  if (bracket >= 0 && /version/.test(s.slice(bracket))) return spec(w, head, '[', s.slice(bracket), true, 'registry');
  return spec(w, head, null, null, false, 'registry');
}

const COMPOSER_VERSIONISH = /^(?:[\^~<>=*!]|v?\d|dev-)/;

function composerPackages(operands: readonly ShellWord[]): PackageSpec[] {
  const out: PackageSpec[] = [];
  for (const w of operands) {
    const s = specText(w).trim();
    const last = out[out.length - 1];
    if (last !== undefined && last.version === null && !s.includes('/') && COMPOSER_VERSIONISH.test(s)) {
      out[out.length - 1] = { ...last, operator: ' ', version: s, pinned: true };
      continue;
    }
    const split = splitAtOperator(s, ':= ');
    if (split !== null && split.version.trim() !== '') {
      out.push(spec(w, split.name, split.operator.trim() === '' ? ' ' : split.operator.trim(), split.version.trim(), true, 'registry'));
    } else {
      out.push(spec(w, s, null, null, false, isLocalPath(s) ? 'path' : 'registry'));
    }
  }
  return out;
}

const NPM_INSTALL = new Set(['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall']);
const NPM_CI = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);

/**
 * Recognise a package installation and its packages. Covers `apt-get/apt/aptitude install`,
 * `apk add`, `yum/dnf/microdnf install` (also `localinstall`, `reinstall`, `groupinstall`,
 * `group install`, `module install`), `zypper install/in`, `pip install` (pip, pip3, pipX.Y,
 * `python -m pip`), `pipx install`, `uv pip install` / `uv tool install` / `uv add`,
 * `npm install/i/add/ci`, `yarn add` / `yarn global add` / `yarn install` / bare `yarn`,
 * `pnpm add/install/i`, `gem install/i`, `bundle install/add`, `go install/get/run`,
 * `cargo install`, `composer require/install` (also `global`), `conda/mamba/micromamba install/create`.
 */
function recognisePackageInstallUncached(cmd: SimpleCommand): PackageInstall | null {
  const pc = recognisePackageCommand(cmd);
  if (pc === null) return null;
  const sub = pc.subcommand;
  switch (pc.manager) {
    case 'apt': {
      if (sub !== 'install' && sub !== 'reinstall') return null;
      // A simulation (`apt-get install -s pkg`, used to test whether a package exists) installs nothing.
      if (has(pc, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act')) return null;
      const qCount = pc.flags.reduce((n, f) => {
        if (f.name !== '-q' && f.name !== '--quiet') return n;
        const level = f.value === null ? 1 : Number.parseInt(f.value, 10);
        return n + (Number.isNaN(level) ? 1 : level);
      }, 0);
      const options = values(pc, '-o', '--option').map((f) => (f.value ?? '').toLowerCase());
      const r: AptInstall = {
        ...pc,
        manager: 'apt',
        packages: pc.operands.map(aptPackage),
        assumeYes:
          has(pc, '-y', '--yes', '--assume-yes') ||
          qCount >= 2 ||
          options.some((o) => /^apt::get::assume-yes=(?:true|1|yes)$/.test(o)),
        noInstallRecommends:
          has(pc, '--no-install-recommends') || options.some((o) => /^apt::install-recommends=(?:false|0|no)$/.test(o)),
        targetRelease: firstValue(pc, '-t', '--target-release', '--default-release'),
      };
      return r;
    }
    case 'apk': {
      if (sub !== 'add') return null;
      if (has(pc, '-s', '--simulate')) return null;
      const r: ApkInstall = {
        ...pc,
        manager: 'apk',
        packages: pc.operands.map(apkPackage),
        noCache: has(pc, '--no-cache'),
        updateIndex: has(pc, '-U', '--update', '--update-cache'),
        virtual: firstValue(pc, '-t', '--virtual'),
      };
      return r;
    }
    case 'yum':
    case 'dnf':
    case 'microdnf': {
      const module = sub === 'module install';
      const group = sub === 'groupinstall' || sub === 'group install';
      if (!module && !group && !['install', 'in', 'localinstall', 'reinstall'].includes(sub)) return null;
      const setopts = values(pc, '--setopt').map((f) => (f.value ?? '').toLowerCase());
      const r: RpmInstall = {
        ...pc,
        manager: pc.manager,
        packages: pc.operands.map((w) => rpmPackage(w, module, group)),
        assumeYes: has(pc, '-y', '--assumeyes'),
        module,
        group,
        noDocs: has(pc, '--nodocs') || setopts.includes('tsflags=nodocs'),
        noWeakDeps: setopts.some((o) => /^install_weak_deps=(?:false|0|no)$/.test(o)),
      };
      return r;
    }
    case 'zypper': {
      if (sub !== 'install' && sub !== 'in') return null;
      const r: ZypperInstall = {
        ...pc,
        manager: 'zypper',
        packages: pc.operands.map(zypperPackage),
        nonInteractive: has(pc, '-n', '--non-interactive', '-y', '--no-confirm'),
        noRecommends: has(pc, '--no-recommends'),
      };
      return r;
    }
    case 'pip':
    case 'uv':
    case 'pipx':
      return pipInstall(pc);
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return nodeInstall(pc);
    case 'gem':
    case 'bundle': {
      const isGem = pc.manager === 'gem';
      if (isGem ? sub !== 'install' && sub !== 'i' : sub !== 'install' && sub !== 'add') return null;
      const vf = values(pc, isGem ? '-v' : '--version', '--version')[0];
      const versionFlag = vf === undefined ? null : { flag: vf.name, value: vf.value };
      const r: GemInstall = {
        ...pc,
        manager: pc.manager,
        packages: pc.operands.map((w) => gemPackage(w, versionFlag)),
        versionFlag: versionFlag?.value ?? null,
        noDocument: has(pc, '--no-document', '-N', '--no-doc'),
        frozen: has(pc, '--frozen', '--deployment'),
      };
      return r;
    }
    case 'go': {
      if (sub !== 'install' && sub !== 'get' && sub !== 'run') return null;
      const operands = sub === 'run' ? pc.operands.slice(0, 1) : pc.operands;
      const r: GoInstall = { ...pc, manager: 'go', packages: operands.map(goPackage) };
      return r;
    }
    case 'cargo': {
      if (sub !== 'install') return null;
      const version = values(pc, '--version', '--vers')[0];
      const git = values(pc, '--git')[0];
      const ref = values(pc, '--rev', '--tag')[0];
      const path = values(pc, '--path')[0];
      const packages: PackageSpec[] = pc.operands.map((w) => {
        const s = specText(w);
        const at = s.indexOf('@');
        if (at > 0) return spec(w, s.slice(0, at), '@', s.slice(at + 1), true, 'registry');
        if (version !== undefined) return spec(w, s, version.name, version.value, true, 'registry');
        if (git !== undefined) return spec(w, s, ref?.name ?? null, ref?.value ?? null, ref !== undefined, 'vcs');
        if (path !== undefined) return spec(w, s, null, null, true, 'path');
        return spec(w, s, null, null, false, 'registry');
      });
      if (packages.length === 0 && git?.valueWord) {
        packages.push(spec(git.valueWord, specText(git.valueWord), ref?.name ?? null, ref?.value ?? null, ref !== undefined, 'vcs'));
      }
      if (packages.length === 0 && path?.valueWord) {
        packages.push(spec(path.valueWord, specText(path.valueWord), null, null, true, 'path'));
      }
      const r: CargoInstall = { ...pc, manager: 'cargo', packages, locked: has(pc, '--locked') };
      return r;
    }
    case 'composer': {
      const global = sub.startsWith('global ');
      const verb = global ? sub.slice('global '.length) : sub;
      if (verb !== 'require' && verb !== 'install') return null;
      const packages = composerPackages(pc.operands);
      const r: ComposerInstall = {
        ...pc,
        manager: 'composer',
        packages,
        global,
        dev: has(pc, '--dev'),
        bare: packages.length === 0,
      };
      return r;
    }
    case 'conda': {
      if (sub !== 'install' && sub !== 'create') return null;
      const r: CondaInstall = {
        ...pc,
        manager: 'conda',
        packages: pc.operands.map(condaPackage),
        assumeYes: has(pc, '-y', '--yes'),
        channels: values(pc, '-c', '--channel').map((f) => f.value ?? (f.valueWord?.text ?? '')),
        files: values(pc, '--file').flatMap((f) => (f.valueWord === null ? [] : [f.valueWord])),
      };
      return r;
    }
    default:
      return null;
  }
}

function pipInstall(pc: PackageCommand): PipInstall | null {
  const sub = pc.subcommand;
  const ok =
    pc.manager === 'pip'
      ? sub === 'install'
      : pc.manager === 'pipx'
        ? sub === 'install'
        : sub === 'pip install' || sub === 'tool install' || sub === 'add';
  if (!ok) return null;
  const words = (...names: string[]): ShellWord[] => values(pc, ...names).flatMap((f) => (f.valueWord === null ? [] : [f.valueWord]));
  let packages = pc.operands.map(pipPackage);
  if (pc.manager === 'pipx') {
    const specFlag = values(pc, '--spec')[0];
    if (specFlag?.valueWord) packages = [pipPackage(specFlag.valueWord)];
  }
  const upgrade = has(pc, '-U', '--upgrade');
  const r: PipInstall = {
    ...pc,
    manager: pc.manager === 'uv' ? 'uv' : pc.manager === 'pipx' ? 'pipx' : 'pip',
    packages,
    requirementFiles: words('-r', '--requirement', '--requirements'),
    constraintFiles: words('-c', '--constraint', '--constraints'),
    editables: words('-e', '--editable'),
    requireHashes: has(pc, '--require-hashes'),
    noCacheDir: pc.manager === 'uv' ? has(pc, '--no-cache', '-n') : has(pc, '--no-cache-dir'),
    upgrade,
    isUpgradePip: upgrade && packages.some((p) => p.name.toLowerCase() === 'pip'),
    user: has(pc, '--user'),
    breakSystemPackages: has(pc, '--break-system-packages'),
  };
  return r;
}

function nodeInstall(pc: PackageCommand): NodeInstall | null {
  const sub = pc.subcommand;
  let ci = false;
  let global = has(pc, '-g', '--global') || values(pc, '--location').some((f) => f.value === 'global');
  let subcommand = sub;
  if (pc.manager === 'npm') {
    if (NPM_CI.has(sub)) ci = true;
    else if (!NPM_INSTALL.has(sub)) return null;
  } else if (pc.manager === 'yarn') {
    if (sub === 'global add') global = true;
    else if (sub === '') subcommand = 'install';
    else if (sub !== 'add' && sub !== 'install') return null;
  } else if (sub !== 'add' && sub !== 'install' && sub !== 'i') {
    return null;
  }
  const packages = pc.operands.map(npmPackage);
  const r: NodeInstall = {
    ...pc,
    manager: pc.manager === 'yarn' ? 'yarn' : pc.manager === 'pnpm' ? 'pnpm' : 'npm',
    subcommand,
    packages,
    ci,
    global,
    bare: packages.length === 0,
    production:
      has(pc, '--production') ||
      values(pc, '--omit').some((f) => f.value === 'dev') ||
      values(pc, '--only').some((f) => f.value === 'prod' || f.value === 'production') ||
      (pc.manager === 'pnpm' && (has(pc, '--prod') || (subcommand !== 'add' && has(pc, '-P')))),
    frozenLockfile: has(pc, '--frozen-lockfile', '--immutable'),
  };
  return r;
}

// ------------------------------------------------------------------ updates and removals

/** `apt-get/apt/aptitude update`, `apk update`, `yum/dnf/microdnf makecache`, `zypper refresh/ref`. */
function recogniseIndexUpdateUncached(cmd: SimpleCommand): IndexUpdate | null {
  const pc = recognisePackageCommand(cmd);
  if (pc === null) return null;
  const sub = pc.subcommand;
  switch (pc.manager) {
    case 'apt':
    case 'apk':
      return sub === 'update' ? pc : null;
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return sub === 'makecache' ? pc : null;
    case 'zypper':
      return sub === 'refresh' || sub === 'ref' ? pc : null;
    default:
      return null;
  }
}

const REMOVE_VERBS: Readonly<Partial<Record<PackageManager, readonly string[]>>> = {
  apt: ['remove', 'purge', 'autoremove', 'autopurge'],
  apk: ['del'],
  yum: ['remove', 'erase', 'autoremove'],
  dnf: ['remove', 'erase', 'autoremove'],
  microdnf: ['remove'],
  zypper: ['remove', 'rm'],
  pip: ['uninstall'],
  pipx: ['uninstall'],
  uv: ['pip uninstall', 'tool uninstall', 'remove'],
  npm: ['uninstall', 'un', 'unlink', 'remove', 'rm', 'r'],
  yarn: ['remove', 'global remove'],
  pnpm: ['remove', 'rm', 'uninstall', 'un'],
  gem: ['uninstall'],
  cargo: ['uninstall'],
  composer: ['remove', 'global remove'],
  conda: ['remove', 'uninstall'],
};

/** `apt-get purge/remove/autoremove`, `apk del`, `dnf remove`, `pip uninstall`, `npm uninstall`, ... */
function recognisePackageRemovalUncached(cmd: SimpleCommand): PackageRemoval | null {
  const pc = recognisePackageCommand(cmd);
  if (pc === null) return null;
  const verbs = REMOVE_VERBS[pc.manager] ?? [];
  if (!verbs.includes(pc.subcommand)) return null;
  return {
    ...pc,
    packages: pc.operands,
    purge: pc.manager === 'apt' && (pc.subcommand === 'purge' || pc.subcommand === 'autopurge' || has(pc, '--purge')),
    autoremove:
      pc.subcommand === 'autoremove' || pc.subcommand === 'autopurge' || (pc.manager === 'apt' && has(pc, '--auto-remove', '--autoremove')),
  };
}

// ------------------------------------------------------------------ cleanups

/** Directories whose removal clears a cache (exact dir, or a glob right inside it). */
const CACHE_DIRS: readonly (readonly [string, CacheKind])[] = [
  ['/var/lib/apt/lists', 'apt-lists'],
  ['/var/cache/apt', 'apt-archives'],
  ['/var/cache/apt/archives', 'apt-archives'],
  ['/var/cache/apk', 'apk'],
  ['/etc/apk/cache', 'apk'],
  ['/var/cache/yum', 'yum'],
  ['/var/cache/dnf', 'dnf'],
  ['/var/cache/zypp', 'zypper'],
  ['/usr/local/share/.cache/yarn', 'yarn'],
  ['/usr/local/bundle/cache', 'gem'],
  ['/opt/conda/pkgs', 'conda'],
];

/** Path endings (home-relative caches: `/root/.cache/pip`, `~/.cache/pip`, `$HOME/.cache/pip`). */
const CACHE_SUFFIXES: readonly (readonly [string, readonly CacheKind[]])[] = [
  ['/.cache', ['pip', 'uv', 'yarn', 'composer', 'go-build']],
  ['/.cache/pip', ['pip']],
  ['/.cache/uv', ['uv']],
  ['/.npm', ['npm']],
  ['/.npm/_cacache', ['npm']],
  ['/.cache/yarn', ['yarn']],
  ['/.yarn-cache', ['yarn']],
  ['/.yarn/cache', ['yarn']],
  ['/.local/share/pnpm/store', ['pnpm']],
  ['/.pnpm-store', ['pnpm']],
  ['/.gem', ['gem']],
  ['/.composer/cache', ['composer']],
  ['/.cache/composer', ['composer']],
  ['/.conda/pkgs', ['conda']],
  ['/.cache/go-build', ['go-build']],
  ['/go/pkg/mod', ['go-mod']],
  ['/.cargo/registry', ['cargo']],
];

/** Drop quotes, trailing `/`, `/*` and `/.*` (in one backward scan). */
function normalisePath(raw: string): string {
  const s = raw.replace(/["']/g, '');
  let end = s.length;
  for (;;) {
    if (end >= 2 && s[end - 1] === '*' && s[end - 2] === '/') end -= 2;
    else if (end >= 3 && s[end - 1] === '*' && s[end - 2] === '.' && s[end - 3] === '/') end -= 3;
    else if (end > 1 && s[end - 1] === '/') end -= 1;
    else return s.slice(0, end);
  }
}

function cachesOfPath(raw: string): CacheKind[] {
  const p = normalisePath(raw);
  const out = new Set<CacheKind>();
  const slash = p.lastIndexOf('/');
  const parent = slash > 0 ? p.slice(0, slash) : '';
  const lastIsGlob = p.slice(slash + 1).includes('*');
  for (const [dir, kind] of CACHE_DIRS) {
    if (p === dir || (lastIsGlob && parent === dir)) out.add(kind);
  }
  if (p.startsWith('/var/cache/libdnf5')) out.add('dnf');
  for (const [suffix, kinds] of CACHE_SUFFIXES) {
    if (p.endsWith(suffix) || (lastIsGlob && parent.endsWith(suffix))) for (const k of kinds) out.add(k);
  }
  return [...out];
}

/**
 * Recognise a cleanup of package-manager caches: `rm` of a cache directory (or a glob inside it),
 * or a manager's clean command (`apt-get clean` / `dist-clean`, `apk cache clean`, `yum/dnf clean all`,
 * `zypper clean`/`cc`, `pip cache purge`, `uv cache clean`, `npm cache clean`, `yarn cache clean`,
 * `pnpm store prune`, `composer clear-cache`, `conda clean`, `go clean -cache/-modcache`).
 */
function recogniseCleanupUncached(cmd: SimpleCommand): Cleanup | null {
  const eff = effectiveCommand(cmd);
  const name = eff.name === null ? null : basename(eff.name);
  if (name === 'rm') {
    const { positionals } = parseWords(eff.args, {});
    const caches = new Set<CacheKind>();
    const paths: ShellWord[] = [];
    for (const w of positionals) {
      const kinds = cachesOfPath(wordText(w));
      if (kinds.length > 0) {
        paths.push(w);
        for (const k of kinds) caches.add(k);
      }
    }
    return caches.size === 0 ? null : { caches: [...caches], method: 'rm', paths, command: cmd, tool: '' };
  }
  const pc = recognisePackageCommand(cmd);
  if (pc !== null) {
    const caches = toolCleanup(pc);
    if (caches.length > 0) {
      const line = [pc.tool, pc.subcommand, ...pc.operands.map((w) => w.value ?? w.text)].filter((s) => s !== '').join(' ');
      return { caches, method: 'tool', paths: [], command: cmd, tool: line };
    }
  }
  return null;
}

function toolCleanup(pc: PackageCommand): CacheKind[] {
  const sub = pc.subcommand;
  const op0 = pc.operands[0]?.value ?? null;
  switch (pc.manager) {
    case 'apt':
      if (sub === 'clean') return ['apt-archives'];
      if (sub === 'dist-clean' || sub === 'distclean') return ['apt-archives', 'apt-lists'];
      return [];
    case 'apk':
      return sub === 'cache clean' || sub === 'cache purge' ? ['apk'] : [];
    case 'yum':
      return sub === 'clean' && op0 === 'all' ? ['yum'] : [];
    case 'dnf':
    case 'microdnf':
      return sub === 'clean' && op0 === 'all' ? ['dnf'] : [];
    case 'zypper':
      return sub === 'clean' || sub === 'cc' ? ['zypper'] : [];
    case 'pip':
      return sub === 'cache purge' ? ['pip'] : [];
    case 'uv':
      return sub === 'cache' && (op0 === 'clean' || op0 === 'prune') ? ['uv'] : [];
    case 'npm':
      return sub === 'cache clean' || sub === 'cache clear' || sub === 'cache rm' ? ['npm'] : [];
    case 'yarn':
      return sub === 'cache' && op0 === 'clean' ? ['yarn'] : [];
    case 'pnpm':
      return sub === 'store' && op0 === 'prune' ? ['pnpm'] : [];
    case 'composer':
      return sub === 'clear-cache' || sub === 'clearcache' || sub === 'cc' ? ['composer'] : [];
    case 'conda':
      return sub === 'clean' ? ['conda'] : [];
    case 'go': {
      if (sub !== 'clean') return [];
      const out: CacheKind[] = [];
      if (has(pc, '-cache')) out.push('go-build');
      if (has(pc, '-modcache')) out.push('go-mod');
      return out;
    }
    default:
      return [];
  }
}

// ------------------------------------------------------------------ downloads

const CURL_VALUES = [
  '-o', '--output', '-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary',
  '--data-urlencode', '--data-ascii', '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie',
  '-c', '--cookie-jar', '-T', '--upload-file', '-w', '--write-out', '-x', '--proxy', '-r', '--range', '-E',
  '--cert', '-K', '--config', '-F', '--form', '--form-string', '-z', '--time-cond', '-C', '--continue-at', '-y',
  '--speed-time', '-Y', '--speed-limit', '-U', '--proxy-user', '-Q', '--quote', '-P', '--ftp-port', '-t',
  '--telnet-option', '-m', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time',
  '--cacert', '--capath', '--url', '--output-dir', '--limit-rate', '--resolve', '--connect-to', '--dns-servers',
  '--interface', '--proto', '--proto-redir', '--max-filesize', '--expect100-timeout', '--keepalive-time',
  '--local-port', '--netrc-file', '--noproxy', '--oauth2-bearer', '--pinnedpubkey', '--stderr', '--trace',
  '--trace-ascii', '--unix-socket', '--variable', '--json', '--aws-sigv4', '--ciphers', '--key', '--key-type',
  '--cert-type', '--pass', '--hostpubsha256', '--hostpubmd5', '--max-redirs', '--tls-max', '--dump-header', '-D',
  '--happy-eyeballs-timeout-ms', '--create-file-mode', '--url-query', '--etag-save', '--etag-compare',
];
const WGET_VALUES = [
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t',
  '--tries', '-T', '--timeout', '-w', '--wait', '-e', '--execute', '-i', '--input-file', '-B', '--base', '-U',
  '--user-agent', '-Q', '--quota', '-l', '--level', '-A', '--accept', '-R', '--reject', '-D', '--domains', '-I',
  '--include-directories', '-X', '--exclude-directories', '--header', '--user', '--password', '--post-data',
  '--post-file', '--progress', '--ca-certificate', '--ca-directory', '--certificate', '--private-key',
  '--load-cookies', '--save-cookies', '--limit-rate', '--method', '--body-data', '--body-file', '--referer',
  '--local-encoding', '--remote-encoding', '--secure-protocol', '--bind-address', '--dns-timeout',
  '--connect-timeout', '--read-timeout', '--waitretry', '--restrict-file-names', '--default-page', '--cut-dirs',
  '--http-user', '--http-password', '--ftp-user', '--ftp-password', '--proxy-user', '--proxy-password',
];
const WGET_SINGLE_DASH = ['-nv', '-nc', '-nd', '-nH', '-np'];

/** curl and wget (also via `busybox wget`, `sudo curl`): URLs, output, TLS and error handling. */
function recogniseDownloadUncached(cmd: SimpleCommand): Download | null {
  const eff = effectiveCommand(cmd);
  const name = eff.name === null ? null : basename(eff.name);
  if (name === 'curl') {
    const { flags, positionals } = parseWords(eff.args, { values: CURL_VALUES });
    const f = (...n: string[]): CommandFlag[] => flags.filter((x) => n.includes(x.name));
    const output = f('-o', '--output')[0]?.valueWord ?? null;
    const remoteName = f('-O', '--remote-name', '--remote-name-all').length > 0;
    const urls = [...positionals, ...f('--url').flatMap((x) => (x.valueWord === null ? [] : [x.valueWord]))];
    return {
      tool: 'curl',
      command: cmd,
      urls,
      output,
      remoteName,
      toStdout: output === null ? !remoteName : output.value === '-',
      outputDir: f('--output-dir')[0]?.valueWord ?? null,
      insecure: f('-k', '--insecure').length > 0,
      failOnError: f('-f', '--fail', '--fail-with-body').length > 0,
      followRedirects: f('-L', '--location', '--location-trusted').length > 0,
      quiet: f('-s', '--silent').length > 0,
      flags,
    };
  }
  if (name === 'wget') {
    const { flags, positionals } = parseWords(eff.args, { values: WGET_VALUES, singleDash: WGET_SINGLE_DASH });
    const f = (...n: string[]): CommandFlag[] => flags.filter((x) => n.includes(x.name));
    const output = f('-O', '--output-document')[0]?.valueWord ?? null;
    const outputValue = f('-O', '--output-document')[0]?.value ?? null;
    return {
      tool: 'wget',
      command: cmd,
      urls: positionals,
      output,
      remoteName: output === null,
      toStdout: outputValue === '-',
      outputDir: f('-P', '--directory-prefix')[0]?.valueWord ?? null,
      insecure: f('--no-check-certificate').length > 0,
      failOnError: true,
      followRedirects: f('--max-redirect').every((x) => x.value !== '0'),
      quiet: f('--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output').length > 0,
      flags,
    };
  }
  return null;
}

// ------------------------------------------------------------------ verifications

const SUM_TOOLS: Readonly<Record<string, string>> = {
  sha1sum: 'sha1',
  sha224sum: 'sha224',
  sha256sum: 'sha256',
  sha384sum: 'sha384',
  sha512sum: 'sha512',
  md5sum: 'md5',
  b2sum: 'b2',
};

/**
 * Recognise a checksum or signature verification: `sha256sum -c` (and other *sum tools),
 * `shasum -a 256 -c`, `echo "<sum>  file" | sha256sum -c -`, `gpg --verify` / `gpg2 --verify`,
 * `gpgv`, `cosign verify[-blob|-attestation]`, `minisign -V`, `signify -V`,
 * `openssl dgst -verify`, `rpm -K` / `--checksig`, `gh attestation verify`, `slsa-verifier verify-*`.
 */
function recogniseVerificationUncached(cmd: SimpleCommand): Verification | null {
  const eff = effectiveCommand(cmd);
  const name = eff.name === null ? null : basename(eff.name);
  if (name === null) return null;
  const make = (kind: Verification['kind'], algorithm: string | null, files: ShellWord[], fromStdin: boolean): Verification => ({
    kind,
    tool: name,
    algorithm,
    files,
    fromStdin,
    command: cmd,
  });
  const algo = SUM_TOOLS[name];
  if (algo !== undefined || name === 'shasum') {
    const { flags, positionals } = parseWords(eff.args, { values: ['-a', '--algorithm'] });
    if (!flags.some((f) => f.name === '-c' || f.name === '--check')) return null;
    const a = name === 'shasum' ? `sha${flags.find((f) => f.name === '-a' || f.name === '--algorithm')?.value ?? '1'}` : (algo ?? null);
    const files = positionals.filter((w) => w.value !== '-');
    return make('checksum', a, files, files.length < positionals.length || positionals.length === 0);
  }
  if (name === 'gpg' || name === 'gpg2') {
    const { flags, positionals } = parseWords(eff.args, { values: ['--keyring', '--homedir', '-o', '--output', '--status-fd', '--trust-model', '-u', '--local-user', '-r', '--recipient'] });
    if (!flags.some((f) => f.name === '--verify' || f.name === '--verify-files')) return null;
    return make('signature', null, positionals, positionals.length === 0 || positionals.some((w) => w.value === '-'));
  }
  if (name === 'gpgv' || name === 'gpgv2') {
    const { positionals } = parseWords(eff.args, { values: ['--keyring', '--homedir', '--status-fd', '-o', '--output', '--weak-digest'] });
    return make('signature', null, positionals, positionals.some((w) => w.value === '-'));
  }
  if (name === 'cosign') {
    const sub = eff.args[0]?.value;
    if (sub !== 'verify' && sub !== 'verify-blob' && sub !== 'verify-attestation' && sub !== 'verify-blob-attestation') return null;
    const { positionals } = parseWords(eff.args.slice(1), {
      values: ['--key', '--signature', '--certificate', '--certificate-identity', '--certificate-oidc-issuer', '--certificate-identity-regexp', '--certificate-oidc-issuer-regexp', '--bundle', '--type', '--policy', '--rekor-url', '-o', '--output'],
    });
    return make('signature', null, positionals, false);
  }
  if (name === 'minisign' || name === 'signify') {
    const { flags, positionals } = parseWords(eff.args, { values: ['-p', '-P', '-x', '-m', '-s'] });
    if (!flags.some((f) => f.name === '-V')) return null;
    const files = flags.filter((f) => f.name === '-m' || f.name === '-x').flatMap((f) => (f.valueWord === null ? [] : [f.valueWord]));
    return make('signature', null, [...files, ...positionals], false);
  }
  if (name === 'openssl') {
    if (eff.args[0]?.value !== 'dgst') return null;
    const { flags, positionals } = parseWords(eff.args.slice(1), { values: ['-verify', '-prverify', '-signature', '-sigopt', '-keyform', '-passin'], goStyle: true });
    if (!flags.some((f) => f.name === '-verify' || f.name === '-prverify')) return null;
    const sig = flags.filter((f) => f.name === '-signature').flatMap((f) => (f.valueWord === null ? [] : [f.valueWord]));
    return make('signature', null, [...sig, ...positionals], positionals.length === 0);
  }
  if (name === 'rpm') {
    const { flags, positionals } = parseWords(eff.args, {});
    if (!flags.some((f) => f.name === '-K' || f.name === '--checksig')) return null;
    return make('signature', null, positionals, false);
  }
  if (name === 'gh') {
    if (eff.args[0]?.value !== 'attestation' || eff.args[1]?.value !== 'verify') return null;
    const { positionals } = parseWords(eff.args.slice(2), { values: ['-o', '--owner', '-R', '--repo', '--bundle', '--signer-workflow', '--signer-repo', '--cert-identity', '--cert-oidc-issuer', '--predicate-type', '--format', '-q', '--jq', '-t', '--template', '--limit', '--hostname'] });
    return make('signature', null, positionals, false);
  }
  if (name === 'slsa-verifier') {
    const sub = eff.args[0]?.value;
    if (sub === null || sub === undefined || !sub.startsWith('verify')) return null;
    const { positionals } = parseWords(eff.args.slice(1), { values: ['--provenance-path', '--source-uri', '--source-tag', '--source-branch', '--builder-id', '--source-versioned-tag', '--print-provenance'] });
    return make('signature', null, positionals, false);
  }
  return null;
}

// Memoised entry points (see memo.ts): every rule asks these questions of the same commands.
export const recognisePackageCommand = memoByCommand(recognisePackageCommandUncached);
export const recognisePackageInstall = memoByCommand(recognisePackageInstallUncached);
export const recogniseIndexUpdate = memoByCommand(recogniseIndexUpdateUncached);
export const recognisePackageRemoval = memoByCommand(recognisePackageRemovalUncached);
export const recogniseCleanup = memoByCommand(recogniseCleanupUncached);
export const recogniseDownload = memoByCommand(recogniseDownloadUncached);
export const recogniseVerification = memoByCommand(recogniseVerificationUncached);
