#!/usr/bin/env node
// Side-by-side benchmark of dockwise against tally, dockerfile-utils, dockerfilelint and the
// read / parse floors, on the same files, one whole child process per measurement.
// See bench/README.md. Plain Node ESM, no dependencies beyond the repo's devDependencies.
//
//   node bench/bench.mjs [--quick] [--runs N] [--small-runs N] [--tally-runs N]
//                        [--corpus DIR] [--small FILE] [--memory] [--editor] [--only LIST]
//                        [--skip IDS] [--json FILE] [--fallback] [--timeout S] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync,
  rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const NODE = process.execPath;
// The package's bin: the launcher of the bundled CLI (src/cli/launch.cts).
const DOCKWISE = join(REPO, 'dist/src/cli/launch.cjs');
const TALLY = join(REPO, 'node_modules/@wharflab/tally-linux-x64/bin/tally');
const DFU_CLI = join(REPO, 'node_modules/dockerfile-utils/bin/dockerfile-utils');
const DFL_CLI = join(REPO, 'node_modules/dockerfilelint/bin/dockerfilelint');
const DEFAULT_SMALL = 'GoogleCloudPlatform__microservices-demo/src__frontend__Dockerfile';
const SMALL_MAX_LINES = 60;

// ---------------------------------------------------------------------------------------- args

const HELP = `usage: node bench/bench.mjs [options]

scenarios (default: corpus and small)
  --memory            also: dockwise over the corpus 10 times in one run, peak RSS vs one pass
  --editor            also: in-process re-lint of a 1,000-line Dockerfile (built dist/ API)
  --only LIST         run only these scenarios (comma list of corpus, small, memory, editor)

options
  --corpus DIR        corpus directory (default: ../shared/corpus relative to the repo root)
  --small FILE        the small file (default: the largest Dockerfile of at most 60 lines
                      under fixtures/, else
                      ${DEFAULT_SMALL} of the corpus)
  --runs N            timed runs per corpus command (default 5, --quick 1), plus 1 warm-up
  --small-runs N      timed runs per small-file command (default 10, --quick 3), plus 1 warm-up
  --tally-runs N      timed runs of tally over the corpus (default 1, no warm-up: ~1 min each)
  --memory-runs N     timed runs per memory command (default 1: peak RSS barely varies)
  --editor-iterations N  re-lints in the editor scenario (default 50, --quick 20)
  --quick             fewer runs, for a smoke check
  --skip IDS          skip commands by id (e.g. tally,dockwise-jobs-2; ids are shown in the tables)
  --json FILE         also write every figure as JSON
  --fallback          measure without /usr/bin/time even when it exists (test the fallback)
  --timeout S         kill a run after S seconds (default 600)
  --keep              keep the temporary work directory
`;

function parseArgs(argv) {
  const o = {
    corpus: resolve(REPO, '../shared/corpus'), small: null, runs: null, smallRuns: null, tallyRuns: null,
    memoryRuns: null, editorIterations: null, quick: false, json: null, fallback: false, timeout: 600,
    keep: false, skip: new Set(), scenarios: new Set(['corpus', 'small']),
  };
  const num = (v, name) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) die(`${name} takes a non-negative integer (got "${v}")`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--corpus': o.corpus = resolve(val()); break;
      case '--small': o.small = resolve(val()); break;
      case '--runs': o.runs = num(val(), a); break;
      case '--small-runs': o.smallRuns = num(val(), a); break;
      case '--tally-runs': o.tallyRuns = num(val(), a); break;
      case '--memory-runs': o.memoryRuns = num(val(), a); break;
      case '--editor-iterations': o.editorIterations = num(val(), a); break;
      case '--quick': o.quick = true; break;
      case '--json': o.json = resolve(val()); break;
      case '--fallback': o.fallback = true; break;
      case '--timeout': o.timeout = num(val(), a); break;
      case '--keep': o.keep = true; break;
      case '--memory': o.scenarios.add('memory'); break;
      case '--editor': o.scenarios.add('editor'); break;
      case '--only': o.scenarios = new Set(val().split(',').map((s) => s.trim()).filter(Boolean)); break;
      case '--skip': for (const s of val().split(',')) if (s.trim()) o.skip.add(s.trim()); break;
      case '-h': case '--help': process.stdout.write(HELP); process.exit(0); break;
      default: die(`unknown option ${a}\n\n${HELP}`);
    }
  }
  for (const s of o.scenarios) if (!['corpus', 'small', 'memory', 'editor'].includes(s)) die(`unknown scenario "${s}"`);
  o.runs ??= o.quick ? 1 : 5;
  o.smallRuns ??= o.quick ? 3 : 10;
  o.tallyRuns ??= 1;
  o.memoryRuns ??= 1;
  o.editorIterations ??= o.quick ? 20 : 50;
  return o;
}

function die(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
}

const log = (s) => process.stderr.write(s + '\n');

// ---------------------------------------------------------------------------------- measuring

function findGnuTime() {
  for (const p of ['/usr/bin/time']) {
    if (!existsSync(p)) continue;
    const r = spawnSync(p, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && /^\d+\s*$/m.test(r.stderr)) return p;
  }
  const w = spawnSync('sh', ['-c', 'command -v time'], { encoding: 'utf8' });
  const p = w.stdout.trim();
  if (p.startsWith('/') && existsSync(p)) {
    const r = spawnSync(p, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && /^\d+\s*$/m.test(r.stderr)) return p;
  }
  return null;
}

