/**
 * Every regular expression in src/shell that reads user text is linear-time. These tests feed
 * ~100 KB adversarial strings to the functions that use them (directly, without the parser, so the
 * timing isolates our code) and check that they finish quickly. The parser is also fed deeply
 * nested and very long scripts: it must not throw (stack overflow) and must stay fast.
 */
import { describe, expect, it } from 'vitest';
import {
  recogniseCleanup,
  recogniseDownload,
  recogniseIndexUpdate,
  recognisePackageInstall,
  recognisePackageRemoval,
  recogniseVerification,
} from '../../src/shell/packages.js';
import { loadShellParser } from '../../src/shell/parser.js';
import { effectiveCommand, hasFlag, parseArgs } from '../../src/shell/queries.js';
import { decodeAnsiC, unescapeBare, unescapeDouble } from '../../src/shell/text.js';
import type { ShellWord, SimpleCommand } from '../../src/shell/types.js';

const N = 100_000;
// Quadratic behaviour on 100 KB takes minutes; the bound is loose so that loaded machines do not flake.
const LIMIT_MS = 1000;

function word(value: string, text = value): ShellWord {
  return { text, value, start: 0, end: text.length };
}

/** A synthetic command with static words. */
function mk(name: string, ...args: string[]): SimpleCommand {
  return {
    name,
    nameWord: word(name),
    args: args.map((a) => word(a)),
    assignments: [],
    redirects: [],
    start: 0,
    end: 0,
    connector: null,
    inPipeline: false,
    pipelineLast: false,
    conditional: false,
    inSubstitution: false,
    inSubshell: false,
    heredocs: [],
  };
}

