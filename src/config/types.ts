/**
 * Configuration types for dockwise.
 *
 * The shape follows hadolint's configuration (hadolint/hadolint `src/Hadolint/Config/Configuration.hs`,
 * `PartialConfiguration`), plus three dockwise keys: `strict-pinning`, `enable` and `build-args`.
 */
import type { Severity } from '../core/types.js';

/** hadolint's label types (`readEitherLabelType` in hadolint's `src/Hadolint/Rule.hs`). */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

/**
 * `none` is hadolint's lowest threshold (hadolint also spells it `ignore`). In hadolint it sorts below `style`,
 * so it means "any finding fails", not "never fail" (hadolint `app/Main.hs` `noFailure`: a finding fails when
 * `severity <= cutoff` with `DLErrorC < … < DLStyleC < DLIgnoreC`). Use `noFail` to never fail.
 * See {@link failsThreshold}.
 */
export type FailureThreshold = Severity | 'none';
export const FAILURE_THRESHOLDS: readonly FailureThreshold[] = ['error', 'warning', 'info', 'style', 'none'];

export interface SeverityOverrideLists {
  error?: string[];
  warning?: string[];
  info?: string[];
  style?: string[];
}

/** One layer of configuration, as given by a file, the environment or the CLI. Everything is optional. */
export interface DockwiseConfig {
  /** Rule codes to ignore. Kept as written; unknown codes are reported elsewhere. */
  ignored?: string[];
  /** Per-severity lists of rule codes whose severity is replaced. */
  override?: SeverityOverrideLists;
  failureThreshold?: FailureThreshold;
  noFail?: boolean;
  /** Output format name, validated against the format names the caller passes in. */
  format?: string;
  trustedRegistries?: string[];
  labelSchema?: Record<string, LabelType>;
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  /** dockwise: enables "tag without digest" findings. */
  strictPinning?: boolean;
  /** dockwise: opt-in rules to turn on. */
  enable?: string[];
  /** dockwise: values for build arguments, like `docker build --build-arg`. */
  buildArgs?: Record<string, string>;
  /** Absolute path of the file this layer came from (set by `loadConfig`). */
  configFile?: string;
}

/** All layers merged, with defaults filled in. */
export interface ResolvedConfig {
  ignored: ReadonlySet<string>;
  severityOverrides: ReadonlyMap<string, Severity>;
  /** Default `info`, as in hadolint. */
  failureThreshold: FailureThreshold;
  noFail: boolean;
  format?: string;
  trustedRegistries: readonly string[];
  labelSchema: Readonly<Record<string, LabelType>>;
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  strictPinning: boolean;
  enable: ReadonlySet<string>;
  buildArgs: Readonly<Record<string, string>>;
  configFile?: string;
}

/**
 * A configuration problem a user must fix. The message names the file, the 1-based line (when known) and the key:
 * `.dockwise.yaml:3: unknown key "ignore" (did you mean "ignored"?)`.
 * For environment variables `file` is `environment` and `key` is the variable name.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly line?: number;
  readonly key?: string;
  /** The message without the `file:line: ` prefix. */
  readonly detail: string;

  constructor(file: string, detail: string, where: { line?: number; key?: string } = {}) {
    super(where.line !== undefined ? `${file}:${where.line}: ${detail}` : `${file}: ${detail}`);
    this.file = file;
    this.detail = detail;
    if (where.line !== undefined) this.line = where.line;
    if (where.key !== undefined) this.key = where.key;
  }
}
