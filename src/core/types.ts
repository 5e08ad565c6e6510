/**
 * Core types shared by every module. Imports nothing.
 *
 * Positions and ranges are 0-based (line, UTF-16 character), as in dockerfile-ast and LSP.
 * Reporters convert to 1-based line/column; `endColumn` is exclusive (the column after the
 * last character), as in SARIF.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'style';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** Rank used for thresholds: higher is more severe. */
export function severityRank(s: Severity): number {
  switch (s) {
    case 'error':
      return 3;
    case 'warning':
      return 2;
    case 'info':
      return 1;
    case 'style':
      return 0;
    default:
      return assertNever(s);
  }
}

export type Category =
  | 'unpinned-version'
  | 'build-only-artifact'
  | 'implicit-dependency'
  | 'security'
  | 'correctness'
  | 'maintainability'
  | 'style';

export const CATEGORIES: readonly Category[] = [
  'unpinned-version',
  'build-only-artifact',
  'implicit-dependency',
  'security',
  'correctness',
  'maintainability',
  'style',
];

export interface TextEdit {
  range: Range;
  newText: string;
}

/** How safe a fix is to apply without a person looking (Ruff's Applicability). */
export type FixSafety = 'safe' | 'unsafe' | 'display-only';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

/** Where a rule comes from; used for the README counts and the docs' references. */
export type RuleSource = 'hadolint' | 'buildkit' | 'dockerfile-utils' | 'trivy-checkov' | 'dockwise';

export interface RuleExample {
  bad: string;
  good: string;
  /** `.dockerignore` content the example assumes (for rules that read the build context). */
  dockerignore?: string;
  /** Configuration the example assumes (for config-driven rules such as DL3026 or the label schema). */
  settings?: {
    trustedRegistries?: string[];
    labelSchema?: Record<string, 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email'>;
    strictLabels?: boolean;
    strictPinning?: boolean;
    buildArgs?: Record<string, string>;
  };
}

export interface RuleDocs {
  /** One line, no trailing period. Also the SARIF shortDescription. */
  summary: string;
  /** What the rule flags. */
  what: string;
  /** Why it matters. */
  why: string;
  /** Dockerfile snippets; every `bad` must raise the rule and every `good` must not (tested). */
  examples: RuleExample[];
  /** When the finding is fine, and what the rule deliberately does not flag. */
  exceptions?: string;
  /** Equivalent rules in other tools, e.g. "hadolint DL3008", "Trivy DS029". */
  equivalents?: string[];
  references?: string[];
}

/** Rule metadata as every consumer (reporters, docs, explain, LSP) sees it. */
export interface RuleMeta {
  /** DL3008, StageNameCasing, DW1001 ... */
  code: string;
  /** kebab-case slug, equal to the rule file's basename. */
  name: string;
  severity: Severity;
  category: Category;
  source: RuleSource;
  fixable: boolean;
  /** Off unless enabled in config (e.g. strict pinning, InvalidDefinitionDescription). */
  optIn?: boolean;
  /**
   * Codes of rules that report the same problem (a BuildKit check and its hadolint twin). When one
   * of them reports on the same line, this rule's finding is dropped.
   */
  duplicates?: readonly string[];
  docs: RuleDocs;
}

/** One problem found in one file. */
export interface Finding {
  file: string;
  rule: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
}

/** An input that could not be read or parsed at all. */
export interface InputError {
  file: string;
  message: string;
  /** 1-based, when the error is tied to a line. */
  line?: number;
}

/** Per-file image-hygiene summary (counts per problem class and the one change that helps most). */
export interface HygieneSummary {
  unpinnedVersion: number;
  buildOnlyArtifact: number;
  implicitDependency: number;
  advice?: string;
}

export interface FileResult {
  file: string;
  /** The text that was linted (for code frames); absent when the file could not be read. */
  source?: string;
  findings: Finding[];
  summary?: HygieneSummary;
}

export interface LintReport {
  files: FileResult[];
  errors: InputError[];
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    comparePositions(a.range.start, b.range.start) ||
    comparePositions(a.range.end, b.range.end) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
