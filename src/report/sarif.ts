/**
 * SARIF 2.1.0 (OASIS, errata 01): one run, rule descriptors for every rule that fired, results with
 * exact regions (UTF-16 columns), fixes as artifact changes, input errors as tool execution notifications.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';

import {
  assertNever,
  type Finding,
  type LintReport,
  type Range,
  type RuleMeta,
  type Severity,
} from '../core/types.js';
import { resolvePath, sortedFindings, toLocation } from './common.js';
import type { ReportContext } from './index.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'style':
      return 'note';
    default:
      return assertNever(severity);
  }
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const resolved = resolvePath(file, cwd);
  if (resolved.relative === undefined) return { uri: pathToFileURL(resolved.absolute).href };
  const uri = resolved.relative.split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function region(range: Range): Sarif.Region {
  const loc = toLocation(range);
  return { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn };
}

/** A Markdown code fence longer than any backtick run inside `code`. */
function fenced(code: string, lang: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

function indent(code: string, by: string): string {
  return code
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l.length > 0 ? by + l : l))
    .join('\n');
}

export function ruleHelp(meta: RuleMeta): Sarif.MultiformatMessageString {
  const { what, why, examples } = meta.docs;
  const text: string[] = [what, '', `Why: ${why}`];
  const markdown: string[] = [what, '', `**Why:** ${why}`];
  examples.forEach((ex, i) => {
    const n = examples.length > 1 ? ` ${i + 1}` : '';
    text.push('', `Problematic code${n}:`, indent(ex.bad, '    '), '', `Correct code${n}:`, indent(ex.good, '    '));
    markdown.push('', `Problematic code${n}:`, '', fenced(ex.bad, 'dockerfile'), '', `Correct code${n}:`, '', fenced(ex.good, 'dockerfile'));
  });
  return { text: text.join('\n'), markdown: markdown.join('\n') };
}

function ruleDescriptor(code: string, meta: RuleMeta | undefined, ctx: ReportContext): Sarif.ReportingDescriptor {
  if (!meta) {
    const bare: Sarif.ReportingDescriptor = { id: code };
    if (ctx.helpUri) bare.helpUri = ctx.helpUri(code);
    return bare;
  }
  const descriptor: Sarif.ReportingDescriptor = {
    id: meta.code,
    name: meta.name,
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.what },
    help: ruleHelp(meta),
  };
  if (ctx.helpUri) descriptor.helpUri = ctx.helpUri(meta.code);
  descriptor.defaultConfiguration = { level: sarifLevel(meta.severity) };
  descriptor.properties = { category: meta.category, tags: [meta.category, meta.source] };
  return descriptor;
}

function result(finding: Finding, ruleIndex: number, location: Sarif.ArtifactLocation): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: finding.rule,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
  };
  if (finding.fix && finding.fix.edits.length > 0) {
    out.fixes = [
      {
        description: { text: finding.fix.title },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: finding.fix.edits.map((edit) => ({
              deletedRegion: region(edit.range),
              insertedContent: { text: edit.newText },
            })),
          },
        ],
        properties: { safety: finding.fix.safety },
      },
    ];
  }
  return out;
}

export function toSarifLog(report: LintReport, ctx: ReportContext): Sarif.Log {
  const perFile = report.files.map((file) => ({ file, findings: sortedFindings(file) }));

  const codes = [...new Set(perFile.flatMap((f) => f.findings.map((x) => x.rule)))].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i] as const));
  const rules = codes.map((code) => ruleDescriptor(code, ctx.rules.get(code), ctx));

  const results: Sarif.Result[] = [];
  for (const { file, findings } of perFile) {
    const location = artifactLocation(file.file, ctx.cwd);
    for (const f of findings) results.push(result(f, ruleIndex.get(f.rule) ?? -1, location));
  }

  const notifications = report.errors.map((e): Sarif.Notification => {
    const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: artifactLocation(e.file, ctx.cwd) };
    if (e.line !== undefined && e.line >= 1) physicalLocation.region = { startLine: e.line };
    return { level: 'error', message: { text: e.message }, locations: [{ physicalLocation }] };
  });

  const driver: Sarif.ToolComponent = { name: ctx.toolName, version: ctx.toolVersion };
  if (ctx.informationUri) driver.informationUri = ctx.informationUri;
  driver.rules = rules;

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [{ executionSuccessful: report.errors.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function format(report: LintReport, ctx: ReportContext): string {
  return `${JSON.stringify(toSarifLog(report, ctx), null, 2)}\n`;
}
