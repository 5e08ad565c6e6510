/**
 * `dockwise lint`: config -> inputs -> lint -> report -> exit code. Only module (with main.ts)
 * that touches process state.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type FileResult, type InputError, type LintReport, type Severity } from '../core/types.js';
import { ConfigError, envConfig, failsThreshold, loadConfig, mergeConfig, type DockwiseConfig, type ResolvedConfig } from '../config/index.js';
import { collectInputs } from './files.js';
import { readStdin } from './read.js';
import { createLinter, type Linter } from '../lint.js';
import { lintFileTask, lintRead, prefetchShellGrammar, type FileOutcome, type FileTask, type SharedLintOptions } from './lint-file.js';
import { availableParallelism } from 'node:os';
import { createHeapGuard } from './heap-guard.js';
import { lintInWorkers } from './pool.js';
import type { RuleDefinition } from '../engine/rule.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'checkstyle', 'gitlab', 'github', 'gnu', 'codeclimate', 'junit'] as const;

export interface LintCliOptions {
  format?: string;
  output?: string;
  config?: string;
  failureThreshold?: string;
  fail?: boolean; // commander's --no-fail
  ignore?: string[];
  error?: string[];
  warning?: string[];
  info?: string[];
  style?: string[];
  trustedRegistry?: string[];
  requireLabel?: string[];
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  strictPinning?: boolean;
  enable?: string[];
  buildArg?: string[];
  stdinFilename?: string;
  color?: boolean;
  maxFileSize?: string;
  context?: string;
  jobs?: string;
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  version: string;
}

export class UsageError extends Error {}

const LABEL_TYPES = new Set(['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email']);

function cliLayer(o: LintCliOptions): DockwiseConfig {
  const c: DockwiseConfig = {};
  if (o.ignore && o.ignore.length) c.ignored = o.ignore.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const ov: NonNullable<DockwiseConfig['override']> = {};
  if (o.error?.length) ov.error = o.error;
  if (o.warning?.length) ov.warning = o.warning;
  if (o.info?.length) ov.info = o.info;
  if (o.style?.length) ov.style = o.style;
  if (Object.keys(ov).length) c.override = ov;
  if (o.failureThreshold !== undefined) {
    if (!['error', 'warning', 'info', 'style', 'none'].includes(o.failureThreshold)) {
      throw new UsageError(`--failure-threshold must be one of error, warning, info, style, none (got "${o.failureThreshold}")`);
    }
    c.failureThreshold = o.failureThreshold as Severity | 'none';
  }
  if (o.fail === false) c.noFail = true;
  if (o.format !== undefined) {
    if (!(FORMAT_NAMES as readonly string[]).includes(o.format)) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')} (got "${o.format}")`);
    c.format = o.format;
  }
  if (o.trustedRegistry?.length) c.trustedRegistries = o.trustedRegistry;
  if (o.requireLabel?.length) {
    const schema: Record<string, 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email'> = {};
    for (const spec of o.requireLabel) {
      const [name, type] = spec.split(':');
      if (!name || !type || !LABEL_TYPES.has(type)) throw new UsageError(`--require-label takes NAME:TYPE with TYPE one of ${[...LABEL_TYPES].join(', ')} (got "${spec}")`);
      schema[name] = type as 'text';
    }
    c.labelSchema = schema;
  }
  if (o.strictLabels) c.strictLabels = true;
  if (o.disableIgnorePragma) c.disableIgnorePragma = true;
  if (o.strictPinning) c.strictPinning = true;
  if (o.enable?.length) c.enable = o.enable.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (o.buildArg?.length) {
    const args: Record<string, string> = {};
    for (const spec of o.buildArg) {
      const eq = spec.indexOf('=');
      if (eq <= 0) throw new UsageError(`--build-arg takes NAME=VALUE (got "${spec}")`);
      args[spec.slice(0, eq)] = spec.slice(eq + 1);
    }
    c.buildArgs = args;
  }
  return c;
}

function parseSize(s: string | undefined): number {
  if (s === undefined) return 4 * 1024 * 1024;
  const m = /^(\d+)\s*([kKmMgG]?)[bB]?$/.exec(s.trim());
  if (!m) throw new UsageError(`--max-file-size takes a number of bytes, optionally with k, M or G (got "${s}")`);
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return n * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1);
}

/**
 * Below this many files, linting in the main thread alone is as fast as starting workers. Since
 * workers start from the bundle's code cache (see pool.ts), one is linting ~0.1 s after it is
 * made. Measured on 2 cores (wall, 3 runs each, alone against with a worker): 20 files 0.31 against
 * 0.34 s, 40 files 0.37 against 0.36, 80 files 0.58 against 0.47, 150 files 0.69 against 0.62.
 */
