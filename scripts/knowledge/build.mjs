#!/usr/bin/env node
// Regenerates everything in data/knowledge/ (see scripts/knowledge/README.md).
//
//   node scripts/knowledge/build.mjs [--reuse] [--shared DIR] [--no-alternatives]
//
// --reuse: reuse the intermediate results of the slow steps (Debian suites, busybox/shells) from the cache
//          directory (~/.cache/dockwise-knowledge, or $DOCKWISE_KNOWLEDGE_CACHE) when they exist.
// Needs root, apt, debootstrap, dpkg-dev tools, gcc/make/bzip2 (busybox config), and a reachable Debian mirror.
import fs from 'node:fs';
import path from 'node:path';
import { corpusPackages } from './corpus-packages.mjs';
import { debianSuite } from './debian.mjs';
import { distroless } from './distroless.mjs';
import { analyzeImages, DISTROS, OFFICIAL, splitTag } from './images.mjs';
import { repoInfo } from './repo-info.mjs';
import { shells } from './shells.mjs';
import { cacheDir, DATA_DIR, log, parseArgs, readJson, sharedDirs, uniqSorted, writeJson } from './lib.mjs';

const args = parseArgs();
const dirs = sharedDirs(args);
const generatedAt = new Date().toISOString().slice(0, 10);
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SUITES = ['bookworm', 'trixie'];
// Debian suites without generated data map to the nearest one that has data (flagged approximate)
const NEAREST_SUITE = { bullseye: 'bookworm', buster: 'bookworm', stretch: 'bookworm', oldoldstable: 'bookworm', forky: 'trixie', sid: 'trixie', unstable: 'trixie', testing: 'trixie', experimental: 'trixie', 'rc-buggy': 'trixie' };
// Ubuntu releases: packages from repo-info; package -> commands/deps through the nearest Debian suite (approximate)
const UBUNTU = { '22.04': { codename: 'jammy', debian: 'bookworm' }, '24.04': { codename: 'noble', debian: 'trixie' } };
const cached = (name, fn) => {
  const f = path.join(cacheDir(), name);
  if (args.reuse && fs.existsSync(f)) { log(`reusing ${f}`); return readJson(f); }
  const v = fn();
  writeJson(f, v);
  return v;
};

// ---------- 1. inputs that are cheap to parse ----------
const corpusApt = corpusPackages(dirs.corpus, 'apt');
const corpusApk = corpusPackages(dirs.corpus, 'apk');
const raw = analyzeImages(dirs);
const dl = distroless(dirs);
const ri = repoInfo(path.join(dirs.sources, 'repo-info'));
log(`corpus: ${corpusApt.size} apt names, ${corpusApk.size} apk names; repo-info reports: ${Object.keys(ri).length}`);

const imageApt = new Set(), imageApk = new Set();
for (const es of Object.values(raw.repos)) for (const e of es) {
  for (const p of e.analysis?.apt || []) imageApt.add(p);
  for (const p of e.analysis?.apk || []) imageApk.add(p);
}
const ubuntuNames = { bookworm: [], trixie: [] };
for (const [ver, u] of Object.entries(UBUNTU)) ubuntuNames[u.debian].push(...Object.keys(ri[`ubuntu:${ver}`]?.dpkg || {}));
const alpineNames = new Set([...corpusApk.keys(), ...imageApk]);
for (const r of Object.values(ri)) for (const n of Object.keys(r.apk || {})) alpineNames.add(n);

// ---------- 2. Debian suites (slow: apt indexes, debootstrap, .deb maintainer scripts) ----------
const suites = {};
for (const suite of SUITES) {
  const distro = suite === 'bookworm' ? 'debian12' : 'debian13';
  const roots = [...corpusApt.keys(), ...imageApt, ...Object.values(dl.images).filter(i => i.distro === distro).flatMap(i => i.packages)];
  const lookup = [...ubuntuNames[suite], ...(suite === 'trixie' ? alpineNames : [])];
  suites[suite] = cached(`debian-${suite}.json`, () => debianSuite({ suite, roots, lookup, alternatives: !args['no-alternatives'] }));
}
const sh = cached('shells.json', () => shells());

