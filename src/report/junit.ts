/**
 * JUnit XML (as read by Jenkins, GitLab, Azure Pipelines): a <testsuite> per file, a <testcase> per
 * finding carrying a <failure>, one passing <testcase> for a clean file, and an <error> test case
 * per input error.
 */
import type { Finding, InputError, LintReport } from '../core/types.js';
import { displayPath, groupErrors, sortedFindings, toLocation } from './common.js';
import type { ReportContext } from './index.js';
import { XML_DECLARATION, attrs, xmlText } from './xml.js';

function failureCase(path: string, f: Finding): string[] {
  const loc = toLocation(f.range);
  const body = `${path}:${loc.line}:${loc.column}: ${f.severity}: ${f.message} [${f.rule}]`;
  return [
    `    <testcase${attrs([
      ['name', `${f.rule} ${loc.line}:${loc.column}`],
      ['classname', path],
    ])}>`,
    `      <failure${attrs([
      ['message', f.message],
      ['type', f.severity],
    ])}>${xmlText(body)}</failure>`,
    '    </testcase>',
  ];
}

function errorCase(path: string, e: InputError, toolName: string): string[] {
  const where = e.line !== undefined ? `${path}:${e.line}` : path;
  return [
    `    <testcase${attrs([
      ['name', `${toolName} input error${e.line !== undefined ? ` ${e.line}` : ''}`],
      ['classname', path],
    ])}>`,
    `      <error${attrs([
      ['message', e.message],
      ['type', 'input-error'],
    ])}>${xmlText(`${where}: ${e.message}`)}</error>`,
    '    </testcase>',
  ];
}

export function format(report: LintReport, ctx: ReportContext): string {
  const errorsByFile = groupErrors(report.errors);
  const byName = new Map(report.files.map((f) => [f.file, f] as const));
  const names = [...new Set([...report.files.map((f) => f.file), ...errorsByFile.keys()])];

  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  for (const name of names) {
    const path = displayPath(name, ctx.cwd);
    const file = byName.get(name);
    const findings = file ? sortedFindings(file) : [];
    const errors = errorsByFile.get(name) ?? [];
    const cases: string[] = [];
    for (const f of findings) cases.push(...failureCase(path, f));
    for (const e of errors) cases.push(...errorCase(path, e, ctx.toolName));
    let tests = findings.length + errors.length;
    if (tests === 0) {
      cases.push(`    <testcase${attrs([['name', ctx.toolName], ['classname', path]])}/>`);
      tests = 1;
    }
    totalTests += tests;
    totalFailures += findings.length;
    totalErrors += errors.length;
    suites.push(
      `  <testsuite${attrs([
        ['name', path],
        ['tests', tests],
        ['failures', findings.length],
        ['errors', errors.length],
      ])}>`,
      ...cases,
      '  </testsuite>',
    );
  }

  return `${[
    XML_DECLARATION,
    `<testsuites${attrs([
      ['name', ctx.toolName],
      ['tests', totalTests],
      ['failures', totalFailures],
      ['errors', totalErrors],
    ])}>`,
    ...suites,
    '</testsuites>',
  ].join('\n')}\n`;
}
