#!/usr/bin/env node
// Debian suite knowledge from the real archive, through apt's own client (private APT root), debootstrap and
// dpkg-deb. Adapted from shared/research/knowledge/debian.mjs (see KNOWLEDGE.md there for measurements).
//
//   - debian:<suite> and debian:<suite>-slim package set = `debootstrap --print-debs --variant=minbase`
//     (debuerreotype builds the official images from minbase; slim keeps every package, only drops docs)
//   - package -> commands on PATH = main/Contents-amd64 + main/Contents-all (bin, sbin, usr/bin, usr/sbin),
//     plus update-alternatives links read from each selected package's postinst (awk, which, java, vi, cc ...)
//   - package -> direct Depends (+Pre-Depends), Recommends, Provides = Packages indexes of SUITE, SUITE-updates,
//     SUITE-security (newest version wins)
//
// Library use: debianSuite({ suite, roots, lookup }) -> compact object (see bottom). CLI:
//   node scripts/knowledge/debian.mjs --suite trixie [--packages names.txt] [--out FILE] [--no-alternatives]
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aptDebianUris, cacheDir, cmpDebVersion, log, parseArgs, scrubHosts, writeJson } from './lib.mjs';

const PATH_DIRS = new Set(['bin', 'sbin', 'usr/bin', 'usr/sbin']); // .debs never ship /usr/local

