/**
 * Classify the simple commands of a RUN: package installs, build-time plumbing, filesystem
 * changes, accounts, language builds, downloads, and everything else (untranslatable).
 * Pure: reads only the parsed commands.
 */
import { effectiveCommand, parseArgs, parseWords, wordText } from '../../shell/queries.js';
import {
  recogniseCleanup,
  recogniseDownload,
  recogniseIndexUpdate,
  recognisePackageInstall,
  recognisePackageRemoval,
  recogniseVerification,
} from '../../shell/packages.js';
import type { PackageInstall, ShellWord, SimpleCommand } from '../../shell/types.js';
import { basenameOf, resolveIn, splitFlagWords } from './util.js';

export interface AccountSpec {
  kind: 'user' | 'group';
  name: string;
  uid: number | null;
  /** Primary group: a name or a numeric id. */
  group: string | null;
  home: string | null;
  shell: string | null;
  system: boolean;
  /** `useradd -U` / Debian `adduser --group`: also create a group of the same name. */
  ownGroup: boolean;
  /** The command creates the home directory (`useradd -m`, `adduser` without `--no-create-home` / `-H`). */
  createHome: boolean;
}

export interface GoBuild {
  /** Absolute output path (`-o`), null when go decides (the package name in the working directory). */
  output: string | null;
  /** Output is a directory (`-o dir/`). */
  outputIsDir: boolean;
  packages: string[];
  ldflags: string[];
  tags: string[];
  cgo: string | null;
  install: boolean;
  cwd: string | null;
}

export interface CargoBuild {
  bins: string[];
  features: string[];
  flags: string[];
  release: boolean;
  install: boolean;
  /** `cargo install --root DIR`. */
  root: string | null;
  targetDir: string | null;
  cwd: string | null;
}

export type Cmd =
  | { kind: 'install'; install: PackageInstall; cmd: SimpleCommand }
  | { kind: 'remove'; names: (string | null)[]; autoremove: boolean; aptMarkAuto: boolean }
  /** Only matters while building (index updates, caches, keys, verification, sanity checks). */
  | { kind: 'drop'; what: string }
  | { kind: 'neutral' }
  | { kind: 'mkdir'; paths: string[]; mode: string | null }
  | { kind: 'chmod'; mode: string; paths: string[]; recursive: boolean }
  | { kind: 'chown'; owner: string; paths: string[]; recursive: boolean }
  | { kind: 'symlink'; target: string; path: string }
  | { kind: 'account'; account: AccountSpec }
  | { kind: 'venv'; path: string }
  | { kind: 'go-build'; go: GoBuild }
  | { kind: 'go-deps'; what: string }
  | { kind: 'cargo-build'; cargo: CargoBuild }
  | { kind: 'npm-script'; script: string }
  | { kind: 'build-tool'; what: string }
  | { kind: 'download'; what: string }
  | { kind: 'unknown'; what: string };

/** Commands with no effect on the image's filesystem. */
const NEUTRAL: ReadonlySet<string> = new Set([
  'set', 'true', 'false', ':', 'export', 'echo', 'printf', 'test', '[', '[[', 'which', 'type', 'exit', 'return',
  'uname', 'arch', 'nproc', 'id', 'whoami', 'ls', 'cat', 'env', 'printenv', 'sleep', 'hash', 'unset', 'shopt',
  'dpkg-architecture', 'getent', 'date', 'pwd', 'wait', 'trap', 'ulimit', 'umask', 'readlink', 'realpath', 'stat',
  'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'cut', 'awk', 'grep', 'egrep', 'fgrep', 'basename', 'dirname', 'seq',
  'find', 'xargs', 'tee', 'du', 'df', 'file', 'ldd', 'sync', 'source', '.', 'eval', 'local', 'declare', 'read',
  'for', 'while', 'if', 'case', 'break', 'continue', 'shift', 'let', 'command', 'builtin', 'dpkg-query',
]);

