import { describe, expect, it } from 'vitest';
import { lint } from '../helpers/lint.js';

describe('BuildKit checks with a hadolint twin', () => {
  const text = 'FROM alpine:3.20\nMAINTAINER someone\n';
  it('report once when both rule sets are on', async () => {
    const rules = (await lint(text)).filter((f) => f.range.start.line === 1).map((f) => f.rule);
    expect(rules).toContain('DL4000');
    expect(rules).not.toContain('MaintainerDeprecated');
  });
  it('report under the BuildKit name when the hadolint twin is off', async () => {
    const rules = (await lint(text, { ignored: ['DL4000'] })).map((f) => f.rule);
    expect(rules).toContain('MaintainerDeprecated');
    expect(rules).not.toContain('DL4000');
  });
  it('a pragma naming the hadolint code silences both', async () => {
    const rules = (await lint('FROM alpine:3.20\n# hadolint ignore=DL4000\nMAINTAINER someone\n')).map((f) => f.rule);
    expect(rules).not.toContain('DL4000');
    expect(rules).not.toContain('MaintainerDeprecated');
    expect(rules).not.toContain('DW5901');
  });
});
