/**
 * Code Climate issues (https://github.com/codeclimate/platform/blob/master/spec/analyzers/SPEC.md),
 * as one JSON array.
 */
import { assertNever, type Category, type LintReport, type RuleMeta } from '../core/types.js';
import { displayPath, sortedFindings, toLocation } from './common.js';
import { fingerprint, INPUT_ERROR_CHECK, issueSeverity, type IssueSeverity } from './fingerprint.js';
import type { ReportContext } from './index.js';

export type CodeClimateCategory =
  | 'Bug Risk'
  | 'Clarity'
  | 'Compatibility'
  | 'Complexity'
  | 'Duplication'
  | 'Performance'
  | 'Security'
  | 'Style';

export function codeClimateCategories(category: Category): CodeClimateCategory[] {
  switch (category) {
    case 'unpinned-version':
      // Floating versions make builds unreproducible and break when upstream moves.
      return ['Bug Risk', 'Compatibility'];
    case 'build-only-artifact':
      // Compilers, caches and package lists left in the image cost size and pull time.
      return ['Performance'];
    case 'implicit-dependency':
      // Relying on what the base image happens to ship breaks when the base changes.
      return ['Compatibility'];
    case 'security':
      return ['Security'];
    case 'correctness':
      return ['Bug Risk'];
    case 'maintainability':
      return ['Clarity'];
    case 'style':
      return ['Style'];
    default:
      return assertNever(category);
  }
}

interface Position {
  line: number;
  column: number;
}

export interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  content?: { body: string };
  categories: CodeClimateCategory[];
  location: { path: string; positions: { begin: Position; end: Position } } | { path: string; lines: { begin: number; end: number } };
  severity: IssueSeverity;
  fingerprint: string;
}

function contentBody(meta: RuleMeta, ctx: ReportContext): string {
  const body = [`${meta.docs.summary}.`, '', meta.docs.what, '', meta.docs.why];
  if (ctx.helpUri) body.push('', ctx.helpUri(meta.code));
  return body.join('\n');
}

export function toCodeClimateIssues(report: LintReport, ctx: ReportContext): CodeClimateIssue[] {
  const issues: CodeClimateIssue[] = [];
  for (const file of report.files) {
    const path = displayPath(file.file, ctx.cwd);
    for (const f of sortedFindings(file)) {
      const loc = toLocation(f.range);
      const meta = ctx.rules.get(f.rule);
      issues.push({
        type: 'issue',
        check_name: f.rule,
        description: f.message,
        ...(meta ? { content: { body: contentBody(meta, ctx) } } : {}),
        categories: codeClimateCategories(f.category),
        location: {
          path,
          positions: { begin: { line: loc.line, column: loc.column }, end: { line: loc.endLine, column: loc.endColumn } },
        },
        severity: issueSeverity(f.severity),
        fingerprint: fingerprint(path, f.rule, loc.line, f.message),
      });
    }
  }
  for (const e of report.errors) {
    const path = displayPath(e.file, ctx.cwd);
    const line = e.line ?? 1;
    issues.push({
      type: 'issue',
      check_name: INPUT_ERROR_CHECK,
      description: e.message,
      categories: ['Bug Risk'],
      location: { path, lines: { begin: line, end: line } },
      severity: 'blocker',
      fingerprint: fingerprint(path, INPUT_ERROR_CHECK, line, e.message),
    });
  }
  return issues;
}

export function format(report: LintReport, ctx: ReportContext): string {
  return `${JSON.stringify(toCodeClimateIssues(report, ctx), null, 2)}\n`;
}
