/**
 * GNU Coding Standards error format ("Formatting Error Messages"), readable by Emacs compilation mode,
 * Vim's errorformat and most CI log parsers:
 *   file:line.column-endColumn: severity: message [RULE]              (single-line range)
 *   file:line1.column1-line2.column2: severity: message [RULE]        (multi-line range)
 *   file:line:column: severity: message [RULE]                        (one character or an empty range)
 * GNU ranges are inclusive, so the end column is the column of the last character.
 * info is printed as "info" and style as "note", which those tools treat as informational.
 */
import { assertNever, type FileResult, type Finding, type LintReport, type Severity } from '../core/types.js';
import { displayPath, sortedFindings, splitLines } from './common.js';
import type { ReportContext } from './index.js';

export function gnuSeverity(severity: Severity): string {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
      return 'info';
    case 'style':
      return 'note';
    default:
      return assertNever(severity);
  }
}

/** The `line.column` part of a GNU message, with an inclusive end. */
export function gnuSpan(finding: Finding, lines: readonly string[] | undefined): string {
  const { start, end } = finding.range;
  const line1 = start.line + 1;
  const col1 = start.character + 1;
  // Convert the exclusive end position to the last character covered.
  let line2 = end.line + 1;
  let col2 = end.character;
  if (end.line > start.line && end.character === 0) {
    // The range ends at the start of a line: its last character is the end of the previous line.
    const prev = lines?.[end.line - 1];
    line2 = end.line;
    col2 = prev === undefined ? 0 : Math.max(prev.length, 1);
  }
  if (line2 < line1 || (line2 === line1 && col2 <= col1) || col2 < 1) return `${line1}:${col1}`;
  if (line2 === line1) return `${line1}.${col1}-${col2}`;
  return `${line1}.${col1}-${line2}.${col2}`;
}

function fileLines(file: FileResult): string[] | undefined {
  return file.source === undefined ? undefined : splitLines(file.source);
}

/** Messages must stay on one line for line-oriented parsers. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

export function format(report: LintReport, ctx: ReportContext): string {
  const out: string[] = [];
  for (const file of report.files) {
    const path = displayPath(file.file, ctx.cwd);
    const lines = fileLines(file);
    for (const f of sortedFindings(file)) {
      out.push(`${path}:${gnuSpan(f, lines)}: ${gnuSeverity(f.severity)}: ${oneLine(f.message)} [${f.rule}]`);
    }
  }
  for (const e of report.errors) {
    const where = e.line !== undefined ? `${displayPath(e.file, ctx.cwd)}:${e.line}` : displayPath(e.file, ctx.cwd);
    out.push(`${where}: error: ${oneLine(e.message)}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
