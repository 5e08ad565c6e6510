#!/usr/bin/env node
// gcr.io/distroless/* from GoogleContainerTools/distroless data files (copied in knowledge-sources/distroless):
// the Starlark literal lists in */config.bzl (Debian packages per image and distro), the busybox applet list of the
// :debug variants (experimental/busybox/commands.bzl), and symlinks/entrypoints from the image .bzl files.
// Adapted from shared/research/knowledge/distroless.mjs (which read a git checkout).
//   node scripts/knowledge/distroless.mjs [--out FILE]
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, parseArgs, sharedDirs, writeJson } from './lib.mjs';

/** Starlark literal assignments NAME = [...] / {...} -> JS values (comments stripped; these literals are valid JSON-ish JS) */
function literals(text) {
  const src = text.split('\n').map(l => l.replace(/^\s*#.*$/, '').replace(/([,[{(])\s+#[^"']*$/, '$1')).join('\n');
  const out = {};
  for (const m of src.matchAll(/^([A-Z][A-Z0-9_]*)\s*=\s*/gm)) {
    const i = m.index + m[0].length;
    let depth = 0, j = i;
    for (; j < src.length; j++) {
      const c = src[j];
      if (c === '"' || c === "'") { j = src.indexOf(c, j + 1); continue; }
      if ('[{('.includes(c)) depth++; else if (']})'.includes(c)) depth--;
      if (depth === 0 && (c === '\n' || j === src.length - 1)) break;
    }
    const lit = src.slice(i, j + 1).trim();
    if (!/^[[{]/.test(lit)) continue;
    try { out[m[1]] = JSON.parse(lit.replace(/,(\s*[}\]])/g, '$1')); } catch { /* not a plain literal */ }
  }
  return out;
}

export function distroless({ sources }) {
  const dir = path.join(sources, 'distroless');
  const read = p => fs.readFileSync(path.join(dir, p), 'utf8');
  const [commit, date] = read('COMMIT').trim().split('\n').pop().split(/\s+/);
  const cfg = {};
  for (const d of ['static', 'base', 'cc', 'python3', 'java', 'nodejs']) Object.assign(cfg, literals(read(`${d}/config.bzl`)));
  const busybox = literals(read('experimental/busybox/commands.bzl')).BUSYBOX_COMMANDS || [];
  const pyVer = literals(read('python3/python.bzl')).DISTRO_VERSION || {};
  const debugEntrypoint = /entrypoint = \["(\/busybox\/sh)"\]/.exec(read('static/static.bzl'))?.[1] || '/busybox/sh';
  const debugPath = /env = \{"PATH": "\$PATH:([^"]+)"\}/.exec(read('static/static.bzl'))?.[1] || '/busybox';
  const nodeEntrypoint = /entrypoint = \["([^"]+)"\]/.exec(read('nodejs/nodejs.bzl'))?.[1];
  const javaSymlinks = [...read('java/java.bzl').matchAll(/"(\/usr\/bin\/[\w.+-]+)":/g)].map(m => m[1]);
  const pySymlinks = [...read('python3/python.bzl').matchAll(/"(\/usr\/bin\/[\w.+-]+)":/g)].map(m => m[1]);
  const base = n => n.slice(n.lastIndexOf('/') + 1);

  // image layering as defined in the *.bzl files: static <- base(-nossl) <- cc <- {python3, nodejs, java}
  const images = {};
  for (const distro of cfg.STATIC_DISTROS || []) {
    const st = cfg.STATIC_PACKAGES[distro];
    images[`static-${distro}`] = { distro, packages: st, symlinks: [], entrypoint: null };
    images[`base-nossl-${distro}`] = { distro, packages: [...st, ...cfg.BASE_NOSSL_PACKAGES[distro]], symlinks: [], entrypoint: null };
    images[`base-${distro}`] = { distro, packages: [...st, ...cfg.BASE_PACKAGES[distro]], symlinks: [], entrypoint: null };
    if (cfg.CC_PACKAGES?.[distro]) images[`cc-${distro}`] = { distro, packages: [...images[`base-${distro}`].packages, ...cfg.CC_PACKAGES[distro]], symlinks: [], entrypoint: null };
    if (cfg.PYTHON_PACKAGES?.[distro])
      images[`python3-${distro}`] = { distro, packages: [...images[`cc-${distro}`].packages, ...cfg.PYTHON_PACKAGES[distro], `python${pyVer[distro]}-minimal`], symlinks: pySymlinks.map(base), entrypoint: [`/usr/bin/python${pyVer[distro]}`] };
    for (const v of cfg.JAVA_MAJOR_VERSIONS?.[distro] || []) {
      images[`java${v}-${distro}`] = { distro, packages: [...images[`cc-${distro}`].packages, ...(cfg.JAVA_BASE_PACKAGES?.[distro] || [])], symlinks: javaSymlinks.map(base), entrypoint: ['/usr/bin/java', '-jar'], note: `Temurin ${v} JRE under /usr/lib/jvm (not a Debian package); /usr/bin/java is a symlink` };
    }
    if ((cfg.NODEJS_DISTROS || []).includes(distro)) for (const v of cfg.NODEJS_MAJOR_VERSIONS || [])
      images[`nodejs${v}-${distro}`] = { distro, packages: [...images[`cc-${distro}`].packages, ...(cfg.NODEJS_PACKAGES?.[v] || [])], symlinks: [], entrypoint: nodeEntrypoint ? [nodeEntrypoint] : null, note: '/nodejs/bin is not on PATH: node runs only through the ENTRYPOINT or an absolute path' };
  }
  for (const img of Object.values(images)) img.packages = [...new Set(img.packages)].sort();
  return {
    commit, date,
    tagForm: 'gcr.io/distroless/<image>-<debian12|debian13>[:latest|:nonroot|:debug|:debug-nonroot]',
    debug: { entrypoint: [debugEntrypoint], pathAdd: debugPath, commands: busybox },
    images,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  writeJson(args.out || path.join(cacheDir(), 'distroless.json'), distroless(sharedDirs(args)));
}
