import {
  finalImageIsToolbox,
  finalLineage,
  commandEnv,
  commandRange,
  defineRule,
  effectiveCommand,
  hasCacheMount,
  packageCommands,
  pathBasename,
  recogniseCleanup,
  recognisePackageCommand,
  ships,
  type InstructionNode,
  type SimpleCommand,
} from '../../src/rule-api.js';

type Kind = 'npm' | 'pnpm' | 'go-build' | 'go-mod' | 'cargo' | 'gem' | 'composer' | 'conda' | 'uv';

interface CacheSpec {
  label: string;
  /** Default directories (home-relative ones as `/root/...`). */
  dirs: readonly string[];
  /** Environment variables that move the cache. */
  envDirs?: readonly string[];
  clean: string;
}

const SPECS: Readonly<Record<Kind, CacheSpec>> = {
  npm: { label: 'npm download cache', dirs: ['/root/.npm', '/home/node/.npm'], envDirs: ['npm_config_cache', 'NPM_CONFIG_CACHE'], clean: '`npm cache clean --force`' },
  pnpm: { label: 'pnpm store', dirs: ['/root/.local/share/pnpm/store', '/pnpm/store', '/root/.cache/pnpm'], envDirs: ['PNPM_STORE_DIR', 'npm_config_store_dir'], clean: '`pnpm store prune`' },
  'go-build': { label: 'Go build cache', dirs: ['/root/.cache/go-build'], envDirs: ['GOCACHE'], clean: '`go clean -cache`' },
  'go-mod': { label: 'Go module cache', dirs: ['/go/pkg/mod', '/root/go/pkg/mod'], envDirs: ['GOMODCACHE'], clean: '`go clean -modcache`' },
  cargo: { label: 'Cargo registry and git cache', dirs: ['/usr/local/cargo/registry', '/root/.cargo/registry', '/usr/local/cargo/git', '/root/.cargo/git'], clean: '`rm -rf $CARGO_HOME/registry $CARGO_HOME/git`' },
  gem: { label: 'gem cache (*.gem files)', dirs: ['/usr/local/bundle/cache', '/root/.gem', '/root/.local/share/gem'], clean: '`rm -rf /usr/local/bundle/cache` (or `$GEM_HOME/cache`)' },
  composer: { label: 'Composer cache', dirs: ['/root/.composer/cache', '/root/.cache/composer', '/tmp/cache', '/tmp/composer-cache'], envDirs: ['COMPOSER_CACHE_DIR'], clean: '`composer clear-cache`' },
  conda: { label: 'conda package cache', dirs: ['/opt/conda/pkgs', '/root/.conda/pkgs', '/root/micromamba/pkgs'], clean: '`conda clean --all --yes`' },
  uv: { label: 'uv cache', dirs: ['/root/.cache/uv'], envDirs: ['UV_CACHE_DIR'], clean: '`uv cache clean` (or `--no-cache`)' },
};

/** Windows images keep caches elsewhere (and `RUN` is not a POSIX shell there). */
function windowsImage(model: Parameters<typeof finalLineage>[0]): boolean {
  const root = finalLineage(model)[0];
  const raw = root?.base.kind === 'image' ? (root.base.image.resolved ?? root.base.image.raw) : root?.base.kind === 'unknown' ? root.base.raw : '';
  return /windows|servercore|nanoserver/i.test(raw) || (root?.instructions.some((n) => n.keyword === 'SHELL' && /powershell|pwsh|cmd/i.test(n.syntax.args.map((a) => a.value).join(' '))) ?? false);
}