// ---------- 3. debian-packages.json ----------
// one group per dependency (Debian lists versioned ranges as two groups: dirmngr (>= a), dirmngr (<< b))
const enc = groups => [...new Map(groups.map(g => [g.join('|'), g.length === 1 ? g[0] : g])).values()];
const debOut = { suites: {}, packages: {} };
for (const suite of SUITES) {
  const s = suites[suite];
  const pk = {};
  for (const [n, p] of Object.entries(s.packages)) {
    const o = {};
    if (p.c.length) o.c = p.c;
    if (p.d.length) o.d = enc(p.d);
    if (p.r.length) o.r = enc(p.r);
    pk[n] = o;
  }
  // virtual names: only those that a selected package depends on / recommends, or that the corpus installs
  const referenced = new Set(Object.keys(s.meta.virtualRoots));
  for (const p of Object.values(s.packages)) for (const g of [...p.d, ...p.r]) for (const a of g) if (!s.packages[a]) referenced.add(a);
  const virtual = Object.fromEntries(Object.entries(s.virtual).filter(([v]) => referenced.has(v)));
  debOut.suites[suite] = { version: s.meta.version, codename: s.meta.codename, releaseDate: s.meta.releaseDate, packages: pk, virtual, minbase: s.minbase };
}
delete debOut.packages;
const debSource = {
  description: 'Debian archive via apt (private APT root): Packages (Depends/Pre-Depends -> d, Recommends -> r, Provides -> virtual), main/Contents-amd64 + Contents-all (commands in bin, sbin, usr/bin, usr/sbin -> c), update-alternatives links from each package\'s postinst; minbase from debootstrap --print-debs --variant=minbase',
  selection: 'packages installed anywhere in the Dockerfile corpus or by the official images analysed, the distroless package sets, debootstrap minbase, closed over Depends+Recommends',
  generator: 'scripts/knowledge/build.mjs (debian.mjs)',
  generatedAt,
  suites: Object.fromEntries(SUITES.map(s => [s, { version: suites[s].meta.version, releaseDate: suites[s].meta.releaseDate, inReleaseSha256: suites[s].meta.inReleaseSha256, debootstrap: suites[s].meta.debootstrap, archivePackages: suites[s].meta.archivePackages, selected: Object.keys(suites[s].packages).length, warnings: suites[s].meta.warnings, unknownNames: suites[s].meta.unknownRoots }])),
};
writeDebianData(debSource, debOut.suites);

/**
 * debian-packages.json holds each suite's facts (version, codename, release date, minbase) and the
 * name of the file with its packages, debian-packages-SUITE.json (packages and virtual names), so
 * that dockwise reads only the suite an image is on (src/knowledge/index.ts).
 */
function writeDebianData(source, bySuite) {
  const suitesOut = {};
  for (const [suite, s] of Object.entries(bySuite)) {
    const packagesFile = `debian-packages-${suite}.json`;
    writeJson(path.join(DATA_DIR, packagesFile), {
      source: { description: `Packages and virtual package names of Debian ${suite}; how they were made: the "source" of debian-packages.json`, generator: source.generator, generatedAt: source.generatedAt },
      suite,
      packages: s.packages,
      virtual: s.virtual,
    });
    suitesOut[suite] = { version: s.version, codename: s.codename, releaseDate: s.releaseDate, minbase: s.minbase, packagesFile };
  }
  writeJson(path.join(DATA_DIR, 'debian-packages.json'), { source, suites: suitesOut });
}

// helpers over the suite data
function suiteApi(suite) {
  const s = suites[suite];
  const real = n => (s.packages[n] ? n : (s.virtual[n] || [])[0]);
  const cmds = n => s.packages[real(n)]?.c || s.lookup?.[n]?.c || [];
  function closure(start, withRecs) {
    const seen = new Set();
    const queue = [];
    for (const n of start) { const r = real(n); if (r && !seen.has(r)) { seen.add(r); queue.push(r); } }
    const sat = a => seen.has(a) || (s.virtual[a] || []).some(x => seen.has(x));
    while (queue.length) {
      const p = s.packages[queue.shift()];
      for (const g of withRecs ? [...p.d, ...p.r] : p.d) {
        if (g.some(sat)) continue;
        const pick = g.map(real).find(Boolean);
        if (pick && !seen.has(pick)) { seen.add(pick); queue.push(pick); }
      }
    }
    return seen;
  }
  return { real, cmds, closure, has: n => !!real(n) };
}
const api = Object.fromEntries(SUITES.map(s => [s, suiteApi(s)]));

