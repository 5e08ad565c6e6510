import { describe, expect, it } from 'vitest';
import { loadShellParser } from '../../src/shell/parser.js';
import {
  argValues,
  cmdHasArgs,
  commandName,
  effectiveCommand,
  flagOccurrences,
  flagValue,
  hasArg,
  hasFlag,
  isCommand,
  parseArgs,
  positionalArgs,
} from '../../src/shell/queries.js';
import { firstCommand } from './helpers.js';

const parser = await loadShellParser();
const cmd = (s: string) => firstCommand(parser, s);
const values = (ws: { value: string | null; text: string }[]) => ws.map((w) => w.value ?? `<${w.text}>`);

describe('hasFlag', () => {
  it('matches short, combined short and long flags', () => {
    expect(hasFlag(cmd('apt-get install -y x'), '-y')).toBe(true);
    expect(hasFlag(cmd('apt-get install -qy x'), '-y')).toBe(true);
    expect(hasFlag(cmd('apt-get install -qy x'), '-q')).toBe(true);
    expect(hasFlag(cmd('apt-get install --yes x'), '-y', '--yes')).toBe(true);
    expect(hasFlag(cmd('apt-get install --yes=true x'), '--yes')).toBe(true);
    expect(hasFlag(cmd('pip install --index-url=https://x y'), '--index-url')).toBe(true);
  });

  it('does not match positionals, other flags, values after -- or quoted non-flags', () => {
    expect(hasFlag(cmd('apt-get install x'), '-y')).toBe(false);
    expect(hasFlag(cmd('apt-get install --yesterday x'), '--yes')).toBe(false);
    expect(hasFlag(cmd('apt-get install -- -y'), '-y')).toBe(false);
    expect(hasFlag(cmd('echo y'), '-y')).toBe(false);
    expect(hasFlag(cmd('echo "$FLAGS"'), '-y')).toBe(false);
    expect(hasFlag(cmd('rm -'), '-')).toBe(false);
  });

  it('matches single-dash multi-letter flags whole', () => {
    expect(hasFlag(cmd('wget -nv https://x'), '-nv')).toBe(true);
    expect(hasFlag(cmd('wget -n https://x'), '-nv')).toBe(false);
  });

  it('counts a dynamic word that starts with a dash as a flag', () => {
    expect(hasFlag(cmd('npm install --prefix=$P x'), '--prefix')).toBe(true);
    expect(hasFlag(cmd('npm install "--prefix=$P" x'), '--prefix')).toBe(true);
  });
});

describe('flagValue and flagOccurrences', () => {
  it('reads --flag=value, --flag value, -f value, -fvalue and clusters', () => {
    expect(flagValue(cmd('apt-get install -t bookworm x'), '-t', '--target-release')).toBe('bookworm');
    expect(flagValue(cmd('apt-get install --target-release=bookworm x'), '-t', '--target-release')).toBe('bookworm');
    expect(flagValue(cmd('apt-get install --target-release bookworm x'), '-t', '--target-release')).toBe('bookworm');
    expect(flagValue(cmd('curl -fsSLo out.tgz https://x'), '-o')).toBe('out.tgz');
    expect(flagValue(cmd('curl -ofile https://x'), '-o')).toBe('file');
    expect(flagValue(cmd('wget -qO- https://x'), '-O')).toBe('-');
    expect(flagValue(cmd('apt-get -q=2 install x'), '-q')).toBe('2');
    expect(flagValue(cmd('apt-get install x'), '-t')).toBeNull();
    expect(flagValue(cmd('npm i --prefix "$P"'), '--prefix')).toBeNull();
  });

  it('lists every occurrence with value words and ranges', () => {
    const src = 'pip install -r a.txt --requirement=b.txt -rc.txt x';
    const occ = flagOccurrences(cmd(src), '-r', '--requirement');
    expect(occ.map((f) => [f.name, f.value, f.valueWord === null ? null : src.slice(f.valueWord.start, f.valueWord.end)])).toEqual([
      ['-r', 'a.txt', 'a.txt'],
      ['--requirement', 'b.txt', 'b.txt'],
      ['-r', 'c.txt', 'c.txt'],
    ]);
  });

  it('gives the whole word as value word when the value is quoted', () => {
    const occ = flagOccurrences(cmd('pip install "--requirement=a b.txt"'), '--requirement');
    expect(occ[0]?.value).toBe('a b.txt');
    expect(occ[0]?.valueWord?.text).toBe('"--requirement=a b.txt"');
  });
});

