import {
  finalStageIsDevTarget,
  commandRange,
  defineRule,
  effectiveCommand,
  effectiveCommandsOf,
  hasCacheMount,
  imageNodesBefore,
  isArchivePath,
  memoByObject,
  nodesOf,
  pathBasename,
  recogniseCleanup,
  recogniseDownload,
  recogniseIndexUpdate,
  recognisePackageInstall,
  ships,
  wordRange,
  type CacheKind,
  type EffectiveCommand,
  type DockerfileModel,
  type InstructionNode,
  type SimpleCommand,
} from '../../src/rule-api.js';

interface Added {
  path: string;
  node: InstructionNode;
  how: 'copy' | 'download';
  /** The path is a directory filled from the build context (`COPY . /app`): its `.git` is matched too. */
  contextDir: boolean;
}

function join(dir: string | null, p: string): string {
  if (p.startsWith('/')) return normalise(p);
  return normalise(`${dir ?? '/'}/${p}`);
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, '');
}

/** True when the RUN changes directory before offset `before` (relative paths are then unknown). */
function cdBefore(node: InstructionNode, before: number): boolean {
  return (node.run?.commands ?? []).some((c) => c.start < before && (c.name === 'cd' || c.name === 'pushd'));
}

/** Static `rm` operands of a command, as absolute paths (null entries for unknown ones). */
function rmPaths(node: InstructionNode, cmd: SimpleCommand, eff: EffectiveCommand = effectiveCommand(cmd)): { word: SimpleCommand['args'][number]; path: string | null }[] {
  if (eff.name === null || pathBasename(eff.name) !== 'rm') return [];
  const out: { word: SimpleCommand['args'][number]; path: string | null }[] = [];
  let rest = false;
  for (const w of eff.args) {
    const v = w.value ?? node.resolve(unquote(w.text));
    if (!rest && v === '--') {
      rest = true;
      continue;
    }
    if (!rest && v !== null && v.startsWith('-')) continue;
    if (v === null || v.includes('$') || v.includes('*') || v.includes('?') || v.includes('[')) {
      out.push({ word: w, path: null });
      continue;
    }
    const relative = !v.startsWith('/');
    if (relative && cdBefore(node, cmd.start)) out.push({ word: w, path: null });
    else out.push({ word: w, path: join(node.state.workdir, v.replace(/^~(?=\/|$)/, '/root')) });
  }
  return out;
}