/** Sum of waited-for children's user and system time of this process, in seconds (Linux). */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(f[13]) / CLK_TCK, sys: Number(f[14]) / CLK_TCK };
  } catch {
    return null;
  }
}

function vmHwmKiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

let CLK_TCK = 100;
let GNU_TIME = null;
let WORK = null;
let runSeq = 0;

/**
 * Run one command to completion as a child process and measure it. stdout and stderr go to
 * files (kept for the last run of each command).
 */
async function runOnce(cmd, args, { cwd, outFile, errFile, timeout, isNode }) {
  const seq = ++runSeq;
  const timeFile = join(WORK, `time-${seq}.txt`);
  const rusageFile = join(WORK, `rusage-${seq}.json`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const env = { ...process.env };
  let argv0 = cmd;
  let argv = args;
  if (GNU_TIME) {
    argv0 = GNU_TIME;
    argv = ['-o', timeFile, '-f', '%e %U %S %M %x', cmd, ...args];
  } else if (isNode) {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ? env.NODE_OPTIONS + ' ' : ''}--require ${JSON.stringify(join(HERE, '_rusage-hook.cjs'))}`;
    env.BENCH_RUSAGE_FILE = rusageFile;
  }
  const cpu0 = GNU_TIME ? null : childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const child = spawn(argv0, argv, { cwd, env, stdio: ['ignore', out, err], detached: true });
  let hwm = null;
  let poll = null;
  if (!GNU_TIME) {
    const sample = () => {
      const v = vmHwmKiB(child.pid);
      if (v !== null) hwm = Math.max(hwm ?? 0, v);
    };
    sample();
    poll = setInterval(sample, 5);
  }
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, timeout * 1000);
  const { code, signal } = await new Promise((res) => {
    child.on('error', (e) => res({ code: null, signal: null, error: e }));
    child.on('exit', (code, signal) => res({ code, signal }));
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  clearTimeout(killer);
  if (poll) clearInterval(poll);
  closeSync(out);
  closeSync(err);

  const r = { wall, user: null, sys: null, peakKiB: null, exit: code, signal: signal ?? null, timedOut };
  if (GNU_TIME) {
    let text = '';
    try {
      text = readFileSync(timeFile, 'utf8');
    } catch {
      /* killed before time wrote it */
    }
    const lines = text.trim().split('\n');
    const last = lines[lines.length - 1] ?? '';
    const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+) (-?\d+)$/.exec(last.trim());
    if (m) {
      r.user = Number(m[2]);
      r.sys = Number(m[3]);
      r.peakKiB = Number(m[4]);
      r.exit = Number(m[5]);
    }
    const sig = /Command terminated by signal (\d+)/.exec(text);
    if (sig) r.signal = `signal ${sig[1]}`;
  } else {
    const cpu1 = childCpuSeconds();
    if (cpu0 && cpu1) {
      r.user = cpu1.user - cpu0.user;
      r.sys = cpu1.sys - cpu0.sys;
    }
    r.peakKiB = hwm;
    if (isNode && existsSync(rusageFile)) {
      try {
        const u = JSON.parse(readFileSync(rusageFile, 'utf8'));
        r.peakKiB = u.maxRSS;
        r.user = u.user / 1e6;
        r.sys = u.system / 1e6;
      } catch {
        /* keep the /proc figures */
      }
    }
  }
  if (timedOut) r.signal = `timeout after ${timeout} s`;
  return r;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Medians over the timed runs that did not fail (a crashed run's time says nothing). */
function stats(runs, exitMeansCount = false) {
  const failed = (r) => r.signal || r.timedOut || (!exitMeansCount && r.exit !== 0 && r.exit !== 1);
  const timed = runs.filter((r) => !r.warmup);
  const good = timed.filter((r) => !failed(r));
  // every timed run failed: fall back to a warm-up that succeeded, else report no figures
  const use = good.length ? good : runs.filter((r) => !failed(r));
  const walls = use.map((r) => r.wall);
  return {
    runs: use.length,
    failedRuns: timed.length - good.length,
    warmups: runs.length - timed.length,
    fromWarmup: !good.length && use.length > 0,
    wall: median(walls),
    wallMin: walls.length ? Math.min(...walls) : null,
    wallMax: walls.length ? Math.max(...walls) : null,
    user: median(use.map((r) => r.user)),
    sys: median(use.map((r) => r.sys)),
    cpu: median(use.map((r) => (r.user === null || r.sys === null ? null : r.user + r.sys))),
    peakMiB: median(use.map((r) => (r.peakKiB === null ? null : r.peakKiB / 1024))),
    exits: [...new Set(runs.map((r) => (r.signal ? r.signal : r.exit)))],
  };
}

/**
 * Measure a set of commands: `rounds` rounds (the first one a warm-up when `warmup`), each
 * round running every command once, so load changes on the machine spread over all of them.
 */
async function measureAll(commands, { runs, warmup, timeout, label }) {
  const total = runs + (warmup ? 1 : 0);
  for (const c of commands) c.runs = [];
  for (let round = 0; round < total; round++) {
    for (const c of commands) {
      const r = await runOnce(c.cmd, c.args, {
        cwd: c.cwd, outFile: c.outFile, errFile: c.errFile, timeout, isNode: c.isNode,
      });
      r.warmup = warmup && round === 0;
      if (r.signal || r.timedOut || (!c.exitMeansCount && r.exit !== 0 && r.exit !== 1)) r.stderrTail = tailOf(c.errFile, 300);
      c.runs.push(r);
      if (process.stderr.isTTY) process.stderr.write(`\r  ${label}: round ${round + 1}/${total} ${c.id.padEnd(28)} ${r.wall.toFixed(3)} s   `);
    }
    if (!process.stderr.isTTY) log(`  ${label}: round ${round + 1}/${total}${warmup && round === 0 ? ' (warm-up)' : ''}: ${commands.map((c) => `${c.id} ${c.runs[round].wall.toFixed(2)} s`).join(', ')}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const c of commands) c.stats = stats(c.runs, c.exitMeansCount);
}

