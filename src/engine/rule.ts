import type { Fix, Range, RuleMeta, Severity } from '../core/types.js';
import type { DockerfileModel } from '../model/model.js';

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

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly settings: RuleSettings;
  report(d: ReportDescriptor): void;
}

export interface RuleDefinition extends RuleMeta {
  check(ctx: RuleContext): void;
}

/** Identity function that type-checks a rule module and keeps its literal types. */
export function defineRule(def: RuleDefinition): RuleDefinition {
  return def;
}
