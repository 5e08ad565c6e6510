#!/usr/bin/env node
/**
 * The `dockwise` executable (package.json `bin`): starts the CLI as fast as Node 20 allows.
 *
 * `npm run build` bundles the CLI into dist/src/cli/bundle-core.cjs (scripts/bundle.mjs): main.ts
 * and all that a `lint` run loads, in one CommonJS file. This launcher compiles that file with a
 * V8 code cache, so a run skips most of the parsing and compiling of ~1.4 MB of JavaScript:
 *
 * - The cache is V8's own serialized bytecode (`vm.Script` `cachedData`), kept per user in
 *   $XDG_CACHE_HOME/dockwise (default ~/.cache/dockwise), one file per bundle content hash, Node
 *   version and architecture. V8 checks the cache against its version, flags and the source, and
 *   rejects what does not fit (`cachedDataRejected`): then the script is compiled as usual.
 * - It is written once, at exit of the first run (after the run, so that it also holds the
 *   functions that the run compiled lazily), to a temporary file renamed into place, so that
 *   concurrent runs never read half a file. Each command has its own cache (a `--version` run
 *   compiles little of what `lint` needs), and a run that fails (exit code 2) writes none.
 *   If the cache cannot be read or written (read-only home, no home), the CLI runs uncached: it
 *   only costs speed. DOCKWISE_NO_CODE_CACHE=1 turns it off.
 * - The cache changes no result: the code that runs is the same, only how V8 gets its bytecode.
 *
 * Without a bundle (only `tsc` was run), the launcher falls back to the unbundled ES modules.
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

// src/shell/parser.ts sets --liftoff-only for the bash grammar's WebAssembly (see there). V8 uses a
// code cache only under the flags it was made under, so set it before compiling anything.
// --verify-snapshot-checksum makes V8 checksum the code caches it writes and check them when it
// reads them (release builds do not by default): a damaged cache file is then rejected like a
// stale one, where it would otherwise crash the process.
setFlagsFromString('--liftoff-only');
// V8 hands a function to its optimising compiler (TurboFan) once it has spent an "interrupt
// budget" of bytecode; the default (132 KB) suits long-running programs. A lint run is short and
// runs a lot of different code (~160 rules, two parsers, the analyses) a few thousand times each:
// with the default, V8 compiled hundreds of functions on its background threads, which cost more
// CPU than the optimised code saved (whole corpus, one thread: ~6.8 s CPU by default, ~5.2 s with
// no optimising compiler at all). With a budget of 1 MB only the really hot functions are
// optimised: ~3.9 s CPU, and the wall time drops with it. A language server, which lints the
// same file over and over, still gets every hot function optimised, only a little later.
// Flags are process-wide: worker threads get the same. Output is byte-identical (tested on the corpus).
setFlagsFromString('--interrupt-budget=1000000');
setFlagsFromString('--verify-snapshot-checksum');

const CORE = path.join(__dirname, 'bundle-core.cjs');

/** Which code the run will compile, roughly: names the cache (see above). */
function commandKind(argv: readonly string[]): string {
  // (A lint worker thread, see pool.ts, has no arguments: 'lint', the cache its code is in.)
  if (argv.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version')) return 'other';
  const first = argv.find((a) => !a.startsWith('-'));
  return first === 'migrate' || first === 'rules' || first === 'explain' ? first : first === 'help' ? 'other' : 'lint';
}

/** Where this bundle's code cache lives, or null when caching is off or there is no home. */
function cacheFile(hash: string | undefined): string | null {
  if (process.env.DOCKWISE_NO_CODE_CACHE) return null;
  if (hash === undefined) return null;
  let base = process.env.XDG_CACHE_HOME;
  if (!base || !path.isAbsolute(base)) {
    let home = '';
    try {
      home = os.homedir();
    } catch {
      return null;
    }
    if (!home) return null;
    base = path.join(home, '.cache');
  }
  return path.join(base, 'dockwise', `core-${hash}-${commandKind(process.argv.slice(2))}-${process.version}-${process.arch}.v8cache`);
}

/** Caches of other bundles (older dockwise builds) are removed when unused for this long. */
const STALE_MS = 7 * 24 * 3600 * 1000;

function writeCache(file: string, hash: string, data: Buffer): void {
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // Two plain mkdirs, not a recursive one: that would create a missing home directory, and it
    // never returns on some file systems (/proc). Without the parent of the cache directory
    // (normally the home directory), there is no cache.
    for (const d of [path.dirname(dir), dir]) {
      try {
        fs.mkdirSync(d, { mode: 0o700 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
    // Tidy up here, where a cache is written anyway (rarely), not on every run.
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('core-') || name.includes(hash)) continue;
      const other = path.join(dir, name);
      if (now - fs.statSync(other).mtimeMs > STALE_MS) fs.unlinkSync(other);
    }
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing written */
    }
  }
}

/** The parts of a CommonJS module object that Node's loader reads (not all are in @types/node). */
interface LoadedModule {
  filename: string;
  paths: string[];
  loaded: boolean;
  exports: unknown;
}
type ModuleClass = (new (id: string, parent: null) => LoadedModule) & {
  _nodeModulePaths(dir: string): string[];
  _cache: Record<string, LoadedModule>;
};

/** Run bundle-core.cjs as Node's loader would run it, but compiled from (or into) the code cache. */
function runCore(source: string): void {
  const hash = /^\/\/ dockwise-bundle ([0-9a-f]+)\n/.exec(source)?.[1];
  const file = cacheFile(hash);
  let cachedData: Buffer | undefined;
  if (file !== null) {
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      /* no cache yet */
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: CORE, ...(cachedData ? { cachedData } : {}) });
  // The checksum flag would also make every worker thread verify V8's start-up snapshot (~18 ms
  // of CPU each): on only while a cache is read or made. V8 ties a cache to the flags it was
  // made under, so they must be the same then.
  setFlagsFromString('--no-verify-snapshot-checksum');
  // (A lint worker thread runs this launcher too, see pool.ts: it reads the cache, the main thread
  // writes it.)
  if (isMainThread && file !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', (code) => {
      if (code === 2 || hash === undefined) return;
      setFlagsFromString('--verify-snapshot-checksum');
      writeCache(file, hash, script.createCachedData());
    });
  }
  const M = Module as unknown as ModuleClass;
  const mod = new M(CORE, null);
  mod.filename = CORE;
  mod.paths = M._nodeModulePaths(__dirname);
  // The lazily loaded chunks require('./bundle-core.cjs') for shared code: they must get this
  // instance, not a second copy (which would run the CLI again).
  M._cache[CORE] = mod;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: LoadedModule, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(CORE), mod, CORE, __dirname);
  mod.loaded = true;
}

let source: string | null = null;
try {
  // The bundle is pure ASCII (scripts/bundle.mjs escapes every other character), so latin1 reads
  // it as the same string as utf8 would, without a UTF-8 decode of 1.3 MB (~1.3 ms).
  source = fs.readFileSync(CORE, 'latin1');
} catch {
  /* not bundled */
}
if (source !== null) runCore(source);
else void import('./main.js');
