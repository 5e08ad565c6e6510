#!/usr/bin/env node
// Official images: tag -> stanza (docker-library/official-images library files) -> Dockerfile (corpus, or
// knowledge-sources/dockerfiles) -> static analysis of the final stage (apt/apk packages kept, commands with evidence,
// ENV PATH, CMD/ENTRYPOINT, USER, SHELL) and the FROM parent. Adapted from shared/research/knowledge/images.mjs.
// Package sets and commands are completed in build.mjs with the distro data.
//
//   node scripts/knowledge/images.mjs [--out FILE]     (writes the raw analysis; build.mjs calls analyzeImages())
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, log, parseArgs, parseLibraryFile, sharedDirs, writeJson } from './lib.mjs';

export const OFFICIAL = ['python', 'node', 'golang', 'ruby', 'openjdk', 'eclipse-temurin', 'php', 'nginx', 'httpd', 'postgres', 'redis', 'buildpack-deps'];
export const DISTROS = ['debian', 'ubuntu', 'alpine', 'busybox'];
const NON_LINUX = /windows|nanoserver|servercore|ubi\d*|oraclelinux/;

// ---------- tag -> variant key (shared with src/knowledge/index.ts; keep the two in sync) ----------
/** Leading version of a tag: 3.12.1, 21.0.5_11, 8u502-b07, 1.27rc2, 3.15-rc, 27-ea ... */
export const VERSION_RE = /^(\d[\w.+]*?)(?:-b\d+)?(?:-(?:rc|ea|beta|alpha)\d*)?(?=-|$)/;
export function splitTag(tag) {
  const m = VERSION_RE.exec(tag);
  if (!m) return { version: '', key: tag };
  return { version: m[0], key: tag.slice(m[0].length).replace(/^-/, '') };
}

