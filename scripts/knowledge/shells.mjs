#!/usr/bin/env node
// Busybox applet lists and shell builtins, from sources fetched with apt (Debian source packages) and the
// docker-library/busybox builder Dockerfiles in the corpus.
//
//   busybox:<1.37> image applets: upstream busybox = Debian's busybox_<ver>.orig.tar.bz2 (sha256 checked against
//     BUSYBOX_SHA256 in docker-library/busybox's Dockerfile.builder), `make defconfig` + the builder's
//     setConfs/unsetConfs, then every `//applet:` line of the source whose CONFIG_ symbols are enabled
//     (name + install directory). Cross-checked against `./busybox --list` of a real build (glibc variant).
//   Alpine's busybox: Alpine's busyboxconfig (scripts/knowledge/sources/alpine/busyboxconfig, see PROVENANCE there)
//     applied to the same source with `make oldconfig` (new options take their defaults) -> approximate.
//   bash builtins/keywords: `compgen -b` / `compgen -k` of the bash binary from the Debian package.
//   dash builtins/keywords: src/builtins.def.in and src/mktokens of Debian's dash source package.
//   busybox ash builtins: `busybox ash -c help` of the real build; keywords: tokname_array in shell/ash.c.
//
//   node scripts/knowledge/shells.mjs [--out FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { aptDebianUris, cacheDir, log, parseArgs, SCRIPT_DIR, sharedDirs, walkFiles, writeJson } from './lib.mjs';

const sh = (cmd, opts = {}) => execFileSync('bash', ['-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });

function sourceRoot(suites) {
  const { mirror } = aptDebianUris();
  const root = cacheDir('src-apt');
  for (const d of ['etc/apt/sources.list.d', 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial', 'var/lib/dpkg', 'etc/apt/apt.conf.d', 'etc/apt/preferences.d'])
    fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(`${root}/var/lib/dpkg/status`, '');
  fs.writeFileSync(`${root}/apt.conf`, `Dir "${root}/";\nDir::State::status "${root}/var/lib/dpkg/status";\nDir::Etc::trusted "/etc/apt/trusted.gpg";\nDir::Etc::trustedparts "/etc/apt/trusted.gpg.d/";\nAPT::Architecture "amd64";\nAcquire::Languages "none";\n`);
  fs.writeFileSync(`${root}/etc/apt/sources.list.d/d.sources`, `Types: deb deb-src\nURIs: ${mirror}\nSuites: ${suites.join(' ')}\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`);
  const env = { ...process.env, APT_CONFIG: `${root}/apt.conf`, DEBIAN_FRONTEND: 'noninteractive' };
  log('apt-get update (deb-src, private root)');
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return env;
}

/** apt-get source --download-only NAME=VERSION into dir; returns [version, files]. */
function fetchSource(env, dir, name, versionFilter = () => true) {
  const versions = sh(`apt-cache showsrc ${name} | awk '/^Version:/{print $2}'`, { env }).trim().split('\n').filter(Boolean);
  const v = versions.find(versionFilter);
  if (!v) throw new Error(`no source version of ${name} matches`);
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.readdirSync(dir).some(f => f.endsWith('.dsc') && f.includes(v.replace(/^\d+:/, ''))))
    execFileSync('apt-get', ['source', '--download-only', '-qq', `${name}=${v}`], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return v;
}

function readBuilder(file) {
  const text = fs.readFileSync(file, 'utf8');
  const version = /^ENV BUSYBOX_VERSION (\S+)/m.exec(text)?.[1];
  const sha256 = /^ENV BUSYBOX_SHA256 (\S+)/m.exec(text)?.[1];
  // the CONFIG_ setConfs/unsetConfs block(s) (uclibc's first block is buildroot's BR2_ settings)
  const set = [], unset = [];
  for (const m of text.matchAll(/setConfs='([\s\S]*?)';/g)) for (const c of m[1].matchAll(/^\s*(CONFIG_[A-Z0-9_]+=\S+?)\s*\\?$/gm)) set.push(c[1]);
  for (const m of text.matchAll(/unsetConfs='([\s\S]*?)';/g)) for (const c of m[1].matchAll(/^\s*(CONFIG_[A-Z0-9_]+)\s*\\?$/gm)) unset.push(c[1]);
  return { version, sha256, set, unset };
}

function readConfig(file) {
  const on = new Set();
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^(CONFIG_[A-Z0-9_]+)=(.*)$/gm)) if (m[2] !== 'n') on.add(m[1].slice(7));
  return on;
}

const DIRS = { BB_DIR_ROOT: '/', BB_DIR_BIN: '/bin', BB_DIR_SBIN: '/sbin', BB_DIR_USR_BIN: '/usr/bin', BB_DIR_USR_SBIN: '/usr/sbin' };
/** every `//applet:` declaration in the source: { name, dir, conds: [CONFIG symbols that must be on] } */
function appletDecls(srcDir) {
  const decls = [];
  const files = walkFiles(srcDir).filter(f => f.endsWith('.c') && !f.includes('/scripts/'));
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^\/\/applet:(.*)$/gm)) {
      const line = m[1].trim();
      const at = line.search(/APPLET(?:_NOEXEC|_NOFORK|_ODDNAME|_SCRIPTED)?\(/);
      const conds = [...line.slice(0, at < 0 ? line.length : at).matchAll(/\bIF_([A-Z0-9_]+)\(/g)].map(x => x[1]);
      const a = /APPLET(?:_NOEXEC|_NOFORK|_ODDNAME|_SCRIPTED)?\(\s*([^,\s)]+)\s*,(.*)\)/.exec(line);
      if (!a) continue;
      const dir = /\b(BB_DIR_[A-Z_]+)\b/.exec(a[2])?.[1];
      decls.push({ name: a[1].replace(/^"|"$/g, ''), dir: DIRS[dir] || '/bin', conds });
    }
  }
  return decls;
}
const appletsFor = (decls, on) => {
  const out = new Map();
  for (const d of decls) if (d.conds.every(c => on.has(c))) out.set(d.name, d.dir);
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, dir]) => ({ name, dir }));
};

