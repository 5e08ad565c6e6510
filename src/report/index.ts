/**
 * Report formatters. Each format lives in its own module exporting a pure
 * `format(report, ctx): string`; `formatReport` loads only the one asked for.
 */
import { assertNever, type FileResult, type InputError, type LintReport, type RuleMeta } from '../core/types.js';

export type FormatName =
  | 'stylish'
  | 'json'
  | 'sarif'
  | 'checkstyle'
  | 'gitlab'
  | 'github'
  | 'gnu'
  | 'codeclimate'
  | 'junit';

export const FORMAT_NAMES: readonly FormatName[] = Object.freeze([
  'stylish',
  'json',
  'sarif',
  'checkstyle',
  'gitlab',
  'github',
  'gnu',
  'codeclimate',
  'junit',
] as const);

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export interface ReportContext {
  /** Metadata of every known rule, keyed by code (DL3008, StageNameCasing, DW1001 ...). */
  rules: ReadonlyMap<string, RuleMeta>;
  /** Emit ANSI colours (stylish only). */
  color: boolean;
  /** Absolute directory that paths are reported relative to. */
  cwd: string;
  toolName: string;
  toolVersion: string;
  /** Documentation URL of a rule (SARIF helpUri). */
  helpUri?: (code: string) => string;
  /** Home page of the tool (SARIF tool.driver.informationUri); omitted when absent. */
  informationUri?: string;
}

export type Formatter = (report: LintReport, ctx: ReportContext) => string;

/**
 * A report written as the files are linted: `begin()`, then `file()` for each file in order,
 * then `end()` with the input errors. Formats that can do this keep memory flat over many files.
 */
export interface ReportStream {
  begin(): string;
  file(file: FileResult): string;
  end(errors: readonly InputError[]): string;
}

/** The streaming writer of a format, or null when the format needs the whole report at once. */
export async function streamReport(format: FormatName, ctx: ReportContext): Promise<ReportStream | null> {
  if (format === 'json') return (await import('./json.js')).stream(ctx);
  return null;
}

async function loadFormatter(format: FormatName, color: boolean): Promise<Formatter> {
  switch (format) {
    case 'stylish': {
      const { format: stylish, PLAIN } = await import('./stylish.js');
      const paint = color ? (await import('./paint-chalk.js')).CHALK_PAINT : PLAIN;
      return (report, ctx) => stylish(report, ctx, paint);
    }
    case 'json':
      return (await import('./json.js')).format;
    case 'sarif':
      return (await import('./sarif.js')).format;
    case 'checkstyle':
      return (await import('./checkstyle.js')).format;
    case 'gitlab':
      return (await import('./gitlab.js')).format;
    case 'github':
      return (await import('./github.js')).format;
    case 'gnu':
      return (await import('./gnu.js')).format;
    case 'codeclimate':
      return (await import('./codeclimate.js')).format;
    case 'junit':
      return (await import('./junit.js')).format;
    default:
      return assertNever(format);
  }
}

export async function formatReport(format: FormatName, report: LintReport, ctx: ReportContext): Promise<string> {
  const formatter = await loadFormatter(format, ctx.color);
  return formatter(report, ctx);
}
