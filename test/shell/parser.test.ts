import { describe, expect, it } from 'vitest';
import { loadShellParser } from '../../src/shell/parser.js';
import { decodeAnsiC, unescapeBare, unescapeDouble } from '../../src/shell/text.js';
import type { SimpleCommand } from '../../src/shell/types.js';
import { argsOf, commandNamed, firstCommand, summary } from './helpers.js';

const parser = await loadShellParser();
const parse = (s: string) => parser.parse(s);

describe('loadShellParser', () => {
  it('can be called again and gives independent parsers', async () => {
    const other = await loadShellParser();
    expect(other.parse('echo hi').commands[0]?.name).toBe('echo');
    expect(parser.parse('ls').commands[0]?.name).toBe('ls');
  });
});

describe('lists and connectors', () => {
  it('splits && || ; & and newlines, in source order', () => {
    expect(summary(parser, 'a && b || c; d & e\nf')).toEqual([
      'a [&&]',
      'b [||]',
      'c [;] {cond}',
      'd [&]',
      'e [newline]',
      'f []',
    ]);
  });

  it('reports a trailing ; or & on the last command', () => {
    expect(summary(parser, 'a;')).toEqual(['a [;]']);
    expect(summary(parser, 'a &')).toEqual(['a [&]']);
    expect(summary(parser, 'a\n\n')).toEqual(['a []']);
  });

  it('only the right side of || is conditional', () => {
    expect(summary(parser, 'a || b && c')).toEqual(['a [||]', 'b [&&] {cond}', 'c []']);
  });

  it('gives ranges covering name through last argument', () => {
    const src = 'apt-get update && apt-get install -y curl';
    const [u, i] = parse(src).commands;
    expect(src.slice(u?.start, u?.end)).toBe('apt-get update');
    expect(src.slice(i?.start, i?.end)).toBe('apt-get install -y curl');
  });

  it('handles Dockerfile line continuations', () => {
    const src = 'apt-get update \\\n  && apt-get install -y \\\n    curl \\\n    git';
    const cmds = parse(src).commands;
    expect(cmds.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    expect(argsOf(cmds[1] as SimpleCommand)).toEqual(['install', '-y', 'curl', 'git']);
    const git = cmds[1]?.args[3];
    expect(src.slice(git?.start, git?.end)).toBe('git');
    expect(parse(src).hasErrors).toBe(false);
  });

  it('joins a word split by backslash-newline without blanks (bash reads one word)', () => {
    const c = firstCommand(parser, 'echo foo\\\nbar baz');
    expect(argsOf(c)).toEqual(['foobar', 'baz']);
    expect(c.args[0]?.text).toBe('foo\\\nbar');
  });

  it('handles comments', () => {
    expect(summary(parser, 'a # comment\nb')).toEqual(['a [newline]', 'b []']);
  });
});

describe('pipelines', () => {
  it('marks stages, the last stage and a shared id', () => {
    const cmds = parse('curl -fsSL https://x | tar -xz -C /opt | cat && echo ok').commands;
    expect(cmds.map((c) => [c.name, c.inPipeline, c.pipelineLast, c.connector, c.pipelineIndex])).toEqual([
      ['curl', true, false, '|', 0],
      ['tar', true, false, '|', 1],
      ['cat', true, true, '&&', 2],
      ['echo', false, false, null, null],
    ]);
    expect(new Set(cmds.slice(0, 3).map((c) => c.pipelineId)).size).toBe(1);
    expect(cmds[3]?.pipelineId).toBeNull();
  });

  it('distinguishes separate pipelines and |&', () => {
    const cmds = parse('a |& b; c | d').commands;
    expect(cmds[0]?.connector).toBe('|&');
    expect(cmds[0]?.pipelineId).toBe(cmds[1]?.pipelineId);
    expect(cmds[2]?.pipelineId).not.toBe(cmds[0]?.pipelineId);
  });

  it('keeps stage positions around compound stages', () => {
    const cmds = parse('a | { b; c; } | d').commands;
    expect(cmds.map((c) => [c.name, c.pipelineIndex ?? null, c.pipelineLast])).toEqual([
      ['a', 0, false],
      ['b', null, false],
      ['c', null, false],
      ['d', 2, true],
    ]);
  });

  it('binds a redirection after the last stage to that stage', () => {
    const cmds = parse('a | b > /x').commands;
    expect(cmds[1]?.redirects.map((r) => [r.operator, r.target?.value])).toEqual([['>', '/x']]);
  });

  it('reports negation', () => {
    expect(summary(parser, '! grep -q x f')).toEqual(['grep -q x f [] {neg}']);
  });

  it('sets hasPipeline', () => {
    expect(parse('a | b').hasPipeline).toBe(true);
    expect(parse('x=$(a | b)').hasPipeline).toBe(true);
    expect(parse('a && b').hasPipeline).toBe(false);
  });
});

describe('nesting', () => {
  it('finds commands in substitutions, backticks and process substitutions', () => {
    expect(summary(parser, 'echo "$(date +%s)" `id -u` <(ls) >(cat)')).toEqual([
      'echo <"$(date +%s)"> <`id -u`> <<(ls)> <>(cat)> []',
      'date +%s [] {subst}',
      'id -u [] {subst}',
      'ls [] {subst}',
      'cat [] {subst}',
    ]);
  });

  it('finds substitutions in assignments, expansions, arithmetic and redirects', () => {
    const names = parse('A=$(a) cmd "${B:-$(b)}" $(( $(c) + 1 )) > "$(d)"').commands.map((c) => c.name);
    expect(names).toEqual(['cmd', 'a', 'b', 'c', 'd']);
  });

  it('marks subshells', () => {
    expect(summary(parser, '(cd /src && make) && b')).toEqual(['cd /src [&&] {subshell}', 'make [] {subshell}', 'b []']);
  });

  it('marks if/elif/else, loops, case and functions as conditional', () => {
    const src =
      'if [ -f x ]; then a; elif b; then c; else d; fi; for i in 1 2; do e; done; while f; do g; done; ' +
      'until h; do i; done; case $x in a) j;; *) k;; esac; fn() { l; }; m';
    const cmds = parse(src).commands;
    expect(cmds.map((c) => c.name)).toEqual(['[', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm']);
    expect(cmds.filter((c) => !c.conditional).map((c) => c.name)).toEqual(['m']);
  });

  it('reports compound groups without marking them', () => {
    expect(summary(parser, '{ a; b; } > /log')).toEqual(['a [;]', 'b [;]']);
  });

  it('reports builtins with their own grammar as commands', () => {
    const cmds = parse('export A=1 B=$(x) C; local y; unset Z; declare -x W=2; [[ $a == b* ]]; [ -f f ]').commands;
    expect(cmds.map((c) => [c.name, argsOf(c)])).toEqual([
      ['export', ['A=1', '<B=$(x)>', 'C']],
      ['x', []],
      ['local', ['y']],
      ['unset', ['Z']],
      ['declare', ['-x', 'W=2']],
      ['[[', ['<$a>', '==', 'b*']],
      ['[', ['-f', 'f']],
    ]);
  });

  it('reports a bare assignment as a nameless command', () => {
    const cmds = parse('A=1 B="x y"; C=').commands;
    expect(cmds.map((c) => [c.name, c.nameWord, c.assignments.map((a) => [a.name, a.value?.value ?? null])])).toEqual([
      [null, null, [['A', '1'], ['B', 'x y']]],
      [null, null, [['C', null]]],
    ]);
  });

  it('reads prefix assignments', () => {
    const c = firstCommand(parser, 'DEBIAN_FRONTEND=noninteractive TZ="Etc/UTC" apt-get install -y tzdata');
    expect(c.name).toBe('apt-get');
    expect(c.assignments.map((a) => [a.name, a.value?.value])).toEqual([
      ['DEBIAN_FRONTEND', 'noninteractive'],
      ['TZ', 'Etc/UTC'],
    ]);
    expect(c.start).toBe(0);
  });
});

describe('words and quoting', () => {
  it('removes quotes and escapes', () => {
    const c = firstCommand(
      parser,
      `echo 'a b' "c\\"d\\$e\\\\f\\g" $'\\x41\\n\\t\\u00e9' a\\ b \\$x "x"'y'z pre"$V" ~/p *.deb {1,2}`,
    );
    expect(argsOf(c)).toEqual(['a b', 'c"d$e\\f\\g', 'A\n\té', 'a b', '$x', 'xyz', '<pre"$V">', '~/p', '*.deb', '{1,2}']);
  });

  it('returns null for any expansion', () => {
    const c = firstCommand(parser, 'cmd $A ${B} "$C" "x${D}y" $(e) `f` $((1+2)) foo=${V}');
    expect(c.args.map((a) => a.value)).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('reads a dynamic command name as null', () => {
    const c = firstCommand(parser, '$CMD install x');
    expect(c.name).toBeNull();
    expect(c.nameWord?.text).toBe('$CMD');
    expect(parse('"/usr/bin/apt-get" update').commands[0]?.name).toBe('/usr/bin/apt-get');
  });

  it('keeps raw text and ranges', () => {
    const src = `echo "a b" 'c'`;
    const c = firstCommand(parser, src);
    expect(c.args.map((a) => [a.text, src.slice(a.start, a.end)])).toEqual([
      ['"a b"', '"a b"'],
      ["'c'", "'c'"],
    ]);
  });

  it('uses UTF-16 offsets for non-ASCII text', () => {
    const src = 'echo é 😀 "ü" && ls café';
    const cmds = parse(src).commands;
    for (const c of cmds) for (const w of [c.nameWord, ...c.args]) expect(src.slice(w?.start, w?.end)).toBe(w?.text);
    expect(cmds[0]?.args.map((a) => a.value)).toEqual(['é', '😀', 'ü']);
    const ls = cmds[1];
    expect(ls?.start).toBe(src.indexOf('ls'));
    expect(src.slice(ls?.start, ls?.end)).toBe('ls café');
  });

  it('decodes ANSI-C strings', () => {
    expect(decodeAnsiC('a\\x41\\101\\u263a\\U0001F600\\cA\\e\\q\\')).toBe('aAA☺😀\x01\x1b\\q\\');
    expect(unescapeDouble('a\\"b\\n\\\nc')).toBe('a"b\\nc');
    expect(unescapeBare('a\\ b\\\nc\\')).toBe('a bc');
  });
});

describe('redirects', () => {
  it('reads operators, descriptors and targets', () => {
    const c = firstCommand(parser, 'cmd > /dev/null 2>&1 < in >> log &>/x');
    expect(c.redirects.map((r) => [r.fd, r.operator, r.target?.value])).toEqual([
      [null, '>', '/dev/null'],
      [2, '>&', '1'],
      [null, '<', 'in'],
      [null, '>>', 'log'],
      [null, '&>', '/x'],
    ]);
    expect(c.args).toEqual([]);
  });

  it('keeps words after a redirect target as arguments', () => {
    const c = firstCommand(parser, 'cmd > out arg');
    expect(argsOf(c)).toEqual(['arg']);
  });

  it('orders words and redirections by position when they come from several places', () => {
    // Redirections and words before, between and after a redirected statement's parts. The
    // command's lists are sorted only when out of order (they came in order for every corpus
    // script and 200,000 random token strings tried); this pins the order they must have.
    const c = firstCommand(parser, '2>/e cmd a > out b < in c >> log d');
    expect(c.name).toBe('cmd');
    expect(argsOf(c)).toEqual(['a', 'b', 'c', 'd']);
    expect(c.redirects.map((r) => [r.operator, r.target?.value])).toEqual([
      ['>', '/e'],
      ['>', 'out'],
      ['<', 'in'],
      ['>>', 'log'],
    ]);
    const starts = c.redirects.map((r) => r.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it('reads a redirection alone as a nameless command', () => {
    const c = firstCommand(parser, '> /etc/motd');
    expect(c.name).toBeNull();
    expect(c.redirects[0]?.target?.value).toBe('/etc/motd');
  });

  it('reads herestrings', () => {
    const c = firstCommand(parser, 'sha256sum -c <<< "$SUM  f"');
    expect(c.redirects.map((r) => r.operator)).toEqual(['<<<']);
  });
});

describe('heredocs', () => {
  it('attaches a heredoc body with offsets', () => {
    const src = 'cat <<EOF > /etc/app.conf\nkey=$VALUE\nother\nEOF\necho done';
    const script = parse(src);
    const cat = script.commands[0];
    expect(cat?.name).toBe('cat');
    expect(cat?.redirects.map((r) => [r.operator, r.target?.value])).toEqual([
      ['<<', 'EOF'],
      ['>', '/etc/app.conf'],
    ]);
    const h = cat?.heredocs[0];
    expect(h).toMatchObject({ delimiter: 'EOF', body: 'key=$VALUE\nother\n', quoted: false, stripTabs: false });
    expect(src.slice(h?.bodyStart, h?.bodyEnd)).toBe('key=$VALUE\nother\n');
    expect(src.slice(cat?.start, cat?.end)).toBe('cat <<EOF > /etc/app.conf');
    expect(cat?.connector).toBe('newline');
    expect(script.commands[1]?.name).toBe('echo');
    expect(script.hasErrors).toBe(false);
  });

  it('reads quoted delimiters and <<-', () => {
    const src = "cat <<-'EOF' > /x\n\tline $X\n\t\tmore\n\tEOF";
    const h = parse(src).commands[0]?.heredocs[0];
    expect(h).toMatchObject({ delimiter: 'EOF', quoted: true, stripTabs: true, body: 'line $X\nmore\n' });
    expect(src.slice(h?.bodyStart, h?.bodyEnd)).toBe('\tline $X\n\t\tmore\n');
    expect(parse('cat <<"E O" \nx\nE O').commands[0]?.heredocs[0]?.quoted).toBe(true);
  });

  it('reads an empty body', () => {
    const h = parse('cat <<EOF\nEOF').commands[0]?.heredocs[0];
    expect(h?.body).toBe('');
    expect(h?.bodyStart).toBe(h?.bodyEnd);
  });

  it('finds substitutions inside an unquoted body', () => {
    const names = parse('cat <<EOF\nbuilt $(date) by $(whoami)\nEOF').commands.map((c) => [c.name, c.inSubstitution]);
    expect(names).toEqual([
      ['cat', false],
      ['date', true],
      ['whoami', true],
    ]);
  });

  it('continues pipelines and lists written after the delimiter', () => {
    const src = 'cat <<EOF | sh | tee /log && echo ok || fail\nbody\nEOF';
    expect(summary(parser, src)).toEqual([
      'cat [|] {pipe}',
      'sh [|] {pipe}',
      'tee /log [&&] {pipe,last}',
      'echo ok [||]',
      'fail [] {cond}',
    ]);
    expect(parse(src).commands[0]?.heredocs[0]?.body).toBe('body\n');
    expect(summary(parser, 'x | cat <<EOF | sh\nhi\nEOF')).toEqual(['x [|] {pipe}', 'cat [|] {pipe}', 'sh [] {pipe,last}']);
    expect(summary(parser, 'cat <<EOF > /x && chmod +x /x\nbody\nEOF')).toEqual(['cat [&&]', 'chmod +x /x []']);
  });

  it('parses the body of a shell reading a heredoc', () => {
    const src = 'bash -e <<EOF\napt-get update\napt-get install -y curl\nEOF';
    const cmds = parse(src).commands;
    expect(cmds.map((c) => [c.name, c.inHeredocScript])).toEqual([
      ['bash', false],
      ['apt-get', true],
      ['apt-get', true],
    ]);
    const inner = cmds[2] as SimpleCommand;
    expect(src.slice(inner.start, inner.end)).toBe('apt-get install -y curl');
  });

  it('does not parse heredocs of non-shells or of shells given a script', () => {
    expect(parse('python3 <<EOF\nimport os\nEOF').commands.map((c) => c.name)).toEqual(['python3']);
    expect(parse('bash -c "x" <<EOF\nrm -rf /\nEOF').commands.map((c) => c.name)).toEqual(['bash']);
    expect(parse('sh script.sh <<EOF\nrm -rf /\nEOF').commands.map((c) => c.name)).toEqual(['sh']);
    expect(parse('sh -s <<EOF\nls\nEOF').commands.map((c) => c.name)).toEqual(['sh', 'ls']);
  });

  it('reports a bare BuildKit heredoc on a nameless command and parses its body', () => {
    const src = '<<EOF\nset -eux\napt-get update\nEOF';
    const script = parse(src);
    const [bare, set, apt] = script.commands;
    expect(bare?.name).toBeNull();
    expect(bare?.nameWord).toBeNull();
    expect(bare?.start).toBe(0);
    expect(bare?.heredocs[0]).toMatchObject({ delimiter: 'EOF', body: 'set -eux\napt-get update\n' });
    expect(src.slice(bare?.heredocs[0]?.bodyStart, bare?.heredocs[0]?.bodyEnd)).toBe('set -eux\napt-get update\n');
    expect([set?.name, apt?.name]).toEqual(['set', 'apt-get']);
    expect(src.slice(apt?.start, apt?.end)).toBe('apt-get update');
    expect(apt?.inHeredocScript).toBe(true);
    expect(script.hasErrors).toBe(false);
  });

  it('handles a bare heredoc with leading blanks, a command word, quotes and a non-shell shebang', () => {
    const withCmd = parse('\n  <<EOF bash\necho hi\nEOF');
    expect(withCmd.commands.map((c) => c.name)).toEqual(['bash', 'echo']);
    expect(withCmd.commands[0]?.start).toBe(3);
    const py = parse("<<'EOF'\n#!/usr/bin/env python3\nprint('x')\nEOF");
    expect(py.commands.map((c) => c.name)).toEqual([null]);
    expect(py.commands[0]?.heredocs[0]?.quoted).toBe(true);
    const sh = parse('<<EOF\n#!/bin/sh\nls\nEOF');
    expect(sh.commands.map((c) => c.name)).toEqual([null, 'ls']);
  });

  it('uses a bare heredoc body as the top level for pipefail', () => {
    expect(parse('<<EOF\nset -o pipefail\ncurl x | sh\nEOF').setsPipefail).toBe(true);
    expect(parse('<<EOF\ncurl x | sh\nEOF').setsPipefail).toBe(false);
  });
});

describe('setsPipefail', () => {
  it.each([
    ['set -o pipefail && curl x | sh', true],
    ['set -eo pipefail; curl x | sh', true],
    ['set -euxo pipefail; curl x | sh', true],
    ['set -e -o pipefail\ncurl x | sh', true],
    ['set -o pipefail', true],
    ['curl x | sh; set -o pipefail', false],
    ['curl x | sh && set -o pipefail', false],
    ['set -e; curl x | sh', false],
    ['set -o errexit; curl x | sh', false],
    ['if true; then set -o pipefail; fi; curl x | sh', false],
    ['(set -o pipefail); curl x | sh', false],
    ['x=$(set -o pipefail); curl x | sh', false],
    ['false || set -o pipefail; curl x | sh', false],
    ['{ set -o pipefail; }; curl x | sh', true],
  ])('%s -> %s', (src, expected) => {
    expect(parse(src).setsPipefail).toBe(expected);
  });
});

describe('errors', () => {
  it.each(['cmd "unterminated', 'a && && b', 'if then fi', 'echo $(', 'case x in', ')'])('flags %s and does not throw', (src) => {
    const s = parse(src);
    expect(s.hasErrors).toBe(true);
  });

  it('still reports the commands around an error', () => {
    const names = parse('apt-get update && && apt-get install -y x').commands.map((c) => c.name);
    expect(names).toContain('apt-get');
  });

  it('parses valid scripts without errors', () => {
    expect(parse('set -eux; apt-get update; rm -rf /var/lib/apt/lists/*').hasErrors).toBe(false);
    expect(parse('').commands).toEqual([]);
    expect(parse('   \n  ').hasErrors).toBe(false);
  });

  it('survives odd input', () => {
    for (const src of ['\0', '\\', '<<', '<<<', '<<EOF', '$((', '`', "'", '"', '#', '{', '}', ';;', '|', '&&', 'a\r\nb']) {
      expect(() => parse(src)).not.toThrow();
    }
  });
});

describe('commandNamed helper sanity', () => {
  it('finds a nested command', () => {
    expect(commandNamed(parser, 'x=$(uname -m)', 'uname').inSubstitution).toBe(true);
  });
});

describe('performance', () => {
  it('parses a typical RUN line quickly and a large script linearly', () => {
    const line =
      'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates git "foo=1.2" && rm -rf /var/lib/apt/lists/*';
    for (let i = 0; i < 200; i++) parse(line);
    const n = 500;
    let t = performance.now();
    for (let i = 0; i < n; i++) parse(line);
    const perLine = (performance.now() - t) / n;
    // ~0.05 ms on a quiet machine; generous bound for loaded CI machines.
    expect(perLine).toBeLessThan(1);
    const big = Array.from({ length: 400 }, () => line).join(' \\\n && ');
    t = performance.now();
    const script = parse(big);
    const bigMs = performance.now() - t;
    expect(script.commands).toHaveLength(1200);
    expect(bigMs).toBeLessThan(perLine * 400 * 3 + 200);
  });
});