const WORKER_MIN_FILES = 50;

/** Characters of report text collected before they are written (see `write` in runLint). */
const REPORT_CHUNK = 1 << 16;

/** Default threads: one per core (the main thread lints too). */
function parseJobs(s: string | undefined): number {
  if (s === undefined) return Math.max(1, availableParallelism());
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number of at least 1 (got "${s}")`);
  return n;
}

/**
 * Colour: `--color`/`--no-color` (the last one given) win, as NO_COLOR's convention wants of a
 * per-run argument; then NO_COLOR, FORCE_COLOR; otherwise only on a terminal, never into a file.
 * (commander leaves `color` undefined when neither flag is given.)
 */
function useColor(o: LintCliOptions, io: CliIO, toFile: boolean): boolean {
  if (o.color !== undefined) return o.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  if (toFile) return false;
  return io.stdoutIsTTY;
}

/** Rule codes known to dockwise, for validating config lists. */
function unknownCodes(codes: Iterable<string>, rules: readonly RuleDefinition[]): string[] {
  const known = new Set(rules.map((r) => r.code));
  return [...codes].filter((c) => !known.has(c));
}

function readIfExists(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // unreadable: treat as absent
  }
}

/** BuildKit reads `<Dockerfile>.dockerignore` first, then the build context's `.dockerignore`. */
function dockerignoreFor(file: string, contextDir: string | undefined, cache: Map<string, string | null>): string | null {
  const own = readIfExists(`${file}.dockerignore`);
  if (own !== null) return own;
  const dir = contextDir ?? dirname(file);
  if (!cache.has(dir)) cache.set(dir, readIfExists(join(dir, '.dockerignore')));
  return cache.get(dir) ?? null;
}

export async function runLint(paths: string[], o: LintCliOptions, io: CliIO, rules: readonly RuleDefinition[]): Promise<number> {
  prefetchShellGrammar();
  let config: ResolvedConfig;
  const warnings: string[] = [];
  try {
    const cli = cliLayer(o);
    const loaded = loadConfig({ cwd: io.cwd, env: io.env, formatNames: FORMAT_NAMES, ...(o.config !== undefined ? { configPath: o.config } : {}) });
    config = mergeConfig(loaded.config, envConfig(io.env, { formatNames: FORMAT_NAMES }), cli);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      io.stderr(`dockwise: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const unknown = unknownCodes([...config.ignored, ...config.severityOverrides.keys(), ...config.enable], rules);
  for (const c of unknown) warnings.push(`unknown rule code "${c}" in configuration (ignored)`);

  let maxBytes: number;
  try {
    maxBytes = parseSize(o.maxFileSize);
  } catch (e) {
    io.stderr(`dockwise: ${(e as Error).message}\n`);
    return 2;
  }

  const { inputs, errors } = collectInputs(paths, io.cwd, o.stdinFilename);
  const files: FileResult[] = [];
  const allErrors: InputError[] = [...errors];
  const ignoreCache = new Map<string, string | null>();
  const contextDir = o.context !== undefined ? resolve(io.cwd, o.context) : undefined;
  const format = (config.format ?? 'stylish') as (typeof FORMAT_NAMES)[number];
  const keepSource = format === 'stylish';
  const shared: SharedLintOptions = {
    ignored: config.ignored,
    enabled: config.enable,
    severityOverrides: config.severityOverrides,
    disableIgnorePragma: config.disableIgnorePragma,
    trustedRegistries: config.trustedRegistries,
    labelSchema: config.labelSchema,
    strictLabels: config.strictLabels,
    strictPinning: config.strictPinning,
    buildArgs: config.buildArgs,
  };
  const tasks: FileTask[] = [];
  const order: ({ kind: 'task'; index: number } | { kind: 'stdin'; display: string })[] = [];
  for (const input of inputs) {
    if (input.kind === 'stdin') order.push({ kind: 'stdin', display: input.display });
    else {
      order.push({ kind: 'task', index: tasks.length });
      tasks.push({ path: input.path, display: input.display, dockerignore: dockerignoreFor(input.path, contextDir, ignoreCache) });
    }
  }
  let jobs: number;
  try {
    jobs = parseJobs(o.jobs);
  } catch (e) {
    io.stderr(`dockwise: ${(e as Error).message}\n`);
    return 2;
  }
  const { formatReport, streamReport } = await import('../report/index.js');
  const reportCtx = {
    rules: new Map(rules.map((r) => [r.code, r])),
    color: useColor(o, io, o.output !== undefined),
    cwd: io.cwd,
    toolName: 'dockwise',
    toolVersion: io.version,
  };
  // Formats that can be written file by file (json) are, so memory stays flat over many files;
  // the others get the whole report at the end.
  const streamer = await streamReport(format, reportCtx);

  // Where the report goes: standard output, or a temporary file renamed over --output at the end.
  const target = o.output !== undefined ? resolve(io.cwd, o.output) : null;
  const tmp = target ? `${target}.${process.pid}.tmp` : null;
  let fd: number | null = null;
  let writeFailed: string | null = null;
  // A streamed report (json) comes a few KB per file: it is passed on in chunks of at least
  // REPORT_CHUNK characters, each one write (a copy and a system call), not one per file: on the
  // corpus, ~80 writes instead of ~1,000 (~40% less time writing). flush() at the end.
  let pending = '';
  const write = (text: string): void => {
    pending += text;
    if (pending.length >= REPORT_CHUNK) flush();
  };
  const flush = (): void => {
    const text = pending;
    pending = '';
    if (text === '' || writeFailed) return;
    if (!tmp) {
      io.stdout(text);
      return;
    }
    try {
      fd ??= openSync(tmp, 'w');
      writeSync(fd, text);
    } catch (e) {
      writeFailed = (e as NodeJS.ErrnoException).code ?? String(e);
    }
  };

  let failing = false;
  const take = (outcome: FileOutcome): void => {
    allErrors.push(...outcome.errors);
    const r = outcome.result;
    if (!r) return;
    if (!failing && r.findings.some((x) => failsThreshold(x.severity, config.failureThreshold))) failing = true;
    if (streamer) write(streamer.file(r));
    else files.push(r);
  };

  if (streamer) write(streamer.begin());
  // Worker threads pay off only with enough files to amortise their start-up (see WORKER_MIN_FILES).
  const useWorkers = jobs > 1 && tasks.length >= WORKER_MIN_FILES && order.every((i) => i.kind === 'task');
  let linter: Linter | null = null;
  // Between files, keep the heap near its live size over long runs (see heap-guard.ts).
  const guard = tasks.length > 1 ? createHeapGuard() : (): void => undefined;
  const getLinter = (): Linter => (linter ??= createLinter({ rules, loadShellParser: async () => (await import('../shell/parser.js')).loadShellParser() }));
  if (useWorkers) {
    const mainLint = async (task: FileTask): Promise<FileOutcome> => {
      const outcome = await lintFileTask(getLinter(), task, shared, maxBytes, keepSource);
      guard();
      return outcome;
    };
    await lintInWorkers(tasks, shared, maxBytes, keepSource, jobs, mainLint, take);
  } else {
    for (const item of order) {
      if (item.kind === 'stdin') {
        const read = await readStdin(maxBytes);
        const ctx = contextDir ? { context: { dockerignore: dockerignoreFor(join(contextDir, 'Dockerfile'), contextDir, ignoreCache) } } : {};
        take(await lintRead(getLinter(), read, item.display, { ...shared, ...ctx }, keepSource));
      } else {
        const task = tasks[item.index];
        if (task) take(await lintFileTask(getLinter(), task, shared, maxBytes, keepSource));
        guard();
      }
    }
  }

  if (streamer) write(streamer.end(allErrors));
  else write(await formatReport(format, { files, errors: allErrors } satisfies LintReport, reportCtx));
  flush();
  for (const w of warnings) io.stderr(`dockwise: warning: ${w}\n`);
  if (target && tmp) {
    try {
      if (fd === null) fd = openSync(tmp, 'w'); // an empty report still replaces the file
      closeSync(fd);
      if (writeFailed) throw Object.assign(new Error(writeFailed), { code: writeFailed });
      renameSync(tmp, target);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing to clean up */
      }
      io.stderr(`dockwise: cannot write ${o.output ?? ''}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 2;
    }
  }
  if (format !== 'stylish' && allErrors.length > 0) {
    for (const e of allErrors) io.stderr(`dockwise: ${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}\n`);
  }

  if (allErrors.length > 0) return 2;
  if (config.noFail) return 0;
  return failing ? 1 : 0;
}

