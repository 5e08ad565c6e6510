/**
 * Loading, discovering, reading from the environment and merging dockwise configuration, compatible with hadolint.
 *
 * Sources (hadolint/hadolint, read Aug 2026):
 * - Keys: `src/Hadolint/Config/Configuration.hs`, `instance FromYAML PartialConfiguration`, reads exactly
 *   `no-fail`, `no-color`, `verbose`, `format`, `override` (`error`/`warning`/`info`/`style`), `ignored`,
 *   `trustedRegistries`, `label-schema`, `strict-labels`, `disable-ignore-pragma` and `failure-threshold`.
 *   hadolint has no camelCase variants (`failureThreshold` and `noFail` are not read), and `trustedRegistries` has no
 *   kebab-case variant (`trusted-registries` is not read). Before hadolint PR #829 (2022) the format key was
 *   `output-format`. hadolint silently ignores keys it does not know. dockwise reports them instead, with a
 *   "did you mean" hint.
 * - Discovery: `src/Hadolint/Config/Configfile.hs` `findConfig` and the README "Configure" section. The first file
 *   that exists wins and nothing is merged: `$PWD/.hadolint.{yaml,yml}`, then `getXdgDirectory XdgConfig`
 *   (`$XDG_CONFIG_HOME`, else `~/.config`; `%LOCALAPPDATA%` on Windows per the README) `hadolint.{yaml,yml}`, then
 *   `getAppUserDataDirectory "hadolint"` (`~/.hadolint`) `{hadolint,config}.{yaml,yml}`, then the home directory
 *   `.hadolint.{yaml,yml}`. `--config FILE` skips the search.
 * - Environment: `src/Hadolint/Config/Environment.hs`. Booleans are true when the value, lowercased, is one of
 *   1, y, on, true, yes; anything else is false. Lists are split on ",".
 * - Merging: `app/Main.hs` applies `fromEnvironment <> fromConfigfile <> fromCommandline` over the defaults.
 *   In the `Semigroup PartialConfiguration` instance scalars are right-biased (later wins) and the rule lists
 *   and trusted registries are concatenated, so `--ignore` adds to the file's `ignored`. (The README's
 *   "the ignore list in the config file is ignored" is out of date.)
 * - `failure-threshold` values: `readEitherSeverity` in `src/Hadolint/Rule.hs` accepts error, warning, info, style,
 *   ignore and none; `ignore` and `none` are the same value.
 *
 * Deliberate differences from hadolint:
 * - Unknown keys, wrong types and YAML errors are ConfigErrors. hadolint prints the error and carries on without
 *   the file.
 * - An empty file (or one holding only comments) is an empty config. hadolint rejects it ("empty YAML stream").
 * - `trustedRegistries` may be a single string, as hadolint's README documents (its parser takes only a list).
 * - Label schemas from several layers merge per label with the later layer winning. hadolint's `Map.union` keeps
 *   the earlier layer's type for a label listed twice.
 * - `format` is checked against the formats dockwise knows, so a hadolint-only format is an error.
 * - dockwise's own keys (`strict-pinning`, `enable`, `build-args`) are also accepted in `.hadolint.yaml`. hadolint
 *   ignores them there.
 * - `no-color` and `verbose` are accepted and type-checked, then dropped. Colour and logging belong to the CLI.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode, Pair, ParsedNode } from 'yaml';
import { SEVERITIES, assertNever, severityRank } from '../core/types.js';
import type { Severity } from '../core/types.js';
import { ConfigError, FAILURE_THRESHOLDS, LABEL_TYPES } from './types.js';
import type {
  DockwiseConfig,
  FailureThreshold,
  LabelType,
  ResolvedConfig,
  SeverityOverrideLists,
} from './types.js';

/**
 * The yaml package (~230 KB of JavaScript) is loaded when a configuration file is parsed, not by
 * every run: most runs have no configuration file. Its `node` export is CommonJS, so `require`
 * loads the very code that `import` did. The loaded module is immutable: caching it is safe.
 */