// ---------- Dockerfile analysis ----------
function logicalLines(text) {
  return text.replace(/\r/g, '').split('\n').filter(l => !/^\s*#/.test(l)).join('\n').replace(/\\\n/g, ' ').split('\n').map(s => s.trim()).filter(Boolean);
}
const NOT_A_COMMAND = new Set(['command', 'cd', 'set', 'export', 'echo', 'test', '[', 'true', 'false', 'exec', 'eval', 'type', 'bin', 'sbin', 'if', 'then', 'do', 'for', 'while']);
function pkgWords(s) {
  return s.split(/\s+/).filter(w => !/^\d*[<>&]/.test(w)) // redirections (2>/dev/null)
    .map(w => w.replace(/^["']|["']$/g, '').replace(/[=<>~].*$/, '').replace(/:(amd64|arm64|all)$/, ''))
    .filter(w => w && !w.startsWith('-') && /^[a-z0-9][a-z0-9+.\-_]*$/.test(w));
}
function expandVars(s, env) {
  return s.replace(/\$\{(\w+)(?:[:%#][^}]*)?\}|\$(\w+)/g, (all, a, b) => (env[a || b] !== undefined ? env[a || b] : all));
}
function parseJsonOrShell(rest) {
  try { const v = JSON.parse(rest); if (Array.isArray(v)) return v.map(String); } catch { /* shell form */ }
  return ['/bin/sh', '-c', rest];
}

/** -> { stages: [...], final } ; each stage: from, as, apt, aptBuildOnly, apk, apkBuildOnly, evidence, env, path, cmd, entrypoint, user, shell, removed */
export function analyzeDockerfile(text) {
  const stages = [];
  let st = null;
  const args = {};
  for (const l of logicalLines(text)) {
    const ins = l.split(/\s+/)[0].toUpperCase();
    const rest = l.slice(l.split(/\s+/)[0].length).trim();
    if (ins === 'ARG') { const m = /^(\w+)=("?)([^"\s]*)\2$/.exec(rest); if (m) args[m[1]] = m[3]; continue; }
    if (ins === 'FROM') {
      const words = rest.split(/\s+/).filter(w => !w.startsWith('--'));
      st = { from: expandVars(words[0], args), as: /\bAS\s+(\S+)/i.exec(rest)?.[1], apt: [], aptBuildOnly: [], apk: [], apkBuildOnly: [], evidence: {}, env: {}, cmd: null, entrypoint: null, user: null, shell: null, copiedFrom: [], removed: new Set(), recommends: false };
      stages.push(st);
      continue;
    }
    if (!st) continue;
    const ev = (c, why) => { if (!/^[\w.+-]+$/.test(c) || NOT_A_COMMAND.has(c)) return; (st.evidence[c] ||= new Set()).add(why); };
    if (ins === 'ENV') {
      const pairs = /^\w+=/.test(rest) ? [...rest.matchAll(/(\w+)=("([^"]*)"|(\S*))/g)].map(m => [m[1], m[3] ?? m[4]]) : [[rest.split(/\s+/)[0], rest.slice(rest.split(/\s+/)[0].length).trim().replace(/^"|"$/g, '')]];
      for (const [k, v] of pairs) st.env[k] = expandVars(v, { ...args, ...st.env, PATH: k === 'PATH' ? '$PATH' : st.env.PATH });
    }
    if (ins === 'USER') st.user = expandVars(rest, { ...args, ...st.env });
    if (ins === 'SHELL') st.shell = parseJsonOrShell(rest);
    if (ins === 'CMD') st.cmd = parseJsonOrShell(rest);
    if (ins === 'ENTRYPOINT') { st.entrypoint = parseJsonOrShell(rest); }
    if (ins === 'COPY' || ins === 'ADD') {
      const words = rest.split(/\s+/).filter(w => !w.startsWith('--'));
      const dest = words.pop();
      const from = /--from=(\S+)/.exec(rest)?.[1];
      if (from) st.copiedFrom.push([from, words, dest]);
      if (/^\/usr\/local\/s?bin\/?$/.test(dest)) for (const w of words) ev(path.basename(w), `${ins} into ${dest}`);
      else if (/^\/usr\/local\/s?bin\/[^/]+$/.test(dest)) ev(path.basename(dest), `${ins} into /usr/local/bin`);
    }
    if (ins !== 'RUN') continue;
    let run = rest;
    // commands run before the stage installs anything prove that the parent image has them (e.g. `apk` on alpine)
    if (!st.installed) {
      for (const seg of run.split(/&&|\|\||;|\||\n|\bthen\b|\bdo\b|\belse\b/)) {
        const words = seg.trim().split(/\s+/).filter(w => !/^\w+=/.test(w));
        const w = words[0];
        if (w && /^[a-z][\w.+-]*$/.test(w) && !NOT_A_COMMAND.has(w) && !/^(fi|done|esac|case|in|elif|while|until|set|local|return|break|continue|shift|exit|read|wait|trap|umask|unset)$/.test(w)) (st.preInstall ||= new Set()).add(w);
        if (/\b(apk\s+add|apt-get\s+(?:-\S+\s+)*install|apt\s+install)\b/.test(seg)) { st.installed = true; break; }
      }
    }
    // simple shell variables (nginx: nginxPackages=" nginx=${NGINX_VERSION} ..."): expand them where used
    const shVars = {};
    for (const m of run.matchAll(/(?:^|[;&|]\s*)(\w+)="([^"$`]*(?:\$\{?\w+\}?[^"$`]*)*)"/g)) shVars[m[1]] = m[2];
    for (const m of run.matchAll(/(?:^|[;&|]\s*)(\w+)="\$\1 ([^"$`]*)"/g)) shVars[m[1]] = `${shVars[m[1]] || ''} ${m[2]}`; // X="$X more"
    run = run.replace(/\$\{?(\w+)\}?/g, (all, k) => (k in shVars ? shVars[k] : all));
    // A RUN that later does `apt-mark auto '.*'` + `apt-get purge --auto-remove` keeps only what it re-marks manual
    // at run time (ldd-driven: libraries) -> its installs after savedAptMark= are build-only.
    // (nginx: installs between savedAptMark= and `apt-mark manual $savedAptMark` are build-only; later ones are kept)
    const purgeLater = (/apt-mark auto ['"]?\.\*/.test(run) || /apt-mark manual \$savedAptMark/.test(run)) && /apt-get (?:purge|remove --purge)[^;&]*--auto-remove/.test(run);
    const savedAt = run.indexOf('savedAptMark=');
    const resetAt = /apt-mark auto ['"]?\.\*/.test(run) ? run.length : (run.search(/apt-mark manual \$savedAptMark/) + 1 || run.length);
    for (const m of run.matchAll(/apt-get\s+(?:-\S+\s+)*install\s+((?:[^;&|]|&(?!&))*)/g)) {
      const pk = pkgWords(m[1]);
      if (purgeLater && (savedAt < 0 || (m.index > savedAt && m.index < resetAt))) st.aptBuildOnly.push(...pk);
      else { st.apt.push(...pk); if (!/--no-install-recommends/.test(m[0])) st.recommends = true; }
    }
    for (const m of run.matchAll(/apt-get\s+(?:-\S+\s+)*(?:remove|purge)\s+((?:[^;&|]|&(?!&))*)/g)) for (const p of pkgWords(m[1])) st.removed.add(p);
    const deleted = new Set([...run.matchAll(/apk\s+del\b([^;&|]*)/g)].flatMap(m => m[1].split(/\s+/).filter(w => w && !w.startsWith('-'))));
    for (const m of run.matchAll(/apk\s+add\b((?:[^;&|]|&(?!&))*)/g)) {
      const virt = /--virtual[= ](\S+)/.exec(m[1])?.[1] || /-t\s+(\S+)/.exec(m[1])?.[1];
      const pk = pkgWords(m[1].replace(/--virtual[= ]\S+/, '').replace(/-t\s+\S+/, ''));
      if (virt && deleted.has(virt)) st.apkBuildOnly.push(...pk); else st.apk.push(...pk.filter(p => !deleted.has(p)));
    }
    // evidence that a program exists after this RUN: smoke tests and links into /usr/local/bin
    for (const m of run.matchAll(/(?:^|[;&|(]\s*|\bset -[a-z]+;\s*|\bthen\s+)([\w.+-]+)\s+(?:--?version|version|-v|-V)\b/g)) ev(m[1], 'smoke test (--version)');
    for (const m of run.matchAll(/ln\s+-[a-zA-Z]*s[a-zA-Z]*\s+(?:-\w+\s+)*\S+\s+["']?\/usr\/local\/bin\/([\w.+-]+)/g)) ev(m[1], 'ln -s into /usr/local/bin');
    for (const m of run.matchAll(/for\s+(\w+)\s+in\s+([^;]+);\s*do([^]*?)\bdone\b/g)) {
      if (!/\/usr\/local\/bin\//.test(m[3])) continue;
      const strip = /tr -d (\S+)\)/.exec(m[3])?.[1]?.replace(/['"]/g, '');
      for (const w of m[2].trim().split(/\s+/)) {
        ev(w, 'for-loop linking into /usr/local/bin');
        if (strip) ev(w.split('').filter(c => !strip.includes(c)).join(''), `for-loop link name (tr -d ${strip})`);
      }
    }
  }
  const fin = stages[stages.length - 1];
  if (fin) {
    fin.aptBuildOnly.push(...fin.apt.filter(p => fin.removed.has(p)));
    fin.apt = fin.apt.filter(p => !fin.removed.has(p));
    for (const [from, srcs, dest] of fin.copiedFrom) {
      const src = stages.find(x => x.as === from);
      if (!src) continue;
      for (const [c, e] of Object.entries(src.evidence)) if (dest === '/' || /^\/(usr|opt|bin|sbin)\b/.test(dest)) (fin.evidence[c] ||= new Set()).add(`${[...e][0]} in stage '${from}', copied ${srcs.join(' ')} -> ${dest}`);
    }
  }
  // the image's own CMD / ENTRYPOINT program exists (bare names are looked up on PATH)
  if (fin) for (const [what, v] of [['CMD', fin.cmd], ['ENTRYPOINT', fin.entrypoint]]) {
    const prog = v && v[0] !== '/bin/sh' ? v[0] : null;
    if (prog && /^[\w.+-]+$/.test(prog) && !NOT_A_COMMAND.has(prog)) (fin.evidence[prog] ||= new Set()).add(`${what} of the image`);
  }
  for (const s of stages) for (const k of Object.keys(s.evidence)) s.evidence[k] = [...s.evidence[k]].sort();
  return { stages, final: fin };
}

// ---------- library + Dockerfiles ----------
export function analyzeImages({ sources, corpus }) {
  const libDir = path.join(sources, 'official-images', 'library');
  const ksDockerfiles = path.join(sources, 'dockerfiles');
  const corpusDirs = fs.readdirSync(corpus);
  const manifest = fs.readFileSync(path.join(ksDockerfiles, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map(l => l.split('\t'));
  const findDockerfile = (st) => {
    const m = /github\.com\/([^/]+)\/([^/.]+)/.exec(st.gitRepo || '');
    if (!m) return null;
    const rel = `${st.directory === '.' ? '' : st.directory.replace(/\//g, '__') + '__'}${st.file}`;
    const exact = `${m[1]}__${m[2]}`;
    const fromCorpus = d => {
      const p = path.join(corpus, d, rel);
      return fs.existsSync(p) ? { file: p, where: `corpus ${d}/${rel}`, upstream: `${d.replace('__', '/')}:${st.directory}/${st.file} (corpus commit; library GitCommit ${(st.gitCommit || '').slice(0, 12)})`, exactCommit: false } : null;
    };
    const fromSources = d => {
      const p = path.join(ksDockerfiles, d, rel);
      if (!fs.existsSync(p)) return null;
      const row = manifest.find(r => r[8] === `dockerfiles/${d}/${rel}`);
      return { file: p, where: `knowledge-sources dockerfiles/${d}/${rel}`, upstream: `${m[1]}/${m[2]}@${(row?.[6] || st.gitCommit || '').slice(0, 12)}:${st.directory}/${st.file}`, exactCommit: row?.[7] === 'ok' };
    };
    // same repository first (corpus, then the collected copies), then renamed repositories (nginxinc -> nginx)
    return fromCorpus(exact) || (fs.existsSync(path.join(ksDockerfiles, exact)) && fromSources(exact))
      || corpusDirs.filter(d => d.endsWith(`__${m[2]}`)).map(fromCorpus).find(Boolean)
      || fs.readdirSync(ksDockerfiles).filter(d => d.endsWith(`__${m[2]}`)).map(fromSources).find(Boolean) || null;
  };
  const repos = {};
  const missing = [];
  for (const repo of [...OFFICIAL, ...DISTROS]) {
    const stanzas = parseLibraryFile(fs.readFileSync(path.join(libDir, repo), 'utf8'));
    const out = [];
    for (const st of stanzas) {
      if (NON_LINUX.test(st.directory) || st.constraints || (st.architectures.length && !st.architectures.includes('amd64'))) continue;
      const entry = { id: `${repo}:${st.tags[0]}`, tags: st.tags, sharedTags: st.sharedTags, directory: st.directory, gitCommit: st.gitCommit };
      if (!DISTROS.includes(repo)) {
        const df = findDockerfile(st);
        if (df) {
          const a = analyzeDockerfile(fs.readFileSync(df.file, 'utf8'));
          entry.dockerfile = { where: df.where, upstream: df.upstream, exactCommit: df.exactCommit };
          entry.analysis = a.final && {
            from: a.final.from, apt: [...new Set(a.final.apt)].sort(), aptBuildOnly: [...new Set(a.final.aptBuildOnly)].sort(), recommends: a.final.recommends,
            apk: [...new Set(a.final.apk)].sort(), apkBuildOnly: [...new Set(a.final.apkBuildOnly)].sort(), evidence: a.final.evidence,
            env: a.final.env, cmd: a.final.cmd, entrypoint: a.final.entrypoint, user: a.final.user, shell: a.final.shell,
            preInstall: [...(a.final.preInstall || [])].sort(),
          };
        } else missing.push(`${entry.id} (${st.gitRepo} ${st.directory}/${st.file})`);
      }
      out.push(entry);
    }
    repos[repo] = out;
    log(`${repo}: ${out.length} Linux stanzas, ${out.filter(e => e.analysis).length} with a Dockerfile`);
  }
  return { repos, missing, libraryCommit: readLibraryCommit(sources) };
}

function readLibraryCommit(sources) {
  const t = fs.readFileSync(path.join(sources, 'SOURCES.md'), 'utf8');
  return /official-images`?,? commit `([0-9a-f]{40})`/.exec(t)?.[1] || /Repository docker-library\/official-images, commit `([0-9a-f]+)`/.exec(t)?.[1] || null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  writeJson(args.out || path.join(cacheDir(), 'images-raw.json'), analyzeImages(sharedDirs(args)));
}