/** The caches a command fills, if any. */
function cachesOf(node: InstructionNode, cmd: SimpleCommand): Kind[] {
  const pc = recognisePackageCommand(cmd);
  const env = (n: string): string | null | undefined => commandEnv(node, cmd, n);
  const truthy = (n: string): boolean => /^(?:1|true|yes|on)$/i.test((env(n) ?? '').replace(/["']/g, ''));
  if (pc) {
    const sub = pc.subcommand;
    const flag = (...names: string[]): boolean => pc.flags.some((f) => names.includes(f.name));
    switch (pc.manager) {
      case 'npm':
        return ['install', 'i', 'ci', 'clean-install', 'add', 'update'].includes(sub) ? ['npm'] : [];
      case 'pnpm':
        return ['install', 'i', 'add', 'update', 'fetch'].includes(sub) ? ['pnpm'] : [];
      case 'go':
        if (sub === 'build' || sub === 'install' || sub === 'test') return ['go-build', 'go-mod'];
        if (sub === 'get' || sub === 'mod download') return ['go-mod'];
        if (sub === 'mod' && pc.operands[0]?.value === 'download') return ['go-mod'];
        return [];
      case 'cargo':
        return ['build', 'install', 'fetch', 'test'].includes(sub) ? ['cargo'] : [];
      case 'gem':
      case 'bundle':
        return sub === 'install' || sub === 'i' || sub === 'update' ? ['gem'] : [];
      case 'composer': {
        const verb = sub.startsWith('global ') ? sub.slice(7) : sub;
        if (!['install', 'require', 'update'].includes(verb) || flag('--no-cache')) return [];
        const dir = env('COMPOSER_CACHE_DIR');
        return dir === '/dev/null' || truthy('COMPOSER_NO_CACHE') ? [] : ['composer'];
      }
      case 'conda':
        return sub === 'install' || sub === 'create' || sub === 'update' ? ['conda'] : [];
      case 'uv': {
        const fills = ['pip install', 'pip sync', 'sync', 'tool install', 'add', 'run', 'venv'].includes(sub) && sub !== 'venv';
        if (!fills || flag('--no-cache', '-n') || truthy('UV_NO_CACHE')) return [];
        return ['uv'];
      }
      default:
        return [];
    }
  }
  return [];
}

/**
 * Directories a kind uses here: the defaults, or the directory an environment variable moves it to.
 * Null when such a variable is set to a value dockwise cannot know (`GOCACHE="$PWD/.cache"`).
 */
function dirsOf(node: InstructionNode, cmd: SimpleCommand, kind: Kind): string[] | null {
  const spec = SPECS[kind];
  const moved: string[] = [];
  const read = (name: string, suffix = ''): boolean => {
    const v = commandEnv(node, cmd, name);
    if (v === undefined) return true;
    if (v === null || v.includes('$')) return false;
    const first = (v.replace(/["']/g, '').split(':')[0] ?? '').replace(/\/+$/, '');
    if (first !== '') moved.push(`${first}${suffix}`);
    return true;
  };
  let known = true;
  for (const e of spec.envDirs ?? []) known = read(e) && known;
  if (kind === 'go-mod' && moved.length === 0) known = read('GOPATH', '/pkg/mod') && known;
  if (kind === 'cargo') known = read('CARGO_HOME', '/registry') && known;
  if (kind === 'gem') {
    known = read('GEM_HOME', '/cache') && known;
    known = read('BUNDLE_PATH', '/cache') && known;
  }
  if (!known) return null;
  return moved.length > 0 ? moved : [...spec.dirs];
}

/** How to name the cache directory in a message: the gem cache depends on where Ruby comes from. */
function shownDir(kind: Kind, dirs: readonly string[], moved: boolean): string {
  if (kind === 'gem' && !moved) return '$GEM_HOME/cache';
  return dirs[0] ?? '';
}

/** `rm` paths (normalised, `~` and `$HOME` as /root) removed by a command. */
function removedPaths(node: InstructionNode, cmd: SimpleCommand): string[] {
  const eff = effectiveCommand(cmd);
  if (eff.name === null || pathBasename(eff.name) !== 'rm') return [];
  const out: string[] = [];
  for (const w of eff.args) {
    let v = w.value ?? node.resolve(w.text.replace(/^"|"$/g, '')) ?? w.text.replace(/["']/g, '');
    if (v.startsWith('-')) continue;
    v = v.replace(/^~(?=\/|$)/, '/root').replace(/^\$\{?HOME\}?(?=\/|$)/, '/root').replace(/^\$\{?CARGO_HOME\}?/, '/usr/local/cargo').replace(/^\$\{?GEM_HOME\}?/, '/usr/local/bundle');
    out.push(v.replace(/\/\*$/, '').replace(/\/\.?\*$/, '').replace(/\/+$/, ''));
  }
  return out;
}

function covers(removed: string, dir: string): boolean {
  if (removed === '') return false;
  if (removed === dir || dir.startsWith(`${removed}/`)) return true;
  // A glob in the last component inside the cache (`/usr/local/bundle/cache/*.gem`).
  const slash = removed.lastIndexOf('/');
  return slash > 0 && removed.slice(slash + 1).includes('*') && removed.slice(0, slash) === dir;
}

const TOOL_CLEAN: Readonly<Partial<Record<Kind, readonly string[]>>> = { npm: ['npm'], pnpm: ['pnpm'], 'go-build': ['go-build'], 'go-mod': ['go-mod'], composer: ['composer'], conda: ['conda'], uv: ['uv'] };

export default defineRule({
  code: 'DW2004',
  name: 'package-cache-left',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Do not leave language package-manager caches in the final image',
    what:
      'Flags a RUN of the final image that fills a package-manager cache and does not clear it in the same RUN or keep it out with a cache mount: npm (`~/.npm`), pnpm (store), Go (build and module caches, after `go build`/`go install`/`go mod download`), Cargo (registry and git checkouts), RubyGems/Bundler (`*.gem` files in `$GEM_HOME/cache`), Composer, conda/mamba (`pkgs`), and uv. Caches moved with environment variables (`GOCACHE`, `GOMODCACHE`, `COMPOSER_CACHE_DIR`, `UV_CACHE_DIR`...) are followed.',
    why:
      'The cache is a second copy of every package downloaded: often as large as the installed dependencies themselves. It is only useful to the next build, so it belongs in a `--mount=type=cache` (faster rebuilds, nothing shipped) or must be deleted in the RUN that filled it; deleting it later leaves it in the earlier layer.',
    examples: [
      {
        bad: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
        good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\nCMD ["node", "server.js"]',
      },
      { bad: 'FROM ruby:3.3-slim\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCMD ["ruby", "app.rb"]', good: 'FROM ruby:3.3-slim\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install && rm -rf /usr/local/bundle/cache\nCMD ["ruby", "app.rb"]' },
    ],
    exceptions:
      'Caches that hadolint rules already cover are left to them: apt (DL3009), apk (DL3019), pip (DL3042), yarn (DL3060), yum/dnf/zypper (DL3032/DL3040/DL3036). Builder stages, toolbox images (see DW2001: a warm cache can be the point of a build environment) and Windows images are not flagged.',
  },
  check({ model, report }) {
    if (finalImageIsToolbox(model) || windowsImage(model)) return;
    // Only package-manager commands fill caches (cachesOf): those of every RUN, in file order.
    let seenNode: InstructionNode | null = null;
    let seen = new Set<Kind>();
    for (const { node, pc } of packageCommands(model, { onbuild: false })) {
      if (!node.run || !ships(model, node)) continue;
      const cmds = node.run.commands;
      if (node !== seenNode) {
        seenNode = node;
        seen = new Set<Kind>();
      }
      const cmd = pc.command;
      for (const kind of cachesOf(node, cmd)) {
        if (seen.has(kind)) continue;
        seen.add(kind);
        const dirs = dirsOf(node, cmd, kind);
        if (dirs === null || hasCacheMount(node, dirs)) continue;
        const cleaned = cmds.some((c) => {
          if (c.start <= cmd.start) return false;
          const cl = recogniseCleanup(c);
          if (cl && cl.method === 'tool' && (TOOL_CLEAN[kind] ?? []).some((k) => (cl.caches as readonly string[]).includes(k))) return true;
          return removedPaths(node, c).some((p) => dirs.some((d) => covers(p, d)));
        });
        if (cleaned) continue;
        const spec = SPECS[kind];
        const dir = shownDir(kind, dirs, dirs[0] !== SPECS[kind].dirs[0]);
        report({
          message: `This RUN leaves the ${spec.label} (\`${dir}\`) in a layer of the final image: use \`RUN --mount=type=cache,target=${dir}\`, or clear it in the same RUN with ${spec.clean}`,
          range: commandRange(node, cmd),
        });
      }
    }
  },
});