// ---------- 4. alpine-packages.json (approximate) ----------
const alpineApplets = sh.busybox.alpine?.applets || sh.busybox.image.musl.applets;
const alpineBusyboxHow = sh.busybox.alpine ? `Alpine busyboxconfig (aports ${sh.busybox.alpine.config}, busybox ${sh.busybox.alpine.configVersion}) applied to busybox ${sh.busybox.version} source` : `docker-library musl defconfig of busybox ${sh.busybox.version} (Alpine's own config not available)`;
const alpinePk = {};
for (const n of [...alpineNames].sort()) {
  if (n === 'busybox') { alpinePk[n] = { c: alpineApplets.map(a => a.name).concat('busybox').sort(), how: 'busybox' }; continue; }
  const l = suites.trixie.lookup[n];
  alpinePk[n] = l && l.c.length ? { c: l.c, how: 'debian-name' } : { how: l ? 'debian-name' : 'unknown' };
}
writeJson(path.join(DATA_DIR, 'alpine-packages.json'), {
  source: {
    description: 'APPROXIMATE. Alpine package indexes are not reachable from the generator machines. Package names come from the corpus (apk add), the official images\' Dockerfiles and docker-library/repo-info reports. Commands: busybox = ' + alpineBusyboxHow + '; every other name = the commands of the Debian trixie package with the same name (how: "debian-name"), or none known (how: "unknown"). Dependencies are not known (no APKINDEX).',
    generator: 'scripts/knowledge/build.mjs', generatedAt, busybox: sh.busybox.version, debianSuiteForNames: 'trixie ' + suites.trixie.meta.version,
  },
  packages: alpinePk,
});
const alpineCmds = n => alpinePk[n]?.c || [];

// ---------- 5. builtins.json ----------
writeJson(path.join(DATA_DIR, 'builtins.json'), {
  source: {
    bash: sh.builtins.bash.how, dash: sh.builtins.dash.how, ash: `${sh.builtins.ash.how}; keywords from tokname_array in shell/ash.c`,
    versions: sh.meta.versions, generator: 'scripts/knowledge/build.mjs (shells.mjs)', generatedAt,
  },
  shells: { bash: { builtins: sh.builtins.bash.builtins, keywords: sh.builtins.bash.keywords }, dash: { builtins: sh.builtins.dash.builtins, keywords: sh.builtins.dash.keywords }, ash: { builtins: sh.builtins.ash.builtins, keywords: sh.builtins.ash.keywords } },
});

