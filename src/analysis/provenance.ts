/**
 * Provenance of every program a Dockerfile executes: the programs of each RUN (through the shell
 * model, seen through sudo/env/...; the shell itself for shell-form RUN) in every stage, and the
 * programs the final image runs (CMD, ENTRYPOINT, HEALTHCHECK). For each one: where does it come
 * from?
 *
 * 1. `builtin`: a shell builtin or keyword, or a function defined in the same script;
 * 2. `explicit`: installed or created by an earlier instruction of the stage or of a stage it is
 *    built on (`FROM <stage>`): a distro package (apt/apk, with metapackages seen through), a
 *    language package (pip, npm -g, gem, go/cargo install ...), COPY/ADD, a download placed on
 *    PATH, a file created by an earlier command (ln, mv, cp, install, a redirect ...), a RUN mount,
 *    or a program invoked by a path relative to the working directory;
 * 3. `transitive`: only a dependency (Depends/Recommends) of an installed distro package;
 * 4. `base`: only the base image, with its tier (see ./base-image.ts): `system` and `image` are
 *    what the image is for; `layer` is an implicit dependency;
 * 5. `possibly`: not known, but an earlier step could have put it there (a `make install`, an
 *    archive extracted, a package dockwise has no data for, an installer script ...);
 * 6. `unknown-base`: not known, and the base image is unknown to dockwise (ARG without a value,
 *    a private image): nothing can be told;
 * 7. `missing`: nothing provides it, the program is probably missing.
 *
 * Pure: the result is data; the rules in rules/dockwise turn it into findings. Computed once per
 * model (kept on the model by memoOnObject: a cache, freed with the model, not state).
 */
import type { Range } from '../core/types.js';
import type { DockerfileModel, InstructionNode, Stage } from '../model/model.js';
import type { ShellWord, SimpleCommand } from '../shell/types.js';
import { effectiveCommand, parseWords, type ArgSpec, type EffectiveCommand } from '../shell/queries.js';
import { recogniseDownload, recognisePackageInstall, recognisePackageRemoval } from '../shell/packages.js';
import { memoOnObject } from '../shell/memo.js';
import {
  closurePackagesProviding,
  isBuiltinOfAnyShell,
  packageClosureShared,
  packageCommands,
  packageDepends,
  packageRelations,
  packagesProvidingCommand,
  resolveBaseImage,
  type PackageFamily,
} from '../knowledge/index.js';
import { entryResolver, isWindowsImage, knownBase, resolveKnownBase, type BaseProvider, type BaseTier, type KnownBase } from './base-image.js';
import { parseJsonStrings, parseShellText } from './command-text.js';

export type { BaseTier, BaseProvider, KnownBase } from './base-image.js';

/** The instruction that runs a program. */
export type UseContext = 'run' | 'cmd' | 'entrypoint' | 'healthcheck';

export type ExplicitVia = 'package' | 'language' | 'copy' | 'download' | 'created' | 'local' | 'mount';

export type ProgramSource =
  | { kind: 'builtin' }
  | { kind: 'explicit'; via: ExplicitVia; detail: string; node: InstructionNode | null }
  | { kind: 'base'; tier: BaseTier; package: string | null; introducedBy: string | null }
  | { kind: 'transitive'; package: string; via: string; node: InstructionNode }
  | { kind: 'possibly'; reason: string; node: InstructionNode | null }
  | { kind: 'unknown-base' }
  | { kind: 'missing'; candidates: string[] };

/** The base image at the root of a stage's `FROM <stage>` chain. */
export type StageBaseInfo =
  | { kind: 'known'; reference: string; base: KnownBase; range: Range | null; rootStage: number }
  | { kind: 'unknown'; reference: string; reason: string; range: Range | null; rootStage: number; windows: boolean };

export interface ProgramUse {
  stage: Stage;
  node: InstructionNode;
  context: UseContext;
  /** The program as written (after variable substitution): `curl`, `/usr/local/bin/app`, `./gradlew`. */
  program: string;
  /** Its basename. */
  name: string;
  /** The command-name word (RUN), the JSON string (exec form), the word of shell text, or the keyword for `shell`. */
  range: Range;
  /** The program is the shell that a shell-form instruction needs (`/bin/sh`, or SHELL's program). */
  shell: boolean;
  /** Run by the final image (CMD, ENTRYPOINT, HEALTHCHECK of the final stage). */
  runtime: boolean;
  /**
   * The script tolerates its absence: it runs only conditionally (if/while bodies, after `||`),
   * its own failure is caught (`x || ...`), or the script checks for it (`command -v x`, `which x`).
   */
  guarded: boolean;
  source: ProgramSource;
  base: StageBaseInfo;
}

export interface Provenance {
  /** Every program use, in file order (runtime uses of CMD/ENTRYPOINT/HEALTHCHECK last). */
  uses: ProgramUse[];
  /** Base of each stage, by stage index. */
  stages: StageBaseInfo[];
}

// ---------------------------------------------------------------------------------------------
// State of a stage while its instructions are read.

interface Provided {
  via: ExplicitVia;
  detail: string;
  node: InstructionNode | null;
}

/** A step that may have created programs dockwise cannot name. */
interface Scope {
  /** `files`: anything under `dir`; `anywhere`: anything; `language`: console scripts of a language package manager. */
  kind: 'files' | 'anywhere' | 'language';
  dir: string;
  reason: string;
  node: InstructionNode | null;
  /** Order of creation (see State.clock). */
  seq: number;
  /** Words of the RUN that created it (its arguments, URLs, paths), to tell which programs it built. */
  tokens: Words | null;
  /**
   * Only programs invoked by a path under `dir` (a build in the working directory, an archive
   * unpacked there, a clone): nothing lands on PATH.
   */
  pathsOnly?: boolean;
}

/** A program that came with the dependencies of an install. */
interface Transitive {
  package: string;
  /** The install's packages; `whichOf` tells which one pulled `package` in. */
  via: { family: PackageFamily; release: string | undefined; recommends: boolean; candidates: readonly string[]; cache: Map<string, string> };
  node: InstructionNode;
  seq: number;
}

/** The package of an install whose dependencies brought `t.package` (computed once, when used). */
function whichOf(t: Transitive): string {
  const v = t.via;
  const hit = v.cache.get(t.package);
  if (hit !== undefined) return hit;
  const found = v.candidates.find((c) => packageClosureShared(v.family, [c], { release: v.release, recommends: v.recommends }).includes(t.package)) ?? v.candidates[0] ?? t.package;
  v.cache.set(t.package, found);
  return found;
}

interface PathState {
  dirs: string[];
  /** A PATH entry could not be resolved (any directory may be on PATH). */
  unknown: boolean;
}

/**
 * How the dependency closures of apt installs are recorded (see analyse). A closure brings
 * thousands of programs, of which a Dockerfile almost never runs one that nothing else provides:
 * - eager (`deferred` false): each install adds the programs of its closure to State.transitive,
 *   numbered by State.clock, as the analysis is specified;
 * - deferred: an install only records its plan in State.deferred and its closure is not worked
 *   out. That gives the same uses as long as no program looked up in State.transitive is in a
 *   deferred closure: the eager State.transitive would hold no entry for it either (entries only
 *   come from closures), and the clock, which then counts fewer steps, is only ever compared with
 *   an entry's number. The first lookup whose program is in a deferred closure sets `needsEager`,
 *   and the model is analysed again, eagerly.
 */
interface ClosureMode {
  readonly deferred: boolean;
  needsEager: boolean;
}

interface State {
  names: Map<string, Provided>;
  paths: Map<string, Provided>;
  /** The last segments of the keys of `paths` (a program looked up by name is only searched there when one matches). */
  pathNames: Set<string>;
  language: LanguagePackage[];
  transitive: Map<string, Transitive>;
  /** Deferred mode: the plans of the apt installs so far, whose closures State.transitive does not hold. */
  deferred: InstallPlan[];
  /** Shared by every stage's State of one analysis. */
  mode: ClosureMode;
  scopes: Scope[];
  /** Increases with every scope and dependency recorded (a later `make install` may replace a dependency). */
  clock: number;
  /** Distro packages installed by the Dockerfile -> the commands they gave. */
  installed: Map<string, readonly string[]>;
  /** `apk add --virtual NAME` groups. */
  groups: Map<string, string[]>;
  removedBase: Set<string>;
  path: PathState;
  /** A package repository was added (its packages may ship other programs than Debian's or Alpine's). */
  extraRepos: boolean;
}

function cloneState(s: State): State {
  return {
    names: new Map(s.names),
    paths: new Map(s.paths),
    pathNames: new Set(s.pathNames),
    language: [...s.language],
    transitive: new Map(s.transitive),
    deferred: [...s.deferred],
    mode: s.mode,
    scopes: [...s.scopes],
    clock: s.clock,
    installed: new Map(s.installed),
    groups: new Map(s.groups),
    removedBase: new Set(s.removedBase),
    path: { dirs: [...s.path.dirs], unknown: s.path.unknown },
    extraRepos: s.extraRepos,
  };
}

const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Programs that language package managers (pip, npm, gem, go, cargo, composer) do not install:
 * after a `pip install -r requirements.txt` these can still be told missing.
 */
const SYSTEM_TOOLS: ReadonlySet<string> = new Set([
  'curl', 'wget', 'git', 'bash', 'make', 'gcc', 'g++', 'cc', 'c++', 'sudo', 'ssh', 'scp', 'unzip', 'zip', 'xz', 'bzip2',
  'gpg', 'rsync', 'apt-get', 'apt', 'apk', 'yum', 'dnf', 'tar', 'gzip', 'patch', 'file', 'less', 'vim', 'nano', 'ps',
  'ping', 'openssl', 'pkg-config', 'autoconf', 'automake', 'libtool', 'tini', 'gosu', 'su-exec', 'envsubst', 'svn',
  'sqlite3', 'psql', 'mysql', 'locale-gen', 'update-ca-certificates', 'useradd', 'groupadd', 'adduser', 'addgroup',
  'usermod', 'chpasswd', 'lsb_release', 'dpkg', 'rpm', 'jq',
]);

