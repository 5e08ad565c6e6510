/**
 * Helpers shared by the formatters: 1-based locations, display paths, stable ordering and counts.
 * Pure; no I/O beyond string manipulation of paths.
 */
import * as path from 'node:path';

import {
  compareFindings,
  type FileResult,
  type Finding,
  type InputError,
  type LintReport,
  type Range,
  type Severity,
} from '../core/types.js';

/** A 1-based location; `endColumn` is exclusive (the column after the last character), as in SARIF. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toLocation(range: Range): Location {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Findings of one file in report order (never mutates the input). */
export function sortedFindings(file: FileResult): Finding[] {
  return [...file.findings].sort(compareFindings);
}

/** Normalises path separators to `/` (reports are read on every platform). */
export function toSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

export interface ResolvedPath {
  /** Absolute, platform-native path. */
  absolute: string;
  /** Path relative to cwd with `/` separators, or undefined when the file lies outside cwd. */
  relative: string | undefined;
}

export function resolvePath(file: string, cwd: string): ResolvedPath {
  const absolute = path.resolve(cwd, file);
  const rel = path.relative(cwd, absolute);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return { absolute, relative: outside ? undefined : toSlashes(rel) };
}

/**
 * How every format names a file: relative to cwd with `/` separators when inside cwd, otherwise the
 * absolute path (with `/` separators).
 */
export function displayPath(file: string, cwd: string): string {
  const resolved = resolvePath(file, cwd);
  return resolved.relative ?? toSlashes(resolved.absolute);
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: Iterable<Finding>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Input errors grouped by file, keeping the order in which files first appear. */
export function groupErrors(errors: readonly InputError[]): Map<string, InputError[]> {
  const groups = new Map<string, InputError[]>();
  for (const e of errors) {
    const list = groups.get(e.file);
    if (list) list.push(e);
    else groups.set(e.file, [e]);
  }
  return groups;
}

/** Distinct file names mentioned by the report (linted files first, then files only named by errors). */
export function allFileNames(report: LintReport): string[] {
  const names = new Set<string>();
  for (const f of report.files) names.add(f.file);
  for (const e of report.errors) names.add(e.file);
  return [...names];
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Splits text into lines the way LSP / dockerfile-ast count them (\r\n, \r or \n). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
