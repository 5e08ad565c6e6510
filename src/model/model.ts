/**
 * The semantic model: stages, ARG/ENV scopes, WORKDIR/USER/SHELL as they stand at each
 * instruction, RUN/COPY/ADD details and the shell commands of every RUN, mapped back to exact
 * Dockerfile ranges. Built once per file; immutable afterwards.
 */
import type { Position, Range } from '../core/types.js';
import { LineIndex } from '../core/text.js';
import type { Flag, Instruction, SyntaxTree, Word, HeredocSyntax } from '../parse/syntax.js';
import type { ShellParser, ShellScript, SimpleCommand, ShellWord } from '../shell/types.js';
import { parseImageRef, type ParsedImageRef } from './image.js';
import { substitute, unquote, type VarLookup } from './vars.js';
import { parseCheckDirective, parsePragma, type CheckDirective, type Pragma } from './pragmas.js';

export interface ImageRef extends ParsedImageRef {
  /** The reference as written (`${BASE}:3.19`). */
  raw: string;
  /** After ARG substitution; null when a variable's value cannot be known. */
  resolved: string | null;
  /** True when `raw` contains a variable reference. */
  hasVariables: boolean;
  /** Range of the image word. */
  range: Range;
}

export type StageBase =
  | { kind: 'image'; image: ImageRef }
  | { kind: 'stage'; stageIndex: number; range: Range }
  | { kind: 'scratch'; range: Range }
  /** An image reference whose value cannot be known statically (`FROM ${IMAGE}`). */
  | { kind: 'unknown'; raw: string; range: Range | null };

export interface Mount {
  type: string;
  target: string | null;
  source: string | null;
  from: string | null;
  id: string | null;
  options: ReadonlyMap<string, string | null>;
  range: Range;
}

export interface ShellContext {
  /** The text handed to the shell parser. */
  source: string;
  script: ShellScript;
  /** Map an offset of `source` to a Dockerfile position. */
  position(offset: number): Position;
  range(start: number, end: number): Range;
}

export interface RunInfo {
  form: 'shell' | 'exec';
  mounts: Mount[];
  network: string | null;
  security: string | null;
  /** True when the commands are POSIX shell (not powershell/cmd). */
  posix: boolean;
  /** Shell analysis; null for non-POSIX shells. For exec form, one synthetic command. */
  shell: ShellContext | null;
  /** All simple commands, including those of heredoc scripts run by a shell. */
  commands: SimpleCommand[];
  heredocs: HeredocSyntax[];
}

export interface CopyInfo {
  kind: 'COPY' | 'ADD';
  from: string | null;
  /** Index of the stage named by --from, when it names one. */
  fromStage: number | null;
  sources: Word[];
  dest: Word | null;
  flags: Flag[];
  chown: string | null;
  chmod: string | null;
  link: boolean;
  checksum: string | null;
  heredocs: HeredocSyntax[];
}

export interface InstructionState {
  user: string | null;
  workdir: string | null;
  shell: readonly string[];
  /** ENV values set so far in this stage (and inherited stages). */
  env: ReadonlyMap<string, string | null>;
  /** ARGs in scope (declared in this stage, or global ones redeclared). */
  args: ReadonlyMap<string, string | null>;
}

export interface InstructionNode {
  syntax: Instruction;
  keyword: string;
  /** Index in the file's list of top-level instructions. */
  index: number;
  /** Stage the instruction belongs to; null before the first FROM. */
  stageIndex: number | null;
  /** True for the trigger of an ONBUILD (`syntax` is then the trigger). */
  onbuild: boolean;
  /** State before the instruction runs. */
  state: InstructionState;
  run: RunInfo | null;
  copy: CopyInfo | null;
  /** Substitute variables in scope here; null when a value cannot be known. */
  resolve(text: string): string | null;
}

export interface Stage {
  index: number;
  /** The `AS name` alias, lower-cased as BuildKit compares them, or null. */
  name: string | null;
  rawName: string | null;
  nameRange: Range | null;
  from: Instruction;
  base: StageBase;
  platform: Flag | null;
  /** Instructions after FROM (ONBUILD triggers appear as their own nodes with onbuild=true). */
  instructions: InstructionNode[];
  fromNode: InstructionNode;
  /** Stage this one is built on (`FROM <stage>`), else null. */
  parentIndex: number | null;
  isFinal: boolean;
  /** State after the stage's last instruction (what `FROM <this stage>` inherits). */
  endState: InstructionState;
  /** The final stage or one of its ancestors through `FROM <stage>`: its content ships. */
  inFinalImage: boolean;
}

