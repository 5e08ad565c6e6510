#!/usr/bin/env node
// Package names installed by apt-get/apt/aptitude or apk in a corpus of Dockerfiles (adapted from the prototype
// in shared/research/knowledge/corpus-packages.mjs).
//   node scripts/knowledge/corpus-packages.mjs [--corpus DIR] [--kind apt|apk]   -> count<TAB>name, most common first
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, sharedDirs, walkFiles } from './lib.mjs';

/** Words after `install`/`add` in one logical Dockerfile text, split at ; && || | and newlines. */
export function packagesInText(text, kind) {
  const out = new Set();
  const joined = text.split(/\r?\n/).filter(l => !/^\s*#/.test(l)).join('\n').replace(/\\\r?\n/g, ' ');
  for (const cmd of joined.split(/&&|\|\||;|\||\n/)) {
    const words = cmd.trim().replace(/^RUN\s+/i, '').split(/\s+/).filter(Boolean);
    let i;
    if (kind === 'apt') {
      i = words.findIndex((w, k) => /^(apt-get|apt|aptitude)$/.test(w) && words.slice(k + 1).includes('install'));
      if (i < 0) continue;
      i = words.indexOf('install', i) + 1;
    } else {
      i = words.findIndex((w, k) => w === 'apk' && words.slice(k + 1).includes('add'));
      if (i < 0) continue;
      i = words.indexOf('add', i) + 1;
    }
    let skipNext = false;
    for (let w of words.slice(i)) {
      if (skipNext) { skipNext = false; continue; }
      if (w.startsWith('-')) { if (/^--(virtual|repository|target|option|arch|root|keys-dir)$/.test(w) || w === '-t' || w === '-o' || w === '-X') skipNext = true; continue; }
      if (/[$`'"(){}<>*]/.test(w) || w.startsWith('#')) continue;
      w = w.replace(/[=<>~].*$/, '').replace(/:(amd64|arm64|i386|all|native)$/, '');
      if (!/^[a-z0-9][a-z0-9+.\-_]+$/.test(w)) continue;
      out.add(w);
    }
  }
  return out;
}

/** name -> number of corpus files installing it */
export function corpusPackages(corpusDir, kind) {
  const counts = new Map();
  for (const f of walkFiles(corpusDir)) {
    if (path.basename(f) === 'SOURCES.md') continue;
    for (const n of packagesInText(fs.readFileSync(f, 'utf8'), kind)) counts.set(n, (counts.get(n) || 0) + 1);
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  const { corpus } = sharedDirs(args);
  for (const [n, c] of corpusPackages(corpus, args.kind || 'apt')) console.log(`${c}\t${n}`);
}