// ---------- 6. images.json ----------
const bases = {};
const riMeta = r => ({ cmd: r.command ? JSON.parse(r.command) : null, entrypoint: r.entrypoint ? JSON.parse(r.entrypoint) : null, path: r.path || DEFAULT_PATH });
for (const suite of SUITES) {
  const s = suites[suite];
  bases[`debian:${suite}`] = {
    family: 'debian', release: suite, version: s.meta.version, packages: s.minbase, commands: uniqSorted(s.minbase.flatMap(api[suite].cmds)),
    shell: '/bin/sh', shellKind: 'dash', path: DEFAULT_PATH, cmd: ['bash'], confidence: 'exact',
    source: `debootstrap --print-debs --variant=minbase ${suite} (Debian ${s.meta.version}); = debuerreotype's debian:${suite} and :${suite}-slim package set`,
  };
}
for (const [ver, u] of Object.entries(UBUNTU)) {
  const r = ri[`ubuntu:${ver}`];
  if (!r) continue;
  const names = Object.keys(r.dpkg).sort();
  bases[`ubuntu:${ver}`] = {
    family: 'ubuntu', release: ver, codename: u.codename, packages: names, commands: uniqSorted(names.flatMap(api[u.debian].cmds)),
    shell: '/bin/sh', shellKind: 'dash', ...riMeta(r), confidence: 'approximate',
    source: `packages: ${r.source}; commands: Debian ${u.debian} packages of the same names (approximate)`,
  };
}
for (const [key, r] of Object.entries(ri)) {
  if (!key.startsWith('alpine:')) continue;
  const release = /^alpine:(\d+\.\d+)/.exec(key)[1];
  const names = Object.keys(r.apk).sort();
  bases[`alpine:${release}`] = {
    family: 'alpine', release, version: key.slice(7), packages: names, commands: uniqSorted(names.flatMap(alpineCmds)),
    shell: '/bin/sh', shellKind: 'ash', ...riMeta(r), confidence: 'approximate',
    source: `packages: ${r.source}; commands: ${alpineBusyboxHow} + Debian names (approximate)`,
  };
}
const alpineReleases = Object.keys(bases).filter(k => k.startsWith('alpine:')).map(k => k.slice(7)).sort((a, b) => +a.split('.')[1] - +b.split('.')[1]);
const nearestAlpine = rel => { if (bases[`alpine:${rel}`]) return rel; const m = /^3\.(\d+)$/.exec(rel || ''); if (!m) return alpineReleases.at(-1); return alpineReleases.reduce((best, r) => (Math.abs(+r.split('.')[1] - +m[1]) < Math.abs(+best.split('.')[1] - +m[1]) ? r : best)); };
// Alpine: commands that official Dockerfiles FROM alpine:X run before installing anything (e.g. `apk`) are in the
// base image (evidence; Alpine's package file lists are not reachable)
for (const es of Object.values(raw.repos)) for (const e of es) {
  const m = /^alpine:(\d+\.\d+)/.exec(e.analysis?.from || '');
  const b = m && bases[`alpine:${nearestAlpine(m[1])}`];
  if (!b) continue;
  for (const c of e.analysis.preInstall) if (!b.commands.includes(c)) { b.commands.push(c); (b.evidence ||= {})[c] ||= `run before any install by ${e.dockerfile.upstream.split(' ')[0]}`; }
  b.commands.sort();
}
for (const [variant, v] of Object.entries(sh.busybox.image)) {
  bases[`busybox:${sh.busybox.version.replace(/\.\d+$/, '')}-${variant}`] = {
    family: 'busybox', release: sh.busybox.version, packages: [], commands: v.applets.map(a => a.name).concat('busybox').sort(),
    shell: '/bin/sh', shellKind: 'ash', path: DEFAULT_PATH, cmd: ['sh'], confidence: 'exact',
    source: `busybox ${sh.busybox.version} (Debian source, sha256 ${sh.busybox.sha256.slice(0, 16)}… = BUSYBOX_SHA256 of ${v.builder}) configured like the builder; applets from the source's //applet: declarations`,
  };
}
bases.scratch = { family: 'scratch', release: null, packages: [], commands: [], shell: null, path: DEFAULT_PATH, cmd: null, confidence: 'exact', source: 'empty image' };
for (const [name, img] of Object.entries(dl.images)) {
  const suite = img.distro === 'debian12' ? 'bookworm' : 'trixie';
  bases[`distroless:${name}`] = {
    family: 'distroless', release: suite, packages: img.packages, commands: uniqSorted([...img.packages.flatMap(api[suite].cmds), ...img.symlinks]),
    shell: null, path: DEFAULT_PATH, cmd: null, entrypoint: img.entrypoint, confidence: 'exact',
    source: `GoogleContainerTools/distroless@${dl.commit.slice(0, 12)} (${dl.date.slice(0, 10)}) ${name.replace(/-debian\d+$/, '')}/config.bzl; commands from the Debian ${suite} packages` + (img.note ? `; ${img.note}` : ''),
  };
}

// repositories -> stanzas [id, tags...]; entries
const repos = {};
const images = {};
function addRepo(name, stanzas) { repos[name] = stanzas.map(s => [s.id, ...s.tags, ...(s.sharedTags || []).filter(t => !s.tags.includes(t))]); }
const riByTag = {};
for (const [k, r] of Object.entries(ri)) riByTag[k] = r;

