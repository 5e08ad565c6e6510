/**
 * Runs every enabled rule once over the model, applies severity overrides and suppressions
 * (inline pragmas, BuildKit's check directive), and returns findings in a stable order.
 */
import { compareFindings, type Finding, type Severity } from '../core/types.js';
import type { DockerfileModel } from '../model/model.js';
import type { Pragma } from '../model/pragmas.js';
import type { ReportDescriptor, RuleDefinition, RuleSettings } from './rule.js';

export interface EngineOptions {
  settings: RuleSettings;
  /** Rule codes switched off. */
  ignored: ReadonlySet<string>;
  /** Opt-in rules switched on. */
  enabled: ReadonlySet<string>;
  severityOverrides: ReadonlyMap<string, Severity>;
  disableIgnorePragma: boolean;
}

export interface EngineResult {
  findings: Finding[];
  /** Rule failures (bugs in dockwise), reported as input errors so that nothing crashes. */
  internalErrors: { rule: string; message: string }[];
  /** Pragma codes that silenced nothing (for suppression-hygiene rules). */
  unusedSuppressions: { pragma: Pragma; code: string; range: Finding['range'] }[];
}

export function isRuleEnabled(rule: RuleDefinition, opts: Pick<EngineOptions, 'ignored' | 'enabled'>): boolean {
  if (opts.ignored.has(rule.code)) return false;
  if (rule.optIn && !opts.enabled.has(rule.code)) return false;
  return true;
}

interface Suppressor {
  pragma: Pragma;
  code: string;
  range: Finding['range'];
  /** Inclusive 0-based line span the pragma covers; null = whole file. */
  lines: [number, number] | null;
  used: boolean;
}

export function runRules(model: DockerfileModel, rules: readonly RuleDefinition[], opts: EngineOptions): EngineResult {
  const raw: Finding[] = [];
  const internalErrors: EngineResult['internalErrors'] = [];
  const check = model.check;

  for (const rule of rules) {
    if (!isRuleEnabled(rule, opts)) continue;
    if (rule.source === 'buildkit' && check && (check.skipAll || check.skip.has(rule.code))) continue;
    const override = opts.severityOverrides.get(rule.code);
    const buildkitError = rule.source === 'buildkit' && check?.error === true;
    const report = (d: ReportDescriptor): void => {
      const severity: Severity = override ?? (buildkitError ? 'error' : (d.severity ?? rule.severity));
      const f: Finding = { file: model.file, rule: rule.code, category: rule.category, severity, message: d.message, range: d.range };
      if (d.fix) f.fix = d.fix;
      raw.push(f);
    };
    try {
      rule.check({ model, settings: opts.settings, report });
    } catch (e) {
      internalErrors.push({ rule: rule.code, message: e instanceof Error ? e.message : String(e) });
    }
  }

  // Suppressions.
  const suppressors: Suppressor[] = [];
  if (!opts.disableIgnorePragma) {
    const spanOf = (line: number): [number, number] | null => {
      const inst = model.syntax.instructions.find((i) => i.range.start.line === line);
      return inst ? [inst.range.start.line, inst.range.end.line] : null;
    };
    for (const p of model.pragmas) {
      if (p.kind === 'ignore') {
        const span = p.targetLine >= 0 ? spanOf(p.targetLine) : null;
        for (const c of p.codes) suppressors.push({ pragma: p, code: c.code, range: c.range, lines: span ?? [-1, -1], used: false });
      } else if (p.kind === 'global-ignore') {
        for (const c of p.codes) suppressors.push({ pragma: p, code: c.code, range: c.range, lines: null, used: false });
      }
    }
  }
  const findings: Finding[] = [];
  for (const f of raw) {
    let suppressed = false;
    for (const s of suppressors) {
      if (s.code !== f.rule) continue;
      if (s.lines === null || (f.range.start.line >= s.lines[0] && f.range.start.line <= s.lines[1])) {
        s.used = true;
        suppressed = true;
      }
    }
    if (!suppressed) findings.push(f);
  }
  findings.sort(compareFindings);
  const unusedSuppressions = suppressors.filter((s) => !s.used).map((s) => ({ pragma: s.pragma, code: s.code, range: s.range }));
  return { findings, internalErrors, unusedSuppressions };
}
