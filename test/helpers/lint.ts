import { createLinter, type LintOptions, type Linter } from '../../src/lint.js';
import { loadShellParser } from '../../src/shell/parser.js';
import { allRules } from '../../rules/index.js';
import type { Finding } from '../../src/core/types.js';
import type { RuleDefinition } from '../../src/engine/rule.js';

const linters = new Map<string, Linter>();

/** A linter over the given rules (default: all), cached per rule set. */
export function linterFor(rules: readonly RuleDefinition[] = allRules): Linter {
  const key = rules.map((r) => r.code).join(',');
  let l = linters.get(key);
  if (!l) {
    l = createLinter({ rules, loadShellParser });
    linters.set(key, l);
  }
  return l;
}

/** Lint text with all rules (or `rules`), returning findings. */
export async function lint(text: string, opts: LintOptions & { rules?: readonly RuleDefinition[] } = {}): Promise<Finding[]> {
  const { rules, ...rest } = opts;
  const r = await linterFor(rules).lintTextAsync(text, { file: 'Dockerfile', ...rest });
  if (r.errors.length > 0) throw new Error(`lint errors: ${JSON.stringify(r.errors)}`);
  return r.result.findings;
}

export function ruleByCode(code: string): RuleDefinition {
  const r = allRules.find((x) => x.code === code);
  if (!r) throw new Error(`no rule ${code}`);
  return r;
}

/** Findings of one rule (linting with only that rule enabled, opt-in rules included). */
export async function findingsOf(code: string, text: string, opts: LintOptions = {}): Promise<Finding[]> {
  const rule = ruleByCode(code);
  const fs = await lint(text, { ...opts, rules: [rule], enabled: [code, ...(opts.enabled ?? [])] });
  return fs.filter((f) => f.rule === code);
}

/** 1-based [line, column, endLine, endColumn] of a finding, as the JSON output shows it. */
export function pos(f: Finding): [number, number, number, number] {
  return [f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1];
}

export interface RuleCases {
  valid: (string | { code: string; options?: LintOptions })[];
  invalid: { code: string; options?: LintOptions; count?: number; at?: [number, number, number, number][]; message?: RegExp }[];
}

/** hadolint/ESLint-style tester: every valid case yields no finding, every invalid case at least one (or exactly `count`). */
export async function checkRule(code: string, cases: RuleCases): Promise<void> {
  const seen = new Set<string>();
  for (const c of cases.valid) {
    const text = typeof c === 'string' ? c : c.code;
    if (seen.has(text)) throw new Error(`duplicate test case: ${text}`);
    seen.add(text);
    const fs = await findingsOf(code, text, typeof c === 'string' ? {} : (c.options ?? {}));
    if (fs.length > 0) throw new Error(`${code} should not fire on:\n${text}\nbut reported: ${fs.map((f) => `${pos(f).join(':')} ${f.message}`).join('; ')}`);
  }
  for (const c of cases.invalid) {
    if (seen.has(c.code)) throw new Error(`duplicate test case: ${c.code}`);
    seen.add(c.code);
    const fs = await findingsOf(code, c.code, c.options ?? {});
    if (fs.length === 0) throw new Error(`${code} should fire on:\n${c.code}`);
    if (c.count !== undefined && fs.length !== c.count) throw new Error(`${code}: expected ${c.count} findings on:\n${c.code}\ngot ${fs.length}: ${fs.map((f) => f.message).join('; ')}`);
    if (c.at) {
      const got = fs.map(pos);
      for (const want of c.at) {
        if (!got.some((g) => g.join(':') === want.join(':'))) throw new Error(`${code}: expected a finding at ${want.join(':')} on:\n${c.code}\ngot ${got.map((g) => g.join(':')).join(', ')}`);
      }
    }
    if (c.message) {
      for (const f of fs) if (!c.message.test(f.message)) throw new Error(`${code}: message "${f.message}" does not match ${c.message}`);
    }
  }
}