/** Commands that only serve the build (package plumbing, keys, verification). */
const BUILD_ONLY: Readonly<Record<string, string>> = {
  'apt-key': 'repository key for apt',
  'add-apt-repository': 'apt repository setup',
  'apt-mark': 'apt bookkeeping',
  'apt-cache': 'apt query',
  'dpkg-reconfigure': 'package reconfiguration',
  'update-ca-certificates': 'CA bundle regeneration (dockerTools.caCertificates ships a bundle)',
  'update-alternatives': 'Debian alternatives',
  ldconfig: 'dynamic linker cache (Nix binaries use RUNPATH)',
  'locale-gen': 'locale generation (glibcLocales carries the locales)',
  localedef: 'locale generation (glibcLocales carries the locales)',
  gpg: 'signature verification',
  gpgv: 'signature verification',
  gpgconf: 'signature verification',
  'gpg-agent': 'signature verification',
  dirmngr: 'signature verification',
  'sha256sum': 'checksum verification',
  'sha512sum': 'checksum verification',
  'sha1sum': 'checksum verification',
  'md5sum': 'checksum verification',
  shasum: 'checksum verification',
  'dpkg-divert': 'Debian packaging',
  'rpm': 'rpm database',
  'yum-config-manager': 'yum repository setup',
  'dnf-config-manager': 'dnf repository setup',
  'rpm-ostree': 'rpm-ostree',
  'rc-update': 'OpenRC service setup',
  'systemctl': 'service setup',
  'fc-cache': 'font cache',
  'docker-php-source': 'PHP source extraction',
};

/** Language build tools that make a stage a generic (stdenv.mkDerivation) builder. */
const BUILD_TOOLS: ReadonlySet<string> = new Set([
  'make', 'gmake', 'cmake', 'ninja', 'meson', 'configure', 'autoreconf', 'autogen.sh', 'bootstrap', 'mvn', 'mvnw',
  'gradle', 'gradlew', 'ant', 'sbt', 'dotnet', 'msbuild', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'javac', 'jar',
  'stack', 'cabal', 'ghc', 'zig', 'swift', 'bazel', 'bazelisk', 'scons', 'strip', 'upx', 'tsc', 'webpack', 'vite',
  'hugo', 'mix', 'rebar3', 'elm', 'nimble', 'dune', 'opam', 'lein', 'clojure', 'dart', 'flutter', 'deno', 'bun',
  'python', 'python3', 'go', 'cargo', 'rustc', 'node', 'npx', 'ruby', 'rake', 'perl', 'php', 'composer',
]);

/** Files that configure package repositories (and their signing keys). */
const REPO_SETUP = /^(\/etc\/apt\/|\/etc\/apk\/(repositories|keys)|\/etc\/yum\.repos\.d\/|\/etc\/zypp\/repos\.d\/|\/usr\/share\/keyrings\/|\/etc\/pki\/rpm-gpg\/|\/etc\/dnf\/)/;

/** Paths whose removal only drops build leftovers. */
const TRASH = /^(\/tmp|\/var\/tmp|\/root\/\.cache|\/root\/\.npm|\/var\/cache|\/var\/lib\/apt|\/var\/log|\/usr\/share\/doc|\/usr\/share\/man|\/usr\/share\/info|\/root\/\.gnupg|\/usr\/src|\/root\/\.cargo\/registry|\/go\/pkg|\/root\/go\/pkg)(\/|$)/;

function values(words: readonly ShellWord[]): (string | null)[] {
  return words.map((w) => w.value);
}

function staticPaths(words: readonly ShellWord[], cwd: string | null): string[] | null {
  const out: string[] = [];
  for (const w of words) {
    if (w.value === null) return null;
    if (!w.value.startsWith('/') && cwd === null) return null;
    out.push(resolveIn(cwd, w.value));
  }
  return out;
}

function hasOutputRedirect(c: SimpleCommand): string | null {
  for (const r of c.redirects) {
    if (!/^(>|>>|>\||&>|&>>|>&)$/.test(r.operator)) continue;
    const t = r.target?.value ?? r.target?.text ?? '';
    if (/^(\/dev\/(null|stdout|stderr)|&?[0-9]+|-)$/.test(t)) continue;
    return t === '' ? '(a file)' : t;
  }
  return null;
}

