import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text.js';
import { parseDockerfile } from '../../src/parse/parse.js';
import { buildModel, type DockerfileModel } from '../../src/model/model.js';
import { loadShellParser } from '../../src/shell/parser.js';
import { substitute } from '../../src/model/vars.js';
import { parseImageRef } from '../../src/model/image.js';

const parser = await loadShellParser();

function model(text: string, buildArgs: Record<string, string> = {}): DockerfileModel {
  const lines = new LineIndex(text);
  return buildModel(parseDockerfile(text, lines), lines, { file: 'Dockerfile', buildArgs, shellParser: parser });
}

describe('image references', () => {
  it('splits registry, repository, tag and digest', () => {
    expect(parseImageRef('python:3.12-slim')).toMatchObject({ registry: null, repository: 'python', name: 'python', tag: '3.12-slim', digest: null });
    expect(parseImageRef('gcr.io/distroless/static-debian12:nonroot')).toMatchObject({ registry: 'gcr.io', repository: 'distroless/static-debian12', name: 'static-debian12', tag: 'nonroot' });
    expect(parseImageRef('localhost:5000/app@sha256:abc')).toMatchObject({ registry: 'localhost:5000', repository: 'app', tag: null, digest: 'sha256:abc' });
    expect(parseImageRef('org/app')).toMatchObject({ registry: null, repository: 'org/app', tag: null });
  });
});

describe('variable substitution', () => {
  const vars = new Map<string, string | null>([['A', 'x'], ['EMPTY', ''], ['UNKNOWN', null]]);
  const look = (n: string) => (vars.has(n) ? vars.get(n) : undefined);
  it('substitutes known values and keeps unknown ones null', () => {
    expect(substitute('$A-${A}', look)).toBe('x-x');
    expect(substitute('${MISSING:-def}', look)).toBe('def');
    expect(substitute('${EMPTY:-def}', look)).toBe('def');
    expect(substitute('${EMPTY-def}', look)).toBe('');
    expect(substitute('${A:+alt}', look)).toBe('alt');
    expect(substitute('$UNKNOWN', look)).toBeNull();
    expect(substitute('$MISSING', look)).toBeNull();
    expect(substitute('\\$A', look)).toBe('$A');
    expect(substitute('${A', look)).toBeNull();
  });
});

