import { readFileSync } from 'node:fs';

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';

import type { LintReport } from '../../src/core/types.js';
import { format, toSarifLog } from '../../src/report/sarif.js';
import { CWD, SAMPLE_REPORT, sampleContext } from './sample.js';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

/**
 * The official OASIS SARIF 2.1.0 (errata 01) schema, vendored next to this file (see
 * sarif-schema-2.1.0.SOURCE.md). It declares draft-04; Ajv 8 has no draft-04 meta-schema, so `$schema`
 * and the draft-04 `id` are dropped and the rest is compiled as draft-07 (no keyword in it differs).
 */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  expect(schema['id']).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  delete schema['$schema'];
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

describe('sarif', () => {
  const text = format(SAMPLE_REPORT, sampleContext());
  const log = JSON.parse(text) as Sarif.Log;
  const run = log.runs[0];
  if (!run) throw new Error('no run');

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
  });

  it('the validator really checks: a region with startLine 0 is rejected', () => {
    const broken = structuredClone(log);
    const region = broken.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region;
    if (!region) throw new Error('no region');
    region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });

  it('validates for an empty report and for a report with only input errors', () => {
    expectValid(toSarifLog({ files: [], errors: [] }, sampleContext()));
    expectValid(toSarifLog({ files: [], errors: [{ file: 'x', message: 'boom' }] }, sampleContext({ helpUri: undefined })));
  });

  it('has one run with the tool, version and informationUri', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'dockwise', version: '0.1.0', informationUri: 'https://dockwise.example/' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
  });

  it('describes exactly the rules that fired, sorted, and results point at them by index', () => {
    const rules = run.tool.driver.rules ?? [];
    const fired = new Set(SAMPLE_REPORT.files.flatMap((f) => f.findings.map((x) => x.rule)));
    expect(rules.map((r) => r.id)).toEqual([...fired].sort());
    for (const r of run.results ?? []) {
      expect(r.ruleIndex).toBeGreaterThanOrEqual(0);
      expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    }
    const dl3020 = rules.find((r) => r.id === 'DL3020');
    expect(dl3020).toMatchObject({
      name: 'copy-not-add',
      shortDescription: { text: 'Use COPY instead of ADD for files and folders' },
      helpUri: 'https://dockwise.example/rules/DL3020',
      defaultConfiguration: { level: 'error' },
      properties: { category: 'correctness', tags: ['correctness', 'hadolint'] },
    });
    expect(dl3020?.help?.markdown).toContain('```dockerfile\nFROM ubuntu\nRUN echo `date`\n```');
    expect(rules.find((r) => r.id === 'DW9000')).toEqual({ id: 'DW9000', helpUri: 'https://dockwise.example/rules/DW9000' });
  });

  it('maps severities to levels (info and style become note)', () => {
    const levels = Object.fromEntries((run.results ?? []).map((r) => [r.ruleId, r.level]));
    expect(levels).toMatchObject({ DL3020: 'error', DL3006: 'warning', DL3015: 'note', ConsistentInstructionCasing: 'note' });
    const defaults = Object.fromEntries((run.tool.driver.rules ?? []).map((r) => [r.id, r.defaultConfiguration?.level]));
    expect(defaults).toMatchObject({ DL3020: 'error', DL3006: 'warning', DL3015: 'note', ConsistentInstructionCasing: 'note' });
  });

  it('uses 1-based regions with an exclusive end column counted in UTF-16 units', () => {
    const secret = (run.results ?? []).find((r) => r.ruleId === 'DW7001');
    // 'ENV GREETING="héllo wörld 日本語 ☕" API_TOKEN=hunter2': API_TOKEN starts at UTF-16 index 33.
    expect(secret?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 5, startColumn: 34, endLine: 5, endColumn: 51 });
    const multi = (run.results ?? []).find((r) => r.ruleId === 'DL3008');
    expect(multi?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 2, startColumn: 23, endLine: 3, endColumn: 15 });
  });

  it('uses %SRCROOT%-relative URIs inside cwd and file:// URIs outside', () => {
    const uris = (run.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    expect(uris).toContainEqual({ uri: 'services/api/Dockerfile.prod', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: 'file:///srv/other/Dockerfile' });
  });

  it('percent-encodes paths and accepts absolute paths inside cwd', () => {
    const report: LintReport = {
      files: [
        {
          file: `${CWD}/dir with space/Dockerfile#1`,
          findings: [
            {
              file: 'x',
              rule: 'DL3020',
              category: 'correctness',
              severity: 'error',
              message: 'm',
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
            },
          ],
        },
      ],
      errors: [],
    };
    const sarif = toSarifLog(report, sampleContext());
    expectValid(sarif);
    expect(sarif.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'dir%20with%20space/Dockerfile%231',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('turns fixes into artifact changes with deleted regions and inserted content', () => {
    const insert = (run.results ?? []).find((r) => r.ruleId === 'DL3015');
    expect(insert?.fixes).toEqual([
      {
        description: { text: 'Insert --no-install-recommends' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { startLine: 2, startColumn: 38, endLine: 2, endColumn: 38 },
                insertedContent: { text: ' --no-install-recommends' },
              },
            ],
          },
        ],
        properties: { safety: 'unsafe' },
      },
    ]);
    expect((run.results ?? []).filter((r) => r.fixes).map((r) => r.ruleId)).toEqual(['ConsistentInstructionCasing', 'DL3015', 'DL3020']);
  });

  it('reports input errors as error notifications and marks the execution unsuccessful', () => {
    const invocation = run.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'unterminated heredoc <<EOF: expected "EOF" & end of file' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } } }],
      },
      {
        level: 'error',
        message: { text: "ENOENT: no such file or directory, open 'missing/Dockerfile'" },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'missing/Dockerfile', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    const clean = toSarifLog({ files: [{ file: 'Dockerfile', findings: [] }], errors: [] }, sampleContext());
    expect(clean.runs[0]?.invocations?.[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(clean.runs[0]?.results).toEqual([]);
  });

  it('omits helpUri and informationUri when the context has none', () => {
    const bare = toSarifLog(SAMPLE_REPORT, sampleContext({ helpUri: undefined, informationUri: undefined }));
    expectValid(bare);
    expect(bare.runs[0]?.tool.driver.informationUri).toBeUndefined();
    expect(bare.runs[0]?.tool.driver.rules?.some((r) => 'helpUri' in r)).toBe(false);
  });
});
