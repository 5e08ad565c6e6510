/**
 * The pure lint pipeline: text -> parse -> model -> rules -> findings. No file system, no
 * process state: the CLI, the benchmarks and (later) the language server all call this.
 */
import type { FileResult, InputError, Severity } from './core/types.js';
import { LineIndex } from './core/text.js';
import { parseDockerfile } from './parse/parse.js';
import type { SyntaxTree } from './parse/syntax.js';
import { buildModel, needsShellParser, type DockerfileModel } from './model/model.js';
import type { ShellParser, ShellScript } from './shell/types.js';
import { runRules, type EngineOptions } from './engine/run.js';
import type { LabelType, RuleDefinition, RuleFileContext, RuleSettings } from './engine/rule.js';
import { summarize } from './engine/summary.js';

export interface LintOptions {
  /** Name used in findings. */
  file?: string;
  ignored?: Iterable<string>;
  enabled?: Iterable<string>;
  severityOverrides?: ReadonlyMap<string, Severity>;
  disableIgnorePragma?: boolean;
  trustedRegistries?: readonly string[];
  labelSchema?: Readonly<Record<string, LabelType>>;
  strictLabels?: boolean;
  strictPinning?: boolean;
  buildArgs?: Readonly<Record<string, string>>;
  context?: RuleFileContext;
}

export interface LintTextResult {
  result: FileResult;
  errors: InputError[];
  model: DockerfileModel | null;
}

export interface Linter {
  readonly rules: readonly RuleDefinition[];
  /** Lint one text synchronously (the shell grammar must already be loaded when the text has RUNs). */
  lintText(text: string, opts?: LintOptions): LintTextResult;
  /** Lint one text, loading the shell grammar first when the text needs it. */
  lintTextAsync(text: string, opts?: LintOptions): Promise<LintTextResult>;
}

export interface LinterDeps {
  rules: readonly RuleDefinition[];
  /** Loads the bash grammar; called at most once, and only when a file has a RUN. */
  loadShellParser: () => Promise<ShellParser>;
}

/** Find the first NUL byte line (binary detection). */
function binaryLine(text: string): number | null {
  const i = text.indexOf('\u0000');
  if (i < 0) return null;
  let line = 1;
  for (let k = 0; k < i; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * Scripts kept per linter: an editor re-linting a file on each keystroke re-parses only the RUN it
 * edits (a 1,000-line Dockerfile has a few hundred RUNs at most). More entries buy a CLI run over
 * many files little and keep ~10 MB more alive (1,024 entries: 46 MB live after ten corpus passes,
 * 256: 37 MB).
 */
const SHELL_CACHE_ENTRIES = 256;

/**
 * A shell parser that remembers its most recent results by script text (least recently used out).
 * Parsed scripts are immutable, so sharing one between lints changes no result.
 */
export function cachingParser(parser: ShellParser, max: number): ShellParser {
  const cache = new Map<string, ShellScript>();
  return {
    parse(source) {
      const hit = cache.get(source);
      if (hit) {
        cache.delete(source);
        cache.set(source, hit);
        return hit;
      }
      const script = parser.parse(source);
      cache.set(source, script);
      if (cache.size > max) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return script;
    },
  };
}

export function createLinter(deps: LinterDeps): Linter {
  let shellParser: ShellParser | null = null;
  let loading: Promise<ShellParser> | null = null;

  interface Prepared {
    file: string;
    text: string;
    lines: LineIndex;
    syntax: SyntaxTree;
  }
  const prepare = (input: string, opts: LintOptions): Prepared | LintTextResult => {
    const file = opts.file ?? '<text>';
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const bin = binaryLine(text);
    if (bin !== null) {
      return { result: { file, findings: [] }, errors: [{ file, line: bin, message: `binary file (NUL byte on line ${bin}); not a Dockerfile` }], model: null };
    }
    const lines = new LineIndex(text);
    return { file, text, lines, syntax: parseDockerfile(text, lines) };
  };

  const finish = (p: Prepared, opts: LintOptions): LintTextResult => {
    const { file, text, lines, syntax } = p;
    if (needsShellParser(syntax) && !shellParser) {
      throw new Error('shell grammar not loaded: use lintTextAsync once before lintText');
    }
    const model = buildModel(syntax, lines, { file, buildArgs: opts.buildArgs ?? {}, shellParser });
    const settings: RuleSettings = {
      trustedRegistries: opts.trustedRegistries ?? [],
      labelSchema: opts.labelSchema ?? {},
      strictLabels: opts.strictLabels ?? false,
      strictPinning: opts.strictPinning ?? false,
    };
    if (opts.context) settings.context = opts.context;
    const engineOpts: EngineOptions = {
      settings,
      ignored: new Set(opts.ignored ?? []),
      enabled: new Set(opts.enabled ?? []),
      severityOverrides: opts.severityOverrides ?? new Map(),
      disableIgnorePragma: opts.disableIgnorePragma ?? false,
    };
    const out = runRules(model, deps.rules, engineOpts);
    const errors: InputError[] = out.internalErrors.map((e) => ({ file, message: `internal error in rule ${e.rule}: ${e.message} (please report this)` }));
    const result: FileResult = { file, source: text, findings: out.findings, summary: summarize(out.findings) };
    return { result, errors, model };
  };

  return {
    rules: deps.rules,
    lintText(text, opts = {}) {
      const p = prepare(text, opts);
      return 'result' in p ? p : finish(p, opts);
    },
    async lintTextAsync(text, opts = {}) {
      const p = prepare(text, opts);
      if ('result' in p) return p;
      if (!shellParser && needsShellParser(p.syntax)) {
        loading ??= deps.loadShellParser();
        shellParser = cachingParser(await loading, SHELL_CACHE_ENTRIES);
      }
      return finish(p, opts);
    },
  };
}
