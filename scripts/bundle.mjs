#!/usr/bin/env node
// Bundles the built CLI (dist/src/cli/main.js, from tsc) into a few CommonJS files beside it, for
// a fast start (`npm run build` runs this after tsc). See src/cli/launch.cts for how they are run.
//
// Why: loading ~230 ES modules one by one (resolve, read, compile, link each) took about half of a
// one-file lint run. One file that holds everything a `lint` run needs is read and compiled at
// once, and, being CommonJS, it can be compiled from a V8 code cache (Node 20 has no code cache
// for ES modules), which removes most of the compile time.
//
// Output, all in dist/src/cli/ (the same depth as main.js, so the `import.meta.url`-relative paths
// in the code, ../../../package.json and ./worker.js, still point at the right files):
//   bundle-core.cjs     main.ts and everything a lint run loads: the lint command, the rules, the
//                       engine, the report dispatcher and the json format, the bash parser, the
//                       worker pool and the workers' loop.
//   bundle-*-HASH.cjs   what only other commands or formats load (migrate, rules docs, the other
//                       report formats), each loaded on first use as before.
//   bundle-cli.cjs      the entry chunk (unused by the launcher, which loads bundle-core.cjs itself).
//   web-tree-sitter.wasm  the runtime of web-tree-sitter, which is bundled too (its CommonJS build).
// Worker threads run the bundle too, through launch.cjs (see src/cli/pool.ts); dist/src/cli/worker.js
// is their entry only when there is no bundle.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'src', 'cli');

/** Modules whose static imports (recursively) make up bundle-core.cjs: what `dockwise lint` loads. */
const CORE_ROOTS = ['src/cli/main.js', 'src/cli/lint-command.js', 'src/cli/worker-run.js', 'src/cli/pool.js', 'rules/index.js', 'src/report/index.js', 'src/report/json.js', 'src/shell/parser.js'].map((p) =>
  join(root, 'dist', p),
);

for (const f of readdirSync(outDir)) if (f.startsWith('bundle-') || f.endsWith('.wasm')) rmSync(join(outDir, f));
// (Found beside the script rather than resolved in node_modules at run time: resolving it cost
// ~2 ms per run.)
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(outDir, 'web-tree-sitter.wasm'));

/**
 * commander requires node:child_process (with net, dgram...: ~3 ms) at load, for executable
 * subcommands, which dockwise does not have: require it when a subprocess is spawned instead. The
 * build fails if commander's code no longer has the line, so the patch cannot silently go stale.
 */
const lazyChildProcess = {
  name: 'dockwise-lazy-child-process',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    const line = "const childProcess = require('node:child_process');";
    if (!code.includes(line)) throw new Error(`bundle: ${id} no longer has: ${line}`);
    return code.replace(line, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
  },
};

await build({
  plugins: [lazyChildProcess],
  // main.ts and lint-command.ts import some core modules dynamically, to stay lazy when run
  // unbundled; in the bundle they are in the core chunk anyway, which is what this warns about.
  onLog(level, log, handler) {
    if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
    handler(level, log);
  },
  input: { cli: join(outDir, 'main.js') },
  external: [/^node:/],
  // web-tree-sitter's CommonJS build: its ES build imports node:module dynamically at start-up,
  // which code run by vm.Script cannot do. It loads its runtime, web-tree-sitter.wasm, from the
  // directory of its script, here the bundle's: the wasm is copied there below.
  // dockerfile-ast (CommonJS) requires vscode-languageserver-types and -textdocument, which also
  // ship ES builds; bundled as ES modules, every `Range.create` of the parser went through a bound
  // getter of the CommonJS interop (~30 ms over the corpus): take their CommonJS builds too.
  resolve: {
    alias: {
      'web-tree-sitter': require.resolve('web-tree-sitter'),
      // (Resolved from dockerfile-ast, whose dependencies they are.)
      'vscode-languageserver-types': createRequire(require.resolve('dockerfile-ast')).resolve('vscode-languageserver-types'),
      'vscode-languageserver-textdocument': createRequire(require.resolve('dockerfile-ast')).resolve('vscode-languageserver-textdocument'),
    },
  },
  platform: 'node',
  logLevel: 'warn',
  // web-tree-sitter's Emscripten glue uses direct eval (for EM_ASM); it works as well bundled.
  checks: { eval: false },
  output: {
    dir: outDir,
    format: 'cjs',
    entryFileNames: 'bundle-[name].cjs',
    chunkFileNames: (chunk) => (chunk.name === 'core' ? 'bundle-core.cjs' : 'bundle-[name]-[hash].cjs'),
    codeSplitting: {
      groups: [{ name: 'core', test: (id) => /rolldown[:/]runtime/.test(id) || CORE_ROOTS.includes(id) }],
    },
  },
});

// The launcher names the code cache after this hash: a cache made for other code is never used.
// A hashbang line would be a syntax error inside the launcher's function wrapper.
const corePath = join(outDir, 'bundle-core.cjs');
// Non-ASCII characters (a few, in rule texts: …, µ) are written as \u escapes, all of them inside
// string literals or comments where an escape means the same: an ASCII source is a one-byte
// string for V8, which reads and scans faster and takes half the memory.
const core = readFileSync(corePath, 'utf8')
  .replace(/^#!.*/, '')
  .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const hash = createHash('sha256').update(core).digest('hex').slice(0, 20);
writeFileSync(corePath, `// dockwise-bundle ${hash}\n${core}`);

// The executables (`bin`, and main.js, the bin of earlier versions that npx caches may still point
// at) are executable in the working tree too, not only where npm links them.
for (const f of ['launch.cjs', 'main.js']) chmodSync(join(outDir, f), 0o755);
