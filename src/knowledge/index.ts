/**
 * Knowledge about base images, distro packages and shell builtins, read from the generated JSON in
 * data/knowledge/ (see scripts/knowledge/README.md for sources and format).
 *
 * The data is read lazily (fs.readFileSync) the first time a query needs it; the only module state is that
 * immutable, lazily-read data and the per-image results derived from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Family = 'debian' | 'ubuntu' | 'alpine' | 'busybox' | 'distroless' | 'scratch';
/** Families whose packages are known: ubuntu uses the Debian data of the nearest suite (approximate). */
export type PackageFamily = 'debian' | 'ubuntu' | 'alpine';
export type ShellName = 'bash' | 'dash' | 'ash' | 'sh' | 'busybox';
/** exact: archive / repo-info / distroless data; evidence: plus Dockerfile heuristics; approximate: nearest release or name mapping. */
export type Confidence = 'exact' | 'evidence' | 'approximate';
/** exact: the tag is listed; variant: same variant, other version; approximate: nearest release / default variant. */
export type MatchKind = 'exact' | 'variant' | 'approximate';

export interface ImageRef {
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export interface BaseImageInfo {
  /** The data entry that matched, e.g. "python:3.14.7-slim-trixie". */
  readonly id: string;
  /** Normalized reference that was looked up, e.g. "python:3.12-slim-bookworm". */
  readonly reference: string;
  readonly match: MatchKind;
  readonly family: Family;
  /** Distro release: "bookworm", "24.04", "3.24", busybox version; null for scratch. */
  readonly release: string | null;
  /** Package data to use for this image, when packages are known: family + release for the package queries. */
  readonly packageFamily: PackageFamily | null;
  readonly packageRelease: string | null;
  /** Installed packages (distro package names). */
  readonly packages: readonly string[];
  /** Every command known to be on PATH. */
  readonly commands: ReadonlySet<string>;
  /** Shell used by RUN's shell form: "/bin/sh", "/busybox/sh", or null (no shell). */
  readonly shell: string | null;
  readonly shellKind: ShellName | null;
  readonly user: string | null;
  readonly path: readonly string[];
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  /** FROM of the image's own Dockerfile (null for distro bases). */
  readonly parent: string | null;
  /** Entry ids from this image down to its distro base. */
  readonly chain: readonly string[];
  readonly confidence: Confidence;
  readonly notes: readonly string[];
}

// ---------- data file shapes ----------
type Dep = string | string[];
interface PkgEntry { c?: string[]; d?: Dep[]; r?: Dep[] }
interface SuiteData { version?: string; codename?: string; packages: Record<string, PkgEntry>; virtual: Record<string, string[]>; minbase: string[] }
/** debian-packages.json: each suite's facts and the file of its packages. */
interface SuiteMeta { version?: string; codename?: string; releaseDate?: string; minbase: string[]; packagesFile: string }
interface DebianIndexFile { source: unknown; suites: Record<string, SuiteMeta> }
/** debian-packages-SUITE.json: the suite's package table and virtual packages. */
interface SuitePackagesFile { source: unknown; suite: string; packages: Record<string, PkgEntry>; virtual: Record<string, string[]> }
interface AlpineFile { source: unknown; packages: Record<string, { c?: string[]; how: string }> }
interface BuiltinsFile { source: unknown; shells: Record<'bash' | 'dash' | 'ash', { builtins: string[]; keywords: string[] }> }
interface BaseEntry {
  family: Family; release: string | null; packages: string[]; commands: string[]; shell: string | null; shellKind?: ShellName;
  path: string; cmd: string[] | null; entrypoint?: string[] | null; confidence: Confidence; codename?: string;
}
interface ImageEntry {
  base?: string; from?: string; fromRef?: string; release?: string | null; confidence: Confidence;
  addPackages?: number; removePackages?: number; addCommands?: number | string[];
  path?: string; cmd?: string[] | null; entrypoint?: string[] | null; user?: string | null; shell?: string | null; shellKind?: ShellName;
  notes?: string[];
}
interface ImagesFile {
  source: unknown; defaultPath: string; releaseFamily: Record<string, string>;
  bases: Record<string, BaseEntry>; images: Record<string, ImageEntry>; repos: Record<string, string[][]>; lists: string[][];
}

// ---------- loading ----------
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'data', 'knowledge'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('dockwise: data/knowledge not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

/**
 * Memoise a pure function of one of the (immutable, read-once) data objects and a string key:
 * per data object, the answers by key. A cache, not state: it changes no result and is freed with
 * the data. `arg` carries what the key stands for, for the computation on a miss; it must be
 * determined by the key. Answers are shared, so callers must not modify them.
 */
function memoPerData<D extends object, V, A = void>(compute: (data: D, key: string, arg: A) => V): (data: D, key: string, arg: A) => V {
  const byData = new WeakMap<D, Map<string, V>>();
  return (data, key, arg) => {
    let cache = byData.get(data);
    if (!cache) {
      cache = new Map();
      byData.set(data, cache);
    }
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = compute(data, key, arg);
      cache.set(key, hit);
    }
    return hit;
  };
}

function readData<T extends { source: unknown }>(file: string): T {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(findPackageRoot(), 'data', 'knowledge', file), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('source' in parsed)) throw new Error(`dockwise: ${file} has no "source" field`);
  return parsed as T;
}