export function debianSuite({ suite, roots = [], lookup = [], alternatives = true, update = true, mirror, security }) {
  const uris = aptDebianUris();
  mirror = (mirror || uris.mirror).replace(/\/$/, '');
  security = (security || uris.security).replace(/\/$/, '');
  if (!mirror || !security) throw new Error('no Debian mirror found in apt sources; pass --mirror URI --security URI');
  const cache = cacheDir(`debian-${suite}`);
  const warnings = [];

  // ---------- 1. private APT root: Packages + Contents for SUITE, SUITE-updates, SUITE-security ----------
  for (const d of ['var/lib/apt/lists/partial', 'var/cache/apt/archives/partial', 'var/lib/dpkg', 'etc/apt/sources.list.d', 'etc/apt/apt.conf.d', 'etc/apt/preferences.d'])
    fs.mkdirSync(path.join(cache, d), { recursive: true });
  fs.writeFileSync(`${cache}/var/lib/dpkg/status`, '');
  const aptConf = `${cache}/apt.conf`;
  fs.writeFileSync(aptConf, `Dir "${cache}/";
Dir::State::status "${cache}/var/lib/dpkg/status";
Dir::Etc::trusted "/etc/apt/trusted.gpg";
Dir::Etc::trustedparts "/etc/apt/trusted.gpg.d/";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
Acquire::Languages "none";
Acquire::IndexTargets::deb::Contents-deb {
  MetaKey "$(COMPONENT)/Contents-$(ARCHITECTURE)";
  ShortDescription "Contents-$(ARCHITECTURE)";
  Description "$(RELEASE)/$(COMPONENT) $(ARCHITECTURE) Contents (deb)";
  KeepCompressed "true";
  DefaultEnabled "false";
};
`);
  fs.writeFileSync(`${cache}/etc/apt/sources.list.d/debian.sources`, `Types: deb
URIs: ${mirror}
Suites: ${suite} ${suite}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${security}
Suites: ${suite}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`);
  const aptEnv = { ...process.env, APT_CONFIG: aptConf, DEBIAN_FRONTEND: 'noninteractive' };
  const listsDir = `${cache}/var/lib/apt/lists`;
  if (update) {
    // two passes: apt rolls back a whole Release's files when one index fails its hash check, so fetch the
    // Packages indexes first, then the big Contents indexes without risking the first pass.
    for (const [label, extra] of [['Packages', []], ['Contents', ['-o', 'Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=true']]]) {
      log(`${suite}: apt-get update (private root): ${label}`);
      const r = spawnSync('apt-get', ['update', '-q', ...extra], { env: aptEnv, encoding: 'utf8' });
      const errs = (r.stderr.match(/^E: .*/gm) || []).map(s => s.slice(0, 200));
      if (r.status !== 0 || errs.length) { warnings.push(...errs.map(e => `apt-get update (${label}): ${e}`)); log(errs.join('\n')); }
    }
  }
  const cat = f => execFileSync('/usr/lib/apt/apt-helper', ['cat-file', f], { maxBuffer: 2 ** 31 - 1, encoding: 'latin1' });
  const lists = fs.readdirSync(listsDir);
  const mainPrefix = `${mirror.replace(/^https?:\/\//, '').replace(/\//g, '_')}_dists_${suite}_`;
  const inRelease = fs.readFileSync(path.join(listsDir, `${mainPrefix}InRelease`), 'utf8');
  const rel = k => (inRelease.match(new RegExp(`^${k}: (.*)$`, 'm')) || [])[1];

  // Contents fallback: apt refuses Contents files whose hash disagrees with InRelease (mirror skew seen for
  // trixie). Then fetch them directly with apt's own downloader and record that they are unverified.
  for (const arch of ['amd64', 'all']) {
    if (lists.some(f => f.startsWith(`${mainPrefix}main_Contents-${arch}`))) continue;
    const dest = path.join(listsDir, `${mainPrefix}main_Contents-${arch}.unverified.gz`);
    if (!fs.existsSync(dest)) {
      log(`${suite}: Contents-${arch} not verified by apt, downloading directly (UNVERIFIED)`);
      execFileSync('/usr/lib/apt/apt-helper', ['download-file', `${mirror}/dists/${suite}/main/Contents-${arch}.gz`, dest], { env: aptEnv });
    }
    const want = inRelease.match(new RegExp(`^ ([0-9a-f]{64}) +\\d+ main/Contents-${arch}\\.gz$`, 'm'));
    const got = crypto.createHash('sha256').update(fs.readFileSync(dest)).digest('hex');
    warnings.push(`main/Contents-${arch}.gz sha256 ${got} ${want && want[1] === got ? 'matches' : 'does NOT match'} InRelease; used unverified`);
    lists.push(path.basename(dest));
  }

  // ---------- 2. Packages: version, priority, deps, recommends, provides ----------
  const pkgs = new Map();
  const parseRel = s => (s || '').split(',')
    .map(g => g.split('|').map(a => a.trim().replace(/\s*\(.*?\)/, '').replace(/\s*\[.*?\]/, '').replace(/\s*<.*?>/g, '').replace(/:(any|native|amd64)$/, '')).filter(Boolean))
    .filter(g => g.length);
  const pkgFiles = lists.filter(f => /_binary-amd64_Packages/.test(f) && !f.includes('.diff'))
    .sort((a, b) => (/updates|security/.test(a) ? 1 : 0) - (/updates|security/.test(b) ? 1 : 0));
  for (const f of pkgFiles) {
    for (const st of cat(path.join(listsDir, f)).split('\n\n')) {
      const fld = {};
      let last;
      for (const line of st.split('\n')) {
        if (/^\s/.test(line)) { if (last) fld[last] += '\n' + line; continue; }
        const i = line.indexOf(':');
        if (i > 0) { last = line.slice(0, i); fld[last] = line.slice(i + 1).trim(); }
      }
      if (!fld.Package) continue;
      if (pkgs.has(fld.Package) && cmpDebVersion(pkgs.get(fld.Package).v, fld.Version) >= 0) continue;
      pkgs.set(fld.Package, {
        v: fld.Version, pri: fld.Priority, ess: fld.Essential === 'yes',
        d: [...parseRel(fld['Pre-Depends']), ...parseRel(fld.Depends)], r: parseRel(fld.Recommends),
        p: parseRel(fld.Provides).map(g => g[0]),
      });
    }
  }
  const providers = new Map();
  for (const [n, p] of pkgs) for (const v of p.p) { if (!providers.has(v)) providers.set(v, []); providers.get(v).push(n); }
  log(`${suite}: ${pkgs.size} packages, ${providers.size} virtual names`);

  // ---------- 3. Contents: package -> executables in PATH dirs ----------
  const bins = new Map();
  for (const f of lists.filter(f => /_main_Contents-(amd64|all)/.test(f) && (f.startsWith(mainPrefix) || f.includes(`_${suite}-updates_`)))) {
    // filter in the shell: unpacked Contents-all is ~600 MB for trixie (over node's string limit)
    const text = execFileSync('bash', ['-c', `/usr/lib/apt/apt-helper cat-file "$1" | LC_ALL=C grep -E '^(usr/)?s?bin/[^/]+[[:space:]]'; true`, 'x', path.join(listsDir, f)],
      { maxBuffer: 2 ** 30, encoding: 'latin1' });
    for (const line of text.split('\n')) {
      const m = /^(\S.*?)\s+(\S+)$/.exec(line);
      if (!m) continue;
      const slash = m[1].lastIndexOf('/');
      if (!PATH_DIRS.has(m[1].slice(0, slash))) continue;
      const cmd = m[1].slice(slash + 1);
      for (const q of m[2].split(',')) {
        const pkg = q.slice(q.lastIndexOf('/') + 1);
        if (!bins.has(pkg)) bins.set(pkg, new Set());
        bins.get(pkg).add(cmd);
      }
    }
  }
  log(`${suite}: ${bins.size} packages ship something on PATH`);

  // ---------- 4. minbase = debian:SUITE and debian:SUITE-slim ----------
  let minbase = [];
  const tmpTarget = fs.mkdtempSync(path.join(os.tmpdir(), 'dbs-'));
  const dbs = spawnSync('debootstrap', ['--print-debs', '--variant=minbase', suite, tmpTarget, mirror], { encoding: 'utf8' });
  fs.rmSync(tmpTarget, { recursive: true, force: true });
  if (dbs.status === 0) minbase = dbs.stdout.trim().split(/\s+/).sort();
  else warnings.push(`debootstrap failed: ${dbs.stderr.slice(-300)}`);
  const resolve = alt => (pkgs.has(alt) ? alt : (providers.get(alt) || [])[0]);
  // breadth-first; an alternative already satisfied by a selected package is not re-resolved (approximation of apt)
  function closure(start, withRecs) {
    const seen = new Set(start.filter(n => pkgs.has(n)));
    const queue = [...seen];
    const satisfied = a => seen.has(a) || (providers.get(a) || []).some(x => seen.has(x));
    while (queue.length) {
      const p = pkgs.get(queue.shift());
      for (const g of withRecs ? [...p.d, ...p.r] : p.d) {
        if (g.some(satisfied)) continue;
        let pick = g.map(resolve).find(Boolean);
        if (pick === 'usrmerge' && g.includes('usr-is-merged')) pick = 'usr-is-merged'; // debootstrap --merged-usr
        if (pick && !seen.has(pick)) { seen.add(pick); queue.push(pick); }
      }
    }
    return seen;
  }
  // cross-check: Priority required + apt, closed over Depends/Pre-Depends
  const own = [...closure([...[...pkgs].filter(([, p]) => p.pri === 'required').map(([n]) => n), 'apt'], false)].sort();
  const onlyDbs = minbase.filter(x => !own.includes(x)), onlyOwn = own.filter(x => !minbase.includes(x));
  if (onlyDbs.length || onlyOwn.length) warnings.push(`minbase cross-check differs: only debootstrap: ${onlyDbs.join(' ')}; only own: ${onlyOwn.join(' ')}`);
  if (!minbase.length) minbase = own;

  // ---------- 5. selection = roots + minbase, closed over Depends + Recommends ----------
  const unknownRoots = [], virtualRoots = {}, realRoots = [];
  for (const n of new Set(roots)) {
    if (pkgs.has(n)) realRoots.push(n);
    else if (providers.has(n)) { virtualRoots[n] = providers.get(n); realRoots.push(providers.get(n)[0]); }
    else unknownRoots.push(n);
  }
  const selected = closure([...realRoots, ...minbase], true);
  log(`${suite}: ${roots.length} roots (${unknownRoots.length} unknown) -> ${selected.size} packages with closure over Depends+Recommends`);

  // ---------- 6. update-alternatives links from maintainer scripts ----------
  const alts = new Map();
  if (alternatives) {
    const debDir = `${cache}/debs`;
    fs.mkdirSync(debDir, { recursive: true });
    const fileOf = new Map(fs.readdirSync(debDir).filter(f => f.endsWith('.deb')).map(f => [decodeURIComponent(f.split('_')[0]), f]));
    // re-download when the cached .deb is older than the current version
    const want = [...selected].filter(n => { const f = fileOf.get(n); return !f || decodeURIComponent(f.split('_')[1]) !== pkgs.get(n).v.replace(/^\d+:/, ''); });
    log(`${suite}: apt-get download ${want.length} packages (${selected.size - want.length} cached)`);
    for (let i = 0; i < want.length; i += 200) {
      const r = spawnSync('apt-get', ['download', '-q', ...want.slice(i, i + 200)], { cwd: debDir, env: aptEnv, encoding: 'utf8' });
      if (r.status !== 0) warnings.push(`apt-get download: ${(r.stderr || '').slice(0, 300)}`);
    }
    const newest = new Map();
    for (const f of fs.readdirSync(debDir).filter(f => f.endsWith('.deb'))) {
      const n = decodeURIComponent(f.split('_')[0]);
      if (!selected.has(n)) continue;
      const v = decodeURIComponent(f.split('_')[1]);
      if (!newest.has(n) || cmpDebVersion(v, newest.get(n)[0]) > 0) newest.set(n, [v, f]);
    }
    const debs = [...newest.values()].map(x => x[1]);
    const dump = execFileSync('bash', ['-c', 'cd "$1"; shift; for f; do echo "#### $f"; dpkg-deb --info "$f" postinst 2>/dev/null; done; true', 'x', debDir, ...debs],
      { encoding: 'utf8', maxBuffer: 2 ** 30 });
    for (const chunk of dump.split(/^#### /m).slice(1)) {
      const nl = chunk.indexOf('\n');
      const name = decodeURIComponent(chunk.slice(0, nl).split('_')[0]);
      const found = parseAlternatives(chunk.slice(nl + 1));
      const inPath = found.filter(([l]) => /^\/(usr\/)?s?bin\/[^/$]+$/.test(l));
      const unresolved = found.filter(([l]) => l.includes('$')).length;
      if (inPath.length || unresolved) alts.set(name, { inPath, unresolved });
    }
    log(`${suite}: ${alts.size} packages register update-alternatives`);
  }

  // ---------- 7. result ----------
  const cmdsOf = n => {
    const b = new Set(bins.get(n) || []);
    for (const [l] of alts.get(n)?.inPath || []) b.add(l.slice(l.lastIndexOf('/') + 1));
    return [...b].sort();
  };
  const packages = {};
  for (const n of [...selected].sort()) {
    const p = pkgs.get(n);
    const a = alts.get(n);
    packages[n] = {
      v: p.v, c: cmdsOf(n), d: p.d, r: p.r, p: p.p,
      ...(a?.inPath.length ? { alt: a.inPath.map(([l, , t]) => `${l.slice(l.lastIndexOf('/') + 1)}=${t}`) } : {}),
      ...(a?.unresolved ? { altUnresolved: a.unresolved } : {}),
      ...(p.ess ? { ess: true } : {}),
      ...(p.pri === 'required' || p.pri === 'important' ? { pri: p.pri } : {}),
    };
  }
  const virtual = {};
  for (const [v, ps] of providers) { const sel = ps.filter(x => selected.has(x)); if (sel.length) virtual[v] = sel.sort(); }
  const lookupOut = {};
  for (const n of new Set(lookup)) {
    const real = pkgs.has(n) ? n : (providers.get(n) || [])[0];
    lookupOut[n] = real ? { real, c: cmdsOf(real), d: pkgs.get(real).d } : null;
  }
  const debootstrapVersion = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'debootstrap'], { encoding: 'utf8' }).stdout;
  return {
    meta: {
      suite, codename: rel('Codename'), version: rel('Version'), releaseDate: rel('Date'),
      inReleaseSha256: crypto.createHash('sha256').update(inRelease).digest('hex'),
      debootstrap: debootstrapVersion, alternatives, closure: 'deps+recs',
      warnings: warnings.map(scrubHosts), unknownRoots: unknownRoots.sort(), virtualRoots,
      archivePackages: pkgs.size,
    },
    minbase, packages, virtual, lookup: lookupOut,
  };
}

