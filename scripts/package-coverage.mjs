#!/usr/bin/env node
// Share of the apt/apk packages installed in a Dockerfile corpus that data/package-map.json
// decides (maps to a nixpkgs attribute, or classifies as build-only / not needed).
//
// Usage: node scripts/package-coverage.mjs [CORPUS_DIR] [--json] [--missing]
//   CORPUS_DIR defaults to $DOCKWISE_CORPUS, then ../shared/corpus next to the repository.
//   --json     machine-readable output
//   --missing  also list the names that are not covered, most frequent first
//
// Counting follows shared/research/knowledge/corpus-packages.mjs: a package counts once per
// Dockerfile that installs it (`apt-get|apt|aptitude ... install`, `apk ... add`). "Covered"
// means an exact table entry ("table") or one of the table's rules ("rules"); the decision
// logic mirrors src/migrate/packages.ts (a test keeps the two in step).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function loadPackageMap(file = path.join(ROOT, 'data', 'package-map.json')) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Package names installed by one Dockerfile's apt (which='apt') or apk (which='apk') commands. */
export function extractPackages(text, which) {
  const clean = text
    .split(/\r?\n/)
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const seen = new Set();
  for (const cmd of clean.split(/&&|\|\||;|\||\n/)) {
    const words = cmd.trim().replace(/^RUN\s+/i, '').split(/\s+/).filter(Boolean);
    let i;
    if (which === 'apt') {
      i = words.findIndex((w, k) => /^(apt-get|apt|aptitude)$/.test(w) && words.slice(k + 1).some((x) => x === 'install'));
      if (i < 0) continue;
      i = words.indexOf('install', i) + 1;
    } else {
      i = words.findIndex((w, k) => w === 'apk' && words[k + 1] && words.slice(k + 1).includes('add'));
      if (i < 0) continue;
      i = words.indexOf('add', i) + 1;
    }
    let skipNext = false;
    for (let w of words.slice(i)) {
      if (w.startsWith('-')) {
        if (/^--(virtual|repository|target|option|arch)$/.test(w) || w === '-t' || w === '-o') skipNext = true;
        continue;
      }
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (/[$`'"(){}<>*]/.test(w) || w.startsWith('#')) continue;
      w = w.replace(/[=<>~].*$/, '').replace(/:(amd64|arm64|i386|all|native)$/, '');
      if (!/^[a-z0-9][a-z0-9+.\-]+$/.test(w)) continue;
      seen.add(w);
    }
  }
  return [...seen];
}

const normalizePypi = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');

/** Same decision order as src/migrate/packages.ts: table, then rules. Returns the method or 'unknown'. */
export function decide(map, manager, name) {
  const table = map.entries[manager] ?? {};
  if (table[name]) return 'table';
  for (const rule of map.rules) {
    if (!rule.managers.includes(manager)) continue;
    const m = new RegExp(rule.pattern).exec(name);
    if (!m) continue;
    const captured = m[1] ?? name;
    if (rule.pip) {
      if ((map.entries.pip ?? {})[normalizePypi(captured)]) return rule.method;
      continue;
    }
    if (rule.strip) {
      if (table[captured]) return rule.method;
      continue;
    }
    if (rule.role) return rule.method;
  }
  return 'unknown';
}

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name !== 'SOURCES.md') out.push(p);
  }
  return out;
}

/** Coverage per manager: distinct names and per-file occurrences, table-only and with rules. */
export function coverage(corpusDir, map) {
  const files = walk(corpusDir);
  const result = {};
  for (const which of ['apt', 'apk']) {
    const counts = new Map();
    for (const f of files) {
      for (const name of extractPackages(fs.readFileSync(f, 'utf8'), which)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const rows = [...counts].map(([name, count]) => ({ name, count, method: decide(map, which, name) }));
    rows.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sum = (pred) => rows.filter(pred).reduce((s, r) => s + r.count, 0);
    const total = sum(() => true);
    result[which] = {
      distinct: rows.length,
      occurrences: total,
      table: { distinct: rows.filter((r) => r.method === 'table').length, occurrences: sum((r) => r.method === 'table') },
      covered: { distinct: rows.filter((r) => r.method !== 'unknown').length, occurrences: sum((r) => r.method !== 'unknown') },
      missing: rows.filter((r) => r.method === 'unknown').map((r) => ({ name: r.name, count: r.count })),
    };
  }
  const both = (k, f) => result.apt[k][f] + result.apk[k][f];
  result.total = {
    distinct: result.apt.distinct + result.apk.distinct,
    occurrences: result.apt.occurrences + result.apk.occurrences,
    table: { distinct: both('table', 'distinct'), occurrences: both('table', 'occurrences') },
    covered: { distinct: both('covered', 'distinct'), occurrences: both('covered', 'occurrences') },
  };
  result.files = files.length;
  return result;
}

function pct(n, d) {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function defaultCorpus() {
  if (process.env.DOCKWISE_CORPUS) return process.env.DOCKWISE_CORPUS;
  const sibling = path.resolve(ROOT, '..', 'shared', 'corpus');
  return sibling;
}

function main(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const corpus = argv.find((a) => !a.startsWith('--')) ?? defaultCorpus();
  if (!fs.existsSync(corpus)) {
    console.error(`corpus not found: ${corpus} (pass CORPUS_DIR or set DOCKWISE_CORPUS)`);
    return 2;
  }
  const res = coverage(corpus, loadPackageMap());
  if (flags.has('--json')) {
    console.log(JSON.stringify(res, null, 2));
    return 0;
  }
  console.log(`Corpus: ${corpus} (${res.files} files)`);
  console.log('manager  names  covered(names)        installs  covered(installs)     table-only(installs)');
  for (const k of ['apt', 'apk', 'total']) {
    const r = res[k];
    console.log(
      `${k.padEnd(8)} ${String(r.distinct).padStart(5)}  ${String(r.covered.distinct).padStart(5)} ${pct(r.covered.distinct, r.distinct).padStart(7)}      ` +
        `${String(r.occurrences).padStart(8)}  ${String(r.covered.occurrences).padStart(6)} ${pct(r.covered.occurrences, r.occurrences).padStart(7)}      ` +
        `${String(r.table.occurrences).padStart(6)} ${pct(r.table.occurrences, r.occurrences).padStart(7)}`,
    );
  }
  if (flags.has('--missing')) {
    for (const k of ['apt', 'apk']) {
      console.log(`\nnot covered (${k}): ` + res[k].missing.map((m) => `${m.name}:${m.count}`).join(' '));
    }
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
