/**
 * Checkstyle XML (as read by Jenkins warnings-ng, reviewdog, SonarQube importers):
 * one <file> per linted file, one <error> per finding or input error.
 */
import { assertNever, type LintReport, type Severity } from '../core/types.js';
import { displayPath, groupErrors, sortedFindings, toLocation } from './common.js';
import type { ReportContext } from './index.js';
import { XML_DECLARATION, attrs } from './xml.js';

/** Checkstyle knows error, warning, info and ignore. */
export function checkstyleSeverity(severity: Severity): 'error' | 'warning' | 'info' {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'style':
      return 'info';
    default:
      return assertNever(severity);
  }
}

export function format(report: LintReport, ctx: ReportContext): string {
  const out: string[] = [XML_DECLARATION, '<checkstyle version="4.3">'];
  const errorsByFile = groupErrors(report.errors);
  const names = [...new Set([...report.files.map((f) => f.file), ...errorsByFile.keys()])];
  const byName = new Map(report.files.map((f) => [f.file, f] as const));

  for (const name of names) {
    const lines: string[] = [];
    const file = byName.get(name);
    for (const f of file ? sortedFindings(file) : []) {
      const loc = toLocation(f.range);
      lines.push(
        `    <error${attrs([
          ['line', loc.line],
          ['column', loc.column],
          ['severity', checkstyleSeverity(f.severity)],
          ['message', f.message],
          ['source', `${ctx.toolName}.${f.rule}`],
        ])}/>`,
      );
    }
    for (const e of errorsByFile.get(name) ?? []) {
      lines.push(
        `    <error${attrs([
          ['line', e.line ?? 0],
          ['severity', 'error'],
          ['message', e.message],
          ['source', `${ctx.toolName}.input-error`],
        ])}/>`,
      );
    }
    const open = `  <file${attrs([['name', displayPath(name, ctx.cwd)]])}`;
    if (lines.length === 0) out.push(`${open}/>`);
    else out.push(`${open}>`, ...lines, '  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