let yamlModule: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

/** Top-level keys, spelled exactly as hadolint spells them, then dockwise's own. */
export const CONFIG_KEYS = [
  'ignored',
  'override',
  'failure-threshold',
  'no-fail',
  'no-color',
  'verbose',
  'format',
  'trustedRegistries',
  'label-schema',
  'strict-labels',
  'disable-ignore-pragma',
  'strict-pinning',
  'enable',
  'build-args',
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

const OVERRIDE_KEYS: readonly Severity[] = SEVERITIES;

/** Old or foreign spellings whose right name edit distance would not find. */
const KNOWN_MISSPELLINGS: Readonly<Record<string, ConfigKey>> = {
  'output-format': 'format',
  'require-labels': 'label-schema',
  'require-label': 'label-schema',
  ignore: 'ignored',
};

function isConfigKey(k: string): k is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(k);
}

function normalizeKey(k: string): string {
  return k.toLowerCase().replace(/[-_\s]/g, '');
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The known key closest to `key` (same letters ignoring case and separators, or a few edits away). */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const explicit = KNOWN_MISSPELLINGS[key];
  if (explicit !== undefined && known.includes(explicit)) return explicit;
  const n = normalizeKey(key);
  const same = known.find((k) => normalizeKey(k) === n);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(n, normalizeKey(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(n.length / 3)) ? best : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing a file

interface ParseContext {
  file: string;
  lines: Yaml.LineCounter;
  doc: Document.Parsed;
  formatNames: readonly string[];
}

type ValueNode = YamlNode | null;

function lineAt(ctx: ParseContext, offset: number): number {
  return ctx.lines.linePos(offset).line;
}

function nodeLine(ctx: ParseContext, node: unknown, fallback: number): number {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    const start = range?.[0];
    if (start !== undefined) return lineAt(ctx, start);
  }
  return fallback;
}

function deref(ctx: ParseContext, node: unknown): ValueNode {
  if (node === null || node === undefined) return null;
  if (yaml().isAlias(node)) return (node.resolve(ctx.doc) as YamlNode | undefined) ?? null;
  return node as YamlNode;
}

function isNull(node: ValueNode): boolean {
  return node === null || (yaml().isScalar(node) && node.value === null);
}

function describe(node: ValueNode): string {
  if (node === null) return 'nothing';
  if (yaml().isMap(node)) return 'a mapping';
  if (yaml().isSeq(node)) return 'a list';
  if (yaml().isScalar(node)) {
    const v: unknown = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  }
  return 'a value of another type';
}

function fail(ctx: ParseContext, line: number, key: string | undefined, detail: string): never {
  throw new ConfigError(ctx.file, detail, key === undefined ? { line } : { line, key });
}

function readBool(ctx: ParseContext, key: string, node: ValueNode, keyLine: number): boolean {
  if (yaml().isScalar(node) && typeof node.value === 'boolean') return node.value;
  return fail(ctx, nodeLine(ctx, node, keyLine), key, `"${key}" must be true or false (got ${describe(node)})`);
}

function readString(ctx: ParseContext, key: string, node: ValueNode, keyLine: number): string {
  if (yaml().isScalar(node) && typeof node.value === 'string') return node.value;
  return fail(ctx, nodeLine(ctx, node, keyLine), key, `"${key}" must be a string (got ${describe(node)})`);
}

function readEnum<T extends string>(
  ctx: ParseContext,
  key: string,
  node: ValueNode,
  keyLine: number,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T {
  if (yaml().isScalar(node) && typeof node.value === 'string') {
    const v = node.value;
    const found = allowed.find((a) => a === v) ?? aliases[v];
    if (found !== undefined) return found;
  }
  return fail(
    ctx,
    nodeLine(ctx, node, keyLine),
    key,
    `"${key}" must be one of ${allowed.join(', ')} (got ${describe(node)})`,
  );
}

/** A list of strings. `what` names the items in messages ("rule codes", "registries"). */
function readStringList(
  ctx: ParseContext,
  key: string,
  node: ValueNode,
  keyLine: number,
  what: string,
  allowSingle = false,
): string[] {
  if (allowSingle && yaml().isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!yaml().isSeq(node)) {
    return fail(ctx, nodeLine(ctx, node, keyLine), key, `"${key}" must be a list of ${what} (got ${describe(node)})`);
  }
  const out: string[] = [];
  const listLine = nodeLine(ctx, node, keyLine);
  for (const raw of node.items) {
    const item = deref(ctx, raw);
    if (yaml().isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
      out.push(item.value.trim());
    } else {
      fail(ctx, nodeLine(ctx, item, listLine), key, `"${key}" must be a list of ${what}; found ${describe(item)}`);
    }
  }
  return out;
}

interface MapEntry {
  name: string;
  keyLine: number;
  value: ValueNode;
}

/** The entries of a mapping whose keys are strings. */
function readMapEntries(ctx: ParseContext, key: string, node: ValueNode, keyLine: number, what: string): MapEntry[] {
  if (!yaml().isMap(node)) {
    return fail(ctx, nodeLine(ctx, node, keyLine), key, `"${key}" must be a mapping of ${what} (got ${describe(node)})`);
  }
  const mapLine = nodeLine(ctx, node, keyLine);
  return node.items.map((pair: Pair<unknown, unknown>) => {
    const k = deref(ctx, pair.key);
    const line = nodeLine(ctx, k, mapLine);
    if (!yaml().isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) {
      return fail(ctx, line, key, `"${key}" keys must be names (got ${describe(k)})`);
    }
    return { name: String(k.value), keyLine: line, value: deref(ctx, pair.value) };
  });
}

function readOverride(ctx: ParseContext, node: ValueNode, keyLine: number): SeverityOverrideLists {
  const out: SeverityOverrideLists = {};
  for (const e of readMapEntries(ctx, 'override', node, keyLine, 'severities to lists of rule codes')) {
    const sev = OVERRIDE_KEYS.find((s) => s === e.name);
    if (sev === undefined) {
      const hint = suggestKey(e.name, OVERRIDE_KEYS);
      fail(
        ctx,
        e.keyLine,
        `override.${e.name}`,
        `unknown key "override.${e.name}"${hint !== undefined ? ` (did you mean "override.${hint}"?)` : ''}; ` +
          `expected one of ${OVERRIDE_KEYS.join(', ')}`,
      );
    }
    if (isNull(e.value)) continue;
    out[sev] = readStringList(ctx, `override.${sev}`, e.value, e.keyLine, 'rule codes');
  }
  return out;
}

function readLabelSchema(ctx: ParseContext, node: ValueNode, keyLine: number): Record<string, LabelType> {
  const out: Record<string, LabelType> = {};
  for (const e of readMapEntries(ctx, 'label-schema', node, keyLine, 'label names to label types')) {
    // hadolint's readEitherLabelType maps "" to text.
    out[e.name] = readEnum<LabelType>(ctx, `label-schema.${e.name}`, e.value, e.keyLine, LABEL_TYPES, { '': 'text' });
  }
  return out;
}

function readBuildArgs(ctx: ParseContext, node: ValueNode, keyLine: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readMapEntries(ctx, 'build-args', node, keyLine, 'build argument names to values')) {
    const v = e.value;
    const key = `build-args.${e.name}`;
    if (yaml().isScalar(v) && v.value !== null && typeof v.value !== 'object') {
      // Use the text as written, so `VERSION: 1.10` stays "1.10" and is not read as the number 1.1.
      out[e.name] = typeof v.value === 'string' ? v.value : (v.source ?? String(v.value));
    } else {
      fail(ctx, nodeLine(ctx, v, e.keyLine), key, `"${key}" must be a string (got ${describe(v)})`);
    }
  }
  return out;
}

function applyKey(ctx: ParseContext, cfg: DockwiseConfig, key: ConfigKey, value: ValueNode, keyLine: number): void {
  // As in hadolint (HsYAML's `.:?`), a key with no value counts as absent: `ignored:` with every entry commented out.
  if (isNull(value)) return;
  switch (key) {
    case 'ignored':
      cfg.ignored = readStringList(ctx, key, value, keyLine, 'rule codes');
      return;
    case 'override':
      cfg.override = readOverride(ctx, value, keyLine);
      return;
    case 'failure-threshold':
      cfg.failureThreshold = readEnum<FailureThreshold>(ctx, key, value, keyLine, FAILURE_THRESHOLDS, { ignore: 'none' });
      return;
    case 'no-fail':
      cfg.noFail = readBool(ctx, key, value, keyLine);
      return;
    case 'no-color':
    case 'verbose':
      readBool(ctx, key, value, keyLine);
      return;
    case 'format': {
      const f = readString(ctx, key, value, keyLine);
      if (!ctx.formatNames.includes(f)) {
        fail(
          ctx,
          nodeLine(ctx, value, keyLine),
          key,
          `"format" must be one of ${ctx.formatNames.join(', ')} (got ${JSON.stringify(f)})`,
        );
      }
      cfg.format = f;
      return;
    }
    case 'trustedRegistries':
      cfg.trustedRegistries = readStringList(ctx, key, value, keyLine, 'registries', true);
      return;
    case 'label-schema':
      cfg.labelSchema = readLabelSchema(ctx, value, keyLine);
      return;
    case 'strict-labels':
      cfg.strictLabels = readBool(ctx, key, value, keyLine);
      return;
    case 'disable-ignore-pragma':
      cfg.disableIgnorePragma = readBool(ctx, key, value, keyLine);
      return;
    case 'strict-pinning':
      cfg.strictPinning = readBool(ctx, key, value, keyLine);
      return;
    case 'enable':
      cfg.enable = readStringList(ctx, key, value, keyLine, 'rule codes');
      return;
    case 'build-args':
      cfg.buildArgs = readBuildArgs(ctx, value, keyLine);
      return;
    default:
      assertNever(key);
  }
}

function yamlErrorDetail(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'YAML syntax error: the file holds several documents; a config file holds one';
  if (code === 'DUPLICATE_KEY') return 'YAML syntax error: a key appears twice in the same mapping';
  return `YAML syntax error: ${message}`;
}

/**
 * Parses the text of a `.dockwise.yaml` or `.hadolint.yaml`. `file` is used in messages only.
 * Throws ConfigError for YAML errors, unknown keys and values of the wrong type.
 */
export function parseConfigText(text: string, file: string, opts: { formatNames: readonly string[] }): DockwiseConfig {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const ctx: ParseContext = { file, lines, doc, formatNames: opts.formatNames };
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    fail(ctx, lineAt(ctx, firstError.pos[0]), undefined, yamlErrorDetail(firstError.code, firstError.message));
  }
  const root = deref(ctx, doc.contents);
  const cfg: DockwiseConfig = {};
  if (isNull(root)) return cfg;
  if (!yaml().isMap(root)) {
    return fail(
      ctx,
      nodeLine(ctx, root, 1),
      undefined,
      `the file must be a mapping of settings such as "ignored:" (got ${describe(root)})`,
    );
  }
  for (const pair of root.items as Pair<ParsedNode | null, ParsedNode | null>[]) {
    const k = deref(ctx, pair.key);
    const keyLine = nodeLine(ctx, k, 1);
    if (!yaml().isScalar(k) || typeof k.value !== 'string') {
      fail(ctx, keyLine, undefined, `keys must be setting names (got ${describe(k)})`);
    }
    const name = k.value;
    if (!isConfigKey(name)) {
      const hint = suggestKey(name, CONFIG_KEYS);
      fail(ctx, keyLine, name, `unknown key "${name}"${hint !== undefined ? ` (did you mean "${hint}"?)` : ''}`);
    }
    applyKey(ctx, cfg, name, deref(ctx, pair.value), keyLine);
  }
  return cfg;
}

