import { describe, expect, it } from 'vitest';

import type { RuleDefinition } from '../../src/engine/rule.js';
import { linterFor } from '../helpers/lint.js';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };

function rule(code: string, check: RuleDefinition['check'], extra: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    code,
    name: code.toLowerCase(),
    source: 'dockwise',
    severity: 'warning',
    category: 'correctness',
    docs: { summary: 's', rationale: 'r', bad: 'FROM a', good: 'FROM b' },
    check,
    ...extra,
  } as RuleDefinition;
}

describe('engine: report() and the rule context', () => {
  it('credits each finding to the rule whose check reported it, with its own severity', async () => {
    const a = rule('TESTA', ({ report }) => report({ message: 'from a', range: RANGE }));
    const b = rule('TESTB', ({ report }) => report({ message: 'from b', range: RANGE, severity: 'info' }), { severity: 'error' });
    const r = await linterFor([a, b]).lintTextAsync('FROM x\n', { file: 'Dockerfile' });
    expect(r.result.findings.map((f) => [f.rule, f.message, f.severity])).toEqual([
      ['TESTA', 'from a', 'warning'],
      ['TESTB', 'from b', 'info'],
    ]);
  });

  it('a failing rule is reported as an internal error and does not stop the others', async () => {
    const thrower = rule('TESTT', () => {
      throw new Error('boom');
    });
    const after = rule('TESTZ', ({ report }) => report({ message: 'still runs', range: RANGE }));
    const r = await linterFor([thrower, after]).lintTextAsync('FROM x\n', { file: 'Dockerfile' });
    expect(r.result.findings.map((f) => f.rule)).toEqual(['TESTZ']);
    expect(r.errors.map((e) => e.message)).toEqual(['internal error in rule TESTT: boom (please report this)']);
  });
});