// update-alternatives --install LINK NAME PATH PRIO [--slave LINK NAME PATH]... in a postinst, with the two shell
// idioms Debian scripts use most: plain VAR=value assignments and `for i in LIST; do ... done`.
export function parseAlternatives(script) {
  const text = script.replace(/\\\n/g, ' ');
  const vars = {};
  for (const m of text.matchAll(/^[ \t]*([A-Za-z_]\w*)=(?:'([^']*)'|"([^"`$]*(?:\$\{?\w+\}?[^"`$]*)*)"|([^\s;`'"()]*))[ \t]*$/gm))
    if (!(m[1] in vars)) vars[m[1]] = expand(m[2] ?? m[3] ?? m[4] ?? '', {});
  function expand(str, extra) {
    return str.replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a, b) => { const k = a || b; return k in extra ? extra[k] : k in vars ? vars[k] : all; });
  }
  const installs = (body, extra) => {
    const res = [];
    for (const m of body.matchAll(/update-alternatives\b[^\n]*?--install\s+(\S+)\s+(\S+)\s+(\S+)\s+\S+([^\n]*)/g)) {
      const q = x => expand(x.replace(/["']/g, ''), extra);
      res.push([q(m[1]), q(m[2]), q(m[3])]);
      for (const s2 of m[4].matchAll(/--slave\s+(\S+)\s+(\S+)\s+(\S+)/g)) res.push([q(s2[1]), q(s2[2]), q(s2[3])]);
    }
    return res;
  };
  const found = [];
  let rest = text;
  for (const m of text.matchAll(/\bfor\s+(\w+)\s+in\s+([^;\n]+?)\s*(?:;|\n)\s*do\b([\s\S]*?)\bdone\b/g)) {
    if (!/--install/.test(m[3])) continue;
    for (const item of expand(m[2], {}).split(/\s+/).filter(Boolean)) found.push(...installs(m[3], { [m[1]]: item }));
    rest = rest.replace(m[0], '');
  }
  found.push(...installs(rest, {}));
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  const suite = args.suite || 'bookworm';
  const roots = args.packages ? fs.readFileSync(args.packages, 'utf8').split('\n').map(l => l.split('\t').pop().trim()).filter(Boolean) : [];
  const res = debianSuite({ suite, roots, alternatives: !args['no-alternatives'], update: !args['no-update'], mirror: args.mirror, security: args.security });
  writeJson(args.out || path.join(cacheDir(), `debian-${suite}.json`), res);
}
