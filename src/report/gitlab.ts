/**
 * GitLab Code Quality report (artifacts:reports:codequality): a JSON array of
 * {description, check_name, fingerprint, severity, location: {path, lines: {begin}}}.
 */
import type { LintReport } from '../core/types.js';
import { displayPath, sortedFindings, toLocation } from './common.js';
import { fingerprint, INPUT_ERROR_CHECK, issueSeverity, type IssueSeverity } from './fingerprint.js';
import type { ReportContext } from './index.js';

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: IssueSeverity;
  location: { path: string; lines: { begin: number } };
}

export function toGitlabIssues(report: LintReport, ctx: ReportContext): GitlabIssue[] {
  const issues: GitlabIssue[] = [];
  for (const file of report.files) {
    const path = displayPath(file.file, ctx.cwd);
    for (const f of sortedFindings(file)) {
      const { line } = toLocation(f.range);
      issues.push({
        description: f.message,
        check_name: f.rule,
        fingerprint: fingerprint(path, f.rule, line, f.message),
        severity: issueSeverity(f.severity),
        location: { path, lines: { begin: line } },
      });
    }
  }
  for (const e of report.errors) {
    const path = displayPath(e.file, ctx.cwd);
    const line = e.line ?? 1;
    issues.push({
      description: e.message,
      check_name: INPUT_ERROR_CHECK,
      fingerprint: fingerprint(path, INPUT_ERROR_CHECK, line, e.message),
      severity: 'blocker',
      location: { path, lines: { begin: line } },
    });
  }
  return issues;
}

export function format(report: LintReport, ctx: ReportContext): string {
  return `${JSON.stringify(toGitlabIssues(report, ctx), null, 2)}\n`;
}