// variant resolution shared with src/knowledge/index.ts (see README "Resolving an image reference")
// release tokens: codenames used as tags by the debian and ubuntu library files, alpineX.Y, and bare numbers
const releaseNames = uniqSorted([...raw.repos.debian, ...raw.repos.ubuntu].flatMap(s => s.tags).filter(t => /^[a-z][a-z-]*$/.test(t) && !/slim|backports|latest/.test(t))
  .concat(raw.repos.debian.map(s => s.directory.split('/')[0])));
// release token -> distro family, to compare variants across releases (slim-bullseye ~ slim-bookworm, alpine3.18 ~ alpine3.24)
const releaseFamily = {};
for (const s of raw.repos.debian) for (const t of [...s.tags, s.directory.split('/')[0]]) if (releaseNames.includes(t)) releaseFamily[t] = 'debian';
for (const s of raw.repos.ubuntu) for (const t of s.tags) if (releaseNames.includes(t)) releaseFamily[t] = 'ubuntu';
const normKey = k => k.split('-').map(t => (/^alpine\d+\.\d+$/.test(t) ? 'alpine' : releaseFamily[t] || (/^\d+(\.\d+)*$/.test(t) ? '' : t))).filter(Boolean).join('-');
// (same algorithm as resolveTag in src/knowledge/index.ts; keep the two in sync)
const PRERELEASE = /(?:^|[\d.-])(?:rc|ea|beta|alpha)\d*(?=-|$)|^\d{8}$/;
const versionParts = v => v.split(/[._+-]|(?<=\d)u(?=\d)/).map(x => Number.parseInt(x, 10)).filter(n => !Number.isNaN(n));
function versionScore(tagVersion, requested) {
  const pre = PRERELEASE.test(tagVersion) && !PRERELEASE.test(requested) ? -1e5 : 0;
  if (!requested) return pre;
  const a = versionParts(tagVersion), b = versionParts(requested);
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  const full = (k === b.length && a.length >= b.length) || (k === a.length && a.length >= Math.min(2, b.length));
  const dist = a[k] !== undefined && b[k] !== undefined ? Math.min(Math.abs(a[k] - b[k]), 999) : b[k] !== undefined ? 500 : 0;
  return pre + (full ? 1e6 : 0) + k * 1e3 - dist;
}
function resolveTag(repo, tag) {
  const st = repos[repo];
  if (!st) return null;
  const exact = st.find(s => s.slice(1).includes(tag));
  if (exact) return { id: exact[0], match: 'exact' };
  const { version, key } = splitTag(tag);
  const best = (keyOf, want) => {
    let top = null;
    for (const s of st) {
      const tags = s.slice(1).filter(t => keyOf(t) === want);
      if (!tags.length) continue;
      const score = Math.max(...tags.map(t => versionScore(splitTag(t).version, version)));
      if (!top || score > top.score) top = { id: s[0], score };
    }
    return top;
  };
  const hit = best(t => splitTag(t).key, key);
  if (hit) return { id: hit.id, match: 'variant' };
  const approx = best(t => normKey(splitTag(t).key), normKey(key)) || best(t => splitTag(t).key, '');
  return approx ? { id: approx.id, match: 'approximate' } : null;
}

