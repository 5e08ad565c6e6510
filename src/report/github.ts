/**
 * GitHub Actions workflow commands, one annotation per line:
 *   ::error file=Dockerfile,line=3,endLine=3,col=1,endColumn=4,title=DL3020::Use COPY instead of ADD
 * Escaping follows @actions/core: data escapes %, CR, LF; property values also escape : and ,.
 * Columns are only sent for single-line ranges (the runner rejects them otherwise).
 */
import { assertNever, type LintReport, type Severity } from '../core/types.js';
import { displayPath, sortedFindings, toLocation } from './common.js';
import type { ReportContext } from './index.js';

type Command = 'error' | 'warning' | 'notice';

export function githubCommand(severity: Severity): Command {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'style':
      return 'notice';
    default:
      return assertNever(severity);
  }
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: Command, props: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export function format(report: LintReport, ctx: ReportContext): string {
  const out: string[] = [];
  for (const file of report.files) {
    const path = displayPath(file.file, ctx.cwd);
    for (const f of sortedFindings(file)) {
      const loc = toLocation(f.range);
      const props: Array<readonly [string, string | number]> = [
        ['file', path],
        ['line', loc.line],
        ['endLine', loc.endLine],
      ];
      if (loc.line === loc.endLine) props.push(['col', loc.column], ['endColumn', loc.endColumn]);
      props.push(['title', f.rule]);
      out.push(command(githubCommand(f.severity), props, f.message));
    }
  }
  for (const e of report.errors) {
    const props: Array<readonly [string, string | number]> = [['file', displayPath(e.file, ctx.cwd)]];
    if (e.line !== undefined) props.push(['line', e.line]);
    props.push(['title', `${ctx.toolName}: input error`]);
    out.push(command('error', props, e.message));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
