import { describe, expect, it } from 'vitest';
import { lint } from '../helpers/lint.js';

/** How the engine settles a finding's severity: override, then BuildKit's check=error, then the rule's. */
describe('finding severity', () => {
  const text = 'FROM alpine:3.20\nMAINTAINER someone\nRUN echo a\nRUN echo b\n';
  const severityOf = (fs: { rule: string; severity: string }[], rule: string): string | undefined => fs.find((f) => f.rule === rule)?.severity;

  it("is the rule's default without configuration", async () => {
    const fs = await lint(text, { ignored: ['DL4000'] });
    expect(severityOf(fs, 'MaintainerDeprecated')).toBe('warning');
    expect(severityOf(fs, 'DL3059')).toBe('info');
  });
  it('follows an override', async () => {
    const fs = await lint(text, { ignored: ['DL4000'], severityOverrides: new Map([['DL3059', 'error'], ['MaintainerDeprecated', 'info']]) });
    expect(severityOf(fs, 'DL3059')).toBe('error');
    expect(severityOf(fs, 'MaintainerDeprecated')).toBe('info');
  });
  it('is error for BuildKit checks under check=error=true, unless overridden', async () => {
    const withDirective = `# check=error=true\n${text}`;
    const fs = await lint(withDirective, { ignored: ['DL4000'] });
    expect(severityOf(fs, 'MaintainerDeprecated')).toBe('error');
    expect(severityOf(fs, 'DL3059')).toBe('info');
    const over = await lint(withDirective, { ignored: ['DL4000'], severityOverrides: new Map([['MaintainerDeprecated', 'style']]) });
    expect(severityOf(over, 'MaintainerDeprecated')).toBe('style');
  });
});