describe('positionalArgs', () => {
  it('drops flags and the values of flags that take one', () => {
    const c = cmd('apt-get install -y -t bookworm --no-install-recommends -o Dpkg::Options::=--force-confold curl git');
    expect(values(positionalArgs(c, ['-t', '-o']))).toEqual(['install', 'curl', 'git']);
    expect(values(positionalArgs(c))).toEqual(['install', 'bookworm', 'Dpkg::Options::=--force-confold', 'curl', 'git']);
  });

  it('treats everything after -- and a lone - as positional', () => {
    expect(values(positionalArgs(cmd('rm -rf -- -weird file')))).toEqual(['-weird', 'file']);
    expect(values(positionalArgs(cmd('sha256sum -c -')))).toEqual(['-']);
  });

  it('keeps dynamic words', () => {
    expect(values(positionalArgs(cmd('apk add $PKGS "x-$V"')))).toEqual(['add', '<$PKGS>', '<"x-$V">']);
  });

  it('supports Go-style flags', () => {
    const p = parseArgs(cmd('go install -ldflags "-s -w" -trimpath ./cmd/x'), { values: ['-ldflags'], goStyle: true });
    expect(p.flags.map((f) => [f.name, f.value])).toEqual([
      ['-ldflags', '-s -w'],
      ['-trimpath', null],
    ]);
    expect(values(p.positionals)).toEqual(['install', './cmd/x']);
  });
});

describe('commands and wrappers', () => {
  it('compares by basename', () => {
    expect(isCommand(cmd('/usr/bin/apt-get update'), 'apt-get')).toBe(true);
    expect(commandName(cmd('/usr/bin/apt-get update'))).toBe('apt-get');
    expect(isCommand(cmd('apt update'), 'apt-get')).toBe(false);
    expect(isCommand(cmd('$APT update'), 'apt-get')).toBe(false);
  });

  it.each([
    ['sudo apt-get install -y x', ['sudo'], ['install', '-y', 'x']],
    ['sudo -u root -E apt-get install x', ['sudo'], ['install', 'x']],
    ['sudo --user=root apt-get install x', ['sudo'], ['install', 'x']],
    ['env DEBIAN_FRONTEND=noninteractive apt-get install x', ['env'], ['install', 'x']],
    ['env -i -u X PATH=/bin apt-get install x', ['env'], ['install', 'x']],
    ['command apt-get install x', ['command'], ['install', 'x']],
    ['exec apt-get install x', ['exec'], ['install', 'x']],
    ['nice -n 10 apt-get install x', ['nice'], ['install', 'x']],
    ['nohup apt-get install x', ['nohup'], ['install', 'x']],
    ['time apt-get install x', ['time'], ['install', 'x']],
    ['timeout 300 apt-get install x', ['timeout'], ['install', 'x']],
    ['timeout -s KILL 5m apt-get install x', ['timeout'], ['install', 'x']],
    ['xargs -r apt-get install -y', ['xargs'], ['install', '-y']],
    ['eatmydata apt-get install x', ['eatmydata'], ['install', 'x']],
    ['gosu root apt-get install x', ['gosu'], ['install', 'x']],
    ['sudo env A=1 nice apt-get install x', ['sudo', 'env', 'nice'], ['install', 'x']],
    ['/usr/bin/sudo /usr/bin/apt-get install x', ['sudo'], ['install', 'x']],
  ])('unwraps %s', (src, wrappers, args) => {
    const eff = effectiveCommand(cmd(src));
    expect(commandName(eff)).toBe('apt-get');
    expect(eff.wrappers).toEqual(wrappers);
    expect(argValues(eff)).toEqual(args);
    expect(isCommand(cmd(src), 'apt-get')).toBe(true);
  });

  it('adds env assignments', () => {
    const src = 'env DEBIAN_FRONTEND=noninteractive A=$X apt-get install x';
    const eff = effectiveCommand(cmd(src));
    expect(eff.assignments.map((a) => [a.name, a.value?.value ?? null, a.value === null ? null : src.slice(a.value.start, a.value.end)])).toEqual([
      ['DEBIAN_FRONTEND', 'noninteractive', 'noninteractive'],
      ['A', null, '$X'],
    ]);
  });

  it.each(['command -v apt-get', 'sudo -l', 'env', 'env -S "apt-get install x"', 'sudo', 'nice', 'timeout 5'])(
    'does not unwrap %s',
    (src) => {
      const c = cmd(src);
      const eff = effectiveCommand(c);
      expect(eff.wrappers).toEqual([]);
      expect(eff.name).toBe(c.name);
      expect(isCommand(c, 'apt-get')).toBe(false);
    },
  );

  it('unwraps to a nameless view when the wrapped command is dynamic', () => {
    const eff = effectiveCommand(cmd('sudo $CMD install'));
    expect(eff.name).toBeNull();
    expect(eff.nameWord?.text).toBe('$CMD');
    expect(eff.wrappers).toEqual(['sudo']);
  });

  it('leaves plain commands unchanged', () => {
    const c = cmd('apt-get update');
    const eff = effectiveCommand(c);
    expect(eff.wrappers).toEqual([]);
    expect(eff.args).toEqual(c.args);
    expect(effectiveCommand(eff)).toEqual(eff);
  });

  it('cmdHasArgs and hasArg look at the effective command', () => {
    expect(cmdHasArgs(cmd('sudo apt-get install x'), 'apt-get', ['install'])).toBe(true);
    expect(cmdHasArgs(cmd('apt-get update'), ['apt-get', 'apt'], ['install'])).toBe(false);
    expect(cmdHasArgs(cmd('apt update'), ['apt-get', 'apt'], ['update'])).toBe(true);
    expect(hasArg(cmd('yarn cache clean'), 'clean')).toBe(true);
    expect(hasArg(cmd('yarn cache $X'), 'clean')).toBe(false);
  });
});