const debianIndex = lazy(() => readData<DebianIndexFile>('debian-packages.json'));
/**
 * Each Debian suite's data by name, oldest first. A suite's package table (~240 KB of JSON) is read
 * from its own file the first time that suite is asked for: an image on one suite reads only that
 * one, an Alpine image none (~5 and ~9 ms of a one-file run).
 */
const debianSuites = lazy(() => {
  const out = new Map<string, () => SuiteData>();
  for (const [name, meta] of Object.entries(debianIndex().suites)) {
    out.set(
      name,
      lazy((): SuiteData => {
        const file = readData<SuitePackagesFile>(meta.packagesFile);
        if (file.suite !== name) throw new Error(`dockwise: ${meta.packagesFile} holds suite ${file.suite}, not ${name}`);
        return { version: meta.version, codename: meta.codename, minbase: meta.minbase, packages: file.packages, virtual: file.virtual };
      }),
    );
  }
  return out;
});
function debianSuite(name: string): SuiteData | undefined {
  return debianSuites().get(name)?.();
}
const alpineData = lazy(() => readData<AlpineFile>('alpine-packages.json'));
const builtinsData = lazy(() => readData<BuiltinsFile>('builtins.json'));
const imagesData = lazy(() => readData<ImagesFile>('images.json'));
/** Every data file name, for tests and diagnostics. */
export const KNOWLEDGE_FILES = ['images.json', 'debian-packages.json', 'debian-packages-bookworm.json', 'debian-packages-trixie.json', 'alpine-packages.json', 'builtins.json'] as const;
export function knowledgeDataDir(): string {
  return path.join(findPackageRoot(), 'data', 'knowledge');
}

// ---------- tags ----------
/** Leading version of a tag: 3.12.1, 21.0.5_11, 8u502-b07, 3.15-rc, 27-ea ... (same as scripts/knowledge/images.mjs) */
const VERSION_RE = /^(\d[\w.+]*?)(?:-b\d+)?(?:-(?:rc|ea|beta|alpha)\d*)?(?=-|$)/;
export function splitTag(tag: string): { version: string; key: string } {
  const { version, key } = splitTagShared(tag);
  return { version, key };
}

/**
 * splitTag's answers by tag, shared (readonly): resolving a tag reads every tag of the repository's
 * stanzas several times. A cache of a pure function of the string, not state.
 */
