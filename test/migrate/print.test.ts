import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type NixExpr,
  apply,
  attrs,
  bind,
  blank,
  comment,
  id,
  int,
  interp,
  item,
  lambda,
  letIn,
  list,
  ml,
  path,
  sel,
  selOn,
  str,
} from '../../src/migrate/nix/ast.js';
import { canUseIndentedString, escapeDoubleQuoted, isPlainIdentifier, printAttrName, printNix, printNixFile } from '../../src/migrate/nix/print.js';
import { HAVE_NIX, NIX_MISSING_MESSAGE, NIX_REQUIRED, materialize, nixEvalJson, nixParseFile, warnIfSkipped } from './nix-helpers.js';

describe('double-quoted strings', () => {
  test.each([
    ['plain', 'plain'],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['${HOME}', '\\${HOME}'],
    ['$HOME and $', '$HOME and $'],
    ['$${x}', '$\\${x}'],
    ['line\nbreak\ttab\rcr', 'line\\nbreak\\ttab\\rcr'],
    ["it''s", "it''s"],
  ])('%j', (raw, escaped) => {
    expect(escapeDoubleQuoted([raw])).toBe(`"${escaped}"`);
  });

  test('a $ right before an interpolation is escaped', () => {
    expect(escapeDoubleQuoted(['cost: $', interp(id('x'))])).toBe('"cost: \\$${x}"');
  });

  test('interpolations print the expression', () => {
    expect(printNix(str(interp(sel('pkgs.hello')), '/bin/hello'))).toBe('"${pkgs.hello}/bin/hello"');
  });
});

describe('indented strings', () => {
  test('used for multi-line text that allows it', () => {
    const out = printNix(attrs([bind('script', ml('mkdir -p $out\n  cp ${x} y\n'))]));
    expect(out).toBe("{\n  script = ''\n    mkdir -p $out\n      cp ''${x} y\n  '';\n}");
  });

  test.each([
    ['no trailing newline', 'a\nb', false],
    ['whitespace-only line', 'a\n   \nb\n', false],
    ['every line indented', '  a\n  b\n', false],
    ["quote before dollar", "echo '${HOME}'\n", false],
    ['control character', 'a\u0001\n', false],
    ['plain', 'a\n  b\n\nc\n', true],
    ['doubled quotes', "it''s\n", true],
  ])('%s', (_name, text, ok) => {
    expect(canUseIndentedString([text])).toBe(ok);
  });

  test("'' and ${ are escaped", () => {
    expect(printNix(ml("a ''b'' ${c}\n"))).toBe("''\n  a '''b''' ''${c}\n''");
  });

  test('falls back to a double-quoted string', () => {
    expect(printNix(ml("echo '${HOME}'\n"))).toBe(`"echo '\\\${HOME}'\\n"`);
  });
});

describe('names, paths, numbers', () => {
  test.each([
    ['name', true],
    ['with-dash', true],
    ["prime'", true],
    ['_x', true],
    ['5000/tcp', false],
    ['with space', false],
    ['org.opencontainers.image.source', false],
    ['let', false],
    ['or', false],
    ['', false],
    ['1abc', false],
  ])('identifier %j -> %s', (name, plain) => {
    expect(isPlainIdentifier(name)).toBe(plain);
    expect(printAttrName(name)).toBe(plain ? name : JSON.stringify(name));
  });

  test('attribute names with ${ are escaped', () => {
    expect(printAttrName('a${b}')).toBe('"a\\${b}"');
  });

  test.each([
    ['', './.'],
    ['.', './.'],
    ['./app.py', './app.py'],
    ['templates/index.html', './templates/index.html'],
    ['src/', './src'],
    ['my file.txt', './. + "/my file.txt"'],
    ['a$b', './. + "/a$b"'],
  ])('path %j', (rel, printed) => {
    expect(printNix(path(rel))).toBe(printed);
  });

  test('paths that are not literals get parentheses where needed', () => {
    expect(printNix(list([path('my file')]))).toBe('[ (./. + "/my file") ]');
  });

  test('paths may not leave the context', () => {
    expect(() => printNix(path('../secret'))).toThrow(/leaves the build context/);
  });

  test('negative numbers in argument position get parentheses', () => {
    expect(printNix(apply(id('f'), int(-1)))).toBe('f (-1)');
    expect(() => printNix(int(2 ** 60))).toThrow(/out of range/);
  });

  test('identifiers are checked', () => {
    expect(() => printNix(id('not valid'))).toThrow(/identifier/);
    expect(printNix(sel('pkgs.netcat-openbsd'))).toBe('pkgs.netcat-openbsd');
    expect(printNix(selOn(id('a'), 'b c'))).toBe('a."b c"');
  });
});

