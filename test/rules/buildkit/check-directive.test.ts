import { describe, expect, it } from 'vitest';
import { lint } from '../../helpers/lint.js';
import { allRules } from '../../../rules/index.js';

const buildkit = allRules.filter((r) => r.source === 'buildkit');
const text = 'FROM alpine:3.20 as Builder\nMAINTAINER me\nENV key value\n';

describe('BuildKit check directive', () => {
  it('reports the BuildKit checks as warnings by default', async () => {
    const fs = await lint(text, { rules: buildkit });
    const codes = new Set(fs.map((f) => f.rule));
    for (const c of ['FromAsCasing', 'StageNameCasing', 'MaintainerDeprecated', 'LegacyKeyValueFormat']) expect(codes).toContain(c);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('honours check=skip=<names>', async () => {
    const fs = await lint(`# check=skip=FromAsCasing,MaintainerDeprecated\n${text}`, { rules: buildkit });
    const codes = new Set(fs.map((f) => f.rule));
    expect(codes).not.toContain('FromAsCasing');
    expect(codes).not.toContain('MaintainerDeprecated');
    expect(codes).toContain('StageNameCasing');
  });

  it('honours check=skip=all', async () => {
    expect(await lint(`# check=skip=all\n${text}`, { rules: buildkit })).toEqual([]);
  });

  it('honours check=error=true', async () => {
    const fs = await lint(`# check=error=true\n${text}`, { rules: buildkit });
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.every((f) => f.severity === 'error')).toBe(true);
  });

  it('does not apply the directive to other sources', async () => {
    const others = allRules.filter((r) => r.code === 'DL4000');
    const fs = await lint(`# check=skip=all\n${text}`, { rules: others });
    expect(fs.map((f) => f.rule)).toContain('DL4000');
  });

  it('keeps InvalidDefinitionDescription opt-in', async () => {
    const fs = await lint('# not a description\nFROM alpine:3.20 AS base\n', { rules: buildkit });
    expect(fs.map((f) => f.rule)).not.toContain('InvalidDefinitionDescription');
  });
});