export interface DockerfileModel {
  file: string;
  text: string;
  lines: LineIndex;
  syntax: SyntaxTree;
  escapeChar: string;
  syntaxDirective: string | null;
  check: CheckDirective | null;
  pragmas: Pragma[];
  /** ARGs declared before the first FROM, with defaults (after --build-arg overrides). */
  globalArgs: ReadonlyMap<string, string | null>;
  globalArgNodes: InstructionNode[];
  stages: Stage[];
  finalStage: Stage | null;
  /** Every instruction node in file order (ONBUILD triggers right after their ONBUILD). */
  nodes: InstructionNode[];
}

export interface BuildModelOptions {
  file: string;
  buildArgs?: Readonly<Record<string, string>>;
  /** Needed when the file has RUN instructions; without it RUNs are not analysed. */
  shellParser?: ShellParser | null;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'] as const;
/** Identity marker: a scope whose shell is this very array has not been changed by SHELL. */
const DEFAULT_SHELL_REF: readonly string[] = DEFAULT_SHELL;
/** Windows base images: mcr.microsoft.com/windows/*, servercore/nanoserver tags and images (`python:3-windowsservercore`, `stefanscherer/node-windows`). */
const WINDOWS_IMAGE = /windows|servercore|nanoserver/i;
const NON_POSIX_SHELLS = /(?:^|[\\/])(?:powershell|pwsh|cmd)(?:\.exe)?$/i;

function flagValue(flags: readonly Flag[], name: string): Flag | undefined {
  return flags.find((f) => f.name.toLowerCase() === name);
}

function parseMounts(flags: readonly Flag[]): Mount[] {
  const out: Mount[] = [];
  for (const f of flags) {
    if (f.name.toLowerCase() !== 'mount') continue;
    const options = new Map<string, string | null>();
    for (const o of f.options) options.set(o.name.toLowerCase(), o.value);
    const get = (...names: string[]): string | null => {
      for (const n of names) {
        const v = options.get(n);
        if (v !== undefined) return v;
      }
      return null;
    };
    out.push({
      type: (get('type') ?? 'bind').toLowerCase(),
      target: get('target', 'dst', 'destination'),
      source: get('source', 'src'),
      from: get('from'),
      id: get('id'),
      options,
      range: f.range,
    });
  }
  return out;
}

/** Build the shell source for an instruction's shell-form text, keeping offsets 1:1 with the file. */
/**
 * Build the shell source for an instruction's shell-form text, keeping offsets 1:1 with the file.
 * Applies the Dockerfile's own line joining before bash sees the text: inside a continuation,
 * comment lines and blank lines are removed (blanked, newline included); an escape followed by
 * trailing blanks still continues the line (the escape is moved next to the newline); a non-`\`
 * escape character becomes `\`. Heredoc body lines are left exactly as written.
 */
function shellSource(text: string, start: number, end: number, escapeChar: string, lines: LineIndex, firstLine: number, heredocLines: ReadonlySet<number>): string {
  const src = text.slice(start, end);
  if (!src.includes(escapeChar) && escapeChar === '\\') return src;
  // Every edit keeps the length (offsets map 1:1 to the file), so the result is built from slices
  // of `src` with the edited characters in between, in order.
  let out = '';
  let from = 0;
  const put = (at: number, s: string): void => {
    out += src.slice(from, at) + s;
    from = at + s.length;
  };
  const n = src.length;
  const lastLine = lines.positionAt(end).line;
  let continued = false;
  for (let line = firstLine; line <= lastLine; line++) {
    const ls = Math.max(0, (lines.lineStarts[line] ?? 0) - start);
    const next = line + 1 < lines.lineCount ? (lines.lineStarts[line + 1] ?? text.length) : text.length;
    const le = Math.min(n, next - start);
    if (heredocLines.has(line)) {
      continued = false;
      continue;
    }
    // Content end (before the line terminator).
    let ce = le;
    while (ce > ls && (src[ce - 1] === '\n' || src[ce - 1] === '\r')) ce--;
    let first = ls;
    while (first < ce && (src[first] === ' ' || src[first] === '\t')) first++;
    if (continued && line > firstLine && (first === ce || src[first] === '#')) {
      if (le > ls) put(ls, ' '.repeat(le - ls));
      continue;
    }
    let last = ce;
    while (last > ls && (src[last - 1] === ' ' || src[last - 1] === '\t')) last--;
    continued = last > ls && src[last - 1] === escapeChar && ce < le;
    if (continued && last < ce) {
      // Move the escape next to the line break, as `\` + blanks + newline continues the line.
      put(last - 1, ' ');
      put(ce - 1, '\\');
    } else if (continued && escapeChar !== '\\') {
      put(ce - 1, '\\');
    }
  }
  return from === 0 ? src : out + src.slice(from);
}

interface Scope {
  /** The stage is a Windows image (its default shell is cmd). */
  windows: boolean;
  env: Map<string, string | null>;
  args: Map<string, string | null>;
  user: string | null;
  workdir: string | null;
  shell: string[];
}

export function buildModel(syntax: SyntaxTree, lines: LineIndex, opts: BuildModelOptions): DockerfileModel {
  const text = syntax.text;
  const buildArgs = opts.buildArgs ?? {};
  const escapeChar = syntax.escapeChar;
  const check = syntax.directives.find((d) => d.name === 'check');
  const syntaxDirective = syntax.directives.find((d) => d.name === 'syntax')?.value ?? null;

  // Lines holding comments (for blanking them inside continued RUN text).
  // Empty lines inside a continuation are removed by the Dockerfile parser too.
  const instructionStartLines = new Set<number>();
  for (const i of syntax.instructions) instructionStartLines.add(i.range.start.line);

  // Pragmas, with `ignore` bound to the next instruction.
  const pragmas: Pragma[] = [];
  const instrLines = syntax.instructions.map((i) => i.range.start.line);
  for (const c of syntax.comments) {
    const p = parsePragma(c);
    if (!p) continue;
    if (p.kind === 'ignore') {
      const line = c.range.start.line;
      const target = instrLines.find((l) => l > line);
      // A pragma inside an instruction (a comment in a continuation) does not count.
      pragmas.push({ ...p, targetLine: target ?? -1 });
    } else {
      pragmas.push(p);
    }
  }
  const pragmaShell = pragmas.find((p): p is Extract<Pragma, { kind: 'shell' }> => p.kind === 'shell');

  const globalArgs = new Map<string, string | null>();
  const globalArgNodes: InstructionNode[] = [];
  const stages: Stage[] = [];
  const nodes: InstructionNode[] = [];
  const stageByName = new Map<string, number>();
  const stageWindows = new Map<number, boolean>();

  let scope: Scope | null = null;
  let current: Stage | null = null;

  const lookupIn = (s: Scope | null): VarLookup => (name) => {
    if (s) {
      if (s.env.has(name)) return s.env.get(name);
      if (s.args.has(name)) return s.args.get(name);
      return undefined;
    }
    return globalArgs.has(name) ? globalArgs.get(name) : undefined;
  };

  const isPosixShell = (shell: readonly string[], windows: boolean): boolean => {
    const prog = shell[0] ?? '';
    if (NON_POSIX_SHELLS.test(prog)) return false;
    if (pragmaShell && /powershell|pwsh|cmd/i.test(pragmaShell.shell)) return false;
    // A Windows stage runs RUN under `cmd /S /C` unless a SHELL says otherwise.
    if (windows && shell === DEFAULT_SHELL_REF) return false;
    return true;
  };

  const analyse = (inst: Instruction, start: number, end: number): ShellContext | null => {
    const parser = opts.shellParser;
    if (!parser) return null;
    const heredocLines = new Set<number>();
    for (const h of inst.heredocs) {
      const from = h.contentRange?.start.line ?? h.startRange.end.line + 1;
      const to = h.endRange?.end.line ?? lines.positionAt(end).line;
      for (let l = from; l <= to; l++) heredocLines.add(l);
    }
    const source = shellSource(text, start, end, escapeChar, lines, inst.range.start.line, heredocLines);
    const script = parser.parse(source);
    return {
      source,
      script,
      position: (o) => lines.positionAt(start + o),
      range: (s, e) => lines.rangeAt(start + s, start + e),
    };
  };

  // The shell parser itself reports the commands of heredoc scripts run by a shell
  // (`RUN <<EOF`, `bash <<EOF`), flagged `inHeredocScript`, with offsets into the same source.
  const commandsOf = (ctx: ShellContext): SimpleCommand[] => ctx.script.commands;

  const execCommand = (json: readonly Word[], base: number): SimpleCommand | null => {
    const words: ShellWord[] = json.map((w) => {
      const s = lines.offsetAt(w.range.start) - base;
      const e = lines.offsetAt(w.range.end) - base;
      return { text: text.slice(base + s, base + e), value: w.value, start: s, end: e };
    });
    const [first, ...rest] = words;
    if (!first) return null;
    return {
      name: first.value,
      nameWord: first,
      args: rest,
      assignments: [],
      redirects: [],
      start: first.start,
      end: (words[words.length - 1] ?? first).end,
      connector: null,
      inPipeline: false,
      pipelineLast: false,
      conditional: false,
      inSubstitution: false,
      inSubshell: false,
      heredocs: [],
    };
  };

  const runInfo = (inst: Instruction, s: Scope, posixOverride?: boolean): RunInfo => {
    const posix = posixOverride ?? isPosixShell(s.shell, s.windows);
    const mounts = parseMounts(inst.flags);
    const network = flagValue(inst.flags, 'network')?.value ?? null;
    const security = flagValue(inst.flags, 'security')?.value ?? null;
    if (inst.json && inst.heredocs.length === 0) {
      const base = inst.argsStart;
      const cmd = execCommand(inst.json, base);
      const source = text.slice(base, inst.end);
      const ctx: ShellContext = {
        source,
        script: { commands: cmd ? [cmd] : [], hasErrors: false, setsPipefail: false },
        position: (o) => lines.positionAt(base + o),
        range: (a, b) => lines.rangeAt(base + a, base + b),
      };
      return { form: 'exec', mounts, network, security, posix, shell: ctx, commands: cmd ? [cmd] : [], heredocs: [] };
    }
    const ctx = posix ? analyse(inst, inst.argsStart, inst.end) : null;
    return { form: 'shell', mounts, network, security, posix, shell: ctx, commands: ctx ? commandsOf(ctx) : [], heredocs: inst.heredocs };
  };

  const copyInfo = (inst: Instruction, kind: 'COPY' | 'ADD'): CopyInfo => {
    const from = flagValue(inst.flags, 'from')?.value ?? null;
    const words = inst.json ?? inst.args;
    const heredocNames = new Set(inst.heredocs.map((h) => h.name));
    // With heredocs, the argument list also holds the heredoc bodies; keep only the first line's words.
    const firstLine = inst.range.start.line;
    const relevant = inst.heredocs.length > 0 ? words.filter((w) => w.range.start.line === firstLine || w.range.start.line < (inst.heredocs[0]?.contentRange?.start.line ?? Infinity)) : words;
    const dest = relevant.length > 1 ? (relevant[relevant.length - 1] ?? null) : null;
    const sources = relevant.slice(0, Math.max(0, relevant.length - 1)).filter((w) => !heredocNames.has(w.value.replace(/^<<-?["']?|["']$/g, '')));
    let fromStage: number | null = null;
    if (from !== null) {
      const idx = stageByName.get(from.toLowerCase());
      if (idx !== undefined) fromStage = idx;
      else if (/^\d+$/.test(from) && Number(from) < stages.length) fromStage = Number(from);
    }
    return {
      kind,
      from,
      fromStage,
      sources,
      dest,
      flags: inst.flags,
      chown: flagValue(inst.flags, 'chown')?.value ?? null,
      chmod: flagValue(inst.flags, 'chmod')?.value ?? null,
      link: flagValue(inst.flags, 'link') !== undefined && flagValue(inst.flags, 'link')?.value !== 'false',
      checksum: flagValue(inst.flags, 'checksum')?.value ?? null,
      heredocs: inst.heredocs,
    };
  };

  // Frozen copies of the variable maps, shared by every node until the next ARG/ENV/FROM changes
  // them (copy-on-write: a file with many instructions does not copy the maps once per node).
  let frozenEnv: ReadonlyMap<string, string | null> | null = null;
  let frozenArgs: ReadonlyMap<string, string | null> | null = null;
  let frozenGlobals: ReadonlyMap<string, string | null> | null = null;
  const thaw = (): void => {
    frozenEnv = null;
    frozenArgs = null;
  };
  const globalsNow = (): ReadonlyMap<string, string | null> => (frozenGlobals ??= new Map(globalArgs));

  const snapshot = (s: Scope | null): InstructionState => {
    if (!s) return { user: null, workdir: null, shell: DEFAULT_SHELL, env: new Map(), args: globalsNow() };
    frozenEnv ??= new Map(s.env);
    frozenArgs ??= new Map(s.args);
    return { user: s.user, workdir: s.workdir, shell: s.shell, env: frozenEnv, args: frozenArgs };
  };

  const makeNode = (inst: Instruction, index: number, onbuild: boolean): InstructionNode => {
    const s = scope;
    const state = snapshot(s);
    const env = state.env;
    const args = state.args;
    const lookup: VarLookup = s
      ? (n) => (env.has(n) ? env.get(n) : args.has(n) ? args.get(n) : undefined)
      : (n) => (args.has(n) ? args.get(n) : undefined);
    const resolve = (t: string): string | null => substitute(t, lookup, escapeChar);
    let run: RunInfo | null = null;
    let copy: CopyInfo | null = null;
    if (s && !onbuild) {
      if (inst.keyword === 'RUN') run = runInfo(inst, s);
      else if (inst.keyword === 'COPY' || inst.keyword === 'ADD') copy = copyInfo(inst, inst.keyword);
    } else if (onbuild && s) {
      if (inst.keyword === 'RUN') run = runInfo(inst, s);
      else if (inst.keyword === 'COPY' || inst.keyword === 'ADD') copy = copyInfo(inst, inst.keyword);
    }
    return { syntax: inst, keyword: inst.keyword, index, stageIndex: current ? current.index : null, onbuild, state, run, copy, resolve };
  };

  const applyArg = (inst: Instruction, target: Map<string, string | null>, fallback: ReadonlyMap<string, string | null> | null): void => {
    for (const p of inst.properties) {
      const name = p.name;
      if (Object.prototype.hasOwnProperty.call(buildArgs, name)) {
        target.set(name, buildArgs[name] ?? null);
      } else if (p.operator === '=' || p.value !== null) {
        const raw = p.value ?? '';
        const lookup: VarLookup = (n) => (target.has(n) ? target.get(n) : fallback?.has(n) ? fallback.get(n) : undefined);
        const v = substitute(raw, lookup, escapeChar);
        target.set(name, v === null ? null : unquote(v));
      } else if (fallback && fallback.has(name)) {
        target.set(name, fallback.get(name) ?? null);
      } else {
        target.set(name, null);
      }
    }
  };

  syntax.instructions.forEach((inst, index) => {
    if (inst.keyword === 'FROM') {
      const stageIndex = stages.length;
      const imageWord = inst.args[0];
      const asWord = inst.args[1];
      const nameWord = asWord && asWord.value.toLowerCase() === 'as' ? inst.args[2] : undefined;
      const rawName = nameWord?.value ?? null;
      let base: StageBase;
      if (!imageWord) {
        base = { kind: 'unknown', raw: '', range: null };
      } else {
        const raw = imageWord.value;
        const resolved = substitute(raw, (n) => (globalArgs.has(n) ? globalArgs.get(n) : undefined), escapeChar);
        const lower = (resolved ?? raw).toLowerCase();
        if (resolved !== null && stageByName.has(lower)) {
          base = { kind: 'stage', stageIndex: stageByName.get(lower) ?? 0, range: imageWord.range };
        } else if (lower === 'scratch') {
          base = { kind: 'scratch', range: imageWord.range };
        } else if (resolved === null) {
          base = { kind: 'unknown', raw, range: imageWord.range };
        } else {
          base = {
            kind: 'image',
            image: { ...parseImageRef(resolved), raw, resolved, hasVariables: raw.includes('$'), range: imageWord.range },
          };
        }
      }
      const parentIndex = base.kind === 'stage' ? base.stageIndex : null;
      const parent = parentIndex !== null ? stages[parentIndex] : undefined;
      if (current && scope) current.endState = snapshot(scope);
      thaw();
      const parentEnd = parent ? parent.endState : null;
      const windows =
        base.kind === 'stage'
          ? (stageWindows.get(base.stageIndex) ?? false)
          : base.kind === 'image'
            ? WINDOWS_IMAGE.test(base.image.resolved ?? base.image.raw)
            : base.kind === 'unknown' && escapeChar === '`';
      stageWindows.set(stageIndex, windows);
      scope = {
        windows,
        env: new Map(parentEnd ? parentEnd.env : []),
        args: new Map(),
        user: parentEnd ? parentEnd.user : null,
        workdir: parentEnd ? parentEnd.workdir : null,
        shell: parentEnd ? (parentEnd.shell === DEFAULT_SHELL_REF ? DEFAULT_SHELL_REF : [...parentEnd.shell]) as string[] : (DEFAULT_SHELL_REF as string[]),
      };
      const stub = { index: stageIndex } as Stage;
      current = stub;
      const fromNode = makeNode(inst, index, false);
      const stage: Stage = {
        index: stageIndex,
        name: rawName ? rawName.toLowerCase() : null,
        rawName,
        nameRange: nameWord?.range ?? null,
        from: inst,
        base,
        platform: flagValue(inst.flags, 'platform') ?? null,
        instructions: [],
        fromNode,
        parentIndex,
        isFinal: false,
        inFinalImage: false,
        endState: fromNode.state,
      };
      current = stage;
      stages.push(stage);
      if (stage.name && !stageByName.has(stage.name)) stageByName.set(stage.name, stageIndex);
      nodes.push(fromNode);
      return;
    }

    if (!scope || !current) {
      const node = makeNode(inst, index, false);
      nodes.push(node);
      if (inst.keyword === 'ARG') {
        applyArg(inst, globalArgs, null);
        frozenGlobals = null;
        globalArgNodes.push(node);
      }
      return;
    }

    const node = makeNode(inst, index, false);
    current.instructions.push(node);
    nodes.push(node);
    if (inst.keyword === 'ONBUILD' && inst.trigger) {
      const t = makeNode(inst.trigger, index, true);
      current.instructions.push(t);
      nodes.push(t);
    }

    switch (inst.keyword) {
      case 'ARG':
        applyArg(inst, scope.args, globalArgs);
        frozenArgs = null;
        break;
      case 'ENV': {
        const s = scope;
        for (const p of inst.properties) {
          const raw = p.value ?? '';
          const v = substitute(raw, lookupIn(s), escapeChar);
          s.env.set(p.name, v);
        }
        frozenEnv = null;
        break;
      }
      case 'USER': {
        const w = inst.args[0];
        scope.user = w ? (node.resolve(w.value) ?? w.value) : scope.user;
        break;
      }
      case 'WORKDIR': {
        const w = inst.args.map((a) => a.value).join(' ');
        if (w) {
          const resolved = unquote(node.resolve(w) ?? w);
          scope.workdir = resolved.startsWith('/') || /^[A-Za-z]:/.test(resolved) || !scope.workdir ? resolved : `${scope.workdir.replace(/\/$/, '')}/${resolved}`;
        }
        break;
      }
      case 'SHELL':
        if (inst.json && inst.json.length > 0) scope.shell = inst.json.map((w) => w.value);
        break;
      default:
        break;
    }
  });

  // (`current`/`scope` are assigned inside the loop callback, which TypeScript does not track.)
  const lastStage = current as Stage | null;
  const lastScope = scope as Scope | null;
  if (lastStage && lastScope) lastStage.endState = snapshot(lastScope);
  const finalStage = stages[stages.length - 1] ?? null;
  if (finalStage) {
    finalStage.isFinal = true;
    let s: Stage | undefined = finalStage;
    const seen = new Set<number>();
    while (s && !seen.has(s.index)) {
      seen.add(s.index);
      s.inFinalImage = true;
      s = s.parentIndex !== null ? stages[s.parentIndex] : undefined;
    }
  }

  return {
    file: opts.file,
    text,
    lines,
    syntax,
    escapeChar,
    syntaxDirective,
    check: check ? parseCheckDirective(check) : null,
    pragmas,
    globalArgs,
    globalArgNodes,
    stages,
    finalStage,
    nodes,
  };
}

/** Convenience: true when the text has instructions that need the shell parser. */
export function needsShellParser(syntax: SyntaxTree): boolean {
  return syntax.instructions.some((i) => i.keyword === 'RUN' || (i.keyword === 'ONBUILD' && i.trigger?.keyword === 'RUN'));
}