describe('stages', () => {
  it('resolves ARG defaults in FROM, aliases and inheritance', () => {
    const m = model('ARG BASE=golang\nARG V=1.22\nFROM ${BASE}:${V} AS Build\nRUN go build\nFROM build AS test\nFROM alpine:3.20\nCOPY --from=build /app /app\n');
    expect(m.stages).toHaveLength(3);
    const [b, t, f] = m.stages;
    expect(b?.name).toBe('build');
    expect(b?.base).toMatchObject({ kind: 'image', image: { repository: 'golang', tag: '1.22', raw: '${BASE}:${V}', hasVariables: true } });
    expect(t?.base).toMatchObject({ kind: 'stage', stageIndex: 0 });
    expect(t?.parentIndex).toBe(0);
    expect(f?.isFinal).toBe(true);
    expect(f?.inFinalImage).toBe(true);
    expect(b?.inFinalImage).toBe(false);
    const copy = f?.instructions[0]?.copy;
    expect(copy?.fromStage).toBe(0);
    expect(copy?.dest?.value).toBe('/app');
  });

  it('--build-arg overrides defaults; unknown values stay unknown', () => {
    expect(model('ARG V=1\nFROM alpine:${V}', { V: '3.20' }).stages[0]?.base).toMatchObject({ kind: 'image', image: { tag: '3.20' } });
    expect(model('ARG IMAGE\nFROM ${IMAGE}').stages[0]?.base).toMatchObject({ kind: 'unknown' });
  });

  it('the final stage inherits through FROM <stage>', () => {
    const m = model('FROM debian:12 AS base\nRUN true\nFROM base\n');
    expect(m.stages[0]?.inFinalImage).toBe(true);
  });

  it('tracks ENV, USER, WORKDIR and SHELL per instruction and across FROM <stage>', () => {
    const m = model('FROM debian:12 AS a\nENV A=1 B="two words"\nUSER app\nWORKDIR /srv\nWORKDIR web\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo\nFROM a\nRUN echo\n');
    const run = m.stages[0]?.instructions.find((n) => n.keyword === 'RUN');
    expect(run?.state.env.get('B')).toBe('two words');
    expect(run?.state.user).toBe('app');
    expect(run?.state.workdir).toBe('/srv/web');
    expect(run?.state.shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    const run2 = m.stages[1]?.instructions.find((n) => n.keyword === 'RUN');
    expect(run2?.state.user).toBe('app');
    expect(run2?.state.env.get('A')).toBe('1');
  });
});

describe('RUN analysis', () => {
  it('maps commands back to Dockerfile ranges across continuations and comments', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n  # a comment\n  && apt-get install -y curl\n';
    const m = model(text);
    const run = m.stages[0]?.instructions[0]?.run;
    expect(run?.commands.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    const curl = run?.commands[1]?.args[2];
    expect(curl?.value).toBe('curl');
    const r = run?.shell?.range(curl?.start ?? 0, curl?.end ?? 0);
    expect(r).toEqual({ start: { line: 3, character: 24 }, end: { line: 3, character: 28 } });
  });

  it('analyses heredoc scripts', () => {
    const m = model('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n');
    const run = m.stages[0]?.instructions[0]?.run;
    const names = run?.commands.map((c) => c.name).filter((n) => n !== null);
    expect(names).toEqual(['apt-get', 'apt-get']);
    const c = run?.commands.find((x) => x.name === 'apt-get' && x.args[0]?.value === 'install');
    expect(run?.shell?.range(c?.start ?? 0, c?.end ?? 0).start).toEqual({ line: 3, character: 0 });
  });

  it('parses mounts and exec form', () => {
    const m = model('FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked ["apt-get", "update"]\n');
    const run = m.stages[0]?.instructions[0]?.run;
    expect(run?.form).toBe('exec');
    expect(run?.mounts[0]).toMatchObject({ type: 'cache', target: '/var/cache/apt' });
    expect(run?.commands[0]?.name).toBe('apt-get');
    expect(run?.commands[0]?.args[0]?.value).toBe('update');
  });

  it('honours the escape directive', () => {
    const m = model('# escape=`\nFROM debian:12\nRUN apt-get update `\n  && apt-get install -y curl\n');
    expect(m.escapeChar).toBe('`');
    expect(m.stages[0]?.instructions[0]?.run?.commands.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
  });

  it('does not analyse powershell RUNs as bash', () => {
    const m = model('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n');
    const run = m.stages[0]?.instructions.find((n) => n.keyword === 'RUN')?.run;
    expect(run?.posix).toBe(false);
    expect(run?.commands).toEqual([]);
  });
});

describe('pragmas and directives', () => {
  it('binds ignore pragmas to the next instruction', () => {
    const m = model('FROM debian:12\n# hadolint ignore=DL3008, DL3015\n\nRUN apt-get install -y curl\n# dockwise global ignore=DL3006\n# check=skip=all\n');
    const ignore = m.pragmas.find((p) => p.kind === 'ignore');
    expect(ignore).toMatchObject({ tool: 'hadolint', targetLine: 3 });
    expect(ignore && 'codes' in ignore ? ignore.codes.map((c) => c.code) : []).toEqual(['DL3008', 'DL3015']);
    expect(m.pragmas.some((p) => p.kind === 'global-ignore')).toBe(true);
  });

  it('reads the check directive', () => {
    const m = model('# check=skip=StageNameCasing,FromAsCasing;error=true\nFROM alpine:3.20\n');
    expect(m.check?.skip.has('FromAsCasing')).toBe(true);
    expect(m.check?.error).toBe(true);
  });
});

describe('ARG with several declarations', () => {
  it('declares each name', () => {
    const m = model('ARG A=1 B="two" C\nFROM alpine:${A}\nARG B\nRUN echo\n');
    expect(m.globalArgs.get('A')).toBe('1');
    expect(m.globalArgs.get('B')).toBe('two');
    expect(m.globalArgs.has('C')).toBe(true);
    expect(m.stages[0]?.base).toMatchObject({ kind: 'image', image: { tag: '1' } });
    expect(m.stages[0]?.instructions.find((n) => n.keyword === 'RUN')?.state.args.get('B')).toBe('two');
  });
});

describe('Windows stages', () => {
  it('are not analysed as POSIX shell unless a SHELL says so', () => {
    const m = model('FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nRUN dir\nFROM w\nRUN dir\nFROM python:3.12-windowsservercore-ltsc2022\nRUN dir\nSHELL ["bash", "-c"]\nRUN ls\nFROM debian:12\nRUN ls\n');
    const runs = m.nodes.filter((n) => n.keyword === 'RUN').map((n) => n.run?.posix);
    expect(runs).toEqual([false, false, false, true, true]);
  });
  it('an unknown base with the backtick escape is taken as Windows', () => {
    const m = model('# escape=`\nARG core\nFROM $core\nRUN dir\n');
    expect(m.nodes.find((n) => n.keyword === 'RUN')?.run?.posix).toBe(false);
  });
});

describe('parsing as BuildKit does', () => {
  it('ends an instruction at a line ending in an escaped escape character', () => {
    // docker-library/mongo's Windows images: `C:\\Windows\\System32\\` ends the COPY.
    const text = 'FROM a:1\nCOPY --from=b:1 \\\n\tC:\\\\x.dll \\\n\tC:\\\\Windows\\\\\n\n# comment\nENV V 8.3.4\nRUN echo \\\\  \nRUN <<EOF\necho \\\\\necho b\nEOF\n';
    const m = model(text);
    expect(m.nodes.map((n) => [n.keyword, n.syntax.range.start.line, n.syntax.range.end.line])).toEqual([
      ['FROM', 0, 0],
      ['COPY', 1, 3],
      ['ENV', 6, 6],
      ['RUN', 7, 7],
      ['RUN', 8, 11],
    ]);
    const copy = m.nodes[1];
    expect(copy?.syntax.args.map((a) => a.value)).toEqual(['C:\\x.dll', 'C:\\Windows\\']);
    expect(m.nodes[2]?.syntax.properties[0]).toMatchObject({ name: 'V', value: '8.3.4' });
  });

  it('with the backtick escape, a doubled backtick at the end of a line ends the instruction', () => {
    const m = model('# escape=`\nFROM a:1\nENV A=x``\nENV B=y\n');
    expect(m.nodes.map((n) => n.keyword)).toEqual(['FROM', 'ENV', 'ENV']);
    expect(m.nodes[1]?.syntax.properties[0]?.value).toBe('x`');
  });

  it('reads JSON forms continued with the backtick escape, over comment and empty lines', () => {
    const m = model('# escape=`\nFROM a:1\nCMD [ "--config=/etc/p.yml", `\n      "--path=/p" ]\nENTRYPOINT ["x", `\n# note\n\n  "y"]\n');
    const cmd = m.nodes[1]?.syntax.json;
    expect(cmd?.map((w) => w.value)).toEqual(['--config=/etc/p.yml', '--path=/p']);
    expect(cmd?.[1]?.range).toEqual({ start: { line: 3, character: 6 }, end: { line: 3, character: 17 } });
    expect(m.nodes[2]?.syntax.json?.map((w) => w.value)).toEqual(['x', 'y']);
  });

  it('keeps blanks and JSON escapes in exec-form strings; invalid JSON is the shell form', () => {
    const m = model('FROM a:1\nCMD ["sh", "-c", "echo hello world"]\nSHELL ["pwsh", "-Command", "$a = \'b\';"]\nCMD ["a\\tb", "\\u0041"]\nCMD ["a"] b\nCMD ["a\\q"]\nCMD [1]\n');
    expect(m.nodes.slice(1).map((n) => n.syntax.json?.map((w) => w.value) ?? null)).toEqual([
      ['sh', '-c', 'echo hello world'],
      ['pwsh', '-Command', "$a = 'b';"],
      ['a\tb', 'A'],
      null,
      null,
      null,
    ]);
  });
});

describe('line joining before shell analysis', () => {
  it('drops blank and comment lines inside a continuation and accepts blanks after the escape', () => {
    const m = model('FROM debian:12\nRUN apt-get update \\   \n\n  # note\n  && apt-get install -y curl \\\n\n    git\n');
    const run = m.stages[0]?.instructions[0]?.run;
    expect(run?.commands.map((c) => [c.name, ...c.args.map((a) => a.value)])).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl', 'git'],
    ]);
  });
  it('leaves heredoc bodies as written', () => {
    const m = model('FROM debian:12\nRUN <<EOF\necho a \\\n# not removed\necho b\nEOF\n');
    const names = m.stages[0]?.instructions[0]?.run?.commands.map((c) => c.name).filter(Boolean);
    expect(names).toEqual(['echo', 'echo']);
  });
  it('splits ARG declarations on blanks outside quotes', () => {
    const m = model('ARG P="a b" Q=1\nFROM alpine:3.20\n');
    expect(m.globalArgs.get('P')).toBe('a b');
    expect(m.globalArgs.get('Q')).toBe('1');
    expect(m.globalArgs.size).toBe(2);
  });
});