describe('layout', () => {
  test('short lists and small attribute sets stay on one line', () => {
    expect(printNix(list([str('a'), str('b')]))).toBe('[ "a" "b" ]');
    expect(printNix(attrs([]))).toBe('{ }');
    expect(printNix(list([]))).toBe('[ ]');
    expect(printNix(attrs([bind('a', int(1)), bind('b', str('x'))]))).toBe('{ a = 1; b = "x"; }');
  });

  test('comments force one element per line', () => {
    expect(printNix(list([item(id('a'), 'why a'), item(id('b'))]))).toBe('[\n  a # why a\n  b\n]');
  });

  test('long lists break', () => {
    const many = list(Array.from({ length: 20 }, (_, i) => str(`element-${i}`)));
    expect(printNix(many).split('\n')).toHaveLength(22);
  });

  test('comment lines, blank lines, leading comments', () => {
    const out = printNix(attrs([comment('one', 'two'), blank, bind('x', int(1), { leading: ['about x\nsecond line'], trailing: 'end\nof line' })]));
    expect(out).toBe('{\n  # one\n  # two\n\n  # about x\n  # second line\n  x = 1; # end of line\n}');
  });

  test('function application needs parentheses for nested calls', () => {
    expect(printNix(apply(id('f'), apply(id('g'), id('x')), lambda('y', id('y'))))).toBe('f (g x) (y: y)');
    expect(printNix(list([apply(id('f'), id('x'))]))).toBe('[ (f x) ]');
  });

  test('let bodies and multi-line formals start on their own line', () => {
    const file = printNixFile({
      header: ['header'],
      body: lambda(
        { kind: 'formals', formals: [{ name: 'pkgs', default: apply(id('import'), attrs([bind('a', int(1)), bind('b', int(2)), bind('c', int(3)), bind('d', int(4)), bind('e', int(5))])), leading: ['pin'] }] },
        letIn([bind('x', int(1))], id('x')),
      ),
    });
    expect(file).toBe('# header\n{\n  # pin\n  pkgs ? import {\n    a = 1;\n    b = 2;\n    c = 3;\n    d = 4;\n    e = 5;\n  },\n}:\nlet\n  x = 1;\nin\nx\n');
  });

  test('printing is deterministic', () => {
    const e: NixExpr = attrs([bind(['config', 'Cmd'], list([str('a')])), { kind: 'inherit', from: id('pkgs'), names: ['lib'] }]);
    expect(printNix(e)).toBe(printNix(e));
    expect(printNix(e)).toBe('{\n  config.Cmd = [ "a" ];\n  inherit (pkgs) lib;\n}');
  });
});

// ---------------------------------------------------------------------------------------
// Round trip through Nix itself: every printed string must evaluate to the raw text.

const ALPHABET = ['a', 'b', ' ', '$', '{', '}', "'", '"', '\\', '\n', '\t', '\r', 'x', '/', '#', 'é'];
const textArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((cs) => cs.join(''));
const partsArb = fc.array(fc.oneof(textArb, fc.constant(null)), { minLength: 1, maxLength: 4 });

describe.skipIf(!HAVE_NIX)('round trip through nix-instantiate', () => {
  warnIfSkipped();

  test('strings, indented strings and attribute names evaluate to their raw value', () => {
    const samples = fc.sample(fc.tuple(partsArb, fc.boolean()), { numRuns: 400, seed: 42 });
    const fixed: [(string | null)[], boolean][] = [
      [["''"], true],
      [["'''"], true],
      [['$', null], true],
      [['$$', null, '$'], false],
      [["'", null], true],
      [['${'], true],
      [['a\n  b\n\nc\n'], true],
      [["it''s\n${x}\n"], true],
      [['\\n\n'], true],
    ];
    const all = [...fixed, ...samples];
    const exprs = all.map(([parts, multi]) => {
      const ps = parts.map((p) => (p === null ? interp(str('I')) : p));
      return multi ? ml(...ps) : str(...ps);
    });
    const expected = all.map(([parts]) => parts.map((p) => (p === null ? 'I' : p)).join(''));
    const keys = expected.map((s, i) => `${i}:${s}`);
    const file = printNixFile({
      header: ['round trip'],
      body: attrs([bind('strings', list(exprs)), bind('names', attrs(keys.map((k) => bind(k, str(k)))))]),
    });
    const dir = materialize({ 'rt.nix': file });
    const parsed = nixParseFile(`${dir}/rt.nix`);
    expect(parsed.stderr).toBe('');
    expect(parsed.ok).toBe(true);
    const r = nixEvalJson('import ./rt.nix', dir);
    expect(r.stderr).toBe('');
    const value = JSON.parse(r.stdout) as { strings: string[]; names: Record<string, string> };
    expect(value.strings).toEqual(expected);
    expect(Object.keys(value.names).sort()).toEqual([...keys].sort());
  });
});

if (!HAVE_NIX && NIX_REQUIRED) {
  test('nix-instantiate is required when CI=true', () => {
    throw new Error(NIX_MISSING_MESSAGE);
  });
}

describe('paths seen from another directory (migrate --out away from the context)', () => {
  test('a context root prefixes the path without letting it leave its base', () => {
    expect(printNix(path('app.py', '..'))).toBe('./.. + "/app.py"');
    expect(printNix(path('templates/index.html', '../..'))).toBe('./../.. + "/templates/index.html"');
    expect(printNix(path('app.py', '../ctx'))).toBe('./.. + "/ctx/app.py"');
    expect(printNix(path('.', '..'))).toBe('./..');
    expect(printNix(path('app.py', 'sub'))).toBe('./. + "/sub/app.py"');
    expect(() => printNix(path('../etc/passwd', '..'))).toThrow(/leaves the build context/);
  });
});
