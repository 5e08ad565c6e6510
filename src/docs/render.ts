/**
 * Renderers of rule metadata: `dockwise explain`, `dockwise rules` and the generated
 * docs/rules.md and README table. Everything comes from the rule modules' `docs`.
 */
import type { RuleMeta, RuleSource } from '../core/types.js';

const SOURCE_LABEL: Record<RuleSource, string> = {
  hadolint: 'hadolint',
  buildkit: 'BuildKit',
  'dockerfile-utils': 'dockerfile-utils / dockerfilelint',
  'trivy-checkov': 'Trivy / Checkov',
  dockwise: 'dockwise',
};

export function sourceLabel(s: RuleSource): string {
  return SOURCE_LABEL[s];
}

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

export function silenceHelp(rule: RuleMeta): string {
  const pragma = rule.source === 'buildkit' ? `# check=skip=${rule.code}` : `# hadolint ignore=${rule.code}`;
  return [
    `On one instruction: put \`# dockwise ignore=${rule.code}\` (or \`# hadolint ignore=${rule.code}\`) on the line above it.`,
    `In the whole file: \`# dockwise global ignore=${rule.code}\`${rule.source === 'buildkit' ? `, or BuildKit's \`${pragma}\` directive at the top` : ''}.`,
    `Everywhere: add ${rule.code} to \`ignored:\` in .dockwise.yaml (or .hadolint.yaml), or pass \`--ignore ${rule.code}\`.`,
  ].join('\n');
}

/** How a rule with hadolint twins behaves, for the docs. */
export function twinText(rule: RuleMeta): string {
  const codes = (rule.duplicates ?? []).join(', ');
  return `${codes} report${(rule.duplicates ?? []).length === 1 ? 's' : ''} the same problem. So that enabling both rule sets does not double findings, ${rule.code} is reported only where ${codes} did not report on the same line; switch ${codes} off (or ignore it) to get ${rule.code} instead. A pragma naming ${codes} silences both.`;
}

/** Plain-text page for `dockwise explain CODE` (ShellCheck-wiki style). */
export function renderExplain(rule: RuleMeta): string {
  const d = rule.docs;
  const out: string[] = [];
  out.push(`${rule.code} ${rule.name}: ${d.summary}`);
  out.push(`severity: ${rule.severity}   category: ${rule.category}   source: ${sourceLabel(rule.source)}   fixable: ${rule.fixable ? 'yes' : 'no'}${rule.optIn ? '   opt-in: yes' : ''}`);
  out.push('', 'What it flags', indent(d.what), '', 'Why', indent(d.why));
  d.examples.forEach((ex, i) => {
    const n = d.examples.length > 1 ? ` ${i + 1}` : '';
    out.push('', `Problematic code${n}`, indent(ex.bad), '', `Correct code${n}`, indent(ex.good));
  });
  if (d.exceptions) out.push('', 'Exceptions', indent(d.exceptions));
  if (rule.duplicates && rule.duplicates.length > 0) out.push('', 'Same problem as', indent(twinText(rule)));
  out.push('', 'How to silence it', indent(silenceHelp(rule)));
  if (d.equivalents && d.equivalents.length > 0) out.push('', 'Equivalent rules', indent(d.equivalents.join(', ')));
  if (d.references && d.references.length > 0) out.push('', 'References', ...d.references.map((r) => `    ${r}`));
  return out.join('\n') + '\n';
}

/** Markdown section for one rule (docs/rules.md, SARIF help). */
export function renderRuleMarkdown(rule: RuleMeta, headingLevel = 2): string {
  const d = rule.docs;
  const h = '#'.repeat(headingLevel);
  const out: string[] = [];
  out.push(`${h} ${rule.code}: ${d.summary}`, '');
  out.push(`\`${rule.name}\` · severity **${rule.severity}** · category \`${rule.category}\` · source ${sourceLabel(rule.source)}${rule.fixable ? ' · 🔧 fixable' : ''}${rule.optIn ? ' · opt-in' : ''}`, '');
  out.push(`**What it flags.** ${d.what}`, '', `**Why.** ${d.why}`, '');
  for (const ex of d.examples) {
    out.push('Problematic:', '', '```dockerfile', ex.bad, '```', '', 'Correct:', '', '```dockerfile', ex.good, '```', '');
  }
  if (d.exceptions) out.push(`**Exceptions.** ${d.exceptions}`, '');
  if (rule.duplicates && rule.duplicates.length > 0) out.push(`**Same problem as.** ${twinText(rule)}`, '');
  if (d.equivalents && d.equivalents.length > 0) out.push(`**Equivalents.** ${d.equivalents.join(', ')}`, '');
  if (d.references && d.references.length > 0) out.push(`**References.** ${d.references.map((r) => `<${r}>`).join(', ')}`, '');
  return out.join('\n');
}

export function renderRulesTable(rules: readonly RuleMeta[], format: 'table' | 'markdown'): string {
  const sorted = [...rules];
  if (format === 'markdown') {
    const rows = ['| Code | Name | Summary | Category | Severity | Source | Fix |', '|---|---|---|---|---|---|---|'];
    for (const r of sorted) {
      rows.push(`| ${r.code} | ${r.name} | ${r.docs.summary.replace(/\|/g, '\\|')} | ${r.category} | ${r.severity}${r.optIn ? ' (opt-in)' : ''} | ${sourceLabel(r.source)} | ${r.fixable ? '🔧' : ''} |`);
    }
    return rows.join('\n') + '\n';
  }
  const cols = sorted.map((r) => [r.code, r.name, r.category, r.severity + (r.optIn ? '*' : ''), r.fixable ? 'yes' : '', r.docs.summary]);
  const head = ['CODE', 'NAME', 'CATEGORY', 'SEVERITY', 'FIX', 'SUMMARY'];
  const widths = head.map((h, i) => Math.max(h.length, ...cols.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...cols.map(line)].join('\n') + `\n\n${sorted.length} rules${sorted.some((r) => r.optIn) ? ' (* = opt-in)' : ''}\n`;
}

/** Counts per source, for the README. */
export function countBySource(rules: readonly RuleMeta[]): Map<RuleSource, number> {
  const m = new Map<RuleSource, number>();
  for (const r of rules) m.set(r.source, (m.get(r.source) ?? 0) + 1);
  return m;
}