function what(c: SimpleCommand): string {
  const eff = effectiveCommand(c);
  const name = eff.name ?? (eff.nameWord !== null ? wordText(eff.nameWord) : '');
  const sub = eff.args[0]?.value;
  return sub !== undefined && sub !== null && /^[a-z][a-z-]*$/.test(sub) ? `${basenameOf(name)} ${sub}` : basenameOf(name);
}

function parseAccount(name: string, c: SimpleCommand, alpine: boolean): AccountSpec | null {
  const eff = effectiveCommand(c);
  if (name === 'useradd' || (name === 'adduser' && !alpine)) {
    const debAdduser = name === 'adduser';
    const p = parseArgs(eff, {
      values: debAdduser
        ? ['--uid', '--gid', '--home', '--shell', '--ingroup', '--gecos', '--firstuid', '--lastuid', '--comment', '--add-extra-groups']
        : ['-u', '--uid', '-g', '--gid', '-d', '--home-dir', '--home', '-s', '--shell', '-G', '--groups', '-c', '--comment', '-k', '--skel', '-e', '--expiredate', '-f', '--inactive', '-K', '--key', '-p', '--password', '-b', '--base-dir', '-Z', '--selinux-user'],
    });
    const get = (...n: string[]): string | null => p.flags.find((f) => n.includes(f.name))?.value ?? null;
    const has = (...n: string[]): boolean => p.flags.some((f) => n.includes(f.name));
    const pos = values(p.positionals);
    if (debAdduser && pos.length >= 2) return null; // `adduser user group`: adds to a group
    const user = pos[0];
    if (user === null || user === undefined) return null;
    const uid = get('-u', '--uid');
    return {
      kind: 'user',
      name: user,
      uid: uid !== null && /^\d+$/.test(uid) ? Number(uid) : null,
      group: get('-g', '--gid', '--ingroup'),
      home: get('-d', '--home-dir', '--home'),
      shell: get('-s', '--shell'),
      system: has('-r', '--system'),
      ownGroup: debAdduser ? has('--group') : has('-U', '--user-group'),
      createHome: debAdduser ? !has('--no-create-home') && (!has('--system') || get('--home') !== null) : has('-m', '--create-home'),
    };
  }
  if (name === 'adduser') {
    // busybox: adduser [-h DIR] [-g GECOS] [-s SHELL] [-G GRP] [-S] [-D] [-H] [-u UID] USER [GROUP]
    const p = parseArgs(eff, { values: ['-h', '-g', '-s', '-G', '-u', '-k'] });
    const get = (n: string): string | null => p.flags.find((f) => f.name === n)?.value ?? null;
    const pos = values(p.positionals);
    const user = pos[0];
    if (user === null || user === undefined) return null;
    if (pos.length >= 2 && p.flags.length === 0) return null; // `adduser user group`
    const uid = get('-u');
    return {
      kind: 'user',
      name: user,
      uid: uid !== null && /^\d+$/.test(uid) ? Number(uid) : null,
      group: get('-G') ?? (pos[1] ?? null),
      home: get('-h'),
      shell: get('-s'),
      system: p.flags.some((f) => f.name === '-S'),
      ownGroup: false,
      createHome: !p.flags.some((f) => f.name === '-H') && get('-h') !== '/dev/null',
    };
  }
  if (name === 'groupadd' || name === 'addgroup') {
    const p = parseArgs(eff, { values: ['-g', '--gid', '-K', '--key', '-p', '--password'] });
    const pos = values(p.positionals);
    if (pos.length !== 1) return null; // busybox `addgroup user group` adds a member
    const g = pos[0];
    if (g === null || g === undefined) return null;
    const gid = p.flags.find((f) => f.name === '-g' || f.name === '--gid')?.value ?? null;
    return {
      kind: 'group',
      name: g,
      uid: gid !== null && /^\d+$/.test(gid) ? Number(gid) : null,
      group: null,
      home: null,
      shell: null,
      system: p.flags.some((f) => f.name === '-r' || f.name === '--system' || f.name === '-S'),
      ownGroup: false,
      createHome: false,
    };
  }
  return null;
}