// ---------------------------------------------------------------------------------- inputs

function collectCorpus(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      die(`cannot read ${d}: ${e.message}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') walk(full);
      }
      else if (e.isFile() && !/\.(md|txt|json|ya?ml|sh|toml)$/i.test(e.name) && e.name !== '.DS_Store') out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * The work tree: every input file as a symlink `<WORK>/<tree>/<flat name>/Dockerfile`, so that
 * every tool gets the same short relative paths and tally (which only accepts files named like
 * Dockerfiles) accepts all of them; the flattened directory name keeps files apart.
 */
function linkTree(root, files, base, { copy = false } = {}) {
  mkdirSync(root, { recursive: true });
  const rel = [];
  for (const f of files) {
    const flat = relative(base, f).split(sep).join('__').replace(/[^\w.@+-]/g, '_');
    const d = join(root, flat);
    mkdirSync(d, { recursive: true });
    const target = join(d, 'Dockerfile');
    if (copy) copyFileSync(f, target);
    else symlinkSync(f, target);
    rel.push(`${flat}/Dockerfile`);
  }
  return rel;
}

function countLines(files) {
  let lines = 0;
  let bytes = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    for (const c of b) if (c === 10) lines++;
  }
  return { lines, bytes };
}

function pickSmall(opts, corpusFiles) {
  if (opts.small) {
    if (!existsSync(opts.small)) die(`--small ${opts.small}: no such file`);
    return opts.small;
  }
  const fixtures = join(REPO, 'fixtures');
  if (existsSync(fixtures)) {
    const cands = [];
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const full = join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.isFile() && /^(Dockerfile|Containerfile)(\..+)?$|\.[Dd]ockerfile$/.test(e.name)) cands.push(full);
      }
    };
    walk(fixtures);
    if (cands.length) {
      // "small": the largest fixture of at most SMALL_MAX_LINES lines (a typical service Dockerfile).
      const sized = cands.map((f) => ({ f, lines: countLines([f]).lines })).filter((x) => x.lines <= SMALL_MAX_LINES);
      sized.sort((a, b) => b.lines - a.lines || (a.f < b.f ? -1 : 1));
      if (sized.length) return sized[0].f;
    }
  }
  const f = join(opts.corpus, DEFAULT_SMALL);
  if (existsSync(f)) return f;
  if (corpusFiles.length) return corpusFiles[0];
  die('no small file: pass --small FILE');
}

// ---------------------------------------------------------------------------------- tally

function tallyVersion() {
  const r = spawnSync(TALLY, ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const TALLY_FLAGS = ['lint', '--format', 'json', '--slow-checks', 'off', '--no-color'];

/**
 * tally refuses some files (buildkit parse errors, Go templates, files without FROM) and then
 * aborts the whole multi-file run with no report. Find them with a cheap run (`--ignore '*'`:
 * parse only, no rules), remove the culprits named on stderr, and bisect when it names none.
 * The result is cached in the temp directory, keyed by tally's version and the files' stat.
 */
function tallyRefusals(cwd, rel, abs, version) {
  const h = createHash('sha1').update(String(version));
  for (const f of abs) {
    const s = statSync(f);
    h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const cacheFile = join(tmpdir(), `dockwise-bench-tally-refusals-${h.digest('hex').slice(0, 16)}.json`);
  if (existsSync(cacheFile)) {
    try {
      const c = JSON.parse(readFileSync(cacheFile, 'utf8'));
      log(`  tally refusals: from cache ${cacheFile} (${c.length} files)`);
      return c;
    } catch {
      /* recompute */
    }
  }
  log('  tally refusals: probing which files tally cannot lint (once; cached in the temp dir) ...');
  const refused = new Map();
  const probe = (list, depth = 0) => {
    if (!list.length) return;
    const r = spawnSync(TALLY, [...TALLY_FLAGS, '--ignore', '*', ...list], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status === 0 || r.status === 1) return;
    const named = new Map();
    for (const line of (r.stderr ?? '').split('\n')) {
      let m = /^Error: failed to lint (.+?): (.*)$/.exec(line);
      if (!m) m = /^Error: (.+?):\d+: (.*)$/.exec(line);
      if (!m) m = /^Error: (.+?) is not a Dockerfile(.*)$/.exec(line);
      if (m && list.includes(m[1]) && !named.has(m[1])) named.set(m[1], line.replace(/^Error: /, '').slice(0, 200));
    }
    if (named.size) {
      for (const [f, why] of named) refused.set(f, { exit: r.status, reason: why });
      probe(list.filter((f) => !named.has(f)), depth);
    } else if (list.length === 1) {
      refused.set(list[0], { exit: r.status, reason: (r.stderr ?? '').trim().split('\n')[0]?.slice(0, 200) ?? `exit ${r.status}` });
    } else {
      const half = list.length >> 1;
      probe(list.slice(0, half), depth + 1);
      probe(list.slice(half), depth + 1);
    }
  };
  const CHUNK = 128;
  for (let i = 0; i < rel.length; i += CHUNK) {
    probe(rel.slice(i, i + CHUNK));
    if (process.stderr.isTTY) process.stderr.write(`\r  tally refusals: ${Math.min(i + CHUNK, rel.length)}/${rel.length} probed, ${refused.size} refused `);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  log(`  tally refusals: ${refused.size} of ${rel.length} files`);
  const result = rel.filter((f) => refused.has(f)).map((f) => ({ file: f, ...refused.get(f) }));
  try {
    writeFileSync(cacheFile, JSON.stringify(result, null, 1));
  } catch {
    /* cache is optional */
  }
  return result;
}

// ---------------------------------------------------------------------------------- output checks

function readSummaryLine(errFile) {
  try {
    const line = readFileSync(errFile, 'utf8').split('\n').find((l) => l.startsWith('BENCH-SUMMARY '));
    return line ? JSON.parse(line.slice('BENCH-SUMMARY '.length)) : null;
  } catch {
    return null;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function tailOf(file, n = 400) {
  try {
    const t = readFileSync(file, 'utf8').trim();
    return t.length > n ? '…' + t.slice(-n) : t;
  } catch {
    return '';
  }
}

/** What a command's last run produced, for the record (files, findings, crashes). */
function describeOutput(c) {
  const s = readSummaryLine(c.errFile);
  if (s) return s;
  if (c.kind === 'dockwise') {
    const j = readJson(c.outFile);
    if (j && Array.isArray(j.findings)) {
      return { files: Array.isArray(j.summaries) ? j.summaries.length : null, findings: j.findings.length, inputErrors: Array.isArray(j.errors) ? j.errors.length : null };
    }
    return { unparsedOutput: true, stderr: tailOf(c.errFile) };
  }
  if (c.kind === 'tally') {
    const j = readJson(c.outFile);
    if (j && j.summary) return { files: j.files_scanned ?? null, findings: j.summary.total ?? null, rulesEnabled: j.rules_enabled ?? null };
    return { unparsedOutput: true, stderr: tailOf(c.errFile) };
  }
  let bytes = 0;
  try {
    bytes = statSync(c.outFile).size;
  } catch {
    /* none */
  }
  return { stdoutBytes: bytes };
}

// ---------------------------------------------------------------------------------- tables

const fmtS = (x) => (x === null || x === undefined ? '–' : x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3));
const fmtMiB = (x) => (x === null || x === undefined ? '–' : x.toFixed(1));
const fmtRatio = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);

function table(rows, header) {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

function scenarioTable(commands, ref, refName = 'dockwise') {
  const rows = commands.map((c) => {
    const s = c.stats;
    const ratio = ref && ref.stats && s.wall !== null && ref.stats.wall ? s.wall / ref.stats.wall : null;
    const cpuRatio = ref && ref.stats && s.cpu !== null && ref.stats.cpu ? s.cpu / ref.stats.cpu : null;
    const vs = c === ref ? '(reference)' : ratio === null ? '–' : `= ${fmtRatio(ratio)} ${refName}`;
    return [
      c.label, c.id, `${s.fromWarmup ? 'warm-up only' : `${s.runs}${s.warmups ? '+' + s.warmups : ''}`}${s.failedRuns ? ` (${s.failedRuns} failed)` : ''}`, `${fmtS(s.wall)} s`, `${fmtS(s.wallMin)}–${fmtS(s.wallMax)}`,
      fmtS(s.user), fmtS(s.sys), fmtMiB(s.peakMiB), s.exits.join(','), vs, cpuRatio === null || c === ref ? '' : fmtRatio(cpuRatio),
    ];
  });
  return table(rows, ['command', 'id', 'runs', 'wall median', 'min–max', 'user s', 'sys s', 'peak MiB', 'exit', `wall vs ${refName}`, `CPU vs ${refName === 'dockwise' ? 'dw' : refName}`]);
}

/** Lines about runs that failed (exit >= 2 where that means failure, signals, timeouts) or files that threw. */
function notes(commands) {
  const lines = [];
  for (const c of commands) {
    const o = c.output ?? {};
    const bad = c.runs.filter((r) => r.signal || r.timedOut || (c.exitMeansCount ? false : r.exit !== 0 && r.exit !== 1));
    if (bad.length) {
      const last = bad[bad.length - 1];
      lines.push(`   note ${c.id}: ${bad.length} of ${c.runs.length} run(s) failed (${[...new Set(bad.map((r) => r.signal ?? `exit ${r.exit}`))].join(', ')}); stderr of the last failed run: ${last.stderrTail || '(empty)'}`);
    }
    if (o.crashed) lines.push(`   note ${c.id}: ${o.crashed} file(s) threw (caught per file, the run went on): ${o.crashes.map((x) => `${x.file}: ${x.error}`).slice(0, 3).join('; ')}`);
    if (o.inputErrors) lines.push(`   note ${c.id}: ${o.inputErrors} input error(s) in its report`);
    if (o.unparsedOutput && !bad.length) lines.push(`   note ${c.id}: output not parseable; stderr: ${o.stderr || '(empty)'}`);
  }
  return lines;
}

function target(text, ok, detail) {
  return { text, met: ok, detail };
}

function fmtTarget(t) {
  const mark = t.met === null ? 'n/a    ' : t.met ? 'MET    ' : 'NOT MET';
  return `  [${mark}] ${t.text}${t.detail ? ' — ' + t.detail : ''}`;
}

// ---------------------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const scen = opts.scenarios;
  const needCorpus = scen.has('corpus') || scen.has('memory') || scen.has('editor') || !opts.small;
  if (needCorpus && (!existsSync(opts.corpus) || !statSync(opts.corpus).isDirectory())) {
    die(`corpus directory not found: ${opts.corpus}\n  pass --corpus DIR (a directory of Dockerfiles; the default is ../shared/corpus next to the repo)`);
  }
  CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
  GNU_TIME = opts.fallback ? null : findGnuTime();
  const method = GNU_TIME
    ? `GNU time (${GNU_TIME} -f '%e %U %S %M %x') around each child: user/sys CPU and peak RSS (ru_maxrss) of the child and its descendants; wall from process.hrtime around the spawn`
    : `fallback (no /usr/bin/time): wall from process.hrtime around the spawn; node children preload bench/_rusage-hook.cjs (NODE_OPTIONS=--require) and report their own process.resourceUsage() (maxRSS, user, system) at exit; non-node children (tally): CPU from /proc/self/stat cutime+cstime deltas, peak RSS from polling /proc/<pid>/status VmHWM every 5 ms`;

  WORK = mkdtempSync(join(tmpdir(), 'dockwise-bench-'));
  const cleanup = () => {
    if (!opts.keep) rmSync(WORK, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  const haveDockwise = existsSync(DOCKWISE);
  const haveTally = existsSync(TALLY) && !opts.skip.has('tally');
  const tver = haveTally ? tallyVersion() : null;
  let dockwiseVersion = null;
  let jobsSupported = false;
  let jobsDefaultIsCores = false;
  if (haveDockwise) {
    dockwiseVersion = spawnSync(NODE, [DOCKWISE, '--version'], { encoding: 'utf8' }).stdout?.trim() ?? null;
    const help = spawnSync(NODE, [DOCKWISE, 'lint', '--help'], { encoding: 'utf8' });
    const helpText = `${help.stdout}${help.stderr}`;
    jobsSupported = /--jobs\b/.test(helpText);
    jobsDefaultIsCores = /--jobs[\s\S]{0,200}?default:?\s*the number of (cores|CPUs)/i.test(helpText);
  } else {
    log(`bench: dockwise is not built (${relative(REPO, DOCKWISE)} missing): run \`npm run build\`; measuring the peers only`);
  }
  const nCpu = cpus().length;

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: nCpu,
    cpuModel: cpus()[0]?.model ?? null,
    memGiB: +(totalmem() / 2 ** 30).toFixed(1),
    loadavgStart: loadavg().map((x) => +x.toFixed(2)),
    method,
    methodId: GNU_TIME ? 'gnu-time' : 'fallback',
    dockwise: haveDockwise ? dockwiseVersion : null,
    dockwiseJobs: jobsSupported ? (jobsDefaultIsCores ? 'supported; default = number of cores' : 'supported') : false,
    tally: tver,
    options: { runs: opts.runs, smallRuns: opts.smallRuns, tallyRuns: opts.tallyRuns, memoryRuns: opts.memoryRuns, editorIterations: opts.editorIterations, quick: opts.quick },
  };
  const result = { meta, scenarios: {} };

  log(`bench: node ${process.version}, ${nCpu} CPUs, load ${meta.loadavgStart.join(' ')}; method: ${meta.methodId}; work dir ${WORK}`);

  // ---- inputs
  const corpusAbs = needCorpus ? collectCorpus(opts.corpus) : [];
  if (needCorpus && !corpusAbs.length) die(`no files in ${opts.corpus}`);
  const treeDir = join(WORK, 'corpus');
  const corpusRel = needCorpus ? linkTree(treeDir, corpusAbs, opts.corpus) : [];
  const absOf = new Map(corpusRel.map((r, i) => [r, corpusAbs[i]]));

  let refusals = [];
  if (needCorpus && haveTally && (scen.has('corpus'))) refusals = tallyRefusals(treeDir, corpusRel, corpusAbs, tver);
  const refusedSet = new Set(refusals.map((r) => r.file));
  const common = corpusRel.filter((f) => !refusedSet.has(f));
  const commonAbs = common.map((f) => absOf.get(f));
  const listFile = join(WORK, 'common.txt');
  writeFileSync(listFile, common.join('\n') + '\n');
  const size = needCorpus ? countLines(commonAbs) : { lines: 0, bytes: 0 };
  result.corpus = {
    dir: opts.corpus,
    filesFound: corpusAbs.length,
    filesUsed: common.length,
    lines: size.lines,
    bytes: size.bytes,
    excluded: refusals.map((r) => ({ file: relative(opts.corpus, absOf.get(r.file)), exit: r.exit, reason: r.reason })),
  };

  const out = (id) => ({ outFile: join(WORK, `${id}.out`), errFile: join(WORK, `${id}.err`) });
  const nodeCmd = (id, label, kind, args, cwd) => ({ id, label, kind, cmd: NODE, args, cwd, isNode: true, ...out(id) });
  const printed = [];
  const say = (s = '') => {
    printed.push(s);
    process.stdout.write(s + '\n');
  };

  say(`dockwise benchmark — ${meta.date}`);
  say(`machine: ${nCpu} × ${meta.cpuModel}, ${meta.memGiB} GiB, ${meta.platform}, node ${process.version}; load average at start ${meta.loadavgStart.join(' ')}`);
  say(`method: ${method}`);
  say(`dockwise ${dockwiseVersion ?? '(not built)'}${haveDockwise ? (jobsSupported ? `, --jobs supported${jobsDefaultIsCores ? ` (default: the number of cores = ${nCpu})` : ''}` : ', no --jobs option') : ''}; tally ${tver ?? '(skipped)'}`);

  // ---- scenario: corpus
  if (scen.has('corpus')) {
    const cmds = [];
    if (!opts.skip.has('floor-read')) cmds.push(nodeCmd('floor-read', 'read-only floor (read every file)', 'floor', [join(HERE, 'floor-read.mjs'), ...common], treeDir));
    if (!opts.skip.has('floor-parse')) cmds.push(nodeCmd('floor-parse', 'parse floor (dockerfile-ast parse)', 'floor', [join(HERE, 'floor-parse.mjs'), ...common], treeDir));
    if (haveDockwise && !opts.skip.has('dockwise')) cmds.push(nodeCmd('dockwise', 'dockwise lint (one invocation)', 'dockwise', [DOCKWISE, 'lint', '--format', 'json', '--no-fail', ...common], treeDir));
    if (haveDockwise && jobsSupported) {
      // --jobs 1 always; --jobs <CPUs> only when that is not already the default.
      for (const j of [...new Set([1, jobsDefaultIsCores ? 1 : nCpu])]) {
        const id = `dockwise-jobs-${j}`;
        if (!opts.skip.has(id)) cmds.push(nodeCmd(id, `dockwise lint --jobs ${j}`, 'dockwise', [DOCKWISE, 'lint', '--format', 'json', '--no-fail', '--jobs', String(j), ...common], treeDir));
      }
    }
    if (!opts.skip.has('dockerfile-utils')) cmds.push(nodeCmd('dockerfile-utils', 'dockerfile-utils validate() (library)', 'peer', [join(HERE, 'peer-dockerfile-utils.mjs'), ...common], treeDir));
    if (!opts.skip.has('dockerfilelint')) cmds.push(nodeCmd('dockerfilelint', 'dockerfilelint run() (library)', 'peer', [join(HERE, 'peer-dockerfilelint.mjs'), ...common], treeDir));
    log(`corpus: ${common.length} files (${corpusAbs.length - common.length} excluded), ${opts.runs} runs + 1 warm-up per command`);
    await measureAll(cmds, { runs: opts.runs, warmup: true, timeout: opts.timeout, label: 'corpus' });
    if (haveTally && opts.tallyRuns > 0) {
      const t = { id: 'tally', label: 'tally lint --slow-checks off', kind: 'tally', cmd: TALLY, args: [...TALLY_FLAGS, ...common], cwd: treeDir, isNode: false, ...out('tally') };
      log(`corpus: tally, ${opts.tallyRuns} run(s), no warm-up`);
      await measureAll([t], { runs: opts.tallyRuns, warmup: false, timeout: opts.timeout, label: 'corpus' });
      cmds.push(t);
    }
    for (const c of cmds) c.output = describeOutput(c);
    const ref = cmds.find((c) => c.id === 'dockwise') ?? null;
    const by = (id) => cmds.find((c) => c.id === id)?.stats ?? null;
    const dw = ref?.stats ?? null;
    const targets = [];
    const r = (a, b) => (a && b && a.wall && b.wall ? a.wall / b.wall : null);
    const rc = (a, b) => (a && b && a.cpu && b.cpu ? a.cpu / b.cpu : null);
    const det = (wall, cpu, what) => (wall === null ? 'not measured' : `${what} ${fmtRatio(wall)} by wall, ${fmtRatio(cpu)} by CPU`);
    {
      const w = r(by('tally'), dw);
      targets.push(target('whole corpus ≥5× faster than tally', w === null ? null : w >= 5, det(w, rc(by('tally'), dw), 'tally ÷ dockwise =')));
    }
    {
      const w = r(by('dockerfile-utils'), dw);
      targets.push(target("whole corpus ≥2× faster than dockerfile-utils' library", w === null ? null : w >= 2, det(w, rc(by('dockerfile-utils'), dw), 'dockerfile-utils ÷ dockwise =')));
    }
    {
      const w = r(dw, by('floor-parse'));
      targets.push(target('within 2× of the dockerfile-ast parse floor', w === null ? null : w <= 2, det(w, rc(dw, by('floor-parse')), 'dockwise ÷ parse floor =')));
    }
    {
      const w = r(dw, by('dockerfilelint'));
      targets.push(target('stretch: no slower than dockerfilelint', w === null ? null : w <= 1, det(w, rc(dw, by('dockerfilelint')), 'dockwise ÷ dockerfilelint =')));
    }
    say('');
    say(`== Corpus: ${common.length} files, ${size.lines.toLocaleString('en-US')} lines, ${(size.bytes / 1e6).toFixed(2)} MB (${opts.corpus})`);
    if (refusals.length) say(`   ${refusals.length} files excluded from every command because tally refuses them and then aborts the whole run (see JSON/README)`);
    say(`   ${opts.runs} timed runs + 1 warm-up per command, round-robin; tally ${opts.tallyRuns} run(s), no warm-up. Wall in seconds; CPU = user+sys of the child.`);
    say(scenarioTable(cmds, ref));
    for (const l of notes(cmds)) say(l);
    say('Targets (issue 6), by median wall time:');
    for (const t of targets) say(fmtTarget(t));
    result.scenarios.corpus = { files: common.length, commands: cmds.map(serial), targets };
  }

  // ---- scenario: small file
  if (scen.has('small')) {
    const smallSrc = pickSmall(opts, corpusAbs);
    const smallDir = join(WORK, 'small');
    mkdirSync(smallDir);
    symlinkSync(smallSrc, join(smallDir, 'Dockerfile'));
    const F = 'Dockerfile';
    const cmds = [];
    const add = (c) => {
      if (!opts.skip.has(c.id)) cmds.push(c);
    };
    add(nodeCmd('node', 'bare node -e 0', 'floor', ['-e', '0'], smallDir));
    add(nodeCmd('floor-parse', 'parse floor (dockerfile-ast, 1 file)', 'floor', [join(HERE, 'floor-parse.mjs'), F], smallDir));
    if (haveDockwise) add(nodeCmd('dockwise', 'dockwise lint FILE', 'dockwise', [DOCKWISE, 'lint', '--format', 'json', '--no-fail', F], smallDir));
    add(nodeCmd('dockerfile-utils', 'dockerfile-utils lint FILE (CLI)', 'peer', [DFU_CLI, 'lint', F], smallDir));
    add({ ...nodeCmd('dockerfilelint', 'dockerfilelint FILE (CLI)', 'peer', [DFL_CLI, F], smallDir), exitMeansCount: true });
    if (haveTally) add({ id: 'tally', label: 'tally lint --slow-checks off FILE', kind: 'tally', cmd: TALLY, args: [...TALLY_FLAGS, F], cwd: smallDir, isNode: false, ...out('small-tally') });
    for (const c of cmds) Object.assign(c, out(`small-${c.id}`));
    const smallLines = countLines([smallSrc]).lines;
    log(`small: ${smallSrc} (${smallLines} lines), ${opts.smallRuns} runs + 1 warm-up per command`);
    await measureAll(cmds, { runs: opts.smallRuns, warmup: true, timeout: opts.timeout, label: 'small' });
    for (const c of cmds) c.output = describeOutput(c);
    const ref = cmds.find((c) => c.id === 'dockwise') ?? null;
    const dfu = cmds.find((c) => c.id === 'dockerfile-utils')?.stats;
    const w = ref && dfu && ref.stats.wall && dfu.wall ? ref.stats.wall / dfu.wall : null;
    const targets = [target("small file: no slower than dockerfile-utils' CLI", w === null ? null : w <= 1, w === null ? 'not measured' : `dockwise ÷ dockerfile-utils CLI = ${fmtRatio(w)} by wall, ${fmtRatio(ref.stats.cpu && dfu.cpu ? ref.stats.cpu / dfu.cpu : null)} by CPU`)];
    say('');
    say(`== Small file: ${relative(REPO, smallSrc).startsWith('..') ? smallSrc : relative(REPO, smallSrc)} (${smallLines} lines), one process per lint`);
    say(`   ${opts.smallRuns} timed runs + 1 warm-up per command, round-robin.`);
    say(scenarioTable(cmds, ref));
    for (const l of notes(cmds)) say(l);
    say('Targets (issue 6), by median wall time:');
    for (const t of targets) say(fmtTarget(t));
    result.scenarios.small = { file: smallSrc, lines: smallLines, commands: cmds.map(serial), targets };
  }

  // ---- scenario: memory
  if (scen.has('memory')) {
    if (!haveDockwise) {
      say('\n== Memory: skipped (dockwise not built)');
    } else {
      const REP = 10;
      const memDir = join(WORK, 'memory');
      let mode = 'symlinks';
      const build = (copy) => {
        rmSync(memDir, { recursive: true, force: true });
        for (let i = 0; i < REP; i++) linkTree(join(memDir, `r${i}`), commonAbs, opts.corpus, { copy });
      };
      build(false);
      const one = nodeCmd('dockwise-1x', 'dockwise lint, corpus once (dir)', 'dockwise', [DOCKWISE, 'lint', '--format', 'json', '--no-fail', 'r0'], memDir);
      const ten = nodeCmd('dockwise-10x', `dockwise lint, corpus ${REP}× in one run (dir)`, 'dockwise', [DOCKWISE, 'lint', '--format', 'json', '--no-fail', '.'], memDir);
      log(`memory: ${REP} × ${common.length} files; checking that dockwise does not de-duplicate them`);
      const probe = await runOnce(ten.cmd, ten.args, { cwd: memDir, outFile: ten.outFile, errFile: ten.errFile, timeout: opts.timeout, isNode: true });
      let seen = describeOutput(ten).files;
      if (seen !== null && seen < REP * common.length) {
        log(`memory: dockwise linted ${seen} of ${REP * common.length} (de-duplicated the symlinks?): using copies with distinct paths instead`);
        mode = 'copies';
        build(true);
      }
      await measureAll([one, ten], { runs: opts.memoryRuns, warmup: false, timeout: opts.timeout, label: 'memory' });
      if (probe.exit !== 0) log(`memory: the check run exited ${probe.exit}: ${tailOf(ten.errFile, 300)}`);
      one.output = describeOutput(one);
      ten.output = describeOutput(ten);
      seen = ten.output.files;
      const ratio = one.stats.peakMiB && ten.stats.peakMiB ? ten.stats.peakMiB / one.stats.peakMiB : null;
      say('');
      say(`== Memory: dockwise over the corpus once vs ${REP} times in one run (${REP} directory trees of ${mode}; ${ten.output.files ?? '?'} files linted in the ${REP}× run)`);
      say(`   ${opts.memoryRuns} run(s) each, no warm-up.`);
      say(scenarioTable([one, ten], one, '1×'));
      for (const l of notes([one, ten])) say(l);
      if (ten.output.files !== REP * common.length) say(`   WARNING: the ${REP}× run reported ${ten.output.files ?? 'an unknown number of'} files, expected ${REP * common.length}`);
      say(`   peak RSS ${REP}× ÷ 1× = ${fmtRatio(ratio)} (${fmtMiB(ten.stats.peakMiB)} vs ${fmtMiB(one.stats.peakMiB)} MiB); wall ${REP}× ÷ 1× = ${fmtRatio(ten.stats.wall && one.stats.wall ? ten.stats.wall / one.stats.wall : null)}`);
      result.scenarios.memory = { repeat: REP, mode, commands: [one, ten].map(serial), peakRatio: ratio };
    }
  }

  // ---- scenario: editor
  if (scen.has('editor')) {
    const need = ['dist/src/lint.js', 'dist/rules/index.js', 'dist/src/shell/parser.js'].filter((p) => !existsSync(join(REPO, p)));
    if (need.length) {
      say(`\n== Editor: skipped (${need.join(', ')} missing; build first)`);
    } else {
      const ed = { id: 'editor', label: 'editor re-lint', cmd: NODE, args: [join(HERE, 'editor.mjs'), '--repo', REPO, '--list', listFile, '--cwd', treeDir, '--lines', '1000', '--iterations', String(opts.editorIterations)], cwd: treeDir, isNode: true, ...out('editor') };
      log(`editor: 1,000-line document, ${opts.editorIterations} re-lints in one process`);
      const r = await runOnce(ed.cmd, ed.args, { cwd: treeDir, outFile: ed.outFile, errFile: ed.errFile, timeout: opts.timeout, isNode: true });
      const j = readJson(ed.outFile);
      say('');
      if (!j) {
        say(`== Editor: failed (exit ${r.exit}${r.signal ? ', ' + r.signal : ''}): ${tailOf(ed.errFile)}`);
        result.scenarios.editor = { failed: true, exit: r.exit, stderr: tailOf(ed.errFile) };
      } else {
        say(`== Editor: one process, dist/src/lint.js createLinter + allRules (${j.rules} rules); a ${j.lines}-line Dockerfile from ${j.sourceFiles} corpus files; ${j.findings} findings`);
        say(`   first lint (loads the shell grammar) ${j.firstMs.toFixed(1)} ms; then ${j.iterations} re-lints (lintText):`);
        say(table([[`${j.medianMs.toFixed(2)} ms`, `${j.p95Ms.toFixed(2)} ms`, `${j.minMs.toFixed(2)}–${j.maxMs.toFixed(2)} ms`, (1000 / j.medianMs * j.lines / 1000).toFixed(0) + 'k lines/s', fmtMiB(j.maxRssMiB)]], ['median', 'p95', 'min–max', 'throughput', 'peak MiB']));
        const { timesMs, ...rest } = j;
        result.scenarios.editor = { ...rest, timesMs: timesMs.map((x) => +x.toFixed(3)), process: { wall: r.wall, user: r.user, sys: r.sys, peakMiB: r.peakKiB === null ? null : r.peakKiB / 1024, exit: r.exit } };
      }
    }
  }

  meta.loadavgEnd = loadavg().map((x) => +x.toFixed(2));
  meta.totalSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  say('');
  say(`load average at end ${meta.loadavgEnd.join(' ')}; total ${meta.totalSeconds} s. Treat differences under ~10% as noise${Math.max(...meta.loadavgStart, ...meta.loadavgEnd) > nCpu ? '; the machine was busy (load > CPUs): wall figures are inflated, compare CPU' : ''}.`);
  result.text = printed.join('\n');
  if (opts.json) {
    mkdirSync(dirname(opts.json), { recursive: true });
    writeFileSync(opts.json, JSON.stringify(result, null, 2) + '\n');
    log(`bench: wrote ${opts.json}`);
  }
  cleanup();
}

function serial(c) {
  return {
    id: c.id,
    label: c.label,
    command: [c.cmd === NODE ? 'node' : relative(REPO, c.cmd) || c.cmd, ...c.args.slice(0, 12).map((a) => (a.startsWith(REPO) ? relative(REPO, a) : a)), ...(c.args.length > 12 ? [`… (${c.args.length} args)`] : [])].join(' '),
    stats: c.stats,
    runs: c.runs.map((r) => ({ warmup: r.warmup, wall: +r.wall.toFixed(4), user: r.user, sys: r.sys, peakKiB: r.peakKiB, exit: r.exit, signal: r.signal, ...(r.stderrTail !== undefined ? { stderrTail: r.stderrTail } : {}) })),
    output: c.output ?? null,
  };
}

main().catch((e) => {
  process.stderr.write(`bench: ${e?.stack ?? e}\n`);
  process.exit(1);
});