/**
 * Programs people install on purpose and that rarely arrive as a dependency: on images whose
 * package list dockwise only approximates (Ubuntu- and Alpine-based official images), only these
 * are told missing.
 */
const LEAF_TOOLS: ReadonlySet<string> = new Set([
  'curl', 'wget', 'git', 'jq', 'unzip', 'zip', 'sudo', 'vim', 'nano', 'make', 'gcc', 'g++', 'rsync', 'ssh', 'scp', 'bash',
  'tini', 'gosu', 'su-exec', 'tree', 'htop', 'strace', 'telnet', 'ping', 'dig', 'pip', 'pip3', 'xz', 'bzip2', 'gpg',
]);

/**
 * The words of some texts (a RUN's arguments, COPY sources ...): the lower-cased runs of letters,
 * digits, `_`, `+`, `.` and `-`, and also their parts between `.`/`-`. Only asked whether it holds
 * a word (see hasWord), and rarely: instead of splitting every text into a Set up front, each text
 * is kept as is (made and lower-cased on the first question) and searched. Merging is concatenation.
 */
type Words = readonly WordText[];

class WordText {
  private lower: string | null = null;
  constructor(private readonly make: () => string) {}
  /** The text, lower-cased (computed once). */
  text(): string {
    return (this.lower ??= this.make().toLowerCase());
  }
}

const wordText = (text: string): WordText => new WordText(() => text);

/** Character codes of `[a-z0-9_+]`. */
function isWordCore(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 43;
}

const WORD = /^[a-z0-9_+.-]+$/;

/**
 * Whether `q` (lower-cased) is one of the words of `words`: a whole run of `[a-z0-9_+.-]`, or,
 * when `q` has no `.` or `-`, a part of a run between `.`/`-`. The same answer as splitting the
 * texts at anything else, and the runs at `.`/`-`, into a Set, without making the Set.
 */
function hasWord(words: Words, q: string): boolean {
  if (!WORD.test(q)) return false;
  const dotted = q.includes('.') || q.includes('-');
  // A neighbour that would make the occurrence part of a longer word (or run).
  const joins = (c: number): boolean => isWordCore(c) || (dotted && (c === 46 || c === 45));
  for (const w of words) {
    const t = w.text();
    for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
      const end = i + q.length;
      if ((i === 0 || !joins(t.charCodeAt(i - 1))) && (end === t.length || !joins(t.charCodeAt(end)))) return true;
    }
  }
  return false;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const INTERPRETERS = /^(?:python[\d.]*|perl[\d.]*|ruby[\d.]*|node|nodejs|php[\d.]*|lua[\d.]*|Rscript|java)$/;
/** Programs that install things they do not name (version managers and friends). */
const INSTALLERS = new Set(['sdk', 'nvm', 'pyenv', 'rbenv', 'asdf', 'rustup', 'rustup-init', 'goenv', 'jenv', 'volta', 'fnm', 'n', 'checkinstall', 'alien', 'opam', 'stack', 'cabal', 'luarocks', 'cpanm', 'cpan', 'pecl', 'pear', 'mise', 'dotnet', 'sdkmanager', 'conda', 'mamba', 'micromamba', 'pixi', 'brew', 'nix-env', 'snap', 'flatpak', 'eget', 'bin', 'aqua', 'installer', 'easy_install', 'pipenv', 'poetry', 'pdm', 'hatch', 'uv', 'uvx', 'pipx', 'npx', 'bunx', 'bun', 'deno', 'corepack', 'mvn', 'gradle', 'lein', 'sbt', 'mix', 'rebar3', 'swift', 'nuget', 'julia']);
const COMPILERS = new Set(['go', 'gcc', 'cc', 'g++', 'c++', 'clang', 'clang++', 'rustc', 'musl-gcc', 'ld', 'tcc', 'zig', 'nim', 'ghc', 'ocamlfind', 'ocamlopt', 'crystal', 'dmd', 'ldc2', 'gfortran', 'gccgo', 'tinygo', 'javac', 'kotlinc', 'shc', 'pyinstaller', 'nuitka', 'pkg']);

// ---------------------------------------------------------------------------------------------
// Paths.

/** Already normal: absolute, no empty, `.` or `..` segment, no trailing `/` (the common case, returned as is). */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

