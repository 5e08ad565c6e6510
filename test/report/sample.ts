/**
 * A fixed LintReport exercising every formatter: several files (one outside cwd, one clean, one without
 * source), every severity, safe and unsafe fixes, a multi-line range, tabs, a non-ASCII line, a line too
 * long for a terminal, a hygiene summary, an unknown rule and input errors with and without a line.
 */
import type { Finding, LintReport, Range, RuleMeta } from '../../src/core/types.js';
import type { ReportContext } from '../../src/report/index.js';

export const CWD = '/work/project';

/** The range of `needle` on 0-based line `line` of `source` (its `nth` occurrence, default first). */
export function rangeOf(source: string, line: number, needle: string, nth = 0): Range {
  const text = source.split('\n')[line];
  if (text === undefined) throw new Error(`no line ${line}`);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found on line ${line}: ${text}`);
  }
  return { start: { line, character: at }, end: { line, character: at + needle.length } };
}

const LONG_URL = `https://downloads.example.com/releases/v1.2.3/${'very-long-path-segment/'.repeat(4)}install.sh`;

export const MAIN_SOURCE = [
  'from ubuntu',
  'RUN apt-get update && apt-get install -y \\',
  '      curl git',
  'ADD ./app /app',
  'ENV GREETING="héllo wörld 日本語 ☕" API_TOKEN=hunter2',
  'RUN\tcd /app &&\tmake\t# builds',
  `RUN curl -fsSL ${LONG_URL} | sh`,
  '',
].join('\n');

export const API_SOURCE = ['FROM node:20 AS build', 'RUN npm install', 'FROM node:20', 'COPY --from=build /src /app', ''].join(
  '\n',
);

function find(source: string, line: number, needle: string): Range {
  return rangeOf(source, line, needle);
}

const mainFindings: Finding[] = [
  // Deliberately out of order: formatters must sort with compareFindings.
  {
    file: 'Dockerfile',
    rule: 'DW3001',
    category: 'security',
    severity: 'error',
    message: 'Piping a download into "sh" runs unverified code; download, verify a checksum, then run it',
    range: find(MAIN_SOURCE, 6, '| sh'),
  },
  {
    file: 'Dockerfile',
    rule: 'ConsistentInstructionCasing',
    category: 'style',
    severity: 'style',
    message: 'Instruction "from" should be upper case like the others',
    range: find(MAIN_SOURCE, 0, 'from'),
    fix: { title: 'Upper-case the instruction', safety: 'safe', edits: [{ range: find(MAIN_SOURCE, 0, 'from'), newText: 'FROM' }] },
  },
  {
    file: 'Dockerfile',
    rule: 'DL3006',
    category: 'unpinned-version',
    severity: 'warning',
    message: 'Always tag the version of an image explicitly (ubuntu)',
    range: find(MAIN_SOURCE, 0, 'ubuntu'),
  },
  {
    file: 'Dockerfile',
    rule: 'DL3008',
    category: 'unpinned-version',
    severity: 'warning',
    message: 'Pin versions in apt-get install: curl, git',
    range: { start: find(MAIN_SOURCE, 1, 'apt-get install').start, end: find(MAIN_SOURCE, 2, 'curl git').end },
  },
  {
    file: 'Dockerfile',
    rule: 'DL3015',
    category: 'build-only-artifact',
    severity: 'info',
    message: 'Avoid additional packages by specifying --no-install-recommends',
    range: find(MAIN_SOURCE, 1, 'apt-get install -y'),
    fix: {
      title: 'Insert --no-install-recommends',
      safety: 'unsafe',
      edits: [{ range: { start: find(MAIN_SOURCE, 1, 'install').end, end: find(MAIN_SOURCE, 1, 'install').end }, newText: ' --no-install-recommends' }],
    },
  },
  {
    file: 'Dockerfile',
    rule: 'DL3020',
    category: 'correctness',
    severity: 'error',
    message: 'Use COPY instead of ADD for files and folders',
    range: find(MAIN_SOURCE, 3, 'ADD'),
    fix: { title: 'Replace ADD with COPY', safety: 'safe', edits: [{ range: find(MAIN_SOURCE, 3, 'ADD'), newText: 'COPY' }] },
  },
  {
    file: 'Dockerfile',
    rule: 'DW7001',
    category: 'security',
    severity: 'error',
    message: 'Secret <API_TOKEN> is 100% visible in every layer, history & "docker inspect": use a build secret',
    range: find(MAIN_SOURCE, 4, 'API_TOKEN=hunter2'),
  },
  {
    file: 'Dockerfile',
    rule: 'DL3003',
    category: 'maintainability',
    severity: 'warning',
    message: 'Use WORKDIR to switch to a directory',
    range: find(MAIN_SOURCE, 5, 'cd /app'),
  },
];

const apiFindings: Finding[] = [
  {
    file: 'services/api/Dockerfile.prod',
    rule: 'DL3016',
    category: 'unpinned-version',
    severity: 'warning',
    message: 'Pin versions in npm: use "npm ci" with a lockfile',
    range: find(API_SOURCE, 1, 'npm install'),
  },
  {
    file: 'services/api/Dockerfile.prod',
    rule: 'DW5001',
    category: 'implicit-dependency',
    severity: 'info',
    message: 'The final stage relies on node from the base image without declaring it',
    range: find(API_SOURCE, 2, 'node:20'),
  },
];

export const SAMPLE_REPORT: LintReport = {
  files: [
    { file: 'Dockerfile', source: MAIN_SOURCE, findings: mainFindings },
    {
      file: 'services/api/Dockerfile.prod',
      source: API_SOURCE,
      findings: apiFindings,
      summary: { unpinnedVersion: 3, buildOnlyArtifact: 2, implicitDependency: 1, advice: 'pin node:20 by digest to fix 2 findings at once' },
    },
    {
      file: '/srv/other/Dockerfile',
      findings: [
        {
          file: '/srv/other/Dockerfile',
          rule: 'DW9000',
          category: 'style',
          severity: 'style',
          message: 'Rule without metadata, file without source',
          range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
        },
      ],
    },
    { file: 'clean/Dockerfile', source: 'FROM scratch\n', findings: [] },
  ],
  errors: [
    { file: 'broken/Dockerfile', line: 4, message: 'unterminated heredoc <<EOF: expected "EOF" & end of file' },
    { file: 'missing/Dockerfile', message: "ENOENT: no such file or directory, open 'missing/Dockerfile'" },
  ],
};

function meta(partial: Pick<RuleMeta, 'code' | 'name' | 'severity' | 'category' | 'source'> & { summary: string }): RuleMeta {
  return {
    code: partial.code,
    name: partial.name,
    severity: partial.severity,
    category: partial.category,
    source: partial.source,
    fixable: false,
    docs: {
      summary: partial.summary,
      what: `Reports Dockerfile code that ignores the advice "${partial.summary}".`,
      why: 'Images should be reproducible, small and safe.',
      examples: [{ bad: 'FROM ubuntu\nRUN echo `date`', good: 'FROM ubuntu:24.04\nRUN date' }],
    },
  };
}

export const SAMPLE_RULES: ReadonlyMap<string, RuleMeta> = new Map(
  [
    meta({ code: 'ConsistentInstructionCasing', name: 'consistent-instruction-casing', severity: 'style', category: 'style', source: 'buildkit', summary: 'Instructions should use one casing' }),
    meta({ code: 'DL3003', name: 'use-workdir', severity: 'warning', category: 'maintainability', source: 'hadolint', summary: 'Use WORKDIR to switch to a directory' }),
    meta({ code: 'DL3006', name: 'tag-base-image', severity: 'warning', category: 'unpinned-version', source: 'hadolint', summary: 'Always tag the version of an image explicitly' }),
    meta({ code: 'DL3008', name: 'apt-pin-versions', severity: 'warning', category: 'unpinned-version', source: 'hadolint', summary: 'Pin versions in apt-get install' }),
    meta({ code: 'DL3015', name: 'apt-no-install-recommends', severity: 'info', category: 'build-only-artifact', source: 'hadolint', summary: 'Avoid additional packages by specifying --no-install-recommends' }),
    meta({ code: 'DL3016', name: 'npm-pin-versions', severity: 'warning', category: 'unpinned-version', source: 'hadolint', summary: 'Pin versions in npm' }),
    meta({ code: 'DL3020', name: 'copy-not-add', severity: 'error', category: 'correctness', source: 'hadolint', summary: 'Use COPY instead of ADD for files and folders' }),
    meta({ code: 'DW3001', name: 'no-curl-pipe-shell', severity: 'error', category: 'security', source: 'dockwise', summary: 'Do not pipe downloads into a shell' }),
    meta({ code: 'DW5001', name: 'declare-base-dependencies', severity: 'info', category: 'implicit-dependency', source: 'dockwise', summary: 'Declare what the final stage needs from its base' }),
    meta({ code: 'DW7001', name: 'no-secrets-in-env', severity: 'error', category: 'security', source: 'trivy-checkov', summary: 'Do not put secrets in ENV or ARG' }),
  ].map((m) => [m.code, m] as const),
);

export function sampleContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    rules: SAMPLE_RULES,
    color: false,
    cwd: CWD,
    toolName: 'dockwise',
    toolVersion: '0.1.0',
    helpUri: (code) => `https://dockwise.example/rules/${code}`,
    informationUri: 'https://dockwise.example/',
    ...overrides,
  };
}