const splitTags = new Map<string, Readonly<{ version: string; key: string }>>();
function splitTagShared(tag: string): Readonly<{ version: string; key: string }> {
  let hit = splitTags.get(tag);
  if (!hit) {
    const m = VERSION_RE.exec(tag);
    hit = m ? { version: m[0], key: tag.slice(m[0].length).replace(/^-/, '') } : { version: '', key: tag };
    splitTags.set(tag, hit);
  }
  return hit;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
/** "python", "gcr.io/distroless/static-debian12", ... as used for the `repos` keys. */
export function repositoryKey(ref: ImageRef): string {
  let registry = ref.registry?.toLowerCase();
  let repo = ref.repository.toLowerCase();
  if (!registry) {
    const first = repo.split('/')[0] ?? '';
    if (repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
      registry = first;
      repo = repo.slice(first.length + 1);
    }
  }
  if (!registry || DOCKER_HUB.has(registry)) return repo.replace(/^library\//, '');
  return `${registry}/${repo}`;
}

const DISTRO_REPOS: ReadonlySet<string> = new Set(['debian', 'ubuntu', 'alpine', 'busybox']);
const PRERELEASE = /(?:^|[\d.-])(?:rc|ea|beta|alpha)\d*(?=-|$)|^\d{8}$/;
const versionParts = (v: string): number[] => v.split(/[._+-]|(?<=\d)u(?=\d)/).map(x => Number.parseInt(x, 10)).filter(n => !Number.isNaN(n));
/** How well a stanza tag's version fits the requested one: full prefix > more equal components > closer number. */
export function versionScore(tagVersion: string, requested: string): number {
  const pre = PRERELEASE.test(tagVersion) && !PRERELEASE.test(requested) ? -1e5 : 0;
  if (!requested) return pre;
  const a = versionParts(tagVersion), b = versionParts(requested);
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  const full = (k === b.length && a.length >= b.length) || (k === a.length && a.length >= Math.min(2, b.length));
  const ak = a[k], bk = b[k];
  const dist = ak !== undefined && bk !== undefined ? Math.min(Math.abs(ak - bk), 999) : bk !== undefined ? 500 : 0;
  return pre + (full ? 1e6 : 0) + k * 1e3 - dist;
}

/** Normalized variant keys per images data and key. */
const normalizedKey = memoPerData((data: ImagesFile, k: string): string =>
  k.split('-')
    .map(t => (/^alpine\d+\.\d+$/.test(t) ? 'alpine' : data.releaseFamily[t] ?? (/^\d+(\.\d+)*$/.test(t) ? '' : t)))
    .filter(Boolean).join('-'),
);

function resolveTag(data: ImagesFile, repo: string, tag: string): { id: string; match: MatchKind } | null {
  const stanzas = data.repos[repo];
  if (!stanzas) return null;
  const exact = stanzas.find(s => s.indexOf(tag) > 0);
  if (exact?.[0]) return { id: exact[0], match: 'exact' };
  const { version, key } = splitTagShared(tag);
  // release tokens -> their family (slim-bullseye ~ slim-bookworm, alpine3.18 ~ alpine3.24), bare numbers dropped
  const normKey = (k: string): string => normalizedKey(data, k);
  const best = (keyOf: (t: string) => string, want: string): { id: string; full: boolean } | null => {
    let top: { id: string; score: number } | null = null;
    for (const s of stanzas) {
      const tags = s.slice(1).filter(t => keyOf(t) === want);
      if (!tags.length || !s[0]) continue;
      const score = Math.max(...tags.map(t => versionScore(splitTagShared(t).version, version)));
      if (!top || score > top.score) top = { id: s[0], score };
    }
    return top && { id: top.id, full: top.score >= 5e5 };
  };
  const hit = best(t => splitTagShared(t).key, key);
  // for the distro repositories the version is the release: another release is only an approximation
  if (hit) return { id: hit.id, match: DISTRO_REPOS.has(repo) && !hit.full ? 'approximate' : 'variant' };
  const nk = normKey(key);
  const approx = best(t => normKey(splitTagShared(t).key), nk) ?? best(t => splitTagShared(t).key, '');
  if (approx) return { id: approx.id, match: 'approximate' };
  // last resort for a known repository: the stanza sharing the most variant words (openjdk:11-jre-slim -> a slim one)
  const want = new Set(nk.split('-').filter(Boolean));
  let top: { id: string; n: number } | null = null;
  for (const s of stanzas) {
    const n = Math.max(...s.slice(1).map(t => normKey(splitTagShared(t).key).split('-').filter(w => want.has(w)).length));
    if (s[0] && (!top || n > top.n)) top = { id: s[0], n };
  }
  return top ? { id: top.id, match: 'approximate' } : null;
}

// ---------- image entries ----------
interface Materialized {
  family: Family; release: string | null; packages: string[]; commands: Set<string>; shell: string | null; shellKind: ShellName | null;
  user: string | null; path: string[]; cmd: string[] | null; entrypoint: string[] | null; parent: string | null; chain: string[];
  confidence: Confidence; notes: string[];
}

const materializedCache = lazy(() => new Map<string, Materialized | null>());

function list(data: ImagesFile, v: number | string[] | undefined): string[] {
  if (v === undefined) return [];
  return typeof v === 'number' ? data.lists[v] ?? [] : v;
}
function has<K extends string>(o: object, k: K): o is Record<K, unknown> {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function materialize(data: ImagesFile, id: string, depth = 0): Materialized | null {
  const cache = materializedCache();
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const e = data.images[id];
  let out: Materialized | null = null;
  if (e && depth < 32) {
    if (e.base !== undefined) {
      const b = data.bases[e.base];
      if (b) {
        out = {
          family: b.family, release: e.release ?? b.release, packages: [...b.packages],
          commands: new Set([...b.commands, ...list(data, e.addCommands)]),
          shell: has(e, 'shell') ? e.shell ?? null : b.shell, shellKind: e.shellKind ?? b.shellKind ?? null,
          user: e.user ?? null, path: (e.path ?? b.path).split(':'), cmd: has(e, 'cmd') ? e.cmd ?? null : b.cmd,
          entrypoint: has(e, 'entrypoint') ? e.entrypoint ?? null : b.entrypoint ?? null, parent: null, chain: [id],
          confidence: e.confidence, notes: e.notes ?? [],
        };
      }
    } else if (e.from !== undefined) {
      const p = materialize(data, e.from, depth + 1);
      if (p) {
        const remove = new Set(list(data, e.removePackages));
        const packages = p.packages.filter(x => !remove.has(x));
        for (const x of list(data, e.addPackages)) if (!packages.includes(x)) packages.push(x);
        out = {
          ...p, packages: packages.sort(), commands: new Set([...p.commands, ...list(data, e.addCommands)]),
          release: has(e, 'release') ? e.release ?? null : p.release,
          shell: has(e, 'shell') ? e.shell ?? null : p.shell, user: has(e, 'user') ? e.user ?? null : p.user,
          path: has(e, 'path') && e.path ? e.path.split(':') : p.path, cmd: has(e, 'cmd') ? e.cmd ?? null : p.cmd,
          entrypoint: has(e, 'entrypoint') ? e.entrypoint ?? null : p.entrypoint, parent: e.fromRef ?? e.from,
          chain: [id, ...p.chain], confidence: e.confidence, notes: [...p.notes, ...(e.notes ?? [])],
        };
      }
    }
  }
  cache.set(id, out);
  return out;
}

function packageTarget(family: Family, release: string | null): { family: PackageFamily | null; release: string | null } {
  const suites = [...debianSuites().keys()];
  const newest = suites[suites.length - 1] ?? null;
  switch (family) {
    case 'debian':
    case 'distroless':
      return { family: 'debian', release: release && suites.includes(release) ? release : newest };
    case 'ubuntu':
      return { family: 'ubuntu', release: UBUNTU_TO_DEBIAN[release ?? ''] ?? newest };
    case 'alpine':
      return { family: 'alpine', release };
    default:
      return { family: null, release: null };
  }
}
/** Ubuntu releases -> the Debian suite whose package data approximates them (jammy ~ bookworm, noble ~ trixie). */
const UBUNTU_TO_DEBIAN: Readonly<Record<string, string>> = { '22.04': 'bookworm', '24.04': 'trixie', jammy: 'bookworm', noble: 'trixie' };

/**
 * Resolve an image reference to what the image provides. Resolution: normalize the repository (Docker Hub
 * "library/" dropped, registry kept otherwise), then
 *   1. the tag (default "latest") is listed for the repository -> match "exact";
 *   2. same variant (tag minus its leading version, e.g. "slim-bookworm", "jre", "alpine") with the closest
 *      version -> "variant";
 *   3. variant with release tokens dropped (bullseye, alpine3.18, 20.04 ...), else the default variant -> "approximate".
 * Unknown repositories return null.
 */
export function resolveBaseImage(ref: ImageRef): BaseImageInfo | null {
  const data = imagesData();
  const repo = repositoryKey(ref);
  const tag = ref.tag ?? 'latest';
  const digestOnly = !ref.tag && ref.digest !== undefined && ref.digest !== '';
  return resolved(data, `${repo}\u0000${tag}\u0000${digestOnly ? 'd' : ''}`, { repo, tag, digestOnly });
}

/**
 * Resolutions by normalized repository, tag and digest-only flag, per images data (immutable once
 * read). A cache of a pure function of that data, not state: every FROM of the same image in a run
 * gets the same (readonly) BaseImageInfo.
 */
const resolved = memoPerData((data: ImagesFile, _key: string, r: { repo: string; tag: string; digestOnly: boolean }) => resolveUncached(data, r.repo, r.tag, r.digestOnly));

function resolveUncached(data: ImagesFile, repo: string, tag: string, digestOnly: boolean): BaseImageInfo | null {
  const r = repo === 'scratch' ? { id: 'scratch', match: 'exact' as MatchKind } : resolveTag(data, repo, tag);
  if (!r) return null;
  const m = materialize(data, r.id);
  if (!m) return null;
  const pt = packageTarget(m.family, m.release);
  const notes = [...m.notes];
  if (digestOnly) notes.push('digest without tag: resolved as "latest"');
  return {
    id: r.id, reference: `${repo}:${tag}`, match: r.match, family: m.family, release: m.release,
    packageFamily: pt.family, packageRelease: pt.release, packages: m.packages, commands: m.commands,
    shell: m.shell, shellKind: m.shellKind, user: m.user, path: m.path, cmd: m.cmd, entrypoint: m.entrypoint,
    parent: m.parent, chain: m.chain, confidence: r.match === 'exact' ? m.confidence : 'approximate', notes,
  };
}

/**
 * Whether the image provides `command` on its PATH. An absolute path counts when its directory is on the
 * image's PATH (or is a standard bin directory) and its basename is a known command.
 */
export function commandProvidersInImage(info: BaseImageInfo, command: string): boolean {
  if (!command.includes('/')) return info.commands.has(command);
  const dir = command.slice(0, command.lastIndexOf('/')) || '/';
  const name = command.slice(command.lastIndexOf('/') + 1);
  const dirs = new Set([...info.path, '/bin', '/sbin', '/usr/bin', '/usr/sbin']);
  return dirs.has(dir) && info.commands.has(name);
}

// ---------- packages ----------
function debianSuitesFor(family: PackageFamily, release?: string): SuiteData[] {
  if (release !== undefined) {
    const name = family === 'ubuntu' && Object.hasOwn(UBUNTU_TO_DEBIAN, release) ? UBUNTU_TO_DEBIAN[release] : release;
    const s = name === undefined ? undefined : debianSuite(name);
    return s ? [s] : [];
  }
  return [...debianSuites().keys()].reverse().flatMap((n) => debianSuite(n) ?? []); // newest first
}

/**
 * command -> packages shipping it, built once per package table on first use (an index over the
 * immutable data; like the data itself, a lazily filled cache).
 */
const commandIndexes = new WeakMap<object, Map<string, string[]>>();
function commandIndex(packages: Readonly<Record<string, { c?: readonly string[] }>>): Map<string, string[]> {
  let idx = commandIndexes.get(packages);
  if (!idx) {
    idx = new Map();
    for (const [n, p] of Object.entries(packages)) {
      for (const c of p.c ?? []) {
        const list = idx.get(c);
        if (list) list.push(n);
        else idx.set(c, [n]);
      }
    }
    commandIndexes.set(packages, idx);
  }
  return idx;
}

/**
 * For a package list (an image's): the packages of the list whose commands (packageCommands) hold
 * `command`, possibly repeated, in no particular order. Read backwards through the command index,
 * one command at a time, instead of listing every command of every package of the image up front.
 * Null when the data is not one package table (no release given for Debian/Ubuntu).
 */
export function commandProvidersIn(family: PackageFamily, packages: readonly string[], release?: string): ((command: string) => readonly string[]) | null {
  let table: Readonly<Record<string, PkgEntry>>;
  let real: (n: string) => string | undefined;
  if (family === 'alpine') {
    const t = alpineData().packages;
    table = t;
    real = (n) => n;
  } else {
    const suites = debianSuitesFor(family, release);
    const suite = suites[0];
    if (suites.length !== 1 || !suite) return null;
    table = suite.packages;
    real = (n) => (suite.packages[n] ? n : suite.virtual[n]?.[0]);
  }
  // The list's packages by the package whose entry packageCommands reads for them.
  let byReal = byRealCache.get(packages)?.get(table);
  if (!byReal) {
    byReal = new Map();
    for (const pkg of packages) {
      const r = real(pkg);
      if (r === undefined) continue;
      const list = byReal.get(r);
      if (list) list.push(pkg);
      else byReal.set(r, [pkg]);
    }
    let perTable = byRealCache.get(packages);
    if (!perTable) {
      perTable = new WeakMap();
      byRealCache.set(packages, perTable);
    }
    perTable.set(table, byReal);
  }
  const index = commandIndex(table);
  const own = byReal;
  return (command) => {
    const out: string[] = [];
    for (const r of index.get(command) ?? []) for (const pkg of own.get(r) ?? []) out.push(pkg);
    return out;
  };
}

/** Packages of a list by their real package, per list and package table: a cache over immutable data, not state. */
const byRealCache = new WeakMap<readonly string[], WeakMap<object, Map<string, string[]>>>();

/** Packages (of the selected data) that ship `command` on PATH, sorted. */
export function packagesProvidingCommand(family: PackageFamily, command: string, release?: string): string[] {
  const out = new Set<string>();
  if (family === 'alpine') {
    for (const n of commandIndex(alpineData().packages).get(command) ?? []) out.add(n);
  } else {
    for (const s of debianSuitesFor(family, release)) for (const n of commandIndex(s.packages).get(command) ?? []) out.add(n);
  }
  return [...out].sort();
}

/** Commands a package puts on PATH (union over suites when no release is given). */
export function packageCommands(family: PackageFamily, pkg: string, release?: string): string[] {
  if (family === 'alpine') return [...(alpineData().packages[pkg]?.c ?? [])];
  const suites = debianSuitesFor(family, release);
  if (suites.length === 1 && suites[0]) {
    // One suite: the answer is read from (and kept in) that suite's cache.
    return [...suiteCommands(suites[0], pkg)];
  }
  const out = new Set<string>();
  for (const s of debianSuitesFor(family, release)) {
    const real = s.packages[pkg] ? pkg : s.virtual[pkg]?.[0];
    for (const c of (real ? s.packages[real]?.c : undefined) ?? []) out.add(c);
  }
  return [...out].sort();
}

/**
 * Commands of a package per suite (sorted), and dependency closures per suite: caches of pure
 * functions of the immutable package data, keyed by it (freed with it), not state. Callers get
 * copies, so the cached arrays are never modified.
 */
const suiteCommands = memoPerData((s: SuiteData, pkg: string): readonly string[] => {
  const real = s.packages[pkg] ? pkg : s.virtual[pkg]?.[0];
  return [...new Set((real ? s.packages[real]?.c : undefined) ?? [])].sort();
});
/** Closures by the packages and whether Recommends count (the key's first character, `+` or `-`). */
const suiteClosure = memoPerData((s: SuiteData, key: string, pkgs: readonly string[]): readonly string[] => closureIn(s, pkgs, key.startsWith('+')));

const depString = (d: Dep): string => (typeof d === 'string' ? d : d.join('|'));
/**
 * Direct dependencies (Depends + Pre-Depends) of a package; alternatives as "a|b". Without a release: the union
 * over the generated suites, newest first. Alpine dependencies are not known (empty).
 */
export function packageDepends(family: PackageFamily, pkg: string, release?: string): string[] {
  if (family === 'alpine') return [];
  const out: string[] = [];
  for (const s of debianSuitesFor(family, release)) for (const d of s.packages[pkg]?.d ?? []) if (!out.includes(depString(d))) out.push(depString(d));
  return out;
}

/** Recommends of a package (installed too unless --no-install-recommends). */
export function packageRecommends(family: PackageFamily, pkg: string, release?: string): string[] {
  if (family === 'alpine') return [];
  const out: string[] = [];
  for (const s of debianSuitesFor(family, release)) for (const d of s.packages[pkg]?.r ?? []) if (!out.includes(depString(d))) out.push(depString(d));
  return out;
}

/**
 * Packages that `apt-get install` of `pkgs` brings in (the packages themselves and their dependencies, with
 * Recommends unless `recommends` is false), as far as the data knows them. Debian/Ubuntu only.
 */
export function packageClosure(family: PackageFamily, pkgs: readonly string[], options: { release?: string; recommends?: boolean } = {}): string[] {
  return [...packageClosureShared(family, pkgs, options)];
}

/**
 * Breadth-first closure of `pkgs` over Depends (and Recommends): a dependency already satisfied
 * by a visited package (or a visited provider of the virtual name) is skipped; otherwise its first
 * alternative the data knows is visited. Names the data does not know are kept as they are.
 * Entries are looked up as own properties (a package called `constructor` is no Object member).
 */
function closureIn(s: SuiteData, pkgs: readonly string[], recommends: boolean): string[] {
  const entry = (n: string): PkgEntry | undefined => (Object.hasOwn(s.packages, n) ? s.packages[n] : undefined);
  const providers = (n: string): readonly string[] => (Object.hasOwn(s.virtual, n) ? (s.virtual[n] ?? []) : []);
  const real = (n: string): string | undefined => (entry(n) ? n : providers(n)[0]);
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (n: string): void => {
    if (!seen.has(n)) {
      seen.add(n);
      queue.push(n);
    }
  };
  for (const n of pkgs) visit(real(n) ?? n);
  const sat = (a: string): boolean => seen.has(a) || providers(a).some((x) => seen.has(x));
  // An index, not shift(): the queue is read once, front to back.
  for (let i = 0; i < queue.length; i++) {
    const p = entry(queue[i] ?? '');
    if (!p) continue;
    for (const d of [...(p.d ?? []), ...(recommends ? (p.r ?? []) : [])]) {
      const g = typeof d === 'string' ? [d] : d;
      if (g.some(sat)) continue;
      const pick = g.map(real).find((x): x is string => x !== undefined);
      if (pick) visit(pick);
    }
  }
  return [...seen].sort();
}

/**
 * What the provenance analysis reads of one package in one suite: its commands (sorted, unique),
 * the first alternative of each dependency (Depends + Pre-Depends) and of each Recommends. Read
 * once per suite and package (see suiteRelations); the arrays are shared and must not be modified.
 */
export interface PackageRelations {
  readonly commands: readonly string[];
  readonly depends: readonly string[];
  readonly recommends: readonly string[];
}

const NO_RELATIONS: PackageRelations = { commands: [], depends: [], recommends: [] };

/** PackageRelations per suite and package: a cache of the immutable data, freed with it, not state. */

/**
 * The same answers as packageCommands, packageDepends and packageRecommends (each dependency cut
 * to its first alternative), without copies: cached per suite and package.
 */
export function packageRelations(family: PackageFamily, pkg: string, release?: string): PackageRelations {
  if (family === 'alpine') return alpineRelations(alpineData(), pkg);
  const suites = debianSuitesFor(family, release);
  const s = suites[0];
  if (suites.length !== 1 || !s) {
    const first = (d: string): string => d.split('|')[0] ?? d;
    return { commands: packageCommands(family, pkg, release), depends: packageDepends(family, pkg, release).map(first), recommends: packageRecommends(family, pkg, release).map(first) };
  }
  return suiteRelations(s, pkg);
}

/** Dependencies unique by the whole dependency (as packageDepends), then cut to the first alternative. */
function firstAlternatives(ds: readonly Dep[] | undefined): string[] {
  const seen: string[] = [];
  const out: string[] = [];
  for (const d of ds ?? []) {
    const k = depString(d);
    if (seen.includes(k)) continue;
    seen.push(k);
    out.push(k.split('|')[0] ?? k);
  }
  return out;
}

const suiteRelations = memoPerData((s: SuiteData, pkg: string): PackageRelations => {
  const e = s.packages[pkg];
  return { commands: [...suiteCommands(s, pkg)], depends: firstAlternatives(e?.d), recommends: firstAlternatives(e?.r) };
});

const alpineRelations = memoPerData((data: AlpineFile, pkg: string): PackageRelations => {
  const c = data.packages[pkg]?.c;
  return c ? { commands: c, depends: [], recommends: [] } : NO_RELATIONS;
});

/** packageClosure without the copy: the cached (shared, readonly) answer. */
export function packageClosureShared(family: PackageFamily, pkgs: readonly string[], options: { release?: string; recommends?: boolean } = {}): readonly string[] {
  if (family === 'alpine') return [...new Set(pkgs)].sort();
  const s = debianSuitesFor(family, options.release)[0];
  if (!s) return [...new Set(pkgs)].sort();
  return suiteClosure(s, `${options.recommends === false ? '-' : '+'}${pkgs.join('\u0000')}`, pkgs);
}

/**
 * The packages of packageClosureShared(family, pkgs, options) among whose commands (as
 * packageRelations gives them) is `command`, in closure order. With one package table, read
 * backwards through its command index (the few packages that ship the command; no closure at all
 * when none does) instead of reading the commands of every package of the closure.
 */
export function closurePackagesProviding(family: PackageFamily, pkgs: readonly string[], options: { release?: string; recommends?: boolean }, command: string): string[] {
  const suites = family === 'alpine' ? [] : debianSuitesFor(family, options.release);
  const s = suites[0];
  if (suites.length === 1 && s) {
    // The closure holds package names with an entry of their own (whose commands the index has)
    // and names the data does not know (which have no commands).
    const providers = commandIndex(s.packages).get(command);
    if (!providers) return [];
    const closure = packageClosureShared(family, pkgs, options);
    return closure.filter((q) => providers.includes(q));
  }
  return packageClosureShared(family, pkgs, options).filter((q) => packageRelations(family, q, options.release).commands.includes(command));
}

// ---------- shells ----------
/**
 * Whether `name` is a builtin or reserved word of the shell. `shell` may be a name (bash, dash, ash, busybox, sh)
 * or a path (/bin/sh, /bin/bash, /busybox/sh); plain "sh" means dash (Debian's /bin/sh).
 */
export function isShellBuiltin(shell: ShellName | string, name: string): boolean {
  const base = shell.slice(shell.lastIndexOf('/') + 1);
  const kind = base === 'bash' ? 'bash' : base === 'ash' || base === 'busybox' || shell.startsWith('/busybox/') ? 'ash' : base === 'dash' || base === 'sh' ? 'dash' : null;
  if (!kind) return false;
  const s = builtinsData().shells[kind];
  return s.builtins.includes(name) || s.keywords.includes(name);
}

/** Builtins and reserved words of bash, dash and ash together, read once. */
const anyShellBuiltins = lazy(() => {
  const out = new Set<string>();
  for (const s of Object.values(builtinsData().shells)) {
    for (const n of s.builtins) out.add(n);
    for (const n of s.keywords) out.add(n);
  }
  return out;
});

/** Whether `name` is a builtin or reserved word of bash, dash or ash (any of them). */
export function isBuiltinOfAnyShell(name: string): boolean {
  return anyShellBuiltins().has(name);
}

/** Shell kind that runs RUN's shell form in an image ("ash" for busybox-based images). */
export function shellKindOf(info: BaseImageInfo): ShellName | null {
  return info.shell === null ? null : info.shellKind ?? (info.shell.endsWith('bash') ? 'bash' : 'dash');
}