function urlBasename(url: string): string {
  return pathBasename((url.split(/[?#]/)[0] ?? url).replace(/\/+$/, ''));
}

/** Files and directories that the instructions before `node` added (and did not delete again themselves). */
function addedBefore(model: DockerfileModel, node: InstructionNode): Added[] {
  const out: Added[] = [];
  for (const n of imageNodesBefore(model, node)) for (const a of addedBy(n)) out.push(a);
  return out;
}

/**
 * What each instruction adds, computed once per instruction: every RUN with an `rm` asks about
 * all the instructions before it.
 */
const addedBy: (node: InstructionNode) => readonly Added[] = memoByObject(computeAddedBy);

/** The files and directories one instruction adds (and does not delete again itself). */
function computeAddedBy(n: InstructionNode): Added[] {
  const out: Added[] = [];
  const c = n.copy;
  if (c && c.dest && c.heredocs.length === 0) {
    const destRaw = unquote(n.resolve(c.dest.value) ?? c.dest.value);
    // (A COPY/ADD node has no commands: nothing more to look at.)
    if (destRaw.includes('$')) return out;
    const dest = join(n.state.workdir, destRaw);
    const dirDest = destRaw.endsWith('/') || destRaw === '.' || destRaw === '..' || c.sources.length > 1;
    for (const s of c.sources) {
      const src = unquote(n.resolve(s.value) ?? s.value);
      if (src.includes('$')) continue;
      const url = /^(?:https?|ftp):\/\//.test(src);
      const name = url ? urlBasename(src) : pathBasename(src.replace(/\/+$/, ''));
      const dirLike = !url && (src === '.' || src === './' || src.endsWith('/') || !name.includes('.') || name.includes('*'));
      if (c.kind === 'ADD' && !url && isArchivePath(src) && c.from === null) out.push({ path: dest, node: n, how: 'copy', contextDir: false });
      else if (dirLike) out.push({ path: dest, node: n, how: 'copy', contextDir: c.from === null && (src === '.' || src === './') });
      else {
        // `COPY f /dir` puts the file inside `/dir` when that directory exists: take both readings.
        out.push({ path: `${dest === '/' ? '' : dest}/${name}`, node: n, how: 'copy', contextDir: false });
        if (!dirDest) out.push({ path: dest, node: n, how: 'copy', contextDir: false });
      }
    }
  }
  const cmds = n.run?.commands ?? [];
  const effs = effectiveCommandsOf(n);
  for (const cmd of cmds) {
    const d = recogniseDownload(cmd);
    if (!d || d.toStdout || cdBefore(n, cmd.start)) continue;
    const url = d.urls[0];
    let path: string | null = null;
    if (d.output?.value) path = d.output.value;
    else if (d.remoteName && url?.value) path = `${d.outputDir?.value ?? '.'}/${urlBasename(url.value)}`;
    if (path === null || path.includes('$')) continue;
    const abs = join(n.state.workdir, path);
    const deletedThere = cmds.some((c2, j) => c2.start > cmd.start && rmPaths(n, c2, effs[j]).some((r) => r.path !== null && (r.path === abs || abs.startsWith(`${r.path}/`))));
    if (!deletedThere) out.push({ path: abs, node: n, how: 'download', contextDir: false });
  }
  return out;
}

/** Caches an earlier RUN filled and left behind. */
function cachesLeftBefore(model: DockerfileModel, node: InstructionNode): Map<CacheKind, InstructionNode> {
  const out = new Map<CacheKind, InstructionNode>();
  for (const n of imageNodesBefore(model, node)) for (const k of cachesLeftBy(n)) out.set(k, n);
  return out;
}

/** Cache directories under a cache or tmpfs mount leave nothing in the layer. */
const CACHE_MOUNT_DIRS: Readonly<Partial<Record<CacheKind, string[]>>> = { 'apt-lists': ['/var/lib/apt/lists', '/var/lib/apt'], apk: ['/var/cache/apk', '/etc/apk/cache'], pip: ['/root/.cache/pip', '/root/.cache'], npm: ['/root/.npm'], yum: ['/var/cache/yum'], dnf: ['/var/cache/dnf'], zypper: ['/var/cache/zypp'] };

/**
 * The caches each RUN leaves behind, computed once per instruction (every RUN with a clean-up asks
 * about all the instructions before it).
 */
const cachesLeftBy: (node: InstructionNode) => readonly CacheKind[] = memoByObject(computeCachesLeftBy);

/** The caches one RUN fills and leaves behind, in the order they were found. */
function computeCachesLeftBy(n: InstructionNode): CacheKind[] {
  const out: CacheKind[] = [];
  const cmds = n.run?.commands ?? [];
  if (cmds.length === 0) return out;
  const filled = new Set<CacheKind>();
  for (const c of cmds) {
    const u = recogniseIndexUpdate(c);
    if (u?.manager === 'apt') filled.add('apt-lists');
    if (u?.manager === 'apk') filled.add('apk');
    const i = recognisePackageInstall(c);
    if (!i) continue;
    if (i.manager === 'apk' && i.updateIndex && !i.noCache) filled.add('apk');
    if (i.manager === 'pip' && !i.noCacheDir && !/^(?:1|true|yes|on)$/i.test(n.state.env.get('PIP_NO_CACHE_DIR') ?? '')) filled.add('pip');
    if (i.manager === 'npm') filled.add('npm');
    if (i.manager === 'yum') filled.add('yum');
    if (i.manager === 'dnf' || i.manager === 'microdnf') filled.add('dnf');
    if (i.manager === 'zypper') filled.add('zypper');
  }
  for (const c of cmds) for (const k of recogniseCleanup(c)?.caches ?? []) filled.delete(k);
  for (const k of filled) {
    if (hasCacheMount(n, CACHE_MOUNT_DIRS[k] ?? [])) continue;
    out.push(k);
  }
  return out;
}

const CACHE_LABEL: Readonly<Partial<Record<CacheKind, string>>> = {
  'apt-lists': 'the apt package lists',
  apk: 'the apk index cache',
  pip: 'the pip cache',
  npm: 'the npm cache',
  yum: 'the yum cache',
  dnf: 'the dnf cache',
  zypper: 'the zypper cache',
};

export default defineRule({
  code: 'DW2006',
  name: 'files-removed-later',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Delete files in the layer that created them',
    what:
      'Flags an `rm` (or a package-manager clean-up) in a RUN of the final image that deletes something an earlier instruction added: a file or directory that a COPY or ADD put there, a file downloaded by an earlier RUN, or a cache an earlier RUN left behind (apt lists, apk index, pip, npm, yum/dnf/zypper caches). Relative paths are resolved against WORKDIR.',
    why:
      'Layers only add. A file deleted in a later RUN is hidden from the container, but it still ships in the earlier layer and still counts in the image size. Delete it in the same RUN that created it, keep it out of the image with `RUN --mount=type=bind` (files from the context) or `--mount=type=cache` (caches), or create it in a build stage.',
    examples: [
      {
        bad: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN rm /tmp/app.tar.gz',
        good: 'FROM debian:12-slim\nRUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf /tmp/app.tar.gz -C /opt',
      },
      {
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\nRUN rm -rf /var/lib/apt/lists/*',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*',
      },
    ],
    exceptions:
      'Paths with unknown variables or globs (other than a cache directory\'s `/*`) are not matched, nor relative paths after a `cd` in the same RUN, nor files of the base image. Inside a directory copied from the build context only `.git` is matched (other files there may have been created later). Builder stages are not flagged.',
  },
  check({ model, report }) {
    if (finalStageIsDevTarget(model)) return;
    for (const node of nodesOf(model, 'RUN', { onbuild: false })) {
      if (!node.run || !ships(model, node)) continue;
      let added: Added[] | null = null;
      let caches: Map<CacheKind, InstructionNode> | null = null;
      const effs = effectiveCommandsOf(node);
      for (let ci = 0; ci < node.run.commands.length; ci++) {
        const cmd = node.run.commands[ci];
        if (cmd === undefined) continue;
        const cleanup = recogniseCleanup(cmd);
        if (cleanup) {
          caches ??= cachesLeftBefore(model, node);
          const kind = cleanup.caches.find((k) => caches?.has(k));
          const from = kind ? caches.get(kind) : undefined;
          if (kind && from) {
            const range = cleanup.method === 'rm' && cleanup.paths[0] ? wordRange(node, cleanup.paths[0]) : commandRange(node, cmd);
            report({
              message: `${CACHE_LABEL[kind] ?? kind} came from the RUN on line ${from.syntax.range.start.line + 1}; cleaning it in this later RUN does not shrink the image, the earlier layer still holds it. Clean it in that RUN, or use a cache mount`,
              range,
            });
            continue;
          }
        }
        const paths = rmPaths(node, cmd, effs[ci]);
        if (paths.length === 0) continue;
        added ??= addedBefore(model, node);
        for (const { word, path } of paths) {
          if (path === null || path === '/') continue;
          const hit = added.find((a) => a.path === path || a.path.startsWith(`${path}/`) || (a.contextDir && pathBasename(path) === '.git' && path.startsWith(`${a.path === '/' ? '' : a.path}/`)));
          if (!hit) continue;
          const line = hit.node.syntax.range.start.line + 1;
          const fix =
            hit.how === 'download'
              ? 'download, use and delete it in one RUN'
              : 'mount it only for the RUN that needs it (`RUN --mount=type=bind,source=...`), exclude it with .dockerignore, or add it in a build stage';
          const by = hit.how === 'download' ? `downloaded by the RUN on line ${line}` : `added by the ${hit.node.keyword} on line ${line}`;
          report({
            message: `\`${word.value ?? word.text}\` was ${by}; deleting it in this later RUN does not remove it from the image (the earlier layer keeps it): ${fix}`,
            range: wordRange(node, word),
          });
        }
      }
    }
  },
});
