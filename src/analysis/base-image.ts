/**
 * What a stage's base image provides, read from the generated knowledge (src/knowledge): which
 * programs are on its PATH, and for each one whether it belongs to
 * - `system`: the distribution's base system (what the bare `debian`, `ubuntu`, `alpine`,
 *   `busybox`, `distroless` or `scratch` image holds: coreutils, apt, busybox applets ...);
 * - `image`: the purpose of the image (python in `python`, node and npm in `node`, nginx in
 *   `nginx`, psql in `postgres`, apache2 in `php:*-apache`): programs the image's own Dockerfile
 *   builds or copies in, or installs from packages named after the image;
 * - `layer`: everything else an image adds on top of its distribution, such as the curl, git, gcc
 *   and python3 that `buildpack-deps` puts under `node:20`, `golang` or `python:3.12`, or the curl
 *   that `nginx` and `php` keep. A program relied on from this tier is an implicit dependency: a
 *   `-slim` or `-alpine` variant, or the next release of the image, may not have it.
 */
import {
  commandProvidersIn,
  commandProvidersInImage,
  packageRelations,
  resolveBaseImage,
  splitTag,
  type BaseImageInfo,
} from '../knowledge/index.js';
import type { ParsedImageRef } from '../model/image.js';

export type BaseTier = 'system' | 'image' | 'layer';

export interface BaseProvider {
  tier: BaseTier;
  /** The image's package that ships the program, when the data knows it. */
  package: string | null;
  /** The image (library entry) whose Dockerfile added it, e.g. `buildpack-deps:bookworm-scm`. */
  introducedBy: string | null;
}

/** A resolved base image with the questions the provenance analysis asks of it. */
export interface KnownBase {
  info: BaseImageInfo;
  /** Where a program found by name on the image's PATH comes from; null when the image lacks it. */
  provider(command: string): BaseProvider | null;
  /** True when an absolute program path is a known program of the image. */
  hasPath(path: string): boolean;
  /** True when `path`'s directory is on the image's PATH or a standard bin directory. */
  onPath(path: string): boolean;
  /** True when a program or package name belongs to what the image is for (`php-pear` in `php`). */
  related(name: string): boolean;
  /** Upstream busybox applets (Alpine's busybox configuration is only approximately known). */
  busyboxApplets: ReadonlySet<string>;
}

/** Resolves library entry ids (`buildpack-deps:bookworm-scm`) once per analysis. */
export type EntryResolver = (id: string) => BaseImageInfo | null;

export function entryResolver(): EntryResolver {
  const cache = new Map<string, BaseImageInfo | null>();
  return (id) => {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const colon = id.lastIndexOf(':');
    const slash = id.lastIndexOf('/');
    const ref = colon > slash ? { repository: id.slice(0, colon), tag: id.slice(colon + 1) } : { repository: id };
    const info = resolveBaseImage(ref);
    cache.set(id, info);
    return info;
  };
}

/** Words in tags that name a distribution family (to reject a resolution to another family). */
const ALPINE_WORDS = /(?:^|[-_.])alpine/;
const DEBIAN_WORDS = /(?:^|[-_.])(?:jessie|stretch|buster|bullseye|bookworm|trixie|forky|sid)(?=$|[-_.])/;
const UBUNTU_WORDS = /(?:^|[-_.])(?:xenial|bionic|focal|jammy|noble|plucky|questing|resolute)(?=$|[-_.])/;
/** Tags and repositories of families dockwise has no data for (rpm-based, Windows). */
const FOREIGN_WORDS = /(?:^|[-_./])(?:ubi\d*|centos|rocky(?:linux)?|alma(?:linux)?|oraclelinux|amazonlinux|fedora|rhel|opensuse|suse|sles)(?=$|[-_./\d])/;
const WINDOWS_WORDS = /(?:^|[-_./])(?:windowsservercore|nanoserver|servercore|windows|ltsc\d*|nanoserverapiscan)(?=$|[-_./\d])/;

/** True for a Windows image reference (its RUN instructions are not POSIX shell). */
export function isWindowsImage(ref: ParsedImageRef): boolean {
  return WINDOWS_WORDS.test((ref.tag ?? '').toLowerCase()) || WINDOWS_WORDS.test(`${ref.registry ?? ''}/${ref.repository}`.toLowerCase());
}

