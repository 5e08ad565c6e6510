/**
 * The machine-readable contract:
 * `{"version":1,"findings":[...],"errors":[...],"summaries":[...]}` with a fixed key order.
 */
import type { Category, FileResult, FixSafety, InputError, LintReport, Severity, TextEdit } from '../core/types.js';
import { displayPath, sortedFindings, toLocation } from './common.js';
import type { ReportContext, ReportStream } from './index.js';

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

function jsonFindings(file: FileResult, name: string): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const f of sortedFindings(file)) {
    const loc = toLocation(f.range);
    // Built key by key so the serialised order is part of the contract.
    const j: JsonFinding = {
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
    if (f.fix) j.fix = { title: f.fix.title, safety: f.fix.safety, edits: f.fix.edits.map(toJsonEdit) };
    out.push(j);
  }
  return out;
}

function jsonSummary(file: FileResult, name: string): JsonSummary | null {
  if (!file.summary) return null;
  const s: JsonSummary = {
    file: name,
    unpinnedVersion: file.summary.unpinnedVersion,
    buildOnlyArtifact: file.summary.buildOnlyArtifact,
    implicitDependency: file.summary.implicitDependency,
  };
  if (file.summary.advice !== undefined) s.advice = file.summary.advice;
  return s;
}

function jsonErrors(errors: readonly InputError[], ctx: ReportContext): JsonError[] {
  return errors.map((e): JsonError => {
    const out: JsonError = { file: displayPath(e.file, ctx.cwd), message: e.message };
    if (e.line !== undefined) out.line = e.line;
    return out;
  });
}

export function toJsonReport(report: LintReport, ctx: ReportContext): JsonReport {
  const findings: JsonFinding[] = [];
  const summaries: JsonSummary[] = [];
  for (const file of report.files) {
    const name = displayPath(file.file, ctx.cwd);
    findings.push(...jsonFindings(file, name));
    const s = jsonSummary(file, name);
    if (s) summaries.push(s);
  }
  return { version: JSON_FORMAT_VERSION, findings, errors: jsonErrors(report.errors, ctx), summaries };
}

/** `JSON.stringify(value, null, 2)` nested `depth` levels deep in a pretty-printed document. */
function nested(value: unknown, depth: number): string {
  // Strings are escaped by JSON.stringify, so every raw line break is one of its own.
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * The JSON report written file by file: the text is byte for byte what `format` gives for the
 * whole report, but only the summaries (a few numbers per file) are kept until the end, so memory
 * stays flat however many files are linted.
 */
export function stream(ctx: ReportContext): ReportStream {
  let any = false;
  const summaries: JsonSummary[] = [];
  return {
    begin: () => `{\n  "version": ${JSON_FORMAT_VERSION},\n  "findings": [`,
    file(file) {
      const name = displayPath(file.file, ctx.cwd);
      let out = '';
      for (const f of jsonFindings(file, name)) {
        out += `${any ? ',' : ''}\n    ${nested(f, 2)}`;
        any = true;
      }
      const s = jsonSummary(file, name);
      if (s) summaries.push(s);
      return out;
    },
    end: (errors) => `${any ? '\n  ' : ''}],\n  "errors": ${nested(jsonErrors(errors, ctx), 1)},\n  "summaries": ${nested(summaries, 1)}\n}\n`,
  };
}

export function format(report: LintReport, ctx: ReportContext): string {
  const st = stream(ctx);
  return st.begin() + report.files.map((f) => st.file(f)).join('') + st.end(report.errors);
}
