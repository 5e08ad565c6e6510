/**
 * Human-readable terminal output, grouped by file, with a code frame under every finding.
 *
 *   Dockerfile
 *     2:5  warning  Pin versions in apt-get install  DL3008
 *        2 | RUN apt-get install -y curl
 *          |     ^~~~~~~~~~~~~~~~~~~~~~~
 *     image hygiene: 1 unpinned — pin the base image by digest
 *
 *   ✖ 1 problem (0 errors, 1 warning, 0 info, 0 style) in 1 file
 *
 * Colours come through a `Paint`: plain (identity) when colour is off, chalk's when it is on
 * (src/report/paint-chalk.ts). chalk is loaded only for a coloured report: a run whose output
 * goes to a file, a pipe or a CI log does not pay for it (~4 ms of a one-file run's start-up).
 */
import { assertNever, type FileResult, type Finding, type HygieneSummary, type LintReport, type Severity } from '../core/types.js';
import {
  allFileNames,
  countSeverities,
  displayPath,
  plural,
  sortedFindings,
  splitLines,
  toLocation,
} from './common.js';
import type { ReportContext } from './index.js';
import { DEFAULT_FRAME, frameLine, printable } from './text-width.js';

/** The styles the stylish report uses; each returns its text wrapped in ANSI codes, or unchanged. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
  redBold(text: string): string;
  yellowBold(text: string): string;
}

const same = (text: string): string => text;

/** No colour: every style returns its text unchanged (as chalk does at level 0). */
export const PLAIN: Paint = {
  red: same,
  yellow: same,
  blue: same,
  magenta: same,
  cyan: same,
  green: same,
  dim: same,
  bold: same,
  underline: same,
  redBold: same,
  yellowBold: same,
};

function paintSeverity(chalk: Paint, severity: Severity, text: string): string {
  switch (severity) {
    case 'error':
      return chalk.red(text);
    case 'warning':
      return chalk.yellow(text);
    case 'info':
      return chalk.blue(text);
    case 'style':
      return chalk.magenta(text);
    default:
      return assertNever(severity);
  }
}

export function hygieneText(summary: HygieneSummary): string {
  const parts: string[] = [];
  if (summary.unpinnedVersion > 0) parts.push(`${summary.unpinnedVersion} unpinned`);
  if (summary.buildOnlyArtifact > 0) parts.push(plural(summary.buildOnlyArtifact, 'build-only artifact'));
  if (summary.implicitDependency > 0) {
    parts.push(plural(summary.implicitDependency, 'implicit dependency', 'implicit dependencies'));
  }
  const counts = parts.length > 0 ? parts.join(', ') : 'clean';
  const advice = summary.advice ? ` — ${printable(summary.advice)}` : '';
  return `image hygiene: ${counts}${advice}`;
}

function renderFrame(chalk: Paint, finding: Finding, lines: readonly string[], gutterWidth: number): string[] {
  const { start, end } = finding.range;
  const text = lines[start.line];
  if (text === undefined) return [];
  const endChar = end.line > start.line ? text.length : end.character;
  const frame = frameLine(text, start.character, endChar, DEFAULT_FRAME);
  const lineNo = String(start.line + 1).padStart(gutterWidth);
  const blank = ' '.repeat(gutterWidth);
  return [
    `    ${chalk.dim(`${lineNo} |`)} ${frame.code}`.trimEnd(),
    `    ${chalk.dim(`${blank} |`)} ${paintSeverity(chalk, finding.severity, frame.underline)}`,
  ];
}

function renderFile(chalk: Paint, file: FileResult, ctx: ReportContext): string[] {
  const findings = sortedFindings(file);
  if (findings.length === 0 && !file.summary) return [];
  const out: string[] = [chalk.underline(printable(displayPath(file.file, ctx.cwd)))];
  const lines = file.source === undefined ? [] : splitLines(file.source);

  const rows = findings.map((f) => {
    const loc = toLocation(f.range);
    return { finding: f, pos: `${loc.line}:${loc.column}`, message: printable(f.message) };
  });
  const posWidth = Math.max(0, ...rows.map((r) => r.pos.length));
  const sevWidth = Math.max(0, ...rows.map((r) => r.finding.severity.length));
  const framed = rows.filter((r) => lines[r.finding.range.start.line] !== undefined);
  const gutterWidth = Math.max(0, ...framed.map((r) => String(r.finding.range.start.line + 1).length));

  for (const row of rows) {
    const { finding } = row;
    out.push(
      `  ${chalk.dim(row.pos.padEnd(posWidth))}  ${paintSeverity(chalk, finding.severity, finding.severity.padEnd(sevWidth))}  ` +
        `${row.message}  ${chalk.dim(printable(finding.rule))}`,
    );
    out.push(...renderFrame(chalk, finding, lines, gutterWidth));
  }
  if (file.summary) out.push(`  ${chalk.cyan(hygieneText(file.summary))}`);
  out.push('');
  return out;
}

/**
 * The stylish report painted with `chalk`. `ctx.color` is not read here: the caller chose the
 * paint from it (see formatReport in ./index.ts).
 */
export function format(report: LintReport, ctx: ReportContext, chalk: Paint = PLAIN): string {
  const out: string[] = [];

  const findings: Finding[] = [];
  for (const file of report.files) {
    findings.push(...file.findings);
    out.push(...renderFile(chalk, file, ctx));
  }

  for (const error of report.errors) {
    const where = `${displayPath(error.file, ctx.cwd)}${error.line !== undefined ? `:${error.line}` : ''}`;
    out.push(`${chalk.red('✖')} ${chalk.underline(printable(where))}  ${printable(error.message)}`);
  }
  if (report.errors.length > 0) out.push('');

  const counts = countSeverities(findings);
  const errors = counts.error + report.errors.length;
  const total = findings.length + report.errors.length;
  const files = plural(allFileNames(report).length, 'file');
  if (total === 0) {
    out.push(chalk.green(`✔ no problems in ${files}`));
  } else {
    const line =
      `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${counts.info} info, ${counts.style} style) in ${files}`;
    out.push(errors > 0 ? chalk.redBold(line) : counts.warning > 0 ? chalk.yellowBold(line) : chalk.bold(line));
  }
  return `${out.join('\n')}\n`;
}