/** Why a reference is not used even though the data resolves it, or null when it is fine. */
function familyMismatch(ref: ParsedImageRef, info: BaseImageInfo): string | null {
  const tag = (ref.tag ?? '').toLowerCase();
  const repo = ref.repository.toLowerCase();
  if (isWindowsImage(ref)) return 'a Windows image';
  if (FOREIGN_WORDS.test(tag) || FOREIGN_WORDS.test(repo)) return 'dockwise has no package data for this distribution';
  if (ALPINE_WORDS.test(tag) && info.family !== 'alpine') return `the tag names Alpine but dockwise only knows ${info.id}`;
  if (DEBIAN_WORDS.test(tag) && info.family !== 'debian') return `the tag names a Debian release but dockwise only knows ${info.id}`;
  if (UBUNTU_WORDS.test(tag) && info.family !== 'ubuntu') return `the tag names an Ubuntu release but dockwise only knows ${info.id}`;
  return null;
}

const GENERIC_TOKENS = new Set(['library', 'docker', 'gcr', 'com', 'org', 'distroless', 'official', 'images', 'base', 'slim', 'latest']);

/** Repository and variant words that name what the image is for (`php:8.2-apache` -> php, apache). */
function identityTokens(info: BaseImageInfo, ref: ParsedImageRef): string[] {
  const out = new Set<string>();
  const add = (s: string): void => {
    for (const t of s.toLowerCase().split(/[-_./:]+/)) if (t.length >= 3 && /^[a-z][a-z0-9]*$/.test(t) && !GENERIC_TOKENS.has(t)) out.add(t.replace(/\d+$/, ''));
  };
  const top = info.chain[0] ?? info.id;
  const repoOf = (id: string): string => (id.lastIndexOf(':') > id.lastIndexOf('/') ? id.slice(0, id.lastIndexOf(':')) : id);
  add(repoOf(top).split('/').pop() ?? '');
  add(ref.repository.split('/').pop() ?? '');
  const key = splitTag(ref.tag ?? '').key;
  for (const t of key.split('-')) if (/^[a-z]+$/.test(t) && !ALPINE_WORDS.test(t) && !DEBIAN_WORDS.test(t) && !UBUNTU_WORDS.test(t)) add(t);
  out.delete('');
  return [...out].filter((t) => t.length >= 3);
}

/**
 * Programs -> the image's packages that ship them, built from the image's package list (the
 * knowledge API's `packagesProvidingCommand` scans every package of the suite on each call).
 * Cached per package list: the knowledge module hands out the same immutable list for the same
 * image entry, so the WeakMap is a cache freed with the data, not state.
 */
const providersCache = new WeakMap<readonly string[], ReadonlyMap<string, readonly string[]>>();

function imageProviders(info: BaseImageInfo): ReadonlyMap<string, readonly string[]> {
  const hit = providersCache.get(info.packages);
  if (hit) return hit;
  const out = new Map<string, string[]>();
  const family = info.packageFamily;
  if (family) {
    for (const pkg of info.packages) {
      for (const c of packageRelations(family, pkg, info.packageRelease ?? undefined).commands) {
        const list = out.get(c);
        if (list) list.push(pkg);
        else out.set(c, [pkg]);
      }
    }
  }
  providersCache.set(info.packages, out);
  return out;
}

export type BaseResolution = { ok: true; base: KnownBase } | { ok: false; reason: string };

/**
 * Resolutions by the parts of the reference they read (registry, repository, tag, digest): a
 * cache of a pure function of the reference and the immutable knowledge data, not state. A run
 * resolves a few hundred distinct references for thousands of FROMs; the KnownBase objects are
 * shared anyway (see knownBaseCache).
 */
const resolutions = new Map<string, BaseResolution>();

/** Resolve an image reference of a FROM to what dockwise knows about it. */
export function resolveKnownBase(ref: ParsedImageRef, resolve: EntryResolver): BaseResolution {
  // null and '' are told apart (an empty tag is not the default `latest`).
  const part = (v: string | null): string => (v === null ? '\u0001' : v);
  const key = `${part(ref.registry)}\u0000${ref.repository}\u0000${part(ref.tag)}\u0000${part(ref.digest)}`;
  const hit = resolutions.get(key);
  if (hit) return hit;
  const r = resolveUncached(ref, resolve);
  resolutions.set(key, r);
  return r;
}