function normPath(p: string): string {
  if (p.charCodeAt(0) === 47 && !NOT_NORMAL.test(p)) return p;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function baseOf(p: string): string {
  const q = p.endsWith('/') ? p.slice(0, -1) : p;
  return q.slice(q.lastIndexOf('/') + 1);
}

/** An absolute path for `p` seen from `cwd`; null when it cannot be told. */
function absolute(p: string, cwd: string | null, user: string | null): string | null {
  if (p === '') return null;
  if (p.startsWith('/')) return normPath(p);
  if (p === '~' || p.startsWith('~/')) {
    if (user !== null && user !== 'root' && user !== '0') return null;
    return normPath('/root' + p.slice(1));
  }
  if (/^[A-Za-z]:/.test(p)) return null;
  return cwd === null ? null : normPath(`${cwd}/${p}`);
}

function under(path: string, dir: string): boolean {
  // `path.startsWith(dir + '/')` without making the string.
  return dir === '/' || path === dir || (path.length > dir.length && path.charCodeAt(dir.length) === 47 && path.startsWith(dir));
}

/** `p === `${dir}/${name}`` without making the string. */
function isEntry(p: string, dir: string, name: string): boolean {
  return p.length === dir.length + 1 + name.length && p.charCodeAt(dir.length) === 47 && p.startsWith(dir) && p.endsWith(name);
}

const GLOB = /[*?[]/;

// ---------------------------------------------------------------------------------------------
// Word values.

const VAR_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The value of a word: its static value, or its text with variables substituted from the
 * script's own assignments and then the Dockerfile's ARG/ENV; null when that is not possible.
 */
function wordValue(w: ShellWord, locals: ReadonlyMap<string, string | null>, node: InstructionNode): string | null {
  if (w.value !== null) return w.value;
  if (w.text.includes('$(') || w.text.includes('`')) return null;
  let unknown = false;
  const text = w.text.replace(VAR_REF, (m: string, a: string | undefined, b: string | undefined) => {
    const n = a ?? b ?? '';
    if (!locals.has(n)) return m;
    const v = locals.get(n);
    if (v === null || v === undefined) {
      unknown = true;
      return m;
    }
    return v;
  });
  if (unknown) return null;
  const r = text.includes('$') ? node.resolve(text) : text;
  if (r === null) return null;
  return r.replace(/["']/g, '');
}

// ---------------------------------------------------------------------------------------------
// Stage bases.

function stageBases(model: DockerfileModel): StageBaseInfo[] {
  const resolve = entryResolver();
  const out: StageBaseInfo[] = [];
  for (const stage of model.stages) {
    const b = stage.base;
    if (b.kind === 'stage') {
      const parent = out[b.stageIndex];
      out.push(parent ?? { kind: 'unknown', reference: '', reason: 'the parent stage is unknown', range: b.range, rootStage: stage.index, windows: false });
      continue;
    }
    if (b.kind === 'scratch') {
      const info = resolveBaseImage({ repository: 'scratch' });
      if (info) out.push({ kind: 'known', reference: 'scratch', base: knownBase(info, { registry: null, repository: 'scratch', name: 'scratch', tag: null, digest: null }, resolve), range: b.range, rootStage: stage.index });
      else out.push({ kind: 'unknown', reference: 'scratch', reason: 'no data', range: b.range, rootStage: stage.index, windows: false });
      continue;
    }
    if (b.kind === 'unknown') {
      out.push({ kind: 'unknown', reference: b.raw, reason: 'the image is given by a build argument without a known value', range: b.range, rootStage: stage.index, windows: false });
      continue;
    }
    const r = resolveKnownBase(b.image, resolve);
    const reference = b.image.resolved ?? b.image.raw;
    if (r.ok) out.push({ kind: 'known', reference, base: r.base, range: b.image.range, rootStage: stage.index });
    else out.push({ kind: 'unknown', reference, reason: r.reason, range: b.image.range, rootStage: stage.index, windows: isWindowsImage(b.image) });
  }
  return out;
}

function initialState(base: StageBaseInfo, mode: ClosureMode): State {
  const dirs = base.kind === 'known' ? [...base.base.info.path] : [...DEFAULT_PATH];
  return {
    names: new Map(),
    paths: new Map(),
    pathNames: new Set(),
    language: [],
    transitive: new Map(),
    deferred: [],
    mode,
    scopes: [],
    clock: 0,
    installed: new Map(),
    groups: new Map(),
    removedBase: new Set(),
    path: { dirs, unknown: false },
    extraRepos: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Classification.

interface Env {
  state: State;
  base: StageBaseInfo;
  /** Functions defined in the script. */
  functions: ReadonlySet<string>;
  /** Scopes that hold for this instruction only (RUN mounts). */
  extraScopes: readonly Scope[];
  user: string | null;
  cwd: string | null;
}

/**
 * Every Env is made here, with its fields in one order: the classification functions then see one
 * object shape (a spread copy may get another hidden class, and each new one the optimised code
 * meets throws it away to be compiled again).
 */
function makeEnv(state: State, base: StageBaseInfo, functions: ReadonlySet<string>, extraScopes: readonly Scope[], user: string | null, cwd: string | null): Env {
  return { state, base, functions, extraScopes, user, cwd };
}

function coversName(s: Scope, name: string, path: PathState): boolean {
  if (s.pathsOnly === true) return false;
  if (s.kind === 'anywhere') return true;
  if (s.kind === 'language') return !SYSTEM_TOOLS.has(name);
  if (path.unknown) return true;
  for (const d of path.dirs) if (under(d, s.dir) || isEntry(s.dir, d, name)) return true;
  return false;
}

function coversPath(s: Scope, p: string): boolean {
  if (s.kind === 'anywhere') return true;
  if (s.kind === 'language') return !SYSTEM_TOOLS.has(baseOf(p));
  return under(p, s.dir);
}

/** A package installed by a language package manager, with the parts of its name (split once, when first asked; null until then). */
interface LanguagePackage {
  name: string;
  node: InstructionNode;
  parts: readonly string[] | null;
}

function languageMatch(l: LanguagePackage, name: string): boolean {
  const pkg = l.name;
  if (pkg === name) return true;
  if (name.length < 2 || pkg.length < 2) return false;
  if (pkg.startsWith(name) || name.startsWith(pkg)) return true;
  return (l.parts ??= pkg.split(/[-_.]/)).includes(name);
}

function missingCandidates(base: KnownBase, name: string): string[] {
  const family = base.info.packageFamily;
  if (!family) return [];
  const pkgs = packagesProvidingCommand(family, name, base.info.packageRelease ?? undefined);
  return [...pkgs].sort((a, b) => Number(b === name) - Number(a === name) || a.length - b.length || a.localeCompare(b));
}

const PROBABLY = 'probably built or installed by the RUN';

/** Words a program name is looked for in, among a RUN's arguments (python3 -> python3, python). */
function mentioned(tokens: Words, name: string): boolean {
  const n = name.toLowerCase();
  if (hasWord(tokens, n)) return true;
  const stripped = n.replace(/[\d.]+$/, '');
  return stripped !== n && stripped.length >= 4 && hasWord(tokens, stripped);
}

/**
 * A program not found anywhere: missing, unless the data about the base image is too partial to
 * tell (Alpine packages and busybox applets; what official images build from source).
 */
function notFound(name: string, base: KnownBase): ProgramSource {
  const info = base.info;
  const candidates = missingCandidates(base, name);
  const partial = (reason: string): ProgramSource => ({ kind: 'possibly', reason, node: null });
  if (info.family === 'alpine') {
    if (base.busyboxApplets.has(name)) return partial('may be a busybox applet of this Alpine release');
    if (info.packages.includes(name) || candidates.length === 0) return partial('Alpine package contents are only partly known');
  }
  if (info.chain.length > 1) {
    // What an official image builds or copies in is only partly known (`make install`, globbed COPY).
    if (candidates.length === 0) return partial(`may be built into ${info.id}`);
    if (base.related(name) || candidates.some((c) => base.related(c))) return partial(`may be built into ${info.id}`);
    if (info.family !== 'debian' && !LEAF_TOOLS.has(name)) return partial(`${info.id}'s packages are approximate`);
  }
  return { kind: 'missing', candidates };
}

/** The dependency that brought `name`, if any (see ClosureMode for deferred closures). */
function transitiveOf(name: string, state: State): Transitive | undefined {
  if (state.deferred.length > 0 && state.deferred.some((plan) => inClosure(plan, name))) state.mode.needsEager = true;
  return state.transitive.get(name);
}

/** Whether `name` is among the programs of planClosure(plan), asked of the few packages that ship it. */
function inClosure(plan: InstallPlan, name: string): boolean {
  return closurePackagesProviding(plan.family, plan.asked, { release: plan.release, recommends: plan.recommends }, name).some((q) => !plan.explicit.has(q));
}

/**
 * Sources shared by the uses that have them (a result is never modified): half the programs a
 * Dockerfile runs come from the base system, a quarter are builtins. The WeakMap is a cache of a
 * pure function of the (cached, immutable) BaseProvider.
 */
const BUILTIN: ProgramSource = { kind: 'builtin' };
const baseSources = new WeakMap<BaseProvider, ProgramSource>();

function baseSource(prov: BaseProvider): ProgramSource {
  let hit = baseSources.get(prov);
  if (!hit) {
    hit = { kind: 'base', ...prov };
    baseSources.set(prov, hit);
  }
  return hit;
}

function classifyName(name: string, env: Env): ProgramSource {
  if (isBuiltinOfAnyShell(name) || env.functions.has(name)) return BUILTIN;
  const { state } = env;
  const e = state.names.get(name);
  if (e) return { kind: 'explicit', ...e };
  if (state.pathNames.has(name)) {
    for (const d of state.path.dirs) {
      const p = state.paths.get(`${d}/${name}`);
      if (p) return { kind: 'explicit', ...p };
    }
  }
  const lang = state.language.find((l) => languageMatch(l, name));
  if (lang) return { kind: 'explicit', via: 'language', detail: lang.name, node: lang.node };
  const mount = env.extraScopes.length === 0 ? undefined : env.extraScopes.find((s) => state.path.dirs.some((d) => isEntry(s.dir, d, name)));
  if (mount) return { kind: 'explicit', via: 'mount', detail: mount.reason, node: mount.node };
  const prov = env.base.kind === 'known' ? env.base.base.provider(name) : null;
  const inBase = prov !== null && !(prov.package !== null && state.removedBase.has(prov.package));
  if (prov && inBase && prov.tier !== 'layer') return baseSource(prov);
  // The scopes that may have made the program, in order (the stage's, then the RUN's mounts): the
  // first, and the first that names it.
  const scopeCount = state.scopes.length + env.extraScopes.length;
  const scopeAt = (i: number): Scope | undefined => (i < state.scopes.length ? state.scopes[i] : env.extraScopes[i - state.scopes.length]);
  let scope: Scope | undefined;
  for (let i = 0; i < scopeCount; i++) {
    const s = scopeAt(i);
    if (!s || !coversName(s, name, state.path)) continue;
    scope ??= s;
    // A build step that names the program (`.../Python-3.12.tar.xz ... make install`) probably made it.
    if (s.tokens !== null && mentioned(s.tokens, name)) return { kind: 'explicit', via: 'created', detail: `${PROBABLY} at line ${(s.node?.syntax.range.start.line ?? 0) + 1}`, node: s.node };
  }
  if (prov && inBase) return baseSource(prov);
  // Only here does the answer depend on the dependencies of installs (asked last: with deferred
  // closures, asking may mean analysing the model again, see ClosureMode).
  const t = transitiveOf(name, state);
  if (t) {
    // The first scope created after the dependency was recorded may have replaced it.
    for (let i = 0; i < scopeCount; i++) {
      const s = scopeAt(i);
      if (s && s.seq > t.seq && coversName(s, name, state.path)) return { kind: 'possibly', reason: s.reason, node: s.node };
    }
    return { kind: 'transitive', package: t.package, via: whichOf(t), node: t.node };
  }
  if (scope) return { kind: 'possibly', reason: scope.reason, node: scope.node };
  if (env.base.kind === 'unknown') return { kind: 'unknown-base' };
  return notFound(name, env.base.base);
}

function classifyPath(p: string, env: Env): ProgramSource {
  const { state } = env;
  const exact = state.paths.get(p);
  if (exact) return { kind: 'explicit', ...exact };
  const scopes = [...state.scopes, ...env.extraScopes];
  if (env.base.kind === 'known') {
    const base = env.base.base;
    const name = baseOf(p);
    // distroless :debug and busybox-only images have no /bin/sh (their shell is /busybox/sh).
    const noBinSh = (p === '/bin/sh' || p === '/bin/bash') && base.info.shell !== p && (base.info.shell === null || base.info.shell.startsWith('/busybox/'));
    if (!noBinSh && base.onPath(p)) {
      const src = classifyName(name, env);
      if (src.kind !== 'missing' && src.kind !== 'builtin') return src;
      if (src.kind === 'builtin' && base.hasPath(p)) return { kind: 'base', tier: 'system', package: null, introducedBy: null };
    }
    // The image's own entrypoint or command (`/nodejs/bin/node` in distroless nodejs).
    if (base.info.entrypoint?.[0] === p || base.info.cmd?.[0] === p) return { kind: 'base', tier: 'image', package: null, introducedBy: base.info.id };
    const scope = scopes.find((s) => coversPath(s, p));
    if (scope) return { kind: 'possibly', reason: scope.reason, node: scope.node };
    if (!base.onPath(p) && base.info.family !== 'scratch') {
      // dockwise only knows what is on the image's PATH.
      return { kind: 'possibly', reason: 'not on the image\'s PATH (dockwise only knows programs on PATH)', node: null };
    }
    return { kind: 'missing', candidates: base.info.family === 'scratch' || base.info.family === 'distroless' ? [] : missingCandidates(base, name) };
  }
  const scope = scopes.find((s) => coversPath(s, p));
  if (scope) return { kind: 'possibly', reason: scope.reason, node: scope.node };
  return { kind: 'unknown-base' };
}

function classify(program: string, env: Env): ProgramSource {
  if (!program.includes('/') && !program.startsWith('~')) return classifyName(program, env);
  const abs = absolute(program, env.cwd, env.user);
  if (!program.startsWith('/') && !program.startsWith('~')) return { kind: 'explicit', via: 'local', detail: 'relative to the working directory', node: null };
  if (abs === null) return { kind: 'possibly', reason: 'home directory of another user', node: null };
  return classifyPath(abs, env);
}

// ---------------------------------------------------------------------------------------------
// Effects of instructions on the state.

type NewScope = Omit<Scope, 'seq' | 'tokens'> & { tokens?: Words | null };

function addScope(state: State, scope: NewScope): void {
  state.clock++;
  let tokens = scope.tokens ?? null;
  const same = state.scopes.findIndex((s) => s.kind === scope.kind && s.dir === scope.dir && (s.pathsOnly ?? false) === (scope.pathsOnly ?? false));
  // A later step into the same place takes the earlier one's place (it is the more recent maker),
  // keeping the words of both.
  const old = same >= 0 ? state.scopes[same] : undefined;
  if (old) {
    state.scopes.splice(same, 1);
    if (old.tokens && old.tokens !== tokens) {
      tokens = tokens ? [...old.tokens, ...tokens] : old.tokens;
    }
  }
  state.scopes.push({ ...scope, seq: state.clock, tokens });
}

const REPO_FILES = /^\/etc\/(?:apt\/sources\.list(?:\.d(?:\/|$)|$)|apk\/repositories$|yum\.repos\.d\/)/;

function created(state: State, path: string | null, via: ExplicitVia, detail: string, node: InstructionNode): void {
  if (path === null || path === '/') return;
  if (REPO_FILES.test(path)) state.extraRepos = true;
  setPath(state, path, { via, detail, node });
}

function setPath(state: State, path: string, provided: Provided): void {
  state.paths.set(path, provided);
  state.pathNames.add(path.slice(path.lastIndexOf('/') + 1));
}

/** First word of a package name: `gpg-agent` -> gpg, `python3-pip` -> python3. */
function leadingToken(pkg: string): string {
  const i = pkg.search(/[-.+]/);
  return i < 0 ? pkg : pkg.slice(0, i);
}

const SUITE_GENERIC = new Set(['dev', 'utils', 'util', 'tools', 'tool', 'bin', 'common', 'client', 'server', 'core', 'base', 'default', 'full', 'minimal', 'headless', 'all']);

/**
 * True for a package that stands for a set of others (build-essential, gnupg, default-jdk,
 * postgresql-client): none of its own programs is named after it.
 */
function isSuite(pkg: string, cmds: readonly string[]): boolean {
  if (cmds.length === 0) return true;
  const tokens = pkg.toLowerCase().split(/[-.+]/).filter((t) => t.length >= 2 && !SUITE_GENERIC.has(t) && !/^\d+$/.test(t));
  if (tokens.length === 0) return false;
  return !cmds.some((c) => tokens.some((t) => c.toLowerCase().includes(t.replace(/\d+$/, '') || t)));
}

const LIB_ONLY = /-(?:dev|devel|libs|doc|docs|static|openrc|lang|data|common|keys|headers|locales|dbg|zsh-completion|bash-completion)$/;

/** One effect of an install on the state, in the order the install has it (see InstallPlan). */
type InstallStep =
  | { kind: 'installed'; pkg: string; cmds: readonly string[] }
  | { kind: 'names'; names: readonly string[]; detail: string }
  | { kind: 'scope'; reason: string };

/**
 * What an apt/apk install of `names` does to the state, worked out from the package data alone:
 * the explicit effects in order, then the programs its dependency closure brings (package,
 * command), which only land where the state has nothing yet. A pure function of the image's
 * package data and the install's names and recommends; see installPlans.
 */
interface InstallPlan {
  steps: readonly InstallStep[];
  /** The packages asked for (Debian only; empty for Alpine). */
  asked: readonly string[];
  /** The packages expanded explicitly (see planClosure). */
  explicit: ReadonlySet<string>;
  family: PackageFamily;
  release: string | undefined;
  recommends: boolean;
}

/**
 * The programs of an install's dependency closure that were not expanded explicitly: (package,
 * command), in closure order. Worked out on first use (only eager analyses need them); the
 * WeakMap is a cache of a pure function of the (cached, immutable) plan.
 */
const closures = new WeakMap<InstallPlan, readonly (readonly [pkg: string, command: string])[]>();

function planClosure(plan: InstallPlan): readonly (readonly [pkg: string, command: string])[] {
  const hit = closures.get(plan);
  if (hit) return hit;
  const out: [string, string][] = [];
  if (plan.asked.length > 0) {
    for (const q of packageClosureShared(plan.family, plan.asked, { release: plan.release, recommends: plan.recommends })) {
      if (plan.explicit.has(q)) continue;
      for (const c of packageRelations(plan.family, q, plan.release).commands) out.push([q, c]);
    }
  }
  closures.set(plan, out);
  return out;
}

/**
 * Install plans per package data (family and release: images on the same suite share them) and
 * install key: a cache of a pure function of the immutable package data, not state. It holds one
 * plan per distinct install of a run.
 */
const installPlans = new Map<string, Map<string, InstallPlan>>();

function planInstall(names: readonly string[], recommends: boolean, family: PackageFamily, release: string | undefined): InstallPlan {
  const steps: InstallStep[] = [];
  const explicit = new Set<string>();
  const give = (pkg: string, cmds: readonly string[], via: string): void => {
    steps.push({ kind: 'names', names: cmds, detail: via === pkg ? pkg : `${pkg} (through ${via})` });
  };
  /**
   * `inSuite`: reached through a metapackage (gnupg -> gpg, gpg-agent ...), whose parts are
   * what was asked for, together with the parts they split off (gpg -> gpgconf).
   */
  const expand = (pkg: string, via: string, depth: number, inSuite: boolean): void => {
    if (explicit.has(pkg)) return;
    explicit.add(pkg);
    const rel = packageRelations(family, pkg, release);
    const cmds = rel.commands;
    steps.push({ kind: 'installed', pkg, cmds });
    if (cmds.length > 0) give(pkg, cmds, via);
    if (family === 'alpine') {
      if (cmds.length === 0 && !LIB_ONLY.test(pkg)) {
        steps.push({ kind: 'names', names: [pkg], detail: pkg });
        // Alpine's package contents are partly unknown: the Debian package of the same name (seen
        // through its parts when it is a metapackage, like gnupg) is the next best guess.
        const guess = packageCommands('debian', pkg);
        const parts = guess.length > 0 ? [] : packageDepends('debian', pkg).map((d) => d.split('|')[0] ?? d);
        for (const d of parts) guess.push(...packageCommands('debian', d));
        if (guess.length > 0) give(pkg, guess, via);
        else steps.push({ kind: 'scope', reason: `Alpine package ${pkg}, whose programs dockwise does not know` });
      }
      return;
    }
    const deps = rel.depends;
    if (cmds.length === 0 && deps.length === 0 && (!recommends || rel.recommends.length === 0) && depth === 0) {
      // Not in the data (a third-party repository): its programs are unknown.
      if (!LIB_ONLY.test(pkg) && !pkg.startsWith('lib')) {
        steps.push({ kind: 'names', names: [pkg], detail: pkg });
        steps.push({ kind: 'scope', reason: `package ${pkg}, which dockwise has no data for (another repository?)` });
      }
      return;
    }
    if (depth >= 3) return;
    // Parts split off under the package's own name (gpg -> gpgconf, postgresql -> postgresql-16).
    for (const d of deps) if (d !== pkg && d.startsWith(pkg)) expand(d, via, depth + 1, inSuite);
    if (isSuite(pkg, cmds)) {
      // A metapackage (no program named after it): what it depends on is what was asked for.
      for (const d of deps) expand(d, via, depth + 1, true);
    } else if (inSuite) {
      const head = leadingToken(pkg);
      for (const d of deps) if (head.length >= 3 && leadingToken(d) !== '' && (d.startsWith(head) || head.startsWith(leadingToken(d)))) expand(d, via, depth + 1, true);
    }
  };
  for (const n of names) expand(n, n, 0, false);
  // Every name was expanded above, so all of them count as installed.
  const asked = family === 'alpine' ? [] : [...names];
  return { steps, asked, explicit, family, release, recommends };
}

/** Distro packages installed by apt/apk: explicit commands, metapackages seen through, and the dependency closure. */
function installDistroPackages(names: readonly string[], manager: 'apt' | 'apk', recommends: boolean, node: InstructionNode, env: Env, tool: string): void {
  const { state } = env;
  const info = env.base.kind === 'known' ? env.base.base.info : null;
  const family: PackageFamily | null = info !== null ? info.packageFamily : null;
  const release = info !== null ? (info.packageRelease ?? undefined) : undefined;
  const matches = family !== null && (manager === 'apk') === (family === 'alpine');
  if (!matches || family === null || info === null) {
    for (const n of names) state.names.set(n, { via: 'package', detail: `${n} (${tool})`, node });
    if (names.length > 0) addScope(state, { kind: 'anywhere', dir: '/', reason: `packages installed with ${tool}, which dockwise has no data for here`, node });
    return;
  }
  const data = `${family}\u0000${release ?? ''}`;
  let plans = installPlans.get(data);
  if (!plans) {
    plans = new Map();
    installPlans.set(data, plans);
  }
  const key = `${recommends ? '+' : '-'}${names.join('\u0000')}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = planInstall(names, recommends, family, release);
    plans.set(key, plan);
  }
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'installed':
        state.installed.set(step.pkg, step.cmds);
        break;
      case 'names': {
        // One entry for all the step's commands: entries are read, never modified.
        const provided: Provided = { via: 'package', detail: step.detail, node };
        for (const c of step.names) state.names.set(c, provided);
        break;
      }
      case 'scope':
        addScope(state, { kind: 'anywhere', dir: '/', reason: step.reason, node });
        break;
    }
  }
  if (state.extraRepos && names.length > 0) addScope(state, { kind: 'anywhere', dir: '/', reason: `packages that may come from an added repository`, node });
  if (family === 'alpine' || plan.asked.length === 0) return;
  if (state.mode.deferred) {
    state.deferred.push(plan);
    return;
  }
  // One closure for the whole install; which package pulled a program in is worked out when it is used.
  const via: Transitive['via'] = { family, release, recommends, candidates: plan.asked, cache: new Map() };
  for (const [q, c] of planClosure(plan)) {
    if (!state.names.has(c) && !state.transitive.has(c)) state.transitive.set(c, { package: q, via, node, seq: ++state.clock });
  }
}

function removePackages(names: readonly string[], env: Env): void {
  const { state } = env;
  const all: string[] = [];
  for (const n of names) {
    const g = state.groups.get(n);
    if (g) {
      all.push(...g);
      state.groups.delete(n);
    } else all.push(n);
  }
  // Installed packages removed: what they gave, what came with them and what was seen through them
  // goes. Each test reads only the entry, so the maps are scanned once for all of them.
  const removed = new Set<string>();
  for (const pkg of all) {
    const cmds = state.installed.get(pkg);
    if (cmds) {
      state.installed.delete(pkg);
      for (const c of cmds) {
        const e = state.names.get(c);
        if (e && e.via === 'package' && (e.detail === pkg || e.detail.startsWith(`${pkg} `))) state.names.delete(c);
      }
      removed.add(pkg);
    } else if (env.base.kind === 'known' && env.base.base.info.packages.includes(pkg)) {
      state.removedBase.add(pkg);
    }
  }
  if (removed.size === 0) return;
  state.transitive.forEach((t, c) => {
    if (removed.has(t.package) || (t.via.candidates.length === 1 && removed.has(t.via.candidates[0] ?? ''))) state.transitive.delete(c);
  });
  const through = [...removed].map((pkg) => `(through ${pkg})`);
  state.names.forEach((e, c) => {
    if (e.via === 'package' && e.detail.endsWith(')') && through.some((t) => e.detail.endsWith(t))) state.names.delete(c);
  });
}

/** Package names of an install's arguments, with `$VARS` expanded; null when one cannot be known. */
function packageNames(specs: readonly { word: ShellWord; name: string; dynamic: boolean; source: string }[], locals: ReadonlyMap<string, string | null>, node: InstructionNode): { names: string[]; unknown: boolean; files: boolean } {
  const names: string[] = [];
  let unknown = false;
  let files = false;
  for (const s of specs) {
    if (s.source === 'file' || s.source === 'url' || s.source === 'path' || s.source === 'vcs') {
      files = true;
      continue;
    }
    if (!s.dynamic) {
      names.push(s.name);
      continue;
    }
    const v = wordValue(s.word, locals, node);
    if (v === null) {
      unknown = true;
      continue;
    }
    for (const part of v.split(/\s+/)) {
      if (part === '' || part.startsWith('-')) continue;
      const name = part.split(/[=<>~]/)[0]?.split('/')[0]?.split(':')[0] ?? '';
      if (name !== '') names.push(name);
    }
  }
  return { names, unknown, files };
}

/**
 * The flags that take a value, per command read here. Module constants: parseWords compiles a spec
 * once per spec object (see src/shell/queries.ts), and these are asked about for every such command.
 */
const INSTALL_ARGS: ArgSpec = { values: ['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix'] };
const COPY_ARGS: ArgSpec = { values: ['-t', '--target-directory', '-S', '--suffix'] };
const TAR_ARGS: ArgSpec = { values: ['-C', '--directory', '-f', '--file'] };
const GIT_ARGS: ArgSpec = { values: ['-C', '-c', '-b', '--branch', '--depth', '--origin', '-o', '--config', '--reference', '--separate-git-dir', '--filter', '-j', '--jobs'] };
const GO_ARGS: ArgSpec = { values: ['-o'], goStyle: true };
const COMPILER_ARGS: ArgSpec = { values: ['-o'], goStyle: false };
const SHELL_ARGS: ArgSpec = { values: ['-o', '-O', '+o', '+O'] };

/** Last positional (the destination) and the others (sources) of cp/mv/ln/install, with `-t DIR`. */
function destination(eff: EffectiveCommand, spec: ArgSpec): { dest: ShellWord | null; sources: ShellWord[]; targetDir: boolean } {
  const { flags, positionals } = parseWords(eff.args, spec);
  const t = flags.find((f) => f.name === '-t' || f.name === '--target-directory');
  if (t) return { dest: t.valueWord, sources: positionals, targetDir: true };
  if (positionals.length < 2) return { dest: null, sources: positionals, targetDir: false };
  return { dest: positionals[positionals.length - 1] ?? null, sources: positionals.slice(0, -1), targetDir: false };
}

interface RunCtx {
  node: InstructionNode;
  env: Env;
  locals: Map<string, string | null>;
  /** Words of the RUN's arguments (see Scope.tokens). */
  tokens: Words;
}

const url = (s: string): string => baseOf(s.split(/[?#]/)[0] ?? s);

/** Redirections that create (or overwrite) their target. */
const WRITES: ReadonlySet<string> = new Set(['>', '>>', '>|', '&>', '&>>']);

/** The value of a command's word (see wordValue). */
function argValue(rc: RunCtx, w: ShellWord | null | undefined): string | null {
  return w ? wordValue(w, rc.locals, rc.node) : null;
}

/** The absolute path a command's word names, or null. */
function argPath(rc: RunCtx, w: ShellWord | null | undefined): string | null {
  const v = argValue(rc, w);
  return v === null ? null : absolute(v, rc.env.cwd, rc.env.user);
}

/** The RUN may have created anything, anywhere. */
function anywhere(rc: RunCtx, reason: string): void {
  addScope(rc.env.state, { kind: 'anywhere', dir: '/', reason, node: rc.node, tokens: rc.tokens });
}

/** The RUN may have created anything under `dir` (anywhere when it is not known). */
function filesUnder(rc: RunCtx, dir: string | null, reason: string, pathsOnly = false): void {
  if (dir === null) {
    if (pathsOnly) addScope(rc.env.state, { kind: 'files', dir: '/', reason, node: rc.node, tokens: rc.tokens, pathsOnly });
    else anywhere(rc, reason);
  } else addScope(rc.env.state, { kind: 'files', dir, reason, node: rc.node, tokens: rc.tokens, pathsOnly });
}

/** Record what a command of a RUN installs or creates. `src` is how the program itself was classified. */
function applyEffects(cmd: SimpleCommand, eff: EffectiveCommand, name: string, src: ProgramSource, rc: RunCtx): void {
  const { node, env, locals } = rc;
  const { state } = env;

  // Redirections create files (`cat > /usr/local/bin/x <<EOF`).
  for (const r of cmd.redirects) {
    if (!WRITES.has(r.operator)) continue;
    const p = argPath(rc, r.target);
    if (p !== null && !p.startsWith('/dev/')) created(state, p, 'created', `written by a redirection`, node);
  }

  if (name === 'cd') {
    const arg = eff.args.find((a) => !(a.value ?? '').startsWith('-'));
    const v = arg ? argValue(rc, arg) : null;
    if (!cmd.inSubshell && !cmd.inSubstitution) env.cwd = v === null ? (arg ? null : '/root') : absolute(v, env.cwd, env.user);
    return;
  }

  // tonistiigi/xx's `xx-apt-get` and `xx-apk` install packages like apt-get and apk do.
  const xx = name === 'xx-apt-get' || name === 'xx-apt' || name === 'xx-apk' ? name.slice(3) : null;
  const asInstall: SimpleCommand = xx !== null && eff.nameWord ? { ...eff, name: xx, nameWord: { ...eff.nameWord, value: xx } } : cmd;
  const install = recognisePackageInstall(asInstall);
  if (install) {
    const { names, unknown, files } = packageNames(install.packages, locals, node);
    const tool = install.tool;
    switch (install.manager) {
      case 'apt':
      case 'apk': {
        const recommends = install.manager === 'apt' ? !install.noInstallRecommends : true;
        if (install.manager === 'apk' && install.flags.some((f) => f.name === '-X' || f.name === '--repository')) state.extraRepos = true;
        installDistroPackages(names, install.manager, recommends, node, env, tool);
        if (install.manager === 'apk' && install.virtual !== null) state.groups.set(install.virtual, names);
        if (unknown || files) anywhere(rc, `packages dockwise cannot name (${tool})`);
        return;
      }
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'zypper':
        for (const n of names) state.names.set(n, { via: 'package', detail: n, node });
        anywhere(rc, `packages installed with ${tool}, which dockwise has no data for`);
        return;
      default: {
        for (const n of names) {
          const short = n.replace(/^@[^/]+\//, '').split('/').filter((x) => !/^v\d+$/.test(x)).pop() ?? n;
          state.language.push({ name: short.toLowerCase(), node, parts: null });
        }
        addScope(state, { kind: 'language', dir: '/', reason: `programs installed by ${tool}`, node });
        if (install.manager === 'conda' && (unknown || files || names.length === 0)) anywhere(rc, `packages installed with ${tool}`);
        return;
      }
    }
  }
  const removal = recognisePackageRemoval(asInstall);
  if (removal) {
    const names: string[] = [];
    for (const w of removal.packages) {
      const v = argValue(rc, w);
      if (v !== null) for (const part of v.split(/\s+/)) if (part !== '' && !part.startsWith('-')) names.push(part);
    }
    removePackages(names, env);
    return;
  }
  const dl = recogniseDownload(cmd);
  if (dl) {
    if (dl.output && dl.output.value !== '-') created(state, argPath(rc, dl.output), 'download', `downloaded by ${dl.tool}`, node);
    else if (dl.remoteName || dl.outputDir) {
      const dir = dl.outputDir ? argPath(rc, dl.outputDir) : env.cwd;
      for (const u of dl.urls) {
        const v = argValue(rc, u);
        if (v !== null && dir !== null) created(state, normPath(`${dir}/${url(v)}`), 'download', `downloaded by ${dl.tool}`, node);
        else filesUnder(rc, dir, `downloaded by ${dl.tool}`);
      }
    }
    return;
  }

  switch (name) {
    case 'ln':
    case 'cp':
    case 'mv':
    case 'install':
    case 'rsync': {
      if (name === 'install' && eff.args.some((a) => a.value === '-d' || a.value === '--directory')) return;
      const { dest, sources } = destination(eff, name === 'install' ? INSTALL_ARGS : COPY_ARGS);
      const d = argPath(rc, dest);
      if (d === null) {
        if (dest !== null) anywhere(rc, `${name} to a path dockwise cannot resolve`);
        else if (name === 'ln' && sources[0]) {
          const s = argValue(rc, sources[0]);
          if (s !== null && env.cwd !== null) created(state, normPath(`${env.cwd}/${baseOf(s)}`), 'created', `created by ln`, node);
        }
        return;
      }
      const dirLike = sources.some((s) => s.value === null || GLOB.test(s.text) || s.value.endsWith('/') || s.value === '.' || s.value.endsWith('/.'));
      created(state, d, 'created', `created by ${name}`, node);
      for (const s of sources) {
        const v = argValue(rc, s);
        if (v !== null && !GLOB.test(v)) created(state, normPath(`${d}/${baseOf(v)}`), 'created', `created by ${name}`, node);
      }
      if (dirLike || (name !== 'ln' && /(?:^|\s)-[a-zA-Z]*[rRa]/.test(eff.args.map((a) => a.text).join(' ')))) filesUnder(rc, d, `${name} into ${d}`);
      return;
    }
    case 'chmod':
    case 'chown':
    case 'touch':
    case 'tee':
    case 'mkfifo': {
      for (const a of eff.args) {
        const v = argValue(rc, a);
        if (v === null || v.startsWith('-') || v.startsWith('+') || /^[0-7]{3,4}$/.test(v) || /^[ugoa]*[+=-]/.test(v)) continue;
        const p = absolute(v, env.cwd, env.user);
        if (p === null) continue;
        if (GLOB.test(p)) filesUnder(rc, dirOf(p), `${name} ${v}`);
        else if (!state.paths.has(p)) created(state, p, 'created', `${name} ${v}`, node);
      }
      return;
    }
    case 'tar':
    case 'bsdtar': {
      const words = eff.args.map((a) => a.value ?? a.text);
      const first = words[0] ?? '';
      const extract = words.some((w) => w === '--extract' || w === '--get' || /^-[A-Za-z]*x/.test(w)) || (/^[A-Za-z]+$/.test(first) && first.includes('x'));
      if (!extract) return;
      const { flags } = parseWords(eff.args, TAR_ARGS);
      const c = flags.find((f) => f.name === '-C' || f.name === '--directory');
      let dir: string | null = env.cwd;
      let given = true;
      if (c) dir = c.value === null ? null : absolute(c.value, env.cwd, env.user);
      else {
        const idx = words.findIndex((w) => w === '-C');
        const eq = words.find((w) => w.startsWith('--directory='));
        if (idx >= 0) dir = absolute(words[idx + 1] ?? '', env.cwd, env.user);
        else if (eq) dir = absolute(eq.slice('--directory='.length), env.cwd, env.user);
        else given = false;
      }
      filesUnder(rc, dir, `archive extracted by ${name}`, !given);
      return;
    }
    case 'unzip':
    case '7z':
    case '7za':
    case 'unrar':
    case 'cpio':
    case 'rpm2cpio':
    case 'ar': {
      const d = eff.args.findIndex((a) => a.value === '-d');
      const o = eff.args.find((a) => (a.value ?? '').startsWith('-o') && (a.value ?? '').length > 2);
      const dir = d >= 0 ? argPath(rc, eff.args[d + 1]) : o ? absolute((o.value ?? '').slice(2), env.cwd, env.user) : env.cwd;
      filesUnder(rc, dir, `archive extracted by ${name}`, d < 0 && !o);
      return;
    }
    case 'gunzip':
    case 'unxz':
    case 'bunzip2':
    case 'xz':
    case 'gzip':
    case 'zstd':
    case 'unzstd': {
      for (const a of eff.args) {
        const v = argValue(rc, a);
        if (v === null || v.startsWith('-')) continue;
        const p = absolute(v.replace(/\.(?:gz|xz|bz2|zst|tgz)$/, ''), env.cwd, env.user);
        if (p !== null) created(state, p, 'created', `decompressed by ${name}`, node);
      }
      return;
    }
    case 'git': {
      const { positionals } = parseWords(eff.args, GIT_ARGS);
      if ((positionals[0]?.value ?? '') !== 'clone') return;
      const target = positionals[2] ? argValue(rc, positionals[2]) : positionals[1] ? (argValue(rc, positionals[1]) ?? '').replace(/\.git$/, '').split('/').pop() ?? null : null;
      filesUnder(rc, target === null || env.cwd === null ? null : absolute(target, env.cwd, env.user), 'cloned by git', true);
      return;
    }
    case 'make':
    case 'gmake':
    case 'ninja':
    case 'samu':
    case 'scons':
    case 'bmake': {
      if (eff.args.some((a) => /install/.test(a.value ?? a.text))) anywhere(rc, `${name} install`);
      else filesUnder(rc, env.cwd, `built by ${name}`, true);
      return;
    }
    case 'cmake':
    case 'meson':
    case 'cargo':
    case 'dpkg':
    case 'rpm':
    case 'update-alternatives':
    case 'alternatives': {
      const words = eff.args.map((a) => a.value ?? a.text);
      if (name === 'cargo' || name === 'cmake' || name === 'meson') {
        if (words.includes('install') || words.includes('--install') || words.some((w) => /install/.test(w))) anywhere(rc, `${name} install`);
        else filesUnder(rc, env.cwd, `built by ${name}`, true);
        return;
      }
      if (name === 'update-alternatives' || name === 'alternatives') {
        const i = words.indexOf('--install');
        const link = i >= 0 ? absolute(words[i + 1] ?? '', env.cwd, env.user) : null;
        if (link !== null) created(state, link, 'created', `${name} --install`, node);
        return;
      }
      if (words.some((w) => /^-[A-Za-z]*[iU]/.test(w) || w === '--install' || w === '--upgrade' || w === '--unpack')) anywhere(rc, `packages installed with ${name}`);
      return;
    }
    case 'python':
    case 'python3':
    case 'python2': {
      const words = eff.args.map((a) => a.value ?? a.text);
      const m = words.indexOf('-m');
      if (m >= 0 && words[m + 1] === 'venv') {
        const target = words.slice(m + 2).find((w) => !w.startsWith('-'));
        const dir = target ? absolute(target, env.cwd, env.user) : null;
        if (dir !== null) {
          for (const b of ['python', 'python3', 'pip', 'pip3', 'activate']) created(state, `${dir}/bin/${b}`, 'created', `python -m venv ${target ?? ''}`, node);
          filesUnder(rc, `${dir}/bin`, `python -m venv ${target ?? ''}`);
        } else anywhere(rc, 'python -m venv');
        return;
      }
      break;
    }
    case 'virtualenv': {
      const target = eff.args.find((a) => !(a.value ?? a.text).startsWith('-'));
      const dir = target ? argPath(rc, target) : null;
      filesUnder(rc, dir === null ? null : `${dir}/bin`, 'virtualenv');
      return;
    }
    case 'add-apt-repository':
    case 'apt-add-repository':
      state.extraRepos = true;
      return;
    case 'corepack':
      for (const n of ['yarn', 'yarnpkg', 'pnpm', 'pnpx']) state.names.set(n, { via: 'language', detail: 'corepack', node });
      return;
    case 'source':
    case '.':
    case 'eval':
      anywhere(rc, `${name} of a script`);
      return;
    default:
      break;
  }

  // Compilers: `go build -o /usr/local/bin/app`, `gcc -o x`.
  if (COMPILERS.has(name)) {
    const { flags } = parseWords(eff.args, name === 'go' ? GO_ARGS : COMPILER_ARGS);
    const o = flags.find((f) => f.name === '-o');
    if (o) {
      const p = o.value === null ? null : absolute(o.value, env.cwd, env.user);
      if (p !== null) {
        created(state, p, 'created', `built by ${name}`, node);
        if (o.value?.endsWith('/')) filesUnder(rc, p, `built by ${name}`);
      } else anywhere(rc, `built by ${name}`);
    } else filesUnder(rc, env.cwd, `built by ${name}`, true);
    return;
  }
  if (SHELLS.has(name)) {
    const { flags, positionals } = parseWords(eff.args, SHELL_ARGS);
    if (flags.some((f) => f.name === '-c')) return; // the script was analysed (see runScript)
    if (positionals.length > 0 || (cmd.inPipeline && (cmd.pipelineIndex ?? 0) > 0)) anywhere(rc, `a script run by ${name}`);
    return;
  }
  if (INTERPRETERS.test(name)) {
    const words = eff.args.map((a) => a.value ?? a.text);
    if (words.some((w) => w === '-c' || w === '-e' || w === '--eval' || w === '-m' || w === '-r' || w === '--version' || w === '-V' || w === '-v')) return;
    if (words.some((w) => !w.startsWith('-')) || (cmd.inPipeline && (cmd.pipelineIndex ?? 0) > 0)) anywhere(rc, `a script run by ${name}`);
    return;
  }
  if (INSTALLERS.has(name)) {
    anywhere(rc, `${name}`);
    return;
  }
  // Running a program of the Dockerfile's own (a script, an installer, a downloaded binary) may install anything.
  const own =
    (src.kind === 'explicit' && (src.via === 'local' || src.via === 'copy' || src.via === 'download' || (src.via === 'created' && !src.detail.startsWith(PROBABLY)))) ||
    (src.kind === 'possibly' && (eff.name ?? '').includes('/'));
  if (own) {
    anywhere(rc, `${eff.name ?? name}, a program dockwise cannot see into`);
  }
}

// ---------------------------------------------------------------------------------------------
// Instructions.

const FUNCTION_DEF = /(?:^|[\s;&|({])(?:function[ \t]+)?([A-Za-z_][\w.:-]*)[ \t]*\([ \t]*\)/g;

/** What every FUNCTION_DEF match has: a cheap test that rules most RUNs out. */
const EMPTY_PARENS = /\([ \t]*\)/;

function functionsIn(source: string): Set<string> {
  const out = new Set<string>();
  // Each pattern needs a literal the source usually lacks: skip the scan when it is absent.
  if (source.includes('(') && EMPTY_PARENS.test(source)) for (const m of source.matchAll(FUNCTION_DEF)) if (m[1]) out.add(m[1]);
  if (source.includes('function')) for (const m of source.matchAll(/(?:^|[\s;&|({])function[ \t]+([A-Za-z_][\w.:-]*)/g)) if (m[1]) out.add(m[1]);
  if (source.includes('alias')) for (const m of source.matchAll(/(?:^|[\s;&|({])alias[ \t]+([A-Za-z_][\w.:-]*)=/g)) if (m[1]) out.add(m[1]);
  return out;
}

/** Names the script checks for before relying on them (`command -v x`, `which x`, `type x`, `[ -x /p ]`). */
function checkedNames(cmds: readonly SimpleCommand[]): Set<string> {
  const out = new Set<string>();
  for (const c of cmds) {
    const n = c.name === null ? null : baseOf(c.name);
    if (n === 'command' || n === 'which' || n === 'type' || n === 'hash') {
      for (const a of c.args) if (a.value !== null && !a.value.startsWith('-')) out.add(baseOf(a.value)).add(a.value);
    } else if (n === '[' || n === '[[' || n === 'test') {
      const ws = c.args.map((a) => a.value ?? '');
      ws.forEach((w, i) => {
        if ((w === '-x' || w === '-f' || w === '-e' || w === '-s') && ws[i + 1]) out.add(ws[i + 1] ?? '').add(baseOf(ws[i + 1] ?? ''));
      });
    }
  }
  return out;
}

interface Collector {
  uses: ProgramUse[];
}

interface UseSite {
  /** Words of the instruction's arguments (see Scope.tokens). */
  tokens: Words;
  stage: Stage;
  node: InstructionNode;
  context: UseContext;
  runtime: boolean;
  range: (start: number, end: number) => Range;
}

/** The script `sh -c SCRIPT` / `bash -lc SCRIPT` runs, with the offset of its first character, or null. */
function shellScriptArg(eff: EffectiveCommand): { text: string; offset: number | null } | null {
  const n = eff.name === null ? null : baseOf(eff.name);
  if (n === null || !SHELLS.has(n)) return null;
  for (let i = 0; i < eff.args.length; i++) {
    const a = eff.args[i];
    if (!a) continue;
    const v = a.value ?? '';
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
      const s = eff.args[i + 1];
      if (!s || s.value === null) return null;
      const quoted = s.text.length >= 2 && (s.text[0] === '"' || s.text[0] === "'") && s.text.slice(1, -1) === s.value;
      return { text: s.value, offset: s.text === s.value ? s.start : quoted ? s.start + 1 : null };
    }
    if (!v.startsWith('-')) return null;
  }
  return null;
}

/**
 * Record the use of the program a command word names (classified in `env`); null when the word
 * names no program dockwise can tell (a variable without a value, an empty word ...).
 */
function recordUse(w: ShellWord, guarded: boolean, checked: ReadonlySet<string>, site: UseSite, env: Env, out: Collector, locals: ReadonlyMap<string, string | null>): ProgramUse | null {
  const program = wordValue(w, locals, site.node);
  if (program === null || program === '' || program.startsWith('-') || /\s/.test(program)) return null;
  const name = baseOf(program);
  const use: ProgramUse = {
    stage: site.stage,
    node: site.node,
    context: site.context,
    shell: false,
    program,
    name,
    range: site.range(w.start, w.end),
    runtime: site.runtime,
    guarded: guarded || checked.has(program) || checked.has(name),
    source: classify(program, env),
    base: env.base,
  };
  out.uses.push(use);
  return use;
}

/** Classify the programs of a list of commands (and apply their effects when `effects`). */
function runCommands(cmds: readonly SimpleCommand[], site: UseSite, env: Env, out: Collector, effects: boolean, locals: Map<string, string | null>, depth = 0): void {
  const checked = checkedNames(cmds);
  const rc: RunCtx = { node: site.node, env, locals, tokens: site.tokens };
  for (const cmd of cmds) {
    if (cmd.nameWord === null) {
      for (const a of cmd.assignments) locals.set(a.name, a.value === null ? '' : wordValue(a.value, locals, site.node));
      continue;
    }
    const eff = effectiveCommand(cmd);
    const guarded = cmd.conditional || cmd.connector === '||' || cmd.negated === true;
    // The outer wrapper (sudo, gosu, tini ...) is a program too.
    if (eff.wrappers.length > 0 && cmd.nameWord.value !== 'busybox') recordUse(cmd.nameWord, guarded, checked, site, env, out, locals);
    if (eff.nameWord === null) continue;
    if (eff.wrappers.includes('busybox')) continue;
    const use = recordUse(eff.nameWord, guarded, checked, site, env, out, locals);
    if (!use) {
      if (effects) addScope(env.state, { kind: 'anywhere', dir: '/', reason: 'a program named by a variable', node: site.node });
      continue;
    }
    const script = shellScriptArg(eff);
    if (script && depth < 3) {
      const inner = parseShellText(script.text, script.offset ?? 0);
      const range = script.offset === null ? (): Range => site.range(eff.nameWord?.start ?? cmd.start, eff.nameWord?.end ?? cmd.end) : site.range;
      runCommands(inner, { ...site, range }, env, out, effects, new Map(locals), depth + 1);
    }
    if (effects) applyEffects(cmd, eff, use.name, use.source, rc);
  }
}

function applyCopy(node: InstructionNode, env: Env): void {
  const copy = node.copy;
  if (!copy || !copy.dest) return;
  const { state } = env;
  const destRaw = node.resolve(copy.dest.value) ?? null;
  const dest = destRaw === null ? null : absolute(destRaw.replace(/["']/g, ''), env.cwd ?? '/', null);
  const what = copy.from ? `${copy.kind} --from=${copy.from}` : copy.kind;
  if (dest === null) {
    addScope(state, { kind: 'anywhere', dir: '/', reason: `${what} to a path dockwise cannot resolve`, node });
    return;
  }
  const sources = copy.heredocs.length > 0 && copy.sources.length === 0 ? [] : copy.sources;
  const tokens: WordText[] = sources.map((src) => new WordText(() => node.resolve(src.value) ?? src.value));
  if (copy.from) tokens.push(wordText(copy.from));
  if (REPO_FILES.test(dest) || REPO_FILES.test(`${dest}/`)) state.extraRepos = true;
  const urls = sources.length > 0 && sources.every((src) => /^https?:\/\//.test(node.resolve(src.value) ?? src.value));
  setPath(state, dest, urls ? { via: 'download', detail: `${copy.kind} ${sources[0]?.value ?? ''}`, node } : { via: 'copy', detail: what, node });
  for (const s of sources) {
    const v = node.resolve(s.value) ?? s.value;
    if (/^https?:\/\//.test(v)) {
      setPath(state, normPath(`${dest}/${url(v)}`), { via: 'download', detail: `${copy.kind} ${v}`, node });
      continue;
    }
    if (!GLOB.test(v)) setPath(state, normPath(`${dest}/${baseOf(v)}`), { via: 'copy', detail: what, node });
    if (copy.kind === 'ADD' && /\.(?:tar|tgz|tbz2?|txz|tar\.\w+)$/.test(v)) addScope(state, { kind: 'files', dir: dest, reason: `archive extracted by ADD`, node, tokens });
  }
  // A directory copied in (a source without a file extension may be one): anything may be under the destination.
  const dirSource = sources.some((s) => GLOB.test(s.value) || s.value.endsWith('/') || s.value === '.' || s.value === './' || !/\.[A-Za-z0-9]+$/.test(baseOf(s.value)));
  if (!urls && (dirSource || (sources.length === 0 && copy.heredocs.length === 0))) {
    addScope(state, { kind: 'files', dir: dest, reason: `${what} into ${dest}`, node, tokens });
  }
}

function applyEnvPath(node: InstructionNode, state: State): void {
  for (const p of node.syntax.properties) {
    if (p.name !== 'PATH' || p.value === null) continue;
    const dirs: string[] = [];
    let unknown = false;
    for (const seg of p.value.split(':')) {
      if (seg === '$PATH' || seg === '${PATH}') {
        dirs.push(...state.path.dirs);
        unknown ||= state.path.unknown;
        continue;
      }
      const v = seg.includes('$') ? node.resolve(seg) : seg;
      if (v === null || v === '') {
        unknown = true;
        continue;
      }
      dirs.push(normPath(v));
    }
    state.path = { dirs, unknown };
  }
}

/** A simple command made of exec-form JSON strings (offsets into `text`). */
function jsonCommand(json: readonly { value: string; start: number; end: number }[], text: string): SimpleCommand | null {
  const words: ShellWord[] = json.map((j) => ({ text: text.slice(j.start, j.end), value: j.value, start: j.start, end: j.end }));
  const head = words[0];
  if (!head) return null;
  return { name: head.value, nameWord: head, args: words.slice(1), assignments: [], redirects: [], start: head.start, end: words[words.length - 1]?.end ?? head.end, connector: null, inPipeline: false, pipelineLast: false, conditional: false, inSubstitution: false, inSubshell: false, heredocs: [], pipelineId: null, pipelineIndex: null, negated: false, inHeredocScript: false };
}

/** A RUN's source with its program names (command names, and the programs wrappers run) blanked out. */
function withoutProgramNames(commands: readonly SimpleCommand[], source: string): string {
  // Indexed loops, no array per command: this runs for most RUNs, and in V8's unoptimised code
  // each step of a for-of loop allocates an iterator result.
  const names: [number, number][] = [];
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i];
    if (c === undefined) continue;
    const own = c.nameWord;
    const eff = effectiveCommand(c).nameWord;
    if (own) names.push([own.start, own.end]);
    if (eff) names.push([eff.start, eff.end]);
  }
  names.sort((x, y) => x[0] - y[0]);
  let rest = '';
  let from = 0;
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (n === undefined) continue;
    if (n[0] > from) rest += source.slice(from, n[0]) + ' ';
    from = Math.max(from, n[1]);
  }
  return rest + source.slice(from);
}

function runInstruction(node: InstructionNode, stage: Stage, env: Env, out: Collector): void {
  const run = node.run;
  if (!run || !run.posix || !run.shell) return;
  const ctx = run.shell;
  // The RUN's words without the program names (arguments, URLs, paths, `for` lists), made when asked.
  const tokens: Words = [new WordText(() => withoutProgramNames(run.commands, ctx.source))];
  const site: UseSite = { tokens, stage, node, context: 'run', runtime: false, range: (s, e) => ctx.range(s, e) };
  const mounts: Scope[] = [];
  for (const m of run.mounts) {
    if (m.target === null) continue;
    const t = absolute(node.resolve(m.target) ?? m.target, env.cwd ?? '/', env.user);
    if (t === null) continue;
    mounts.push({ kind: 'files', dir: t, reason: `RUN --mount target ${t}`, node, seq: env.state.clock, tokens: [wordText(`${m.from ?? ''} ${m.source ?? ''} ${t}`)] });
  }
  const runEnv = makeEnv(env.state, env.base, functionsIn(ctx.source), mounts, env.user, node.state.workdir ?? '/');
  if (run.form === 'shell') {
    const shellProgram = node.state.shell[0] ?? '/bin/sh';
    const src = classify(shellProgram, runEnv);
    out.uses.push({
      stage,
      node,
      context: 'run',
      shell: true,
      program: shellProgram,
      name: baseOf(shellProgram),
      range: node.syntax.keywordRange,
      runtime: false,
      guarded: false,
      source: src,
      base: env.base,
    });
  }
  // Exec form: the syntax tree's JSON words lose the blanks inside strings, so read them again.
  const exec = run.form === 'exec' ? parseJsonStrings(ctx.source, 0) : null;
  const commands = exec ? [jsonCommand(exec, ctx.source)].filter((c): c is SimpleCommand => c !== null) : run.commands;
  runCommands(commands, site, runEnv, out, true, new Map());
}

/** Programs run by CMD / ENTRYPOINT / HEALTHCHECK of the final image. */
function runtimeUses(model: DockerfileModel, chain: readonly Stage[], env: Env, out: Collector): void {
  const last = (kw: string): InstructionNode | null => {
    let found: InstructionNode | null = null;
    for (const s of chain) for (const n of s.instructions) if (n.keyword === kw && !n.onbuild) found = n;
    return found;
  };
  const final = chain[chain.length - 1];
  if (!final) return;
  const entry = last('ENTRYPOINT');
  const cmd = last('CMD');
  const health = last('HEALTHCHECK');
  const baseEntrypoint = env.base.kind === 'known' ? env.base.base.info.entrypoint : null;

  const analyse = (node: InstructionNode, context: UseContext, textStart: number, textEnd: number, json: { value: string; start: number; end: number; plain: boolean }[] | null, allowMissing: boolean): string | null => {
    const site: UseSite = { tokens: [], stage: node.stageIndex === null ? final : (model.stages[node.stageIndex] ?? final), node, context, runtime: true, range: (s, e) => model.lines.rangeAt(s, e) };
    const uEnv = makeEnv(env.state, env.base, new Set(), [], final.endState.user, node.state.workdir ?? final.endState.workdir ?? '/');
    const before = out.uses.length;
    let first: string | null = null;
    if (json) {
      const head = json[0];
      if (!head) return null;
      first = head.value;
      const c = jsonCommand(json, model.text);
      if (c) runCommands([c], site, uEnv, out, false, new Map());
    } else {
      const shellProgram = node.state.shell[0] ?? '/bin/sh';
      out.uses.push({ stage: site.stage, node, context, shell: true, program: shellProgram, name: baseOf(shellProgram), range: node.syntax.keywordRange, runtime: true, guarded: false, source: classify(shellProgram, uEnv), base: env.base });
      const text = model.text.slice(textStart, textEnd);
      const cmds = parseShellText(text, textStart);
      first = cmds[0]?.name ?? null;
      runCommands(cmds, site, uEnv, out, false, new Map());
    }
    if (!allowMissing) {
      for (let i = before; i < out.uses.length; i++) {
        const u = out.uses[i];
        if (u && u.source.kind === 'missing') u.guarded = true;
      }
    }
    return first;
  };

  // The JSON strings read from the text: the syntax tree's words lose the blanks inside strings.
  const jsonOf = (node: InstructionNode): { value: string; start: number; end: number; plain: boolean }[] | null => {
    if (!node.syntax.json) return null;
    return parseJsonStrings(model.text.slice(node.syntax.argsStart, node.syntax.end), node.syntax.argsStart);
  };

  if (entry) {
    const j = jsonOf(entry);
    if (!j || j.length > 0) analyse(entry, 'entrypoint', entry.syntax.argsStart, entry.syntax.end, j, true);
  }
  if (cmd) {
    const j = jsonOf(cmd);
    const entryJson = entry ? jsonOf(entry) : null;
    const entryProgram = entry ? (entryJson ? (entryJson[0]?.value ?? null) : 'shell') : (baseEntrypoint?.[0] ?? null);
    const entryShellForm = entry !== null && entryJson === null;
    const wrapper = entryProgram === null || /(?:^|\/)(?:tini|dumb-init|catatonit|gosu|su-exec|env|s6-svscan|init|entrypoint[\w.-]*|docker-entrypoint[\w.-]*|[\w.-]*-entrypoint(?:\.sh)?)$/.test(entryProgram);
    const firstArg = j ? (j[0]?.value ?? '') : '';
    if (!entryShellForm && wrapper && !firstArg.startsWith('-') && (!j || j.length > 0)) {
      analyse(cmd, 'cmd', cmd.syntax.argsStart, cmd.syntax.end, j, entryProgram === null);
    }
  }
  if (health) {
    const args = health.syntax.args;
    const cmdWord = args.find((a) => a.value.toUpperCase() === 'CMD');
    if (cmdWord) {
      const start = model.lines.offsetAt(cmdWord.range.end);
      const text = model.text.slice(start, health.syntax.end);
      const json = parseJsonStrings(text, start);
      const trimmed = text.trimStart();
      analyse(health, 'healthcheck', start, health.syntax.end, trimmed.startsWith('[') ? json : null, true);
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** The analysis with closures recorded as `deferred` says; null when a deferred one turned out to be needed (see ClosureMode). */
function analyse(model: DockerfileModel, stages: StageBaseInfo[], deferred: boolean): Provenance | null {
  const mode: ClosureMode = { deferred, needsEager: false };
  const out: Collector = { uses: [] };
  const endStates: State[] = [];
  for (const stage of model.stages) {
    const base: StageBaseInfo = stages[stage.index] ?? { kind: 'unknown', reference: '', reason: '', range: null, rootStage: stage.index, windows: false };
    const parentState = stage.parentIndex !== null ? endStates[stage.parentIndex] : undefined;
    const state = parentState ? cloneState(parentState) : initialState(base, mode);
    const env = makeEnv(state, base, new Set(), [], null, '/');
    for (const node of stage.instructions) {
      if (node.onbuild || (base.kind === 'unknown' && base.windows)) continue;
      env.user = node.state.user;
      env.cwd = node.state.workdir ?? '/';
      switch (node.keyword) {
        case 'ENV':
          applyEnvPath(node, state);
          break;
        case 'COPY':
        case 'ADD':
          applyCopy(node, env);
          break;
        case 'RUN':
          runInstruction(node, stage, env, out);
          break;
        default:
          break;
      }
      if (mode.needsEager) return null;
    }
    endStates[stage.index] = state;
  }
  const final = model.finalStage;
  if (final) {
    const chain: Stage[] = [];
    const seen = new Set<number>();
    let s: Stage | undefined = final;
    while (s && !seen.has(s.index)) {
      seen.add(s.index);
      chain.unshift(s);
      s = s.parentIndex !== null ? model.stages[s.parentIndex] : undefined;
    }
    const state = endStates[final.index];
    const base = stages[final.index];
    if (state && base && !(base.kind === 'unknown' && base.windows)) runtimeUses(model, chain, makeEnv(state, base, new Set(), [], final.endState.user, final.endState.workdir ?? '/'), out);
  }
  if (mode.needsEager) return null;
  return { uses: out.uses, stages };
}

/**
 * The analysis with dependency closures deferred or eager (see ClosureMode), uncached: null when
 * the deferred analysis met a program of a deferred closure. For the test that compares the two;
 * rules use analyseProvenance.
 */
export function provenanceWithClosures(model: DockerfileModel, mode: 'deferred' | 'eager'): Provenance | null {
  return analyse(model, stageBases(model), mode === 'deferred');
}

/**
 * Where every program the Dockerfile runs comes from (see the module comment). Computed once per
 * model (kept on it, see src/shell/memo.ts), with the dependency closures deferred unless a program turns out to be in one (see
 * ClosureMode); the result is shared by the rules and must not be modified.
 */
export const analyseProvenance: (model: DockerfileModel) => Provenance = memoOnObject((model: DockerfileModel): Provenance => {
  const stages = stageBases(model);
  const p = analyse(model, stages, true) ?? analyse(model, stages, false);
  // Unreachable: only a deferred analysis gives up.
  if (!p) throw new Error('dockwise: the eager provenance analysis gave no result');
  return p;
});

/** The first use of each program per stage and context class (RUN-time or runtime), in file order. */
export function firstUses(uses: readonly ProgramUse[], keep: (u: ProgramUse) => boolean): ProgramUse[] {
  const seen = new Set<string>();
  const out: ProgramUse[] = [];
  for (const u of uses) {
    if (!keep(u)) continue;
    const key = `${u.stage.index}\u0000${u.runtime ? 'rt' : 'run'}\u0000${u.shell ? 'shell:' : ''}${u.program}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(u);
  }
  return out;
}

/** The command that installs `packages` on a base image of this family, or null when it has no package manager. */
export function installCommand(base: StageBaseInfo, packages: readonly string[]): string | null {
  if (base.kind !== 'known' || packages.length === 0) return null;
  const list = packages.join(' ');
  switch (base.base.info.family) {
    case 'debian':
    case 'ubuntu':
      return `apt-get install -y --no-install-recommends ${list}`;
    case 'alpine':
      return `apk add --no-cache ${list}`;
    default:
      return null;
  }
}

/** How to make `name` explicit on this base: an install command, or a COPY from a build stage. */
export function explicitAdvice(base: StageBaseInfo, name: string, packages: readonly string[]): string {
  const cmd = installCommand(base, packages);
  if (cmd) return `install it explicitly: \`${cmd}\``;
  if (base.kind === 'known' && (base.base.info.family === 'scratch' || base.base.info.family === 'distroless' || base.base.info.family === 'busybox')) {
    return `copy ${name} in from a build stage (\`COPY --from=<stage> ...\`) or use a base image that has it`;
  }
  return `install the package that provides ${name}`;
}