// distro repositories
const debStanzas = raw.repos.debian.map(s => ({ ...s, suite: s.directory.split('/')[0] }));
addRepo('debian', debStanzas);
const suiteAlias = Object.fromEntries(SUITES.map(s => [s, s]));
for (const s of SUITES) { const rel = suites[s].meta; if (rel.version) suiteAlias[rel.version.split('.')[0]] = s; }
suiteAlias.oldstable = 'bookworm'; suiteAlias.stable = 'trixie';
for (const s of debStanzas) {
  const real = suiteAlias[s.suite] || s.suite;
  const data = SUITES.includes(real) ? real : NEAREST_SUITE[real] || 'trixie';
  images[s.id] = { base: `debian:${data}`, release: SUITES.includes(real) ? real : s.suite, confidence: SUITES.includes(real) ? 'exact' : 'approximate', notes: [...(/slim/.test(s.directory) ? ['slim: same packages, documentation removed'] : []), ...(SUITES.includes(real) ? [] : [`no data for ${s.suite}: package set of debian:${data} used`])] };
}
addRepo('ubuntu', raw.repos.ubuntu);
for (const s of raw.repos.ubuntu) {
  const ver = s.tags.find(t => /^\d+\.\d+$/.test(t));
  const data = UBUNTU[ver] ? ver : '24.04';
  images[s.id] = { base: `ubuntu:${data}`, release: ver, confidence: 'approximate', notes: UBUNTU[ver] ? [] : [`no package list for ubuntu ${ver}: ubuntu:${data} used`] };
}
addRepo('alpine', raw.repos.alpine);
for (const s of raw.repos.alpine) {
  const rel = s.tags.map(t => /^(\d+\.\d+)$/.exec(t)?.[1]).find(Boolean) || 'edge';
  const data = nearestAlpine(rel);
  images[s.id] = { base: `alpine:${data}`, release: rel, confidence: 'approximate', notes: data === rel ? [] : [`no package list for alpine ${rel}: alpine:${data} used`] };
}
addRepo('busybox', raw.repos.busybox);
const bbMinor = sh.busybox.version.replace(/\.\d+$/, '');
for (const s of raw.repos.busybox) {
  const variant = /(glibc|musl|uclibc)/.exec(s.directory)?.[1] || 'glibc';
  const ver = s.tags.map(t => /^(\d+\.\d+)/.exec(t)?.[1]).find(Boolean);
  images[s.id] = { base: `busybox:${bbMinor}-${variant}`, release: ver, confidence: ver === bbMinor ? 'exact' : 'approximate', notes: ver === bbMinor ? [] : [`busybox ${ver} is not in the Debian archive: the ${bbMinor} applet list is used`] };
}
repos.scratch = [['scratch', 'latest']];
images.scratch = { base: 'scratch', confidence: 'exact', notes: [] };
for (const name of Object.keys(dl.images)) {
  const repo = `gcr.io/distroless/${name}`;
  repos[repo] = [[`${repo}:latest`, 'latest'], [`${repo}:nonroot`, 'nonroot'], [`${repo}:debug`, 'debug'], [`${repo}:debug-nonroot`, 'debug-nonroot']];
  for (const [id, tag] of repos[repo]) {
    const debug = tag.startsWith('debug');
    images[id] = {
      base: `distroless:${name}`, confidence: 'exact', user: tag.includes('nonroot') ? '65532' : null, notes: [],
      ...(debug ? { addCommands: dl.debug.commands, path: `${DEFAULT_PATH}:${dl.debug.pathAdd}`, shell: `${dl.debug.pathAdd}/sh`, shellKind: 'ash', entrypoint: dl.images[name].entrypoint || dl.debug.entrypoint } : {}),
    };
  }
}
// gcr.io/distroless/<image> without a distro suffix: the newest distro that has it (approximate)
for (const name of new Set(Object.keys(dl.images).map(n => n.replace(/-debian\d+$/, '')))) {
  const newest = Object.keys(dl.images).filter(n => n.replace(/-debian\d+$/, '') === name).sort().at(-1);
  repos[`gcr.io/distroless/${name}`] = repos[`gcr.io/distroless/${newest}`].map(([id, tag]) => [id, tag]);
}