function configure(srcDir, outDir, { base, set = [], unset = [], seds = [] }) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  if (base === 'defconfig') sh(`make -s -C "${srcDir}" O="${outDir}" defconfig >/dev/null`);
  else fs.copyFileSync(base, path.join(outDir, '.config'));
  const cfgFile = path.join(outDir, '.config');
  let cfg = fs.readFileSync(cfgFile, 'utf8');
  for (const [re, rep] of seds) cfg = cfg.replace(re, rep);
  for (const n of unset) cfg = cfg.replace(new RegExp(`^${n}=.*$`, 'm'), `# ${n} is not set`);
  for (const nv of set) {
    const n = nv.slice(0, nv.indexOf('='));
    const before = cfg;
    cfg = cfg.replace(new RegExp(`^${n}=.*$`, 'm'), nv).replace(new RegExp(`^# ${n} is not set$`, 'm'), nv);
    if (cfg === before && !cfg.includes(`\n${nv}\n`)) cfg += `${nv}\n`;
  }
  fs.writeFileSync(cfgFile, cfg);
  // new options (an older config on newer source) take their default answers
  sh(`yes '' | make -s -C "${srcDir}" O="${outDir}" oldconfig >/dev/null 2>&1; true`);
  return readConfig(cfgFile);
}

export function shells() {
  const { corpus } = sharedDirs(parseArgs());
  const work = cacheDir('shells');
  const env = sourceRoot(['bookworm', 'trixie']);
  const result = { busybox: {}, builtins: {}, meta: { warnings: [] } };

  // ---------- busybox ----------
  const builders = {};
  for (const f of fs.readdirSync(path.join(corpus, 'docker-library__busybox')).filter(f => f.endsWith('Dockerfile.builder'))) {
    const b = readBuilder(path.join(corpus, 'docker-library__busybox', f));
    const variant = /__(glibc|musl|uclibc)__/.exec(f)?.[1];
    (builders[b.version] ||= {})[variant] = { ...b, file: `docker-library/busybox:${f.replace(/__/g, '/')}` };
  }
  const bbDir = path.join(work, 'busybox-src');
  let srcVersion = null;
  for (const version of Object.keys(builders).sort().reverse()) {
    try {
      const v = fetchSource(env, bbDir, 'busybox', x => x.includes(`:${version}-`) || x.startsWith(`${version}-`));
      const tarball = fs.readdirSync(bbDir).find(f => f.startsWith(`busybox_${version}.orig.tar`));
      const got = crypto.createHash('sha256').update(fs.readFileSync(path.join(bbDir, tarball))).digest('hex');
      const want = Object.values(builders[version])[0].sha256;
      if (got !== want) { result.meta.warnings.push(`busybox ${version}: Debian orig tarball sha256 ${got} != BUSYBOX_SHA256 ${want}`); continue; }
      srcVersion = { version, debianSource: v, sha256: got };
      break;
    } catch (e) { result.meta.warnings.push(`busybox ${version}: not in the Debian archive (${String(e.message).slice(0, 100)})`); }
  }
  if (!srcVersion) throw new Error('no busybox version of the docker-library builders is available as a Debian source');
  const src = path.join(work, `busybox-${srcVersion.version}`);
  if (!fs.existsSync(path.join(src, 'Makefile'))) {
    fs.mkdirSync(src, { recursive: true });
    sh(`tar -xf "${bbDir}"/busybox_${srcVersion.version}.orig.tar.* -C "${src}" --strip-components=1`);
  }
  log(`busybox ${srcVersion.version}: source verified against the docker-library builder checksum`);
  const decls = appletDecls(src);
  const image = {};
  for (const [variant, b] of Object.entries(builders[srcVersion.version])) {
    const on = configure(src, path.join(work, `cfg-${variant}`), { base: 'defconfig', set: b.set, unset: b.unset });
    image[variant] = { builder: b.file, applets: appletsFor(decls, on) };
    log(`busybox ${srcVersion.version} ${variant}: ${image[variant].applets.length} applets`);
  }
  // real build of the glibc variant: cross-check the applet list, and list ash's builtins
  const gl = path.join(work, 'cfg-glibc');
  const build = spawnSync('bash', ['-c', `make -s -C "${src}" O="${gl}" -j"$(nproc)" busybox >/dev/null 2>&1`]);
  if (build.status === 0) {
    const listed = sh(`"${gl}/busybox" --list`).trim().split('\n').sort();
    const parsed = image.glibc.applets.map(a => a.name).filter(n => n !== 'busybox');
    const diff = [...listed.filter(x => !parsed.includes(x)).map(x => `+${x}`), ...parsed.filter(x => !listed.includes(x)).map(x => `-${x}`)];
    if (diff.length) result.meta.warnings.push(`busybox --list differs from parsed applets: ${diff.join(' ')}`);
    const help = sh(`"${gl}/busybox" ash -c help 2>&1; true`);
    const words = help.split('\n').filter(l => /^\s/.test(l)).join(' ').trim().split(/\s+/).filter(Boolean);
    result.builtins.ash = { builtins: words.sort(), how: `\`busybox ash -c help\` of busybox ${srcVersion.version} built with docker-library's glibc config` };
  } else result.meta.warnings.push('busybox build failed; ash builtins not listed');
  const ashc = fs.readFileSync(path.join(src, 'shell/ash.c'), 'utf8');
  // keywords: the strings of tokname_array after `#define KWDOFFSET` (BASH_FUNCTION is on in these configs)
  const tok = /tokname_array\[\][^{]*\{([\s\S]*?)\};/.exec(ashc)?.[1] || '';
  const kw = tok.slice(Math.max(0, tok.indexOf('KWDOFFSET')));
  result.builtins.ash.keywords = [...kw.matchAll(/^\s*"([^"]+)",?\s*$/gm)].map(m => m[1]).sort();
  result.busybox = { version: srcVersion.version, debianSource: srcVersion.debianSource, sha256: srcVersion.sha256, image };

  // Alpine's busybox (approximate: Alpine's own config is only available at an older commit)
  const alpineCfg = path.join(SCRIPT_DIR, 'sources', 'alpine', 'busyboxconfig');
  if (fs.existsSync(alpineCfg)) {
    const on = configure(src, path.join(work, 'cfg-alpine'), { base: alpineCfg, seds: [[/^CONFIG_EXTRA_COMPAT=y$/m, '# CONFIG_EXTRA_COMPAT is not set']] });
    const provenance = fs.readFileSync(path.join(SCRIPT_DIR, 'sources', 'alpine', 'PROVENANCE.md'), 'utf8');
    result.busybox.alpine = { applets: appletsFor(decls, on), config: /^- commit: `?([0-9a-f]+)/m.exec(provenance)?.[1] || 'see PROVENANCE.md', configVersion: /Busybox version: (\S+)/.exec(fs.readFileSync(alpineCfg, 'utf8'))?.[1] };
    log(`alpine busybox (approximate): ${result.busybox.alpine.applets.length} applets`);
  }

  // ---------- bash ----------
  const bashDeb = path.join(work, 'bash-deb');
  fs.rmSync(bashDeb, { recursive: true, force: true });
  fs.mkdirSync(bashDeb, { recursive: true });
  execFileSync('apt-get', ['download', '-qq', 'bash/trixie'], { cwd: bashDeb, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const debFile = fs.readdirSync(bashDeb).find(f => f.endsWith('.deb'));
  sh(`dpkg-deb -x "${bashDeb}/${debFile}" "${bashDeb}/root"`);
  let bashBin = path.join(bashDeb, 'root', 'bin', 'bash');
  if (!fs.existsSync(bashBin)) bashBin = path.join(bashDeb, 'root', 'usr', 'bin', 'bash');
  let how = `compgen -b / compgen -k of bash from ${debFile}`;
  let bashVersion = /bash_([^_]+)_/.exec(debFile)?.[1];
  let run = spawnSync(bashBin, ['--norc', '-c', 'compgen -b; echo ---; compgen -k'], { encoding: 'utf8' });
  if (run.status !== 0) { // trixie's bash may need a newer libc than the build machine has: fall back to the host's bash package
    const hostV = sh("dpkg-query -W -f='${Version}' bash");
    how = `compgen -b / compgen -k of the build machine's bash ${hostV} (the trixie binary did not run here)`;
    bashVersion = hostV;
    run = spawnSync('bash', ['--norc', '-c', 'compgen -b; echo ---; compgen -k'], { encoding: 'utf8' });
  }
  const [b, k] = run.stdout.split('---\n');
  result.builtins.bash = { builtins: b.trim().split('\n').sort(), keywords: k.trim().split('\n').sort(), how };

  // ---------- dash ----------
  const dashDir = path.join(work, 'dash-src');
  const dv = fetchSource(env, dashDir, 'dash', () => true);
  const dsrc = path.join(work, 'dash');
  fs.rmSync(dsrc, { recursive: true, force: true });
  fs.mkdirSync(dsrc, { recursive: true });
  const orig = fs.readdirSync(dashDir).find(f => /^dash_.*\.orig\.tar/.test(f) && f.includes(dv.replace(/^\d+:/, '').replace(/-[^-]+$/, '')));
  sh(`tar -xf "${dashDir}/${orig}" -C "${dsrc}" --strip-components=1`);
  const def = fs.readFileSync(path.join(dsrc, 'src', 'builtins.def.in'), 'utf8');
  // Debian builds dash with JOBS on and without libedit (SMALL), as upstream's default
  const builtins = new Set();
  let skip = false;
  for (const line of def.split('\n')) {
    const t = line.trim();
    if (/^#if(n?def)?\b/.test(t)) { skip = /^#ifdef\s+SMALL|^#if\s+!?\s*0\b/.test(t) ? true : /^#ifndef\s+SMALL/.test(t) ? true : skip; continue; }
    if (/^#endif/.test(t)) { skip = false; continue; }
    if (!t || t.startsWith('#') || t.startsWith('/*') || t.startsWith('*') || skip) continue;
    const words = t.split(/\s+/).slice(1);
    for (const w of words) if (!w.startsWith('-')) builtins.add(w);
  }
  const mktokens = fs.readFileSync(path.join(dsrc, 'src', 'mktokens'), 'utf8');
  // token table: keywords start at TNOT (dash's KWDOFFSET) and are the quoted ones
  const toks = [...mktokens.matchAll(/^(T\w+)\s+[01]\s+(.+)$/gm)];
  const kwStart = toks.findIndex(m => m[1] === 'TNOT');
  const keywords = toks.slice(kwStart).map(m => m[2].trim().replace(/^"|"$/g, ''));
  result.builtins.dash = { builtins: [...builtins].sort(), keywords: keywords.sort(), how: `src/builtins.def.in and src/mktokens of Debian source package dash ${dv} (JOBS on, SMALL/libedit parts skipped)` };
  result.meta.versions = { busybox: srcVersion.version, dash: dv, bash: bashVersion };
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  writeJson(args.out || path.join(cacheDir(), 'shells.json'), shells());
}
