import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf, ruleByCode } from '../../helpers/lint.js';
import { cleanPath, parseDockerignore } from '../../../src/context/dockerignore.js';

const ctx = (dockerignore: string | null): { context: { dockerignore: string | null } } => ({ context: { dockerignore } });

describe('CopyIgnoredFile', () => {
  it('flags COPY and ADD sources excluded by .dockerignore', async () => {
    await checkRule('CopyIgnoredFile', {
      valid: [
        'FROM scratch\nCOPY ./tmp/other.txt /other.txt',
        { code: 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt', options: ctx('*/tmp/*\ntmp') },
        { code: 'FROM scratch\nCOPY . /app', options: ctx('node_modules\n.git') },
        { code: 'FROM scratch\nCOPY tmp/a /a', options: ctx('tmp\n!tmp/a') },
        { code: 'FROM scratch\nCOPY --from=build /tmp/a /a', options: ctx('tmp') },
        { code: 'FROM scratch\nADD https://example.com/tmp /a', options: ctx('tmp') },
        { code: 'FROM scratch\nCOPY <<EOF /tmp/x\nhi\nEOF', options: ctx('tmp') },
        { code: 'FROM scratch\nCOPY tmp/b /a', options: ctx(null) },
        { code: 'FROM scratch\nCOPY tmpfile /a', options: ctx('tmp') },
      ],
      invalid: [
        { code: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt', options: ctx('*/tmp/*\ntmp'), at: [[2, 6, 2, 26]], message: /^Attempting to Copy file "tmp\/helloworld.txt" that is excluded by .dockerignore$/ },
        { code: 'FROM scratch\nADD secrets/key.pem /k', options: ctx('# comment\nsecrets/'), message: /Attempting to Add file "secrets\/key.pem"/ },
        { code: 'FROM scratch\nCOPY src/app.test.js a.txt /x/', options: ctx('**/*.test.js'), count: 1 },
        { code: 'FROM scratch\nCOPY . /srv', options: ctx('*'), count: 1 },
        { code: 'FROM scratch\nARG DIR=build\nCOPY $DIR/out /o', options: ctx('build'), count: 1 },
        { code: 'FROM scratch\nCOPY /docs/readme.md /r', options: ctx('/docs'), count: 1 },
      ],
    });
  });

  it('documentation example holds with the .dockerignore it assumes', async () => {
    for (const ex of ruleByCode('CopyIgnoredFile').docs.examples) {
      const di = 'dockerignore' in ex && typeof ex.dockerignore === 'string' ? ex.dockerignore : null;
      expect(di).not.toBeNull();
      expect((await findingsOf('CopyIgnoredFile', ex.bad, ctx(di))).length).toBeGreaterThan(0);
      expect(await findingsOf('CopyIgnoredFile', ex.good, ctx(di))).toEqual([]);
    }
  });

  it('matches like moby/patternmatcher', () => {
    const m = (patterns: string, path: string): boolean => parseDockerignore(patterns).matches(path);
    expect(cleanPath('./a//b/../c/')).toBe('a/c');
    expect(cleanPath('/../a')).toBe('/a');
    expect(m('*.md', 'README.md')).toBe(true);
    expect(m('*.md', 'docs/README.md')).toBe(false);
    expect(m('**/*.md', 'docs/a/README.md')).toBe(true);
    expect(m('**/*.md', 'README.md')).toBe(true);
    expect(m('docs/**', 'docs/a/b')).toBe(true);
    expect(m('docs/**/x', 'docs/x')).toBe(true);
    expect(m('docs/**/x', 'docs/a/b/x')).toBe(true);
    expect(m('docs/**/x', 'docs/ax')).toBe(false);
    expect(m('**foo', 'barfoo')).toBe(true);
    expect(m('a?c', 'abc')).toBe(true);
    expect(m('a?c', 'a/c')).toBe(false);
    expect(m('[a-c]x', 'bx')).toBe(true);
    expect(m('[^a-c]x', 'bx')).toBe(false);
    expect(m('[^a-c]x', 'dx')).toBe(true);
    expect(m('node_modules', 'node_modules/pkg/index.js')).toBe(true);
    expect(m('a\\*b', 'a*b')).toBe(true);
    expect(m('a\\*b', 'axb')).toBe(false);
    expect(m('tmp\n!tmp/keep', 'tmp/keep')).toBe(false);
    expect(m('tmp\n!tmp/keep', 'tmp/other')).toBe(true);
    expect(m(' /build/ ', 'build/x')).toBe(true);
    // Linear time on a pathological pattern.
    const t0 = Date.now();
    expect(m('**/**/**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*b', `${'a/'.repeat(2000)}${'a'.repeat(5000)}`)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