// official images: FROM chain
for (const repo of OFFICIAL) addRepo(repo, raw.repos[repo]);
const byId = new Map(Object.values(raw.repos).flat().map(e => [e.id, e]));
const resolving = new Set();
const full = new Map(); // id -> { family, release, base, packages:Set, commands:Set, path, cmd, entrypoint, user, shell, confidence, notes }
function parseRef(ref) {
  const m = /^(?:docker\.io\/)?(?:library\/)?([^:@]+)(?::([^@]+))?/.exec(ref);
  return { repo: m[1], tag: m[2] || 'latest' };
}
function baseInfo(id) {
  const e = images[id];
  const b = bases[e.base];
  return { family: b.family, release: e.release ?? b.release, base: e.base, packages: new Set(b.packages), commands: new Set([...b.commands, ...(e.addCommands || [])]), path: e.path || b.path, cmd: b.cmd, entrypoint: e.entrypoint ?? b.entrypoint ?? null, user: e.user ?? null, shell: e.shell ?? b.shell, shellKind: e.shellKind || b.shellKind, confidence: e.confidence, notes: [...e.notes], chain: [id] };
}
function infoOf(id) {
  if (full.has(id)) return full.get(id);
  const e = byId.get(id);
  if (!e || DISTROS.includes(id.split(':')[0]) || id === 'scratch') { const v = baseInfo(id); full.set(id, v); return v; }
  if (resolving.has(id)) throw new Error(`FROM cycle at ${id}`);
  resolving.add(id);
  let a = e.analysis, notes = [];
  if (!a) { // no Dockerfile: use the newest sibling stanza with the same variant (other version)
    const key = splitTag(e.tags[0]).key;
    const sibs = raw.repos[id.split(':')[0]].filter(x => x.analysis);
    const sib = sibs.find(x => x.tags.some(t => splitTag(t).key === key)) || sibs.find(x => x.tags.some(t => normKey(splitTag(t).key) === normKey(key)));
    if (!sib) { resolving.delete(id); return null; }
    a = sib.analysis; notes.push(`Dockerfile not available: analysis of ${sib.id} used`);
  }
  const { repo, tag } = parseRef(a.from);
  const pr = resolveTag(repo === 'scratch' ? 'scratch' : repo, tag);
  if (!pr) { resolving.delete(id); return null; }
  const parent = infoOf(pr.id);
  if (!parent) { resolving.delete(id); return null; }
  const me = { ...parent, packages: new Set(parent.packages), commands: new Set(parent.commands), notes: [...parent.notes, ...notes], chain: [id, ...parent.chain] };
  if (pr.match !== 'exact') me.notes.push(`FROM ${a.from} resolved to ${pr.id} (${pr.match})`);
  if (notes.length || pr.match === 'approximate') me.confidence = 'approximate';
  else if (me.confidence === 'exact') me.confidence = 'evidence';
  if (me.family === 'debian' || me.family === 'ubuntu') {
    const suite = me.family === 'debian' ? (SUITES.includes(me.release) ? me.release : NEAREST_SUITE[me.release] || 'trixie') : UBUNTU[bases[me.base].release]?.debian || 'trixie';
    const added = api[suite].closure(a.apt, a.recommends);
    for (const p of added) me.packages.add(p);
    for (const p of a.apt) if (!api[suite].has(p)) { me.packages.add(p); me.notes.push(`package ${p} is not in Debian ${suite} (third-party repository): its commands are unknown`); }
    for (const p of added) for (const c of api[suite].cmds(p)) me.commands.add(c);
  } else if (me.family === 'alpine') {
    for (const p of a.apk) { me.packages.add(p); for (const c of alpineCmds(p)) me.commands.add(c); }
  }
  // real package list of the built image, where docker-library/repo-info has a report for one of the tags
  const report = e.tags.map(t => riByTag[`${repo === 'scratch' ? '' : id.split(':')[0]}:${t}`]).find(Boolean) || Object.entries(ri).find(([k]) => e.tags.some(t => k === `${id.split(':')[0]}:${t}`))?.[1];
  if (report) {
    const names = Object.keys(me.family === 'alpine' ? report.apk : report.dpkg);
    if (names.length) {
      me.packages = new Set([...names]);
      for (const n of names) for (const c of me.family === 'alpine' ? alpineCmds(n) : api[SUITES.includes(me.release) ? me.release : 'trixie'].cmds(n)) me.commands.add(c);
      me.notes.push(`package list from ${report.source}`);
    }
  }
  for (const c of Object.keys(a.evidence)) me.commands.add(c);
  const env = a.env || {};
  if (env.PATH) me.path = env.PATH.replace(/\$\{?PATH\}?/, parent.path);
  if (a.entrypoint) { me.entrypoint = a.entrypoint; me.cmd = null; }
  if (a.cmd) me.cmd = a.cmd;
  if (a.user) me.user = a.user;
  if (a.shell) me.shell = a.shell[0];
  me.parentRef = a.from;
  me.parentId = pr.id;
  me.dockerfile = e.dockerfile?.upstream || null;
  me.evidence = a.evidence;
  resolving.delete(id);
  full.set(id, me);
  return me;
}
let unresolved = [];
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
for (const repo of OFFICIAL) for (const s of raw.repos[repo]) {
  const info = infoOf(s.id);
  if (!info) { unresolved.push(s.id); delete images[s.id]; repos[repo] = repos[repo].filter(x => x[0] !== s.id); continue; }
  const parent = full.get(info.parentId);
  const o = {
    from: info.parentId, fromRef: info.parentRef, confidence: info.confidence,
    addPackages: [...info.packages].filter(p => !parent.packages.has(p)).sort(),
    removePackages: [...parent.packages].filter(p => !info.packages.has(p)).sort(),
    addCommands: [...info.commands].filter(c => !parent.commands.has(c)).sort(),
    dockerfile: info.dockerfile, notes: info.notes.filter(n => !parent.notes.includes(n)),
  };
  for (const k of ['path', 'cmd', 'entrypoint', 'user', 'shell', 'release']) if (!same(info[k], parent[k])) o[k] = info[k] ?? null;
  for (const k of ['addPackages', 'removePackages', 'addCommands', 'notes']) if (!o[k].length) delete o[k];
  images[s.id] = o;
}
if (unresolved.length) log(`unresolved chains: ${unresolved.join(' ')}`);
for (const e of Object.values(images)) { if (e.notes && !e.notes.length) delete e.notes; if (!e.from) for (const k of ['cmd', 'entrypoint', 'user', 'shell', 'release', 'path']) if (e[k] === null || e[k] === undefined) delete e[k]; }
// intern the (often identical) added package/command lists: entries refer to them by index into `lists`
const lists = [];
const listIndex = new Map();
for (const e of Object.values(images)) for (const k of ['addPackages', 'removePackages', 'addCommands']) {
  if (!e[k]) continue;
  const key = JSON.stringify(e[k]);
  if (!listIndex.has(key)) { listIndex.set(key, lists.length); lists.push(e[k]); }
  e[k] = listIndex.get(key);
}
// cross-check: the debian repo-info reports (real images) against debootstrap minbase
const crossChecks = [];
for (const suite of SUITES) {
  const r = ri[`debian:${suite}`];
  if (!r) continue;
  const a = Object.keys(r.dpkg).sort(), b = suites[suite].minbase;
  const only = [...a.filter(x => !b.includes(x)).map(x => `+${x}`), ...b.filter(x => !a.includes(x)).map(x => `-${x}`)];
  crossChecks.push(`debian:${suite}: repo-info ${a.length} packages vs debootstrap minbase ${b.length}: ${only.length ? `differ (${only.join(' ')})` : 'identical'}`);
}

