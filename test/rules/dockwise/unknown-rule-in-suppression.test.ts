import { describe, expect, it } from 'vitest';
import { lint, pos } from '../../helpers/lint.js';
import { allRules } from '../../../rules/index.js';

const dw5902 = async (text: string, opts: Parameters<typeof lint>[1] = {}): Promise<string[]> =>
  (await lint(text, opts)).filter((f) => f.rule === 'DW5902').map((f) => `${pos(f).join(':')} ${f.message}`);

describe('DW5902 unknown-rule-in-suppression', () => {
  it('accepts known codes and ShellCheck codes', async () => {
    expect(await dw5902('FROM debian:12\n# hadolint ignore=DL3008,SC2086,DW4001,StageNameCasing\nRUN echo $x\n')).toEqual([]);
    expect(await dw5902('FROM debian\n# dockwise global ignore=DL3006,SC1091\n')).toEqual([]);
  });

  it('flags an unknown code at the code, with a suggestion', async () => {
    const fs = await dw5902('FROM debian:12\n# hadolint ignore=DL3O08\nRUN apt-get install -y curl\n');
    expect(fs).toEqual(['2:19:2:25 Unknown rule "DL3O08" in hadolint ignore pragma: it silences nothing; did you mean DL3008?']);
  });

  it('explains a wrong case', async () => {
    const fs = await dw5902('FROM debian:12\n# dockwise ignore=dl3008\nRUN apt-get install -y curl\n');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatch(/rule codes are case-sensitive: did you mean DL3008\?/);
  });

  it('flags codes that no tool knows, and retired hadolint codes', async () => {
    expect(await dw5902('FROM debian:12\n# hadolint ignore=DL9999\nRUN true\n')).toHaveLength(1);
    expect(await dw5902('FROM debian:12\n# hadolint ignore=DL3005\nRUN true\n')).toHaveLength(1);
    expect(await dw5902('FROM debian:12\n# hadolint global ignore=foo, bar\n')).toHaveLength(2);
  });

  it('accepts hadolint codes dockwise lacks in hadolint pragmas only', async () => {
    const rules = allRules.filter((r) => r.code !== 'DL3008');
    expect(await dw5902('FROM debian:12\n# hadolint ignore=DL3008\nRUN true\n', { rules })).toEqual([]);
    expect(await dw5902('FROM debian:12\n# dockwise ignore=DL3008\nRUN true\n', { rules })).toHaveLength(1);
  });

  it('is not reported by DW5901 as well', async () => {
    const fs = await lint('FROM debian:12\n# hadolint ignore=DL9999\nRUN true\n');
    expect(fs.filter((f) => f.rule === 'DW5901')).toEqual([]);
  });

  it('reads 100 KB of adversarial pragma codes quickly', async () => {
    const text = `FROM debian:12\n# dockwise global ignore=${'XY1234,'.repeat(15_000)}${'Q'.repeat(50_000)}\n`;
    const t0 = performance.now();
    const fs = await dw5902(text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(fs.length).toBe(15_001);
  });
});
