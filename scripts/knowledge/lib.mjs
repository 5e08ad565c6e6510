// Shared helpers for the knowledge generators (Node 20, ESM, node builtins only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(SCRIPT_DIR, '..', '..');
export const DATA_DIR = path.join(REPO_ROOT, 'data', 'knowledge');

/** --key value / --flag  ->  { key: 'value', flag: true } */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) { out[a.slice(2)] = next; i++; } else out[a.slice(2)] = true;
  }
  return out;
}

/** Where the big downloads (apt lists, .debs, sources) go; never inside the repository. */
export function cacheDir(sub = '') {
  const base = process.env.DOCKWISE_KNOWLEDGE_CACHE || path.join(os.homedir(), '.cache', 'dockwise-knowledge');
  const d = path.join(base, sub);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** Inputs collected from public repositories (read-only): knowledge-sources and the Dockerfile corpus. */
export function sharedDirs(args = {}) {
  const shared = args.shared || process.env.DOCKWISE_SHARED || path.resolve(REPO_ROOT, '..', 'shared');
  return {
    shared,
    sources: args.sources || path.join(shared, 'knowledge-sources'),
    corpus: args.corpus || path.join(shared, 'corpus'),
  };
}

const t0 = Date.now();
export function log(...m) {
  console.error(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...m);
}

export const uniqSorted = a => [...new Set(a)].sort();

/** Deterministic JSON: object keys sorted recursively (arrays keep their order). */
export function stableStringify(v) {
  return JSON.stringify(sortKeys(v));
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) o[k] = sortKeys(v[k]);
    return o;
  }
  return v;
}

export function writeJson(file, obj) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, stableStringify(obj) + '\n');
  log(`wrote ${path.relative(REPO_ROOT, file) || file}: ${fs.statSync(file).size} bytes`);
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function walkFiles(dir) {
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else files.push(p);
    }
  })(dir);
  return files.sort();
}

/**
 * docker-library/official-images `library/<name>` file -> stanzas.
 * Header stanzas (no Tags) provide defaults (GitRepo, Architectures, ...). Continuation lines are folded.
 */
export function parseLibraryFile(text) {
  const entries = text.replace(/\r/g, '').replace(/\n[ \t]+/g, ' ').split(/\n\n+/);
  const hdr = {};
  const stanzas = [];
  for (const e of entries) {
    const f = {};
    for (const l of e.split('\n')) {
      if (/^\s*#/.test(l)) continue;
      const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(l);
      if (m) f[m[1]] = m[2].trim();
    }
    if (!f.Tags) { Object.assign(hdr, f); continue; }
    const list = s => (s ? s.split(/\s*,\s*/).filter(Boolean) : []);
    stanzas.push({
      tags: list(f.Tags),
      sharedTags: list(f.SharedTags),
      gitRepo: f.GitRepo || hdr.GitRepo,
      gitCommit: f.GitCommit || hdr.GitCommit,
      gitFetch: f.GitFetch || hdr.GitFetch,
      directory: f.Directory || f['amd64-Directory'] || '.',
      file: f.File || 'Dockerfile',
      architectures: list(f.Architectures || hdr.Architectures),
      constraints: f.Constraints,
    });
  }
  return stanzas;
}

/** Debian version comparison (deb-version(7)). */
function cmpPart(a, b) {
  const ord = c => (c === '~' ? -1 : c === undefined ? 0 : /[A-Za-z]/.test(c) ? c.charCodeAt(0) : c.charCodeAt(0) + 256);
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const x = i < a.length && !/\d/.test(a[i]) ? a[i] : undefined;
      const y = j < b.length && !/\d/.test(b[j]) ? b[j] : undefined;
      if (ord(x) !== ord(y)) return ord(x) - ord(y);
      if (x !== undefined) i++;
      if (y !== undefined) j++;
    }
    let n = ''; while (i < a.length && /\d/.test(a[i])) n += a[i++];
    let m = ''; while (j < b.length && /\d/.test(b[j])) m += b[j++];
    if (+n !== +m) return +n - +m;
  }
  return 0;
}
export function cmpDebVersion(a, b) {
  const sp = v => {
    const e = /^(\d+):/.exec(v);
    const r = e ? v.slice(e[0].length) : v;
    const k = r.lastIndexOf('-');
    return [e ? +e[1] : 0, k < 0 ? r : r.slice(0, k), k < 0 ? '' : r.slice(k + 1)];
  };
  const [e1, u1, r1] = sp(a), [e2, u2, r2] = sp(b);
  return e1 - e2 || cmpPart(u1, u2) || cmpPart(r1, r2);
}

/** Mirror URIs this machine's apt already uses (no host names hard-coded in the generators). */
export function aptDebianUris() {
  const uris = [];
  const files = ['/etc/apt/sources.list'];
  try { for (const x of fs.readdirSync('/etc/apt/sources.list.d')) files.push(`/etc/apt/sources.list.d/${x}`); } catch { /* none */ }
  for (const f of files) {
    if (!/(\.list|\.sources)$/.test(f) || !fs.existsSync(f)) continue;
    const t = fs.readFileSync(f, 'utf8');
    for (const m of t.matchAll(/^URIs:\s*(\S+)/gm)) uris.push(m[1]);
    for (const m of t.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/gm)) uris.push(m[1]);
  }
  const deb = uris.filter(u => /\/debian(-security)?\/?$/.test(u));
  return {
    mirror: (deb.find(u => !/-security\/?$/.test(u)) || '').replace(/\/$/, ''),
    security: (deb.find(u => /-security\/?$/.test(u)) || '').replace(/\/$/, ''),
  };
}

/** Remove host names from free text that goes into committed data. */
export const scrubHosts = s => s.replace(/[a-z]+:\/\/[^\s/]+/g, '<mirror>').replace(/\[IP: [^\]]*\]/g, '');
