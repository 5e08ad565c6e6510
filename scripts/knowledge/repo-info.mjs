#!/usr/bin/env node
// docker-library/repo-info "local" reports (repos/<image>/local/<tag>.md, copied verbatim into
// knowledge-sources/repo-info/<image>/<tag>.md, provenance in PROGRESS.tsv there): the real package lists of built
// images (dpkg or apk), with Docker metadata (Command, Entrypoint, PATH). Adapted from
// shared/research/knowledge/repo-info.mjs.
//   node scripts/knowledge/repo-info.mjs [--dir DIR]  -> JSON on stdout
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, sharedDirs } from './lib.mjs';

export function parseReport(t) {
  const image = /^# `([^`]+)`/m.exec(t)?.[1];
  const meta = {
    created: /^- Created: `([^`]+)`/m.exec(t)?.[1],
    command: /^- Command: `(.+)`$/m.exec(t)?.[1],
    entrypoint: /^- Entrypoint: `(.+)`$/m.exec(t)?.[1],
    path: /`PATH=([^`]+)`/.exec(t)?.[1],
  };
  const dpkgAt = t.indexOf('## `dpkg`');
  const dpkg = dpkgAt < 0 ? [] : [...t.matchAll(/^- `([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9]+)?=([^`]+)`$/gm)].filter(m => m.index > dpkgAt).map(m => [m[1], m[2]]);
  const apk = [...t.matchAll(/^### `apk` package: `([^`]+)`\s*\n+```console\n\1-(\S+) description:/gm)].map(m => [m[1], m[2]]);
  return { image, ...meta, dpkg: Object.fromEntries(dpkg), apk: Object.fromEntries(apk) };
}

/** "<image>:<tag>" (file name and report header) -> parsed report with `source` = repo@commit:path */
export function repoInfo(dir) {
  const progress = fs.readFileSync(path.join(dir, 'PROGRESS.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map(l => l.split('\t'));
  const out = {};
  for (const name of fs.readdirSync(dir).filter(d => fs.statSync(path.join(dir, d)).isDirectory()).sort()) {
    for (const f of fs.readdirSync(path.join(dir, name)).filter(f => f.endsWith('.md')).sort()) {
      const r = parseReport(fs.readFileSync(path.join(dir, name, f), 'utf8'));
      const row = progress.find(p => p[0] === name && p[3] === `repos/${name}/local/${f}`);
      r.source = row ? `docker-library/repo-info@${row[4].slice(0, 12)}:${row[3]} (${r.image}, created ${(r.created || '').slice(0, 10)})` : `repo-info ${name}/${f}`;
      out[`${name}:${f.replace(/\.md$/, '')}`] = r;
      if (r.image && !out[r.image]) out[r.image] = r;
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  console.log(JSON.stringify(repoInfo(args.dir || path.join(sharedDirs(args).sources, 'repo-info')), null, 1));
}