function resolveUncached(ref: ParsedImageRef, resolve: EntryResolver): BaseResolution {
  const info = resolveBaseImage({ registry: ref.registry ?? undefined, repository: ref.repository, tag: ref.tag ?? undefined, digest: ref.digest ?? undefined });
  if (!info) return { ok: false, reason: 'dockwise has no data for this image' };
  const mismatch = familyMismatch(ref, info);
  if (mismatch) return { ok: false, reason: mismatch };
  return { ok: true, base: knownBase(info, ref, resolve) };
}

/**
 * KnownBase objects per resolved image and identity tokens (the only part of the reference they
 * depend on). The knowledge module hands out the same immutable BaseImageInfo for the same
 * reference, so the WeakMap is a cache freed with the data, not state; it also keeps each
 * KnownBase's provider answers from one Dockerfile to the next.
 */
const knownBaseCache = new WeakMap<BaseImageInfo, Map<string, KnownBase>>();

export function knownBase(info: BaseImageInfo, ref: ParsedImageRef, resolve: EntryResolver): KnownBase {
  const tokens = identityTokens(info, ref);
  let byTokens = knownBaseCache.get(info);
  if (!byTokens) {
    byTokens = new Map();
    knownBaseCache.set(info, byTokens);
  }
  const key = tokens.join('\u0000');
  const hit = byTokens.get(key);
  if (hit) return hit;
  const made = makeKnownBase(info, tokens, resolve);
  byTokens.set(key, made);
  return made;
}

function makeKnownBase(info: BaseImageInfo, tokens: readonly string[], resolve: EntryResolver): KnownBase {
  const chain = info.chain.map((id) => resolve(id));
  const root = chain[chain.length - 1] ?? null;
  const repoOf = (id: string): string => (id.lastIndexOf(':') > id.lastIndexOf('/') ? id.slice(0, id.lastIndexOf(':')) : id);
  const topRepo = repoOf(info.chain[0] ?? info.id);
  // First entry below the image's own repository (buildpack-deps, debian ...): what the image itself added is the difference.
  const belowIndex = info.chain.findIndex((id) => repoOf(id) !== topRepo);
  const below = belowIndex >= 0 ? (chain[belowIndex] ?? null) : null;
  const related = (name: string): boolean => tokens.some((t) => name.startsWith(t));
  const cache = new Map<string, BaseProvider | null>();
  // The image's packages that ship a program: read backwards per program when the data is one
  // package table, else (no release) from the whole list up front.
  const family = info.packageFamily;
  const backwards = family ? commandProvidersIn(family, info.packages, info.packageRelease ?? undefined) : null;
  const providersOf = backwards ?? ((command: string): readonly string[] => imageProviders(info).get(command) ?? []);
  const busybox = resolve('busybox:latest');
  const provider = (command: string): BaseProvider | null => {
    const hit = cache.get(command);
    if (hit !== undefined) return hit;
    let out: BaseProvider | null = null;
    if (info.commands.has(command)) {
      const pkgs = [...providersOf(command)].sort();
      const pkg = pkgs.find((p) => p === command) ?? (pkgs.length > 0 && info.packages.includes(command) ? command : (pkgs[0] ?? null));
      let introducedBy: string | null = null;
      for (let j = chain.length - 1; j >= 0; j--) {
        if (chain[j]?.commands.has(command)) {
          introducedBy = info.chain[j] ?? null;
          break;
        }
      }
      if (chain.length <= 1 || (root && root.commands.has(command))) out = { tier: 'system', package: pkg, introducedBy };
      else if (related(command) || (pkg !== null && related(pkg))) out = { tier: 'image', package: pkg, introducedBy };
      else if (pkg === null && (below === null || !below.commands.has(command))) out = { tier: 'image', package: pkg, introducedBy };
      else out = { tier: 'layer', package: pkg, introducedBy };
    }
    cache.set(command, out);
    return out;
  };
  const standard = new Set([...info.path, '/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);
  return {
    info,
    provider,
    related,
    hasPath: (path) => commandProvidersInImage(info, path),
    onPath: (path) => standard.has(path.slice(0, Math.max(1, path.lastIndexOf('/')))),
    busyboxApplets: busybox ? busybox.commands : new Set<string>(),
  };
}