// ---------------------------------------------------------------------------------------------------------------
// Discovery

/** The file system calls discovery and loading need (injectable for tests). */
export interface ConfigFs {
  isFile(file: string): boolean;
  readFile(file: string): string;
}

export const nodeConfigFs: ConfigFs = {
  isFile(file) {
    try {
      return existsSync(file) && statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readFile(file) {
    return readFileSync(file, 'utf8');
  },
};

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v !== '' ? v : undefined;
}

/**
 * Every place searched, in order, for a config file when no `--config` is given. In each place dockwise's name
 * comes before hadolint's, and a project file (cwd) always beats a user file:
 * 1. `cwd/.dockwise.{yaml,yml}`, `cwd/.hadolint.{yaml,yml}`
 * 2. the XDG config dir (`$XDG_CONFIG_HOME` if absolute, else `%LOCALAPPDATA%` on Windows, else `~/.config`):
 *    `dockwise.{yaml,yml}`, `hadolint.{yaml,yml}`
 * 3. the app-data dirs (`~/.dockwise`, `~/.hadolint`; `%APPDATA%\dockwise`, `%APPDATA%\hadolint` on Windows):
 *    `{dockwise,config}.{yaml,yml}`, then `{hadolint,config}.{yaml,yml}`
 * 4. the home dir: `.dockwise.{yaml,yml}`, `.hadolint.{yaml,yml}`
 * The home dir is `$HOME` (or `%USERPROFILE%`); the home-based places are skipped when neither is set.
 */
export function configSearchPaths(
  cwd: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const exts = ['yaml', 'yml'];
  const names = (bases: readonly string[]): string[] => bases.flatMap((b) => exts.map((e) => `${b}.${e}`));
  const home = nonEmpty(env['HOME']) ?? nonEmpty(env['USERPROFILE']);
  const out: string[] = [];
  const add = (dir: string | undefined, files: readonly string[]): void => {
    if (dir !== undefined) for (const f of files) out.push(p.join(dir, f));
  };

  add(cwd, names(['.dockwise', '.hadolint']));

  const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
  const xdgDir =
    xdg !== undefined && p.isAbsolute(xdg)
      ? xdg
      : platform === 'win32'
        ? (nonEmpty(env['LOCALAPPDATA']) ?? (home !== undefined ? p.join(home, '.config') : undefined))
        : home !== undefined
          ? p.join(home, '.config')
          : undefined;
  add(xdgDir, names(['dockwise', 'hadolint']));

  const appData = platform === 'win32' ? nonEmpty(env['APPDATA']) : home;
  const appDir = (name: string): string | undefined =>
    appData === undefined ? undefined : p.join(appData, platform === 'win32' ? name : `.${name}`);
  add(appDir('dockwise'), names(['dockwise', 'config']));
  add(appDir('hadolint'), names(['hadolint', 'config']));

  add(home, names(['.dockwise', '.hadolint']));
  return out;
}

/** The first existing config file in {@link configSearchPaths} order, or undefined. */
export function findConfigFile(cwd: string, env: NodeJS.ProcessEnv, fs: ConfigFs = nodeConfigFs): string | undefined {
  return configSearchPaths(cwd, env).find((f) => fs.isFile(f));
}

/** The path as shown in messages: relative to cwd when inside it, absolute otherwise. */
function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Finds and parses the config file: `configPath` when given (relative to cwd; a missing file is an error),
 * otherwise the first file from {@link findConfigFile}. With no file the config is empty.
 */
export function loadConfig(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  configPath?: string;
  formatNames: readonly string[];
  fs?: ConfigFs;
}): { config: DockwiseConfig; file?: string } {
  const fs = opts.fs ?? nodeConfigFs;
  let file: string | undefined;
  if (opts.configPath !== undefined) {
    file = path.resolve(opts.cwd, opts.configPath);
    if (!fs.isFile(file)) throw new ConfigError(opts.configPath, 'config file not found');
  } else {
    file = findConfigFile(opts.cwd, opts.env, fs);
  }
  if (file === undefined) return { config: {} };
  const shown = displayPath(opts.cwd, file);
  let text: string;
  try {
    text = fs.readFile(file);
  } catch (e) {
    throw new ConfigError(shown, `cannot read config file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const config = parseConfigText(text, shown, { formatNames: opts.formatNames });
  return { config: { ...config, configFile: file }, file };
}

// ---------------------------------------------------------------------------------------------------------------
// Environment

const TRUTHY: ReadonlySet<string> = new Set(['1', 'y', 'on', 'true', 'yes']);

/** hadolint's `truthy`: 1, y, on, true, yes in any case. Anything else (including "") is false. */
function truthy(v: string): boolean {
  return TRUTHY.has(v.toLowerCase());
}

function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Configuration from environment variables: hadolint's `HADOLINT_*` and the same names with `DOCKWISE_`.
 * For each setting a `DOCKWISE_` variable, when set, replaces its `HADOLINT_` twin.
 * `HADOLINT_VERBOSE` and `NO_COLOR` are not config (the CLI reads them). `DOCKWISE_STRICT_PINNING` and
 * `DOCKWISE_ENABLE` (comma list) exist only with the `DOCKWISE_` prefix.
 * Invalid thresholds, label types and (when `formatNames` is given) formats throw ConfigError with
 * file `environment`. hadolint silently skips these.
 */
export function envConfig(env: NodeJS.ProcessEnv, opts: { formatNames?: readonly string[] } = {}): DockwiseConfig {
  const get = (name: string, hadolintToo = true): { name: string; value: string } | undefined => {
    const own = env[`DOCKWISE_${name}`];
    if (own !== undefined) return { name: `DOCKWISE_${name}`, value: own };
    const theirs = hadolintToo ? env[`HADOLINT_${name}`] : undefined;
    return theirs !== undefined ? { name: `HADOLINT_${name}`, value: theirs } : undefined;
  };
  const envError = (name: string, detail: string): never => {
    throw new ConfigError('environment', `${name} ${detail}`, { key: name });
  };
  const cfg: DockwiseConfig = {};

  const noFail = get('NOFAIL');
  if (noFail !== undefined) cfg.noFail = truthy(noFail.value);

  const format = get('FORMAT');
  if (format !== undefined) {
    const f = format.value.trim();
    if (opts.formatNames !== undefined && !opts.formatNames.includes(f)) {
      envError(format.name, `must be one of ${opts.formatNames.join(', ')} (got ${JSON.stringify(format.value)})`);
    }
    cfg.format = f;
  }

  const threshold = get('FAILURE_THRESHOLD');
  if (threshold !== undefined) {
    const v = threshold.value.trim();
    const t = v === 'ignore' ? 'none' : FAILURE_THRESHOLDS.find((x) => x === v);
    if (t === undefined) {
      envError(
        threshold.name,
        `must be one of ${FAILURE_THRESHOLDS.join(', ')} (got ${JSON.stringify(threshold.value)})`,
      );
    } else {
      cfg.failureThreshold = t;
    }
  }

  const override: SeverityOverrideLists = {};
  for (const sev of SEVERITIES) {
    const v = get(`OVERRIDE_${sev.toUpperCase()}`);
    if (v !== undefined) override[sev] = splitList(v.value);
  }
  if (Object.keys(override).length > 0) cfg.override = override;

  const ignore = get('IGNORE');
  if (ignore !== undefined) cfg.ignored = splitList(ignore.value);

  const strictLabels = get('STRICT_LABELS');
  if (strictLabels !== undefined) cfg.strictLabels = truthy(strictLabels.value);

  const disablePragma = get('DISABLE_IGNORE_PRAGMA');
  if (disablePragma !== undefined) cfg.disableIgnorePragma = truthy(disablePragma.value);

  const trusted = get('TRUSTED_REGISTRIES');
  if (trusted !== undefined) cfg.trustedRegistries = splitList(trusted.value);

  const labels = get('REQUIRE_LABELS');
  if (labels !== undefined) {
    // hadolint: "name:type,name:type"; the type is what follows the first ":" ("" means text).
    const schema: Record<string, LabelType> = {};
    for (const item of splitList(labels.value)) {
      const colon = item.indexOf(':');
      const name = (colon < 0 ? item : item.slice(0, colon)).trim();
      const type = colon < 0 ? '' : item.slice(colon + 1).trim();
      const lt = type === '' ? 'text' : LABEL_TYPES.find((x) => x === type);
      if (lt === undefined || name === '') {
        envError(
          labels.name,
          `must be a comma-separated list of label:type with type one of ${LABEL_TYPES.join(', ')} ` +
            `(got ${JSON.stringify(item)})`,
        );
      } else {
        schema[name] = lt;
      }
    }
    cfg.labelSchema = schema;
  }

  const strictPinning = get('STRICT_PINNING', false);
  if (strictPinning !== undefined) cfg.strictPinning = truthy(strictPinning.value);

  const enable = get('ENABLE', false);
  if (enable !== undefined) cfg.enable = splitList(enable.value);

  return cfg;
}

// ---------------------------------------------------------------------------------------------------------------
// Merging

/**
 * Merges layers, lowest priority first (as hadolint: defaults, environment, file, command line).
 * Scalars: the last layer that sets one wins. `ignored`, `trustedRegistries` and `enable` are unions in order of
 * first appearance, as hadolint concatenates its lists. `labelSchema` and `buildArgs` merge per name, later
 * wins. Severity overrides merge per rule code, later layer wins; inside one layer the lists are applied
 * error, warning, info, style, so a code listed twice in one layer gets the later severity.
 */
export function mergeConfig(...layers: DockwiseConfig[]): ResolvedConfig {
  const ignored = new Set<string>();
  const enable = new Set<string>();
  const trusted = new Set<string>();
  const severityOverrides = new Map<string, Severity>();
  const labelSchema: Record<string, LabelType> = {};
  const buildArgs: Record<string, string> = {};
  let failureThreshold: FailureThreshold = 'info';
  let noFail = false;
  let strictLabels = false;
  let disableIgnorePragma = false;
  let strictPinning = false;
  let format: string | undefined;
  let configFile: string | undefined;

  for (const layer of layers) {
    for (const code of layer.ignored ?? []) ignored.add(code);
    for (const code of layer.enable ?? []) enable.add(code);
    for (const reg of layer.trustedRegistries ?? []) trusted.add(reg);
    for (const sev of SEVERITIES) {
      for (const code of layer.override?.[sev] ?? []) severityOverrides.set(code, sev);
    }
    Object.assign(labelSchema, layer.labelSchema);
    Object.assign(buildArgs, layer.buildArgs);
    if (layer.failureThreshold !== undefined) failureThreshold = layer.failureThreshold;
    if (layer.noFail !== undefined) noFail = layer.noFail;
    if (layer.strictLabels !== undefined) strictLabels = layer.strictLabels;
    if (layer.disableIgnorePragma !== undefined) disableIgnorePragma = layer.disableIgnorePragma;
    if (layer.strictPinning !== undefined) strictPinning = layer.strictPinning;
    if (layer.format !== undefined) format = layer.format;
    if (layer.configFile !== undefined) configFile = layer.configFile;
  }

  const resolved: ResolvedConfig = {
    ignored,
    severityOverrides,
    failureThreshold,
    noFail,
    trustedRegistries: [...trusted],
    labelSchema,
    strictLabels,
    disableIgnorePragma,
    strictPinning,
    enable,
    buildArgs,
  };
  if (format !== undefined) resolved.format = format;
  if (configFile !== undefined) resolved.configFile = configFile;
  return resolved;
}

/**
 * Whether a finding of `severity` makes the run fail under `threshold`, with hadolint's semantics: a finding fails
 * when it is at least as severe as the threshold, and `none` is below `style`, so every finding fails.
 * (`noFail` is checked separately.)
 */
export function failsThreshold(severity: Severity, threshold: FailureThreshold): boolean {
  return threshold === 'none' || severityRank(severity) >= severityRank(threshold);
}