function goBuild(c: SimpleCommand, cwd: string | null, install: boolean): GoBuild {
  const eff = effectiveCommand(c);
  const words = eff.args.slice(1);
  const p = parseWords(words, { values: ['-o', '-C', '-p', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-tags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-toolexec', '-exec', '-buildmode', '-compiler', '-installsuffix', '-trimpath'], goStyle: true });
  const flag = (n: string): string | null => p.flags.find((f) => f.name === n || f.name === '-' + n)?.value ?? null;
  const out = flag('-o');
  const cgoAssign = c.assignments.find((a) => a.name === 'CGO_ENABLED') ?? eff.assignments.find((a) => a.name === 'CGO_ENABLED');
  const ld = flag('-ldflags');
  const tags = flag('-tags');
  return {
    output: out === null ? null : resolveIn(cwd, out),
    outputIsDir: out !== null && out.endsWith('/'),
    packages: p.positionals.map((w) => w.value).filter((v): v is string => v !== null),
    ldflags: ld === null ? [] : splitFlagWords(ld),
    tags: tags === null ? [] : tags.split(/[ ,]+/).filter((t) => t !== ''),
    cgo: cgoAssign?.value?.value ?? null,
    install,
    cwd,
  };
}

function cargoBuild(c: SimpleCommand, cwd: string | null, install: boolean): CargoBuild {
  const eff = effectiveCommand(c);
  const p = parseWords(eff.args.slice(1), {
    values: ['--bin', '--features', '-F', '--profile', '--target', '--target-dir', '-p', '--package', '--root', '--path', '--manifest-path', '-j', '--jobs', '--config', '--example', '--git', '--branch', '--tag', '--rev', '--version'],
  });
  const all = (...n: string[]): string[] => p.flags.filter((f) => n.includes(f.name)).map((f) => f.value).filter((v): v is string => v !== null);
  const flags: string[] = [];
  for (const b of all('--bin')) flags.push('--bin', b);
  for (const b of all('-p', '--package')) flags.push('-p', b);
  if (install) for (const name of p.positionals.map((w) => w.value).filter((v): v is string => v !== null)) flags.push(name);
  const root = all('--root')[0] ?? null;
  const targetDir = all('--target-dir')[0] ?? null;
  return {
    bins: all('--bin'),
    features: all('--features', '-F').flatMap((f) => f.split(/[ ,]+/)).filter((f) => f !== ''),
    flags,
    release: install || p.flags.some((f) => f.name === '--release' || f.name === '-r') || all('--profile').includes('release'),
    install,
    root: root === null ? null : resolveIn(cwd, root),
    targetDir: targetDir === null ? null : resolveIn(cwd, targetDir),
    cwd,
  };
}

export interface ClassifyOptions {
  cwd: string | null;
  alpine: boolean;
}

/** Classify one simple command. */
export function classifyCommand(c: SimpleCommand, o: ClassifyOptions): Cmd {
  const eff = effectiveCommand(c);
  if (eff.name === null) {
    if (eff.nameWord === null) return { kind: 'neutral' }; // bare assignment or heredoc holder
    return { kind: 'unknown', what: `runs a command whose name is computed (${wordText(eff.nameWord)})` };
  }
  const name = basenameOf(eff.name);
  const redirect = hasOutputRedirect(c);

  const install = recognisePackageInstall(c);
  if (install !== null) return { kind: 'install', install, cmd: c };
  if (recogniseIndexUpdate(c) !== null) return { kind: 'drop', what: 'package index update' };
  const removal = recognisePackageRemoval(c);
  if (removal !== null) {
    const names = removal.packages.map((w) => w.value);
    return { kind: 'remove', names, autoremove: removal.autoremove, aptMarkAuto: false };
  }
  if (name === 'apt-mark' && eff.args.some((a) => a.value === 'auto')) return { kind: 'remove', names: [], autoremove: true, aptMarkAuto: true };
  const cleanup = recogniseCleanup(c);
  if (cleanup !== null) return { kind: 'drop', what: `cache cleanup (${cleanup.caches.join(', ')})` };
  const download = recogniseDownload(c);
  if (download !== null) {
    const url = download.urls[0];
    return { kind: 'download', what: `downloads ${url !== undefined ? wordText(url) : 'a file'} with ${download.tool}` };
  }
  if (recogniseVerification(c) !== null) return { kind: 'drop', what: 'checksum/signature verification' };

  // Version checks and other probes (`node --version`, `python -c 'import x'`) only test the build.
  if (eff.args.length === 1 && /^(--version|-v|-V|version|--help)$/.test(eff.args[0]?.value ?? '')) return { kind: 'drop', what: `${name} version check` };

  if (redirect !== null) {
    // Package repositories and their keys only serve the package manager.
    if (REPO_SETUP.test(redirect)) return { kind: 'drop', what: 'package repository setup' };
    return { kind: 'unknown', what: `${what(c)} writes ${redirect}` };
  }

  switch (name) {
    case 'cd':
      return { kind: 'neutral' };
    case 'mkdir': {
      const p = parseArgs(eff, { values: ['-m', '--mode', '--context'] });
      const paths = staticPaths(p.positionals, o.cwd);
      if (paths === null) return { kind: 'unknown', what: 'mkdir with a computed path' };
      return { kind: 'mkdir', paths, mode: p.flags.find((f) => f.name === '-m' || f.name === '--mode')?.value ?? null };
    }
    case 'chmod':
    case 'chown':
    case 'chgrp': {
      const p = parseArgs(eff, { values: ['--reference', '--from'] });
      const [first, ...rest] = p.positionals;
      const recursive = p.flags.some((f) => f.name === '-R' || f.name === '--recursive');
      if (first === undefined || first.value === null || rest.length === 0) return { kind: 'unknown', what: `${name} with computed arguments` };
      const paths = staticPaths(rest, o.cwd);
      if (paths === null) return { kind: 'unknown', what: `${name} of a computed path` };
      if (name === 'chmod') return { kind: 'chmod', mode: first.value, paths, recursive };
      return { kind: 'chown', owner: name === 'chgrp' ? `:${first.value}` : first.value, paths, recursive };
    }
    case 'ln': {
      const p = parseArgs(eff, { values: ['-t', '--target-directory', '-S', '--suffix'] });
      const symbolic = p.flags.some((f) => f.name === '-s' || f.name === '--symbolic');
      const pos = p.positionals;
      if (!symbolic || pos.length !== 2 || pos[0]?.value == null || pos[1]?.value == null) return { kind: 'unknown', what: 'ln (not a single symbolic link)' };
      const target = pos[0].value;
      let linkPath = pos[1].value;
      if (linkPath.endsWith('/')) linkPath += basenameOf(target);
      if (!linkPath.startsWith('/') && o.cwd === null) return { kind: 'unknown', what: 'ln with a relative path after cd' };
      return { kind: 'symlink', target, path: resolveIn(o.cwd, linkPath) };
    }
    case 'useradd':
    case 'adduser':
    case 'groupadd':
    case 'addgroup': {
      const a = parseAccount(name, c, o.alpine);
      if (a === null) return { kind: 'neutral' }; // adds a member to a group: no account to create
      return { kind: 'account', account: a };
    }
    case 'rm': {
      const p = parseArgs(eff);
      const paths = staticPaths(p.positionals, o.cwd);
      if (paths !== null && paths.every((x) => TRASH.test(x) || /\.(pyc|pyo|log)$/.test(x) || /\/__pycache__$/.test(x))) return { kind: 'drop', what: 'removes build leftovers' };
      return { kind: 'unknown', what: `rm ${p.positionals.map(wordText).join(' ')}` };
    }
    case 'go': {
      const sub = eff.args[0]?.value ?? '';
      if (sub === 'build') return { kind: 'go-build', go: goBuild(c, o.cwd, false) };
      if (sub === 'mod' || sub === 'get' || sub === 'generate') return { kind: 'go-deps', what: `go ${sub}` };
      if (sub === 'test' || sub === 'vet' || sub === 'version' || sub === 'env') return { kind: 'drop', what: `go ${sub}` };
      return { kind: 'build-tool', what: `go ${sub}` };
    }
    case 'cargo': {
      const sub = eff.args[0]?.value ?? '';
      if (sub === 'build') return { kind: 'cargo-build', cargo: cargoBuild(c, o.cwd, false) };
      if (sub === 'fetch' || sub === 'vendor' || sub === 'generate-lockfile') return { kind: 'go-deps', what: `cargo ${sub}` };
      if (sub === 'test' || sub === 'clippy' || sub === 'fmt' || sub === 'check' || sub === 'version') return { kind: 'drop', what: `cargo ${sub}` };
      return { kind: 'build-tool', what: `cargo ${sub}` };
    }
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      const sub = eff.args[0]?.value ?? '';
      if (sub === 'run' || sub === 'run-script') {
        const script = eff.args[1]?.value ?? 'build';
        return { kind: 'npm-script', script };
      }
      if (name === 'npm' && (sub === 'test' || sub === 'audit' || sub === 'cache' || sub === 'config' || sub === 'set' || sub === 'prune' || sub === 'dedupe')) {
        return { kind: 'drop', what: `npm ${sub}` };
      }
      if (name === 'npm' && (sub === 'build' || sub === 'pack')) return { kind: 'npm-script', script: 'build' };
      return { kind: 'build-tool', what: `${name} ${sub}` };
    }
    case 'python':
    case 'python3':
    case 'virtualenv': {
      const vals = values(eff.args);
      const m = vals.indexOf('-m');
      if (name === 'virtualenv' || (m >= 0 && (vals[m + 1] === 'venv' || vals[m + 1] === 'virtualenv'))) {
        const p = parseWords(name === 'virtualenv' ? eff.args : eff.args.slice(m + 2), { values: ['--prompt', '-p', '--python'] });
        const dir = p.positionals[0]?.value;
        if (dir !== undefined && dir !== null) return { kind: 'venv', path: resolveIn(o.cwd, dir) };
      }
      if (m >= 0 && (vals[m + 1] === 'compileall' || vals[m + 1] === 'pip')) return { kind: 'drop', what: `python -m ${vals[m + 1] ?? ''}` };
      return { kind: 'build-tool', what: `${name} ${vals.filter((v): v is string => v !== null).slice(0, 2).join(' ')}`.trim() };
    }
    default:
      break;
  }
  // Environment managers that resolve and download packages while building.
  if (name === 'uv' || name === 'poetry' || name === 'pipenv' || name === 'pdm' || name === 'hatch') {
    const sub = eff.args[0]?.value ?? '';
    if (name !== 'uv' || ['sync', 'run', 'tool', 'add', 'lock', 'venv', 'python'].includes(sub)) {
      return { kind: 'download', what: `${name} ${sub} resolves and downloads packages while building; use uv2nix / pyproject.nix (or poetry2nix) for a locked Python environment` };
    }
  }
  if (name === 'tee' && eff.args.some((a) => a.value !== null && REPO_SETUP.test(a.value))) return { kind: 'drop', what: 'package repository setup' };
  if (name === 'tee' && eff.args.some((a) => a.value !== null && a.value.startsWith('/'))) return { kind: 'unknown', what: 'tee writes a file' };
  if (NEUTRAL.has(name)) return { kind: 'neutral' };
  const b = BUILD_ONLY[name];
  if (b !== undefined) return { kind: 'drop', what: b };
  if (name === 'pip' || name === 'pip3') return { kind: 'drop', what: `pip ${eff.args[0]?.value ?? ''}`.trim() };
  if (BUILD_TOOLS.has(name) || name.endsWith('configure') || /^\.\/(gradlew|mvnw|build\.sh|configure)$/.test(eff.name)) {
    return { kind: 'build-tool', what: what(c) };
  }
  return { kind: 'unknown', what: what(c) };
}

/** Commands of a RUN that belong to the RUN itself (not arguments inside `$(...)`). */
export function topCommands(cmds: readonly SimpleCommand[]): SimpleCommand[] {
  return cmds.filter((c) => !c.inSubstitution);
}
