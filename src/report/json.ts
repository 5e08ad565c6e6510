/**
 * The machine-readable contract:
 * `{"version":1,"findings":[...],"errors":[...],"summaries":[...]}` with a fixed key order.
 */
import type { Category, FixSafety, LintReport, Severity, TextEdit } from '../core/types.js';
import { displayPath, sortedFindings, toLocation } from './common.js';
import type { ReportContext } from './index.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface JsonFix {
  title: string;
  safety: FixSafety;
  edits: JsonEdit[];
}

export interface JsonFinding {
  file: string;
  rule: string;
  category: Category;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: JsonFix;
}

export interface JsonError {
  file: string;
  message: string;
  line?: number;
}

export interface JsonSummary {
  file: string;
  unpinnedVersion: number;
  buildOnlyArtifact: number;
  implicitDependency: number;
  advice?: string;
}

export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  findings: JsonFinding[];
  errors: JsonError[];
  summaries: JsonSummary[];
}

function toJsonEdit(edit: TextEdit): JsonEdit {
  const loc = toLocation(edit.range);
  return { line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn, newText: edit.newText };
}

export function toJsonReport(report: LintReport, ctx: ReportContext): JsonReport {
  const findings: JsonFinding[] = [];
  const summaries: JsonSummary[] = [];
  for (const file of report.files) {
    const name = displayPath(file.file, ctx.cwd);
    for (const f of sortedFindings(file)) {
      const loc = toLocation(f.range);
      // Built key by key so the serialised order is part of the contract.
      const out: JsonFinding = {
        file: name,
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: f.message,
        line: loc.line,
        column: loc.column,
        endLine: loc.endLine,
        endColumn: loc.endColumn,
      };
      if (f.fix) out.fix = { title: f.fix.title, safety: f.fix.safety, edits: f.fix.edits.map(toJsonEdit) };
      findings.push(out);
    }
    if (file.summary) {
      const s: JsonSummary = {
        file: name,
        unpinnedVersion: file.summary.unpinnedVersion,
        buildOnlyArtifact: file.summary.buildOnlyArtifact,
        implicitDependency: file.summary.implicitDependency,
      };
      if (file.summary.advice !== undefined) s.advice = file.summary.advice;
      summaries.push(s);
    }
  }
  const errors = report.errors.map((e): JsonError => {
    const out: JsonError = { file: displayPath(e.file, ctx.cwd), message: e.message };
    if (e.line !== undefined) out.line = e.line;
    return out;
  });
  return { version: JSON_FORMAT_VERSION, findings, errors, summaries };
}

export function format(report: LintReport, ctx: ReportContext): string {
  return `${JSON.stringify(toJsonReport(report, ctx), null, 2)}\n`;
}
