import type { Fix, Range, RuleMeta, Severity } from '../core/types.js';
import type { DockerfileModel } from '../model/model.js';
import type { Pragma } from '../model/pragmas.js';

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/** The part of the configuration that rules may read. */
export interface RuleSettings {
  trustedRegistries: readonly string[];
  labelSchema: Readonly<Record<string, LabelType>>;
  strictLabels: boolean;
  strictPinning: boolean;
  /** Files next to the Dockerfile that some rules read (.dockerignore); absent in pure text linting. */
  context?: RuleFileContext;
}

export interface RuleFileContext {
  /** Content of the build context's .dockerignore, or null when there is none. */
  dockerignore: string | null;
}

export interface ReportDescriptor {
  message: string;
  range: Range;
  fix?: Fix;
  /** Overrides the rule's default severity for this finding (rarely needed). */
  severity?: Severity;
}

/** One code of an ignore pragma that silenced no finding. */
export interface UnusedSuppression {
  pragma: Pragma;
  code: string;
  /** Range of the code inside the pragma comment. */
  range: Range;
}

/**
 * What the suppression step found, handed to post-phase rules (suppression hygiene). Only codes
 * of rules that actually ran count as unused: a rule switched off by config (`ignored`, an opt-in
 * rule left off) or skipped by BuildKit's `# check=skip=` directive could not have produced
 * findings, and post-phase rules' own codes are settled after them.
 */
export interface SuppressionInfo {
  /** Pragma codes of rules that ran and silenced nothing, in pragma order. */
  unused: readonly UnusedSuppression[];
  /** `ignore` pragmas (next-instruction form) that are followed by no instruction at all. */
  dangling: readonly Pragma[];
  /** Codes of every rule the linter has, enabled or not. */
  knownCodes: ReadonlySet<string>;
  /** Codes of the rules that ran in the main phase. */
  ranCodes: ReadonlySet<string>;
  /** False under `disable-ignore-pragma` (pragmas were disregarded). */
  pragmasHonoured: boolean;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly settings: RuleSettings;
  /** Set for rules with `phase: 'post'` only. */
  readonly suppressionInfo?: SuppressionInfo;
  report(d: ReportDescriptor): void;
}

export interface RuleDefinition extends RuleMeta {
  /**
   * `post`: run after every other rule's findings went through the suppressions, with
   * `ctx.suppressionInfo` set (suppression-hygiene rules). Omitted: the main phase.
   */
  phase?: 'post';
  check(ctx: RuleContext): void;
}

/** Identity function that type-checks a rule module and keeps its literal types. */
export function defineRule(def: RuleDefinition): RuleDefinition {
  return def;
}