function timed(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

const recognisers = [
  recognisePackageInstall,
  recogniseCleanup,
  recogniseDownload,
  recogniseVerification,
  recogniseIndexUpdate,
  recognisePackageRemoval,
];

function runAll(cmd: SimpleCommand): void {
  for (const r of recognisers) r(cmd);
  effectiveCommand(cmd);
  hasFlag(cmd, '-y', '--yes', '-nv');
  parseArgs(cmd, { values: ['-o'], goStyle: true });
}

const digits = '9'.repeat(N);
const alnum = 'a'.repeat(N);

/** [label, command] pairs aimed at each regex. */
const CASES: [string, SimpleCommand][] = [
  ['PIP_NAME: pip + digits + junk', mk(`pip${digits}x`, 'install', 'y')],
  ['PIP_NAME: pip + digits + dots', mk(`pip${'1.'.repeat(N / 2)}`, 'install', 'y')],
  ['PYTHON_NAME: python + digits + junk', mk(`python${digits}.${digits}x`, '-m', 'pip', 'install', 'y')],
  ['python flags before -m', mk('python3', ...Array.from({ length: 2000 }, () => '-W'), '-m', 'pip', 'install')],
  ['isUrl: scheme-like prefix', mk('pip', 'install', `https${':'.repeat(N)}`)],
  ['isUrl / split(?#): long URL', mk('pip', 'install', `https://x/${'?#'.repeat(N / 2)}.whl`)],
  ['pip: long specifier with operators', mk('pip', 'install', `a${'=<>!~'.repeat(N / 5)}`)],
  ['pip: long extras and markers', mk('pip', 'install', `a[${'x,'.repeat(N / 2)}]>=1;${';'.repeat(N)}`)],
  ['pip VCS: many @ and /', mk('pip', 'install', `git+https://${'@/'.repeat(N / 2)}`)],
  ['PEP 508 name @ url', mk('pip', 'install', `${alnum} @ git+https://h/${'@'.repeat(N)}`)],
  ['rpm: many dash parts', mk('dnf', 'install', `${'a-1'.repeat(N / 3)}!`)],
  ['rpm: many version chars then invalid', mk('yum', 'install', `a-${'1.~^_:+'.repeat(N / 7)}$`)],
  ['rpm module: colons', mk('dnf', 'module', 'install', ':'.repeat(N))],
  ['apk operators', mk('apk', 'add', `a${'=~<>'.repeat(N / 4)}`)],
  ['zypper operators', mk('zypper', 'install', `a${'<>='.repeat(N / 3)}`)],
  ['NPM_USER_REPO: a/aaaa!', mk('npm', 'install', `${alnum}/${alnum}!`)],
  ['NPM_USER_REPO: dots and dashes', mk('npm', 'install', `${'.-_'.repeat(N / 3)}/${'.-_'.repeat(N / 3)}#${'#'.repeat(N)}`)],
  ['NPM_HOSTED: near miss', mk('npm', 'install', `githu${'b'.repeat(N)}:x`)],
  ['npm scoped with many @', mk('npm', 'install', `@${'@/'.repeat(N / 2)}`)],
  ['COMPOSER_VERSIONISH', mk('composer', 'require', 'a/b', `v${digits}`, `dev-${alnum}`)],
  ['composer separators', mk('composer', 'require', `a/b${':= '.repeat(N / 3)}`)],
  ['apt -o assume-yes', mk('apt-get', '-o', `APT::Get::Assume-Yes=${'true'.repeat(N / 4)}`, 'install', 'x')],
  ['apt -o install-recommends', mk('apt-get', '-o', `APT::Install-Recommends=${'0'.repeat(N)}`, 'install', 'x')],
  ['dnf setopt', mk('dnf', '--setopt', `install_weak_deps=${'no'.repeat(N / 2)}`, 'install', 'x')],
  ['conda specs', mk('conda', 'install', `a${'=<> '.repeat(N / 4)}[${'version'.repeat(N / 7)}`)],
  ['gem name:version', mk('gem', 'install', ':'.repeat(N))],
  ['go @', mk('go', 'install', '@'.repeat(N))],
  ['cargo @', mk('cargo', 'install', '@'.repeat(N))],
  ['quotes removal', mk('apt-get', 'install', `"'`.repeat(N / 2))],
  ['rm: many /* suffixes', mk('rm', '-rf', `/var/lib/apt/lists${'/*'.repeat(N / 2)}`)],
  ['rm: many /.* and / suffixes', mk('rm', '-rf', `/root/.cache${'/.*/'.repeat(N / 4)}`)],
  ['rm: many slashes', mk('rm', '-rf', '/'.repeat(N))],
  ['curl: long cluster', mk('curl', `-${'fsSL'.repeat(N / 4)}o`, 'out', 'https://x')],
  ['wget: long flag', mk('wget', `--${'a'.repeat(N)}=${'b'.repeat(N)}`, 'https://x')],
  ['sha256sum: many -', mk('sha256sum', '-c', ...Array.from({ length: 5000 }, () => '-'))],
  ['shasum algorithm', mk('shasum', '-a', digits, '-c', 'x')],
  ['ASSIGNMENT: env with a long name, no =', mk('env', alnum, 'apt-get')],
  ['ASSIGNMENT: env with long name and =', mk('env', `${alnum}=${alnum}`, 'apt-get', 'install', 'x')],
  ['ASSIGNMENT: env with invalid name', mk('env', `${'1'.repeat(N)}=x`, 'apt-get')],
  ['sudo with many flags', mk('sudo', ...Array.from({ length: 5000 }, () => '-E'), 'apt-get', 'install', 'x')],
  ['many args', mk('apt-get', 'install', ...Array.from({ length: 20000 }, (_, i) => `p${i}=1`))],
];

describe('regular expressions over user text are linear', () => {
  it.each(CASES)('%s', (_label, cmd) => {
    expect(timed(() => runAll(cmd))).toBeLessThan(LIMIT_MS);
  });

  it('unescaping helpers', () => {
    expect(timed(() => unescapeBare('\\'.repeat(N)))).toBeLessThan(LIMIT_MS);
    expect(timed(() => unescapeDouble('\\'.repeat(N)))).toBeLessThan(LIMIT_MS);
    expect(timed(() => decodeAnsiC('\\x'.repeat(N / 2)))).toBeLessThan(LIMIT_MS);
    expect(timed(() => decodeAnsiC('\\1'.repeat(N / 2)))).toBeLessThan(LIMIT_MS);
    expect(timed(() => decodeAnsiC('\\u'.repeat(N / 2)))).toBeLessThan(LIMIT_MS);
  });
});

const parser = await loadShellParser();

describe('parser on adversarial scripts', () => {
  // tree-sitter itself takes a while on some 100 KB inputs; the bound is about linearity.
  const PARSE_LIMIT_MS = 15_000;

  it.each([
    ['nested substitutions', `echo ${'$('.repeat(20000)}x${')'.repeat(20000)}`],
    ['nested subshells', `${'('.repeat(20000)}x${')'.repeat(20000)}`],
    ['nested groups', `${'{ '.repeat(20000)}x; ${'}; '.repeat(20000)}`],
    ['nested ifs', `${'if true; then '.repeat(5000)}x; ${'fi; '.repeat(5000)}`],
    ['nested strings', `echo "${'$(echo "'.repeat(5000)}${'")'.repeat(5000)}"`],
    ['nested arithmetic', `echo $((${'('.repeat(10000)}1${')'.repeat(10000)}))`],
    ['nested test expressions', `[[ ${'( '.repeat(5000)}a${' )'.repeat(5000)} ]]`],
    ['long && chain', Array.from({ length: 20000 }, (_, i) => `a${i}`).join(' && ')],
    ['long pipeline', Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' | ')],
    ['many heredocs', Array.from({ length: 2000 }, () => 'cat <<EOF\nx\nEOF').join('\n')],
    ['long heredoc delimiter', `cat <<'${'E'.repeat(N)}'\nx\n${'E'.repeat(N)}`],
    ['<<- body with many tabs', `cat <<-EOF\n${`${'\t'.repeat(1000)}x\n`.repeat(100)}EOF`],
    ['bare heredoc with long shebang', `<<EOF\n#!${' \t'.repeat(N / 2)}x\nls\nEOF`],
    ['nested shell heredocs', `bash <<A\nbash <<B\nbash <<C\nbash <<D\nbash <<E\nls\nE\nD\nC\nB\nA`],
    ['backslashes', `echo ${'\\'.repeat(N)}`],
    ['quotes', `echo ${`"a"'b'`.repeat(N / 6)}`],
    ['ansi-c', `echo $'${'\\x4'.repeat(N / 3)}'`],
  ])('%s', (_label, src) => {
    let ms = 0;
    expect(() => {
      ms = timed(() => parser.parse(src));
    }).not.toThrow();
    expect(ms).toBeLessThan(PARSE_LIMIT_MS);
  });

  it('stops at the nesting limit and reports an error', () => {
    const s = parser.parse(`echo ${'$('.repeat(2000)}x${')'.repeat(2000)}`);
    expect(s.hasErrors).toBe(true);
    expect(s.commands.length).toBeGreaterThan(100);
  });

  it('walks long && chains completely', () => {
    const s = parser.parse(Array.from({ length: 20000 }, (_, i) => `a${i}`).join(' && '));
    expect(s.commands).toHaveLength(20000);
    expect(s.hasErrors).toBe(false);
    expect(s.commands[19999]?.name).toBe('a19999');
    expect(s.commands[0]?.connector).toBe('&&');
  });

  it('does not parse heredoc scripts deeper than the limit', () => {
    const names = parser.parse('bash <<A\nbash <<B\nbash <<C\nbash <<D\nbash <<E\nls\nE\nD\nC\nB\nA').commands.map((c) => c.name);
    expect(names[0]).toBe('bash');
    expect(names).not.toContain('ls');
  });
});
