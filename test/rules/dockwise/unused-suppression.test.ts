import { describe, expect, it } from 'vitest';
import { lint, pos } from '../../helpers/lint.js';
import { allRules } from '../../../rules/index.js';
import { createLinter } from '../../../src/lint.js';
import { loadShellParser } from '../../../src/shell/parser.js';
import { defineRule } from '../../../src/rule-api.js';

const dw5901 = async (text: string, opts: Parameters<typeof lint>[1] = {}): Promise<string[]> =>
  (await lint(text, opts)).filter((f) => f.rule === 'DW5901').map((f) => `${pos(f).join(':')} ${f.message}`);

describe('DW5901 unused-suppression', () => {
  it('is silent when the pragma silences a finding', async () => {
    expect(await dw5901('FROM debian:12\n# hadolint ignore=DL3000\nWORKDIR app\n')).toEqual([]);
    expect(await dw5901('FROM debian\n# dockwise global ignore=DL3006\n')).toEqual([]);
    expect(await dw5901('FROM debian:12\n# dockwise ignore=DL3008,DL3015\nRUN apt-get update && apt-get install -y \\\n  curl \\\n  && rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
  });

  it('flags each code that silenced nothing, at the code', async () => {
    const fs = await dw5901('FROM debian:12\n# hadolint ignore=DL3000,DL3006\nWORKDIR app\n');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatch(/^2:26:2:32 Unused suppression: DL3006 reports nothing on the instruction after this pragma/);
    // (A pragma on the very first line is read as a parser directive, so these start after FROM.)
    const global = await dw5901('FROM debian:12\n# hadolint global ignore=DL3006\n');
    expect(global).toHaveLength(1);
    expect(global[0]).toMatch(/^2:26:2:32 .*anywhere in this file/);
  });

  it('flags an ignore pragma that no instruction follows, once', async () => {
    const fs = await dw5901('FROM debian:12\nWORKDIR /app\n# hadolint ignore=DL3000,DL3006\n');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatch(/^3:1:3:32 Unused suppression: no instruction follows/);
  });

  it('only judges codes of rules that ran', async () => {
    // Switched off by configuration.
    expect(await dw5901('FROM debian:12\n# hadolint ignore=DL3000\nWORKDIR /app\n', { ignored: ['DL3000'] })).toEqual([]);
    // Skipped by BuildKit's check directive.
    expect(await dw5901('# check=skip=StageNameCasing\nFROM debian:12 AS build\n# hadolint ignore=StageNameCasing\nRUN true\n')).toEqual([]);
    // An opt-in rule left off, a ShellCheck code, an unknown code.
    expect(await dw5901('FROM debian:12\n# hadolint ignore=DW4006,SC2086,XY1234\nRUN echo $x\n')).toEqual([]);
    // The same opt-in rule enabled: now it ran.
    expect(await dw5901('FROM debian:12\n# hadolint ignore=DW4006\nUSER app\n', { enabled: ['DW4006'] })).toHaveLength(1);
  });

  it('reports nothing under disable-ignore-pragma', async () => {
    expect(await dw5901('FROM debian:12\n# hadolint ignore=DL3006\nWORKDIR /app\n# hadolint ignore=DL3000\n', { disableIgnorePragma: true })).toEqual([]);
  });

  it('can be silenced by another global pragma and by --ignore, but not by the pragma it reports on', async () => {
    const text = 'FROM debian:12\n# dockwise global ignore=DW5901\n# hadolint ignore=DL3006\nWORKDIR /app\n';
    expect(await dw5901(text)).toEqual([]);
    const self = await dw5901('FROM debian:12\n# hadolint global ignore=DL3006,DW5901\n');
    expect(self).toHaveLength(1);
    expect(await dw5901('FROM debian:12\n# hadolint ignore=DL3006\nWORKDIR /app\n', { ignored: ['DW5901'] })).toEqual([]);
  });

  it('honours severity overrides for post-phase rules', async () => {
    const fs = await lint('FROM debian:12\n# hadolint ignore=DL3006\nWORKDIR /app\n', { severityOverrides: new Map([['DW5901', 'warning']]) });
    expect(fs.find((f) => f.rule === 'DW5901')?.severity).toBe('warning');
  });

  it('keeps the main-phase behaviour and the engine result', async () => {
    const linter = createLinter({ rules: allRules, loadShellParser });
    const r = await linter.lintTextAsync('FROM debian:12\n# hadolint ignore=DL3006,DL3000\nWORKDIR app\n', { file: 'Dockerfile' });
    // WorkdirRelativePath is DL3000's BuildKit twin: the pragma naming DL3000 silences both.
    expect(r.result.findings.map((f) => f.rule).sort()).toEqual(['DW5901']);
    expect(r.errors).toEqual([]);
  });

  it('runs post-phase rules after the suppressions, with suppressionInfo', async () => {
    const seen: string[] = [];
    const probe = defineRule({
      code: 'DW5999',
      name: 'probe',
      severity: 'info',
      category: 'maintainability',
      source: 'dockwise',
      fixable: false,
      phase: 'post',
      docs: { summary: 's', what: 'probe rule', why: 'probe rule', examples: [] },
      check({ suppressionInfo }) {
        if (!suppressionInfo) throw new Error('no suppressionInfo');
        seen.push(...suppressionInfo.unused.map((u) => u.code), `known:${suppressionInfo.knownCodes.size}`, `ran:${[...suppressionInfo.ranCodes].join(',')}`);
      },
    });
    const main = allRules.find((r) => r.code === 'DL3000');
    if (!main) throw new Error('DL3000 missing');
    const linter = createLinter({ rules: [main, probe], loadShellParser });
    await linter.lintTextAsync('FROM debian:12\n# hadolint ignore=DL3000\nWORKDIR /app\n# hadolint ignore=DL3000\nWORKDIR rel\n', { file: 'Dockerfile' });
    expect(seen).toEqual(['DL3000', 'known:2', 'ran:DL3000']);
  });
});
