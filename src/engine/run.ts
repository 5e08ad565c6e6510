/**
 * Runs every enabled rule once over the model, applies severity overrides and suppressions
 * (inline pragmas, BuildKit's check directive), and returns findings in a stable order.
 *
 * Rules with `phase: 'post'` (suppression hygiene) run after the suppressions were applied to
 * every other rule's findings, and see the outcome in `ctx.suppressionInfo`.
 */
import { compareFindings, type Finding, type Severity } from '../core/types.js';
import type { DockerfileModel } from '../model/model.js';
import type { Pragma } from '../model/pragmas.js';
import type { ReportDescriptor, RuleDefinition, RuleSettings, SuppressionInfo } from './rule.js';
import { memoByObject } from '../rule-helpers/core.js';

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

/**
 * What the engine derives from the list of rules alone (the same list for every file of a run):
 * computed once per list instead of once per file (see memoByObject).
 */
const rulesFacts = memoByObject((rules: readonly RuleDefinition[]) => ({
  /** Codes of every rule, enabled or not. */
  knownCodes: new Set(rules.map((r) => r.code)) as ReadonlySet<string>,
  /** Rules that repeat another rule, with the codes of their twins. */
  twinsOf: new Map(rules.filter((r) => r.duplicates && r.duplicates.length > 0).map((r) => [r.code, r.duplicates ?? []])) as ReadonlyMap<string, readonly string[]>,
}));

interface Suppressor {
  pragma: Pragma;
  code: string;
  range: Finding['range'];
  /** Inclusive 0-based line span the pragma covers; null = whole file. */
  lines: [number, number] | null;
  used: boolean;
}

export function runRules(model: DockerfileModel, rules: readonly RuleDefinition[], opts: EngineOptions): EngineResult {
  const internalErrors: EngineResult['internalErrors'] = [];
  const check = model.check;

  /** Run one rule, collecting its findings into `into`; false when the rule failed. */
  const runOne = (rule: RuleDefinition, into: Finding[], suppressionInfo?: SuppressionInfo): boolean => {
    // The severity is settled per finding: most rules report nothing on most files.
    const report = (d: ReportDescriptor): void => {
      const severity: Severity = opts.severityOverrides.get(rule.code) ?? (rule.source === 'buildkit' && check?.error === true ? 'error' : (d.severity ?? rule.severity));
      const f: Finding = { file: model.file, rule: rule.code, category: rule.category, severity, message: d.message, range: d.range };
      if (d.fix) f.fix = d.fix;
      into.push(f);
    };
    try {
      rule.check(suppressionInfo ? { model, settings: opts.settings, suppressionInfo, report } : { model, settings: opts.settings, report });
      return true;
    } catch (e) {
      internalErrors.push({ rule: rule.code, message: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  const skippedByDirective = (rule: RuleDefinition): boolean => rule.source === 'buildkit' && check !== null && (check.skipAll || check.skip.has(rule.code));

  // Main phase.
  const raw: Finding[] = [];
  const ran = new Set<string>();
  const postRules: RuleDefinition[] = [];
  for (const rule of rules) {
    if (!isRuleEnabled(rule, opts)) continue;
    if (skippedByDirective(rule)) continue;
    if (rule.phase === 'post') {
      postRules.push(rule);
      continue;
    }
    // A rule that failed may have missed findings: its pragma codes are not judged.
    if (runOne(rule, raw)) ran.add(rule.code);
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
  const byCode = new Map<string, Suppressor[]>();
  for (const s of suppressors) {
    const list = byCode.get(s.code);
    if (list) list.push(s);
    else byCode.set(s.code, [s]);
  }
  /**
   * Keep the findings no pragma silences, marking the suppressors that did. A post-phase finding
   * is never silenced by the pragma it reports on (the one on its own line).
   */
  const applySuppressions = (list: readonly Finding[], post: boolean): Finding[] => {
    const kept: Finding[] = [];
    for (const f of list) {
      let suppressed = false;
      for (const s of byCode.get(f.rule) ?? []) {
        if (post && s.pragma.range.start.line === f.range.start.line) continue;
        if (s.lines === null || (f.range.start.line >= s.lines[0] && f.range.start.line <= s.lines[1])) {
          s.used = true;
          suppressed = true;
        }
      }
      if (!suppressed) kept.push(f);
    }
    return kept;
  };
  // A check that repeats another rule (BuildKit's MaintainerDeprecated and hadolint's DL4000) is
  // reported only when its twin did not report on the same line, so enabling both rule sets does
  // not double every finding; with the twin switched off, the check reports as usual. Twins are
  // compared before suppression, so a pragma that silences either one silences both.
  const rawAt = new Set(raw.map((f) => `${f.rule}@${f.range.start.line}`));
  const { twinsOf, knownCodes } = rulesFacts(rules);
  const findings = applySuppressions(raw, false).filter((f) => !(twinsOf.get(f.rule) ?? []).some((t) => rawAt.has(`${t}@${f.range.start.line}`)));

  // Post phase: suppression hygiene, with what the main phase left unused.
  if (postRules.length > 0) {
    const postCodes = new Set(postRules.map((r) => r.code));
    const info: SuppressionInfo = {
      unused: suppressors.filter((s) => !s.used && ran.has(s.code) && !postCodes.has(s.code)).map((s) => ({ pragma: s.pragma, code: s.code, range: s.range })),
      dangling: opts.disableIgnorePragma ? [] : model.pragmas.filter((p) => p.kind === 'ignore' && p.targetLine < 0),
      knownCodes,
      ranCodes: ran,
      pragmasHonoured: !opts.disableIgnorePragma,
    };
    const rawPost: Finding[] = [];
    for (const rule of postRules) runOne(rule, rawPost, info);
    findings.push(...applySuppressions(rawPost, true));
  }

  findings.sort(compareFindings);
  const unusedSuppressions = suppressors.filter((s) => !s.used).map((s) => ({ pragma: s.pragma, code: s.code, range: s.range }));
  return { findings, internalErrors, unusedSuppressions };
}