writeJson(path.join(DATA_DIR, 'images.json'), {
  source: {
    description: 'Image reference -> base image facts. Tags and Dockerfile locations: docker-library/official-images library files; Dockerfiles: the Dockerfile corpus (newest commit of each repository) or knowledge-sources/dockerfiles (library GitCommit where available); package lists of built images: docker-library/repo-info; Debian data: debian-packages.json; distroless: GoogleContainerTools/distroless config.bzl; busybox: see builtins/alpine sources.',
    officialImagesCommit: raw.libraryCommit, distrolessCommit: dl.commit, debian: Object.fromEntries(SUITES.map(s => [s, suites[s].meta.version])), busybox: sh.busybox.version,
    repoInfo: Object.fromEntries(Object.entries(ri).map(([k, r]) => [k, r.source])),
    generator: 'scripts/knowledge/build.mjs (images.mjs, distroless.mjs, repo-info.mjs)', generatedAt,
    confidence: 'exact = package lists from the archive/repo-info/distroless config; evidence = + Dockerfile heuristics (apt/apk installs, smoke tests, links, COPY into /usr/local/bin); approximate = nearest release or name-mapped data',
    missingDockerfiles: raw.missing.length, unresolved, crossChecks,
  },
  defaultPath: DEFAULT_PATH,
  releaseFamily, bases, images, repos, lists,
});
log('done');
