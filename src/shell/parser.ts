/**
 * Bash parsing for RUN scripts on tree-sitter-bash (web-tree-sitter + the package's .wasm grammar).
 *
 * `loadShellParser()` loads the grammar; `parse(source)` builds a `ShellScript` in one walk of the
 * syntax tree and frees the tree before returning. Offsets are UTF-16 indexes into `source`
 * (web-tree-sitter parses JS strings as UTF-16, so node indexes already are string indexes; a test
 * pins this down with non-ASCII text).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { basename, decodeAnsiC, unescapeBare, unescapeDouble } from './text.js';
import type { ShellParser, ShellScript, ShellWord, SimpleCommand } from './types.js';

/**
 * Load web-tree-sitter and the bash grammar and return a parser. Each call loads a new grammar
 * instance; callers should call it once and keep the result.
 *
 * Note: web-tree-sitter keeps one wasm runtime per thread, created by the first `Parser.init()`;
 * two first calls at once would each create one, so it is started once, by initRuntime.
 */
export async function loadShellParser(): Promise<ShellParser> {
  const [grammar] = await Promise.all([compileShellGrammar(), initRuntime()]);
  const language = Language.loadSync(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const tables = languageTables(language);
  return {
    parse(source: string): ShellScript {
      return parseScript(parser, tables, source);
    },
  };
}

/** The bash grammar being compiled, or compiled: started once per thread by compileShellGrammar. */
let compiledGrammar: Promise<WebAssembly.Module> | undefined;

/**
 * Compile the bash grammar's WebAssembly, once per thread. V8 compiles it off the main thread, so
 * a caller that starts this early (the lint command does, before it reads any file) has it ready,
 * or nearly, when the first RUN is parsed. The module is immutable and only instantiated from
 * (each loadShellParser makes its own instance), so sharing it changes no result.
 */
function compileShellGrammar(): Promise<WebAssembly.Module> {
  if (compiledGrammar === undefined) {
    // V8 compiles WebAssembly twice: quickly (Liftoff), then optimised (TurboFan) in the
    // background. For the bash grammar the optimising compile costs ~0.5 s of CPU per process or
    // worker and a lint run never lasts long enough to win it back (measured: 0.83 -> 0.28 s CPU
    // for one small file, and less CPU over the whole corpus), so keep the baseline code. Affects
    // only wasm.
    setFlagsFromString('--liftoff-only');
    compiledGrammar = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  }
  return compiledGrammar;
}

/** web-tree-sitter's runtime being initialised, or initialised: started once per thread by initRuntime. */
let runtime: Promise<void> | undefined;

/** Start (once per thread) web-tree-sitter's runtime: reading and compiling its own wasm. */
function initRuntime(): Promise<void> {
  runtime ??= Parser.init();
  return runtime;
}

/**
 * Start all that loadShellParser waits for, the grammar's compile and the runtime's, without
 * waiting: both read a file and compile WebAssembly off the main thread, so a caller that starts
 * them early (the lint command does, before it reads the configuration and the files) finds them
 * ready, or nearly, when the first RUN is parsed. A failure surfaces in loadShellParser.
 */
export function prefetchShellParser(): void {
  compileShellGrammar().catch(() => undefined);
  initRuntime().catch(() => undefined);
}

/** Node type names by type id, and the names of named types (avoids a wasm call per `isNamed`). */
interface LanguageTables {
  types: readonly string[];
  named: ReadonlySet<string>;
}

function languageTables(language: Language): LanguageTables {
  const types: string[] = [];
  const named = new Set<string>();
  for (let id = 0; id < language.nodeTypeCount; id++) {
    const name = language.nodeTypeForId(id) ?? 'ERROR';
    types.push(name);
    if (language.nodeTypeIsNamed(id)) named.add(name);
  }
  // The error symbol's id is 65535, beyond nodeTypeCount.
  named.add('ERROR');
  return { types, named };
}

/** Node types that are statements (tree-sitter-bash `_statement` plus ERROR). */
const STATEMENT_TYPES: ReadonlySet<string> = new Set([
  'c_style_for_statement',
  'case_statement',
  'command',
  'compound_statement',
  'declaration_command',
  'for_statement',
  'function_definition',
  'if_statement',
  'list',
  'negated_command',
  'pipeline',
  'redirected_statement',
  'subshell',
  'test_command',
  'unset_command',
  'variable_assignment',
  'variable_assignments',
  'while_statement',
  'ERROR',
]);

/** Named nodes that hold statements but are not statements themselves. */
const BLOCK_TYPES: ReadonlySet<string> = new Set(['do_group', 'elif_clause', 'else_clause', 'case_item']);

/** Leaves that can never contain a substitution: no need to look at their children. */
const LEAF_TYPES: ReadonlySet<string> = new Set([
  'word',
  'raw_string',
  'ansi_c_string',
  'string_content',
  'variable_name',
  'special_variable_name',
  'heredoc_content',
  'heredoc_start',
  'heredoc_end',
  'comment',
  'test_operator',
  'extglob_pattern',
  'regex',
  'file_descriptor',
]);

/**
 * Whether the items' keys never decrease: then a stable sort by that key would leave the list as
 * it is, and is skipped.
 */
function inOrder<T>(items: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (a !== undefined && b !== undefined && key(b) < key(a)) return false;
  }
  return true;
}

const REDIRECT_TYPES: ReadonlySet<string> = new Set(['file_redirect', 'herestring_redirect', 'heredoc_redirect']);

/** Shells whose stdin is run as a script (`bash <<EOF`). */
const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

/**
 * Deepest nesting of statements and words that is walked (`$( $( ... ) )`, `( ( ... ) )`, `if` in
 * `if`...). Deeper parts are skipped and the script is reported with `hasErrors`. Real scripts
 * nest a handful of levels; the limit only keeps adversarial input from overflowing the stack.
 */
const MAX_NESTING = 400;

/** Heredoc bodies inside heredoc bodies are parsed up to this depth. */
const MAX_HEREDOC_DEPTH = 3;

interface Ctx {
  conditional: boolean;
  inSubstitution: boolean;
  inSubshell: boolean;
  inHeredocScript: boolean;
  /** Runs in the main shell, unconditionally, outside pipelines: a `set` here changes the script's options. */
  top: boolean;
  negated: boolean;
}

/** A pipeline being built: commands that receive it are its stages. */
interface PipeRef {
  id: number;
  /** Stage position given to the command that receives this ref. */
  index: number;
}

/** State shared by a parse and the parses of its heredoc scripts. */
interface Shared {
  parser: Parser;
  tables: LanguageTables;
  commands: SimpleCommand[];
  hasErrors: boolean;
  firstPipelineStart: number | null;
  pipefailAt: number | null;
  nextPipelineId: number;
  /** Most recent stage recorded per pipeline id (to find the last stage). */
  lastStage: Map<number, SimpleCommand>;
}

interface CollectedRedirects {
  redirects: SimpleCommand['redirects'];
  heredocs: SimpleCommand['heredocs'];
  /** Raw (unmapped) facts about each heredoc, parallel to `heredocs`. */
  heredocRaw: { fd: number | null; bodyStart: number; bodyEnd: number }[];
  /** Words that belong to the command although they sit in a redirect (`> out arg`, `<<EOF arg`). */
  extraArgs: Node[];
  /** What follows a heredoc start on its line: `| rest` or `&& right` / `|| right`. */
  continuations: Continuation[];
}

function emptyCollected(): CollectedRedirects {
  return { redirects: [], heredocs: [], heredocRaw: [], extraArgs: [], continuations: [] };
}

type Continuation = { kind: 'pipe'; node: Node } | { kind: 'op'; op: '&&' | '||'; node: Node };

function parseScript(parser: Parser, tables: LanguageTables, source: string): ShellScript {
  const shared: Shared = {
    parser,
    tables,
    commands: [],
    hasErrors: false,
    firstPipelineStart: null,
    pipefailAt: null,
    nextPipelineId: 0,
    lastStage: new Map(),
  };
  const bare = bareHeredocStart(source);
  // A script that starts with `<<EOF` (BuildKit's `RUN <<EOF`) has no command; tree-sitter-bash
  // cannot parse that, so parse `: <<EOF...` and map the offsets back.
  const text = bare === null ? source : source.slice(0, bare) + ': ' + source.slice(bare);
  const walker = new Walker(shared, text, 0, bare ?? Number.POSITIVE_INFINITY, bare === null ? 0 : 2, 0);
  walker.synthAt = bare;
  walker.parseAndWalk({
    conditional: false,
    inSubstitution: false,
    inSubshell: false,
    inHeredocScript: false,
    top: true,
    negated: false,
  });
  const commands = shared.commands.sort((a, b) => a.start - b.start);
  return {
    commands,
    hasErrors: shared.hasErrors,
    setsPipefail:
      shared.pipefailAt !== null &&
      (shared.firstPipelineStart === null || shared.pipefailAt < shared.firstPipelineStart),
    hasPipeline: shared.firstPipelineStart !== null,
  };
}

/** Index of a leading `<<` (only whitespace before it), else null. */
function bareHeredocStart(source: string): number | null {
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  return source.startsWith('<<', i) ? i : null;
}

class Walker {
  /** Raw index of the synthetic `:` command inserted before a bare heredoc, if any. */
  synthAt: number | null = null;
  /** Current statement/word nesting depth (see MAX_NESTING); heredoc scripts continue their parent's count. */
  nesting = 0;

  constructor(
    private readonly shared: Shared,
    /** The string given to tree-sitter. */
    private readonly text: string,
    /** Offset of `text` in the caller's string. */
    private readonly base: number,
    /** Raw index where `insertLen` synthetic characters were inserted. */
    private readonly insertAt: number,
    private readonly insertLen: number,
    private readonly depth: number,
  ) {}

  parseAndWalk(ctx: Ctx): void {
    const tree = this.shared.parser.parse(this.text);
    if (tree === null) {
      this.shared.hasErrors = true;
      return;
    }
    try {
      const root = tree.rootNode;
      if (root.hasError) this.shared.hasErrors = true;
      this.seq(root.children, ctx);
    } finally {
      tree.delete();
    }
  }

  private type(n: Node): string {
    return this.shared.tables.types[n.typeId] ?? 'ERROR';
  }

  private named(n: Node): boolean {
    return this.shared.tables.named.has(this.type(n));
  }

  private isNamedType(t: string): boolean {
    return this.shared.tables.named.has(t);
  }

  /** Raw index in `text` -> index in the caller's string. */
  private pos(raw: number): number {
    const p = raw >= this.insertAt + this.insertLen ? raw - this.insertLen : Math.min(raw, this.insertAt);
    return p + this.base;
  }

  // ---------------------------------------------------------------- statements

  /** A sequence of statements separated by `;`, `&`, newlines, keywords. */
  private seq(children: readonly Node[], ctx: Ctx): void {
    let prev: SimpleCommand | null = null;
    let afterStatement = false;
    for (const c of children) {
      const t = this.type(c);
      if (STATEMENT_TYPES.has(t)) {
        if (prev !== null && afterStatement && prev.connector === null && t !== 'ERROR') prev.connector = 'newline';
        prev = this.statement(c, t, ctx, null);
        afterStatement = true;
      } else if (t === ';' || t === '&' || t === ';;' || t === ';&' || t === ';;&') {
        if (prev !== null && prev.connector === null) prev.connector = t === '&' ? '&' : ';';
        prev = null;
        afterStatement = false;
      } else if (t === 'comment') {
        continue;
      } else {
        if (BLOCK_TYPES.has(t)) this.seq(c.children, ctx);
        else if (this.isNamedType(t)) this.scan(c, t, ctx);
        prev = null;
        afterStatement = false;
      }
    }
  }

  /** Walk one statement; returns its last simple command at this level (for connectors), if any. */
  private statement(n: Node, t: string, ctx: Ctx, pipe: PipeRef | null): SimpleCommand | null {
    if (!this.enter()) return null;
    try {
      return this.statementInner(n, t, ctx, pipe);
    } finally {
      this.nesting--;
    }
  }

  /** Nesting guard: adversarial input (`$($($(...` thousands deep) must not overflow the stack. */
  private enter(): boolean {
    if (this.nesting >= MAX_NESTING) {
      this.shared.hasErrors = true;
      return false;
    }
    this.nesting++;
    return true;
  }

  private statementInner(n: Node, t: string, ctx: Ctx, pipe: PipeRef | null): SimpleCommand | null {
    switch (t) {
      case 'command':
        return this.command(n, null, ctx, pipe);
      case 'redirected_statement':
        return this.redirected(n, ctx, pipe);
      case 'list':
        return this.list(n, ctx, pipe);
      case 'pipeline':
        return this.pipeline(n, ctx, pipe, null);
      case 'negated_command': {
        let tail: SimpleCommand | null = null;
        const inner: Ctx = ctx.negated ? ctx : { ...ctx, negated: true };
        for (const c of n.children) {
          const ct = this.type(c);
          if (STATEMENT_TYPES.has(ct)) tail = this.statement(c, ct, inner, pipe);
          else if (this.isNamedType(ct)) this.scan(c, ct, ctx);
        }
        return tail;
      }
      case 'subshell':
        this.seq(n.children, { ...ctx, inSubshell: true, top: false });
        return null;
      case 'compound_statement':
        this.seq(n.children, ctx);
        return null;
      case 'if_statement':
      case 'while_statement':
      case 'for_statement':
      case 'c_style_for_statement':
      case 'case_statement':
        this.seq(n.children, { ...ctx, conditional: true, top: false });
        return null;
      case 'function_definition':
        this.seq(n.children, { ...ctx, conditional: true, top: false });
        return null;
      case 'variable_assignment':
      case 'variable_assignments':
        return this.bareAssignment(n, t, ctx, pipe);
      case 'declaration_command':
      case 'unset_command':
        return this.declaration(n, ctx, pipe);
      case 'test_command':
        return this.testCommand(n, ctx, pipe);
      case 'ERROR':
        this.shared.hasErrors = true;
        this.seq(n.children, ctx);
        return null;
      default:
        this.seq(n.children, ctx);
        return null;
    }
  }

  /**
   * `a && b || c` is nested to the left (list(list(a && b) || c)); walk the chain iteratively so that
   * long chains do not recurse.
   */
  private list(n: Node, ctx: Ctx, pipe: PipeRef | null): SimpleCommand | null {
    const chain: Node[][] = [];
    let cur: Node | null = n;
    let leftmost: Node | null = null;
    while (cur !== null) {
      const children: Node[] = cur.children;
      chain.push(children);
      const left = children.find((c) => STATEMENT_TYPES.has(this.type(c)));
      if (left !== undefined && this.type(left) === 'list') {
        cur = left;
      } else {
        leftmost = left ?? null;
        cur = null;
      }
    }
    // Only the leftmost element continues a pipeline that a heredoc redirect started.
    let tail = leftmost === null ? null : this.statement(leftmost, this.type(leftmost), ctx, pipe);
    for (let i = chain.length - 1; i >= 0; i--) {
      let op: '&&' | '||' | null = null;
      let seenLeft = false;
      for (const c of chain[i] ?? []) {
        const t = this.type(c);
        if (!seenLeft && STATEMENT_TYPES.has(t)) {
          seenLeft = true; // the left side, already walked
        } else if (t === '&&' || t === '||') {
          op = t;
          if (tail !== null && tail.connector === null) tail.connector = t;
        } else if (STATEMENT_TYPES.has(t)) {
          const inner: Ctx = op === '||' && !ctx.conditional ? { ...ctx, conditional: true, top: false } : ctx;
          tail = this.statement(c, t, inner, null);
        } else if (this.isNamedType(t) && t !== 'comment') {
          this.scan(c, t, ctx);
        }
      }
    }
    return tail;
  }

  private pipeline(n: Node, ctx: Ctx, pipe: PipeRef | null, leading: SimpleCommand | null): SimpleCommand | null {
    const id = pipe === null ? this.newPipeline(n.startIndex) : pipe.id;
    if (pipe !== null) this.notePipelineAt(n.startIndex);
    let k = pipe === null ? 0 : pipe.index;
    const stageCtx: Ctx = ctx.top ? { ...ctx, top: false } : ctx;
    const children = n.children;
    let lastStageNode: Node | null = null;
    for (const c of children) if (STATEMENT_TYPES.has(this.type(c))) lastStageNode = c;
    let prev = leading;
    if (leading !== null) {
      this.markStage(leading, { id, index: k++ });
      leading.pipelineLast = false;
    }
    for (const c of children) {
      const t = this.type(c);
      if (t === '|' || t === '|&') {
        if (prev !== null && prev.connector === null) prev.connector = t;
      } else if (STATEMENT_TYPES.has(t)) {
        const before = this.shared.lastStage.get(id);
        prev = this.statement(c, t, stageCtx, { id, index: k++ });
        if (c === lastStageNode) {
          const after = this.shared.lastStage.get(id);
          if (after !== undefined && after !== before) after.pipelineLast = true;
        }
      } else if (this.isNamedType(t) && t !== 'comment') {
        this.scan(c, t, ctx);
      }
    }
    return prev;
  }

  private newPipeline(rawStart: number): number {
    this.notePipelineAt(rawStart);
    return this.shared.nextPipelineId++;
  }

  private notePipelineAt(rawStart: number): void {
    const p = this.pos(rawStart);
    if (this.shared.firstPipelineStart === null || p < this.shared.firstPipelineStart) {
      this.shared.firstPipelineStart = p;
    }
  }

  private markStage(cmd: SimpleCommand, pipe: PipeRef): void {
    cmd.inPipeline = true;
    cmd.pipelineId = pipe.id;
    cmd.pipelineIndex = pipe.index;
    this.shared.lastStage.set(pipe.id, cmd);
  }

  // ---------------------------------------------------------------- simple commands

  private redirected(n: Node, ctx: Ctx, pipe: PipeRef | null): SimpleCommand | null {
    let body: Node | null = null;
    let bodyType = '';
    const collected = emptyCollected();
    for (const c of n.children) {
      const t = this.type(c);
      if (REDIRECT_TYPES.has(t)) {
        this.collectRedirect(c, t, ctx, collected);
      } else if (body === null && STATEMENT_TYPES.has(t)) {
        body = c;
        bodyType = t;
      } else if (STATEMENT_TYPES.has(t)) {
        this.statement(c, t, ctx, null);
      } else if (this.isNamedType(t) && t !== 'comment') {
        this.scan(c, t, ctx);
      }
    }
    let tail: SimpleCommand | null;
    if (body === null || bodyType === 'command') {
      tail = this.command(body, collected, ctx, pipe);
    } else {
      tail = this.statement(body, bodyType, ctx, pipe);
      // tree-sitter attaches a redirection written after the last stage of `a | b > x` or
      // `a && b <<EOF` to the whole pipeline/list; bash binds it to that last simple command.
      // For compound bodies (`while ...; done < file`) there is no such command (tail is null).
      if (tail !== null && (bodyType === 'pipeline' || bodyType === 'list' || bodyType === 'negated_command')) {
        this.attach(tail, collected, ctx);
      }
    }
    for (const cont of collected.continuations) {
      if (cont.kind === 'pipe') {
        const cur: PipeRef | null =
          tail !== null && tail.pipelineId !== null && tail.pipelineId !== undefined
            ? { id: tail.pipelineId, index: tail.pipelineIndex ?? 0 }
            : pipe;
        tail = this.pipeline(cont.node, ctx, cur, tail);
      } else {
        if (tail !== null && tail.connector === null) tail.connector = cont.op;
        const inner: Ctx = cont.op === '||' && !ctx.conditional ? { ...ctx, conditional: true, top: false } : ctx;
        tail = this.statement(cont.node, this.type(cont.node), inner, null);
      }
    }
    return tail;
  }

  private collectRedirect(r: Node, t: string, ctx: Ctx, out: CollectedRedirects): void {
    let fd: number | null = null;
    let operator = '';
    let target: ShellWord | null = null;
    if (t !== 'heredoc_redirect') {
      for (const c of r.children) {
        const ct = this.type(c);
        if (ct === 'file_descriptor') fd = parseFd(this.slice(c));
        else if (!this.isNamedType(ct) && operator === '') operator = ct;
        else if (ct !== 'comment') {
          if (target === null) target = this.word(c, ct, ctx);
          else out.extraArgs.push(c); // `cmd > out arg`: arg belongs to cmd
        }
      }
      out.redirects.push({ operator, target, start: this.pos(r.startIndex), end: this.pos(r.endIndex), fd });
      return;
    }
    // heredoc_redirect: [fd] <<|<<- start [args] [redirects] [| rest | && right] body end
    let rangeEnd = r.startIndex;
    let startNode: Node | null = null;
    let bodyNode: Node | null = null;
    let endNode: Node | null = null;
    let pendingOp: '&&' | '||' | null = null;
    const nested = emptyCollected();
    for (const c of r.children) {
      const ct = this.type(c);
      if (ct === 'file_descriptor') {
        fd = parseFd(this.slice(c));
      } else if (ct === '<<' || ct === '<<-') {
        operator = ct;
        rangeEnd = c.endIndex;
      } else if (ct === 'heredoc_start') {
        startNode = c;
        rangeEnd = c.endIndex;
      } else if (ct === 'heredoc_body') {
        bodyNode = c;
      } else if (ct === 'heredoc_end') {
        endNode = c;
      } else if (ct === '&&' || ct === '||') {
        pendingOp = ct;
      } else if (pendingOp !== null && STATEMENT_TYPES.has(ct)) {
        out.continuations.push({ kind: 'op', op: pendingOp, node: c });
        pendingOp = null;
      } else if (ct === 'pipeline') {
        out.continuations.push({ kind: 'pipe', node: c });
      } else if (ct === 'file_redirect' || ct === 'herestring_redirect') {
        this.collectRedirect(c, ct, ctx, nested);
      } else if (ct === 'ERROR') {
        this.shared.hasErrors = true;
        this.seq(c.children, ctx);
      } else if (STATEMENT_TYPES.has(ct)) {
        this.statement(c, ct, ctx, null);
      } else if (ct !== 'comment') {
        out.extraArgs.push(c);
      }
    }
    const startText = startNode === null ? '' : this.slice(startNode);
    const quoted = /["'\\]/.test(startText);
    const delimiter = heredocDelimiter(startText);
    if (startNode !== null) {
      target = { text: startText, value: delimiter, start: this.pos(startNode.startIndex), end: this.pos(startNode.endIndex) };
    }
    out.redirects.push({ operator, target, start: this.pos(r.startIndex), end: this.pos(rangeEnd), fd });
    // Redirections written after the delimiter (`cat <<EOF > /x`) come after it in source order.
    for (const x of nested.redirects) out.redirects.push(x);
    for (const x of nested.extraArgs) out.extraArgs.push(x);
    // Body: from the first body line to the start of the delimiter line.
    const stripTabs = operator === '<<-';
    let bodyEnd =
      endNode !== null ? lineStart(this.text, endNode.startIndex) : bodyNode !== null ? bodyNode.endIndex : rangeEnd;
    let bodyStart = bodyNode !== null ? bodyNode.startIndex : bodyEnd;
    if (stripTabs) while (bodyStart > 0 && this.text.charCodeAt(bodyStart - 1) === 9) bodyStart--;
    if (bodyStart > bodyEnd) bodyStart = bodyEnd;
    if (bodyEnd < bodyStart) bodyEnd = bodyStart;
    const raw = this.text.slice(bodyStart, bodyEnd);
    out.heredocs.push({
      delimiter,
      body: stripTabs ? raw.replace(/^\t+/gm, '') : raw,
      bodyStart: this.pos(bodyStart),
      bodyEnd: this.pos(bodyEnd),
      quoted,
      stripTabs,
    });
    out.heredocRaw.push({ fd, bodyStart, bodyEnd });
    if (bodyNode !== null && !quoted) this.scanChildren(bodyNode, ctx);
  }

  /**
   * Build a simple command from a `command` node (or none, for a redirection alone) plus the
   * redirections collected from an enclosing redirected_statement.
   */
  private command(n: Node | null, extra: CollectedRedirects | null, ctx: Ctx, pipe: PipeRef | null): SimpleCommand {
    const assignments: SimpleCommand['assignments'] = [];
    const own = emptyCollected();
    const wordNodes: Node[] = [];
    let nameNode: Node | null = null;
    if (n !== null) {
      // An indexed loop: a for-of step allocates an iterator result in V8's unoptimised code, and
      // this runs for every command of every script.
      const children = n.children;
      for (let i = 0; i < children.length; i++) {
        const c = children[i];
        if (c === undefined) continue;
        const t = this.type(c);
        if (t === 'variable_assignment') assignments.push(this.assignment(c, ctx));
        else if (REDIRECT_TYPES.has(t)) this.collectRedirect(c, t, ctx, own);
        else if (t === 'command_name') nameNode = c;
        else if (t === 'comment') continue;
        else if (STATEMENT_TYPES.has(t)) this.statement(c, t, ctx, null);
        else wordNodes.push(c);
      }
    }
    const all = extra === null ? own : mergeCollected(own, extra);
    if (all.extraArgs.length > 0) wordNodes.push(...all.extraArgs);
    // Both lists are nearly always in order already (sort copies its array even then).
    if (!inOrder(wordNodes, (x) => x.startIndex)) wordNodes.sort((x, y) => x.startIndex - y.startIndex);
    const redirects = all.redirects;
    if (!inOrder(redirects, (x) => x.start)) redirects.sort((x, y) => x.start - y.start);

    let start = n === null ? Number.POSITIVE_INFINITY : this.pos(n.startIndex);
    let end = n === null ? Number.NEGATIVE_INFINITY : this.pos(n.endIndex);
    for (let i = 0; i < redirects.length; i++) {
      const r = redirects[i];
      if (r === undefined) continue;
      if (r.start < start) start = r.start;
      if (r.end > end) end = r.end;
    }
    if (start === Number.POSITIVE_INFINITY) start = 0;
    if (end === Number.NEGATIVE_INFINITY) end = start;

    const words = this.words(nameNode === null ? wordNodes : [nameNode, ...wordNodes], ctx);
    let nameWord: ShellWord | null = nameNode === null ? null : (words[0] ?? null);
    let args = nameNode === null ? words : words.slice(1);
    const synthetic = this.synthAt !== null && nameNode !== null && nameNode.startIndex === this.synthAt;
    if (synthetic) {
      // The `:` inserted before a bare heredoc: the command is the word after the delimiter, if any.
      nameWord = args[0] ?? null;
      args = args.slice(1);
      start = this.pos(this.synthAt ?? 0);
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w !== undefined && w.end > end) end = w.end;
    }
    const cmd: SimpleCommand = {
      name: nameWord === null ? null : nameWord.value,
      nameWord,
      args,
      assignments,
      redirects,
      start,
      end,
      connector: null,
      inPipeline: false,
      pipelineLast: false,
      conditional: ctx.conditional,
      inSubstitution: ctx.inSubstitution,
      inSubshell: ctx.inSubshell,
      heredocs: all.heredocs,
      pipelineId: null,
      pipelineIndex: null,
      negated: ctx.negated,
      inHeredocScript: ctx.inHeredocScript,
    };
    if (pipe !== null) this.markStage(cmd, pipe);
    if (ctx.top && pipe === null && cmd.name === 'set' && setsPipefailArgs(args)) {
      if (this.shared.pipefailAt === null || cmd.start < this.shared.pipefailAt) this.shared.pipefailAt = cmd.start;
    }
    this.shared.commands.push(cmd);
    this.heredocScripts(cmd, all.heredocs, all.heredocRaw, ctx, synthetic && nameWord === null);
    return cmd;
  }

  /** Add redirections that tree-sitter put on an enclosing statement to its last simple command. */
  private attach(cmd: SimpleCommand, collected: CollectedRedirects, ctx: Ctx): void {
    for (const r of collected.redirects) {
      cmd.redirects.push(r);
      if (r.end > cmd.end) cmd.end = r.end;
    }
    cmd.redirects.sort((x, y) => x.start - y.start);
    for (const h of collected.heredocs) cmd.heredocs.push(h);
    if (collected.extraArgs.length > 0) {
      for (const w of this.words(collected.extraArgs, ctx)) {
        cmd.args.push(w);
        if (w.end > cmd.end) cmd.end = w.end;
      }
    }
    this.heredocScripts(cmd, collected.heredocs, collected.heredocRaw, ctx, false);
  }

  /** Parse the bodies of heredocs that a shell runs as a script. */
  private heredocScripts(
    cmd: SimpleCommand,
    heredocs: SimpleCommand['heredocs'],
    raws: CollectedRedirects['heredocRaw'],
    ctx: Ctx,
    bare: boolean,
  ): void {
    for (let i = 0; i < heredocs.length; i++) {
      const raw = raws[i];
      if (raw === undefined || (raw.fd !== null && raw.fd !== 0)) continue;
      if (bare ? shebangIsShell(heredocs[i]?.body ?? '') : runsAsScript(cmd)) {
        this.parseHeredocScript(raw.bodyStart, raw.bodyEnd, ctx, bare);
      }
    }
  }

  /**
   * Words of a command, merging words that tree-sitter splits at a backslash-newline with no
   * blank around it (`foo\<newline>bar` is one word `foobar` in bash).
   */
  private words(nodes: readonly Node[], ctx: Ctx): ShellWord[] {
    const out: ShellWord[] = [];
    let prevEnd = -1;
    for (const node of nodes) {
      const w = this.word(node, this.type(node), ctx);
      const last = out[out.length - 1];
      const s = node.startIndex;
      if (last !== undefined && prevEnd >= 0 && isContinuationGap(this.text, prevEnd, s)) {
        out[out.length - 1] = {
          text: last.text + this.text.slice(prevEnd, s) + w.text,
          value: last.value === null || w.value === null ? null : last.value + w.value,
          start: last.start,
          end: w.end,
        };
      } else {
        out.push(w);
      }
      prevEnd = node.endIndex;
    }
    return out;
  }

  private assignment(n: Node, ctx: Ctx): SimpleCommand['assignments'][number] {
    let name = '';
    let value: ShellWord | null = null;
    let seenOp = false;
    for (const c of n.children) {
      const t = this.type(c);
      if (!seenOp && (t === 'variable_name' || t === 'subscript')) {
        name = this.slice(c);
        if (t === 'subscript') this.scanChildren(c, ctx);
      } else if (t === '=' || t === '+=') {
        seenOp = true;
      } else if (seenOp && value === null) {
        value = this.word(c, t, ctx);
      } else if (this.isNamedType(t)) {
        this.scan(c, t, ctx);
      }
    }
    return { name, value, start: this.pos(n.startIndex), end: this.pos(n.endIndex) };
  }

  /** `A=1` or `A=1 B=2` alone: a command with no name. */
  private bareAssignment(n: Node, t: string, ctx: Ctx, pipe: PipeRef | null): SimpleCommand {
    const assignments =
      t === 'variable_assignment'
        ? [this.assignment(n, ctx)]
        : n.children.filter((c) => this.type(c) === 'variable_assignment').map((c) => this.assignment(c, ctx));
    return this.pseudo(n, null, [], assignments, ctx, pipe);
  }

  /** `export A=1 B`, `declare -x A`, `local a`, `unset X`. */
  private declaration(n: Node, ctx: Ctx, pipe: PipeRef | null): SimpleCommand {
    let nameWord: ShellWord | null = null;
    const argNodes: Node[] = [];
    for (const c of n.children) {
      if (nameWord === null && !this.named(c)) {
        const s = this.slice(c);
        nameWord = { text: s, value: s, start: this.pos(c.startIndex), end: this.pos(c.endIndex) };
      } else if (this.type(c) !== 'comment') {
        argNodes.push(c);
      }
    }
    const args = argNodes.map((c) => {
      if (this.type(c) !== 'variable_assignment') return this.word(c, this.type(c), ctx);
      const a = this.assignment(c, ctx);
      const text = this.slice(c);
      const head = text.slice(0, a.value === null ? text.length : a.value.start - a.start);
      const v = a.value === null ? head : a.value.value === null ? null : head + a.value.value;
      return { text, value: v, start: a.start, end: a.end };
    });
    return this.pseudo(n, nameWord, args, [], ctx, pipe);
  }

  /** `[ ... ]`, `[[ ... ]]`, `(( ... ))`: name is the opening bracket, args the flattened operands. */
  private testCommand(n: Node, ctx: Ctx, pipe: PipeRef | null): SimpleCommand {
    const children = n.children;
    const open = children[0];
    let nameWord: ShellWord | null = null;
    const args: ShellWord[] = [];
    const close = children.length > 1 ? children[children.length - 1] : undefined;
    for (const c of children) {
      if (c === open) {
        const s = this.slice(c);
        nameWord = { text: s, value: s, start: this.pos(c.startIndex), end: this.pos(c.endIndex) };
      } else if (c === close && !this.named(c)) {
        continue;
      } else {
        this.flattenExpr(c, ctx, args);
      }
    }
    return this.pseudo(n, nameWord, args, [], ctx, pipe);
  }

  private flattenExpr(n: Node, ctx: Ctx, out: ShellWord[]): void {
    if (!this.enter()) return;
    try {
      this.flattenExprInner(n, ctx, out);
    } finally {
      this.nesting--;
    }
  }

  private flattenExprInner(n: Node, ctx: Ctx, out: ShellWord[]): void {
    const t = this.type(n);
    if (
      t === 'binary_expression' ||
      t === 'unary_expression' ||
      t === 'parenthesized_expression' ||
      t === 'postfix_expression' ||
      t === 'ternary_expression'
    ) {
      for (const c of n.children) this.flattenExpr(c, ctx, out);
    } else if (t === 'comment') {
      return;
    } else if (STATEMENT_TYPES.has(t)) {
      this.statement(n, t, ctx, null);
    } else {
      out.push(this.word(n, t, ctx));
    }
  }

  private pseudo(
    n: Node,
    nameWord: ShellWord | null,
    args: ShellWord[],
    assignments: SimpleCommand['assignments'],
    ctx: Ctx,
    pipe: PipeRef | null,
  ): SimpleCommand {
    const cmd: SimpleCommand = {
      name: nameWord === null ? null : nameWord.value,
      nameWord,
      args,
      assignments,
      redirects: [],
      start: this.pos(n.startIndex),
      end: this.pos(n.endIndex),
      connector: null,
      inPipeline: false,
      pipelineLast: false,
      conditional: ctx.conditional,
      inSubstitution: ctx.inSubstitution,
      inSubshell: ctx.inSubshell,
      heredocs: [],
      pipelineId: null,
      pipelineIndex: null,
      negated: ctx.negated,
      inHeredocScript: ctx.inHeredocScript,
    };
    if (pipe !== null) this.markStage(cmd, pipe);
    this.shared.commands.push(cmd);
    return cmd;
  }

  // ---------------------------------------------------------------- heredoc scripts

  private parseHeredocScript(rawStart: number, rawEnd: number, ctx: Ctx, bare: boolean): void {
    if (this.depth >= MAX_HEREDOC_DEPTH || rawEnd <= rawStart) return;
    const sub = new Walker(this.shared, this.text.slice(rawStart, rawEnd), this.pos(rawStart), Number.POSITIVE_INFINITY, 0, this.depth + 1);
    sub.nesting = this.nesting;
    sub.parseAndWalk({
      conditional: ctx.conditional,
      inSubstitution: ctx.inSubstitution,
      inSubshell: ctx.inSubshell,
      inHeredocScript: true,
      top: bare && ctx.top,
      negated: false,
    });
  }

  // ---------------------------------------------------------------- words

  private slice(n: Node): string {
    return this.text.slice(n.startIndex, n.endIndex);
  }

  private word(n: Node, t: string, ctx: Ctx): ShellWord {
    const s = n.startIndex;
    const e = n.endIndex;
    const text = this.text.slice(s, e);
    return { text, value: this.value(n, t, text, ctx), start: this.pos(s), end: this.pos(e) };
  }

  /** Static value after quote removal, or null when the word has an expansion. Walks substitutions. */
  private value(n: Node, t: string, text: string, ctx: Ctx): string | null {
    switch (t) {
      case 'word':
        return unescapeBare(text);
      case 'raw_string':
        return text.length >= 2 && text.endsWith("'") ? text.slice(1, -1) : text.slice(1);
      case 'ansi_c_string':
        return decodeAnsiC(text.length >= 3 && text.endsWith("'") ? text.slice(2, -1) : text.slice(2));
      case 'string':
      case 'translated_string': {
        let dynamic = false;
        for (const c of n.namedChildren) {
          const ct = this.type(c);
          if (ct === 'string_content') continue;
          if (ct === 'string') {
            // translated_string $"..." wraps a string
            return this.value(c, ct, this.slice(c), ctx);
          }
          dynamic = true;
          this.scan(c, ct, ctx);
        }
        if (dynamic) return null;
        const inner = text.startsWith('$') ? text.slice(1) : text;
        return unescapeDouble(inner.length >= 2 && inner.endsWith('"') ? inner.slice(1, -1) : inner.slice(1));
      }
      case 'number':
        if (n.childCount === 0) return text;
        this.scanChildren(n, ctx);
        return null;
      case 'command_name':
      case 'concatenation': {
        let out = '';
        let dynamic = false;
        for (const c of n.children) {
          const v = this.value(c, this.type(c), this.slice(c), ctx);
          if (v === null) dynamic = true;
          else out += v;
        }
        return dynamic ? null : out;
      }
      case 'variable_name':
      case 'special_variable_name':
      case 'extglob_pattern':
      case 'regex':
      case 'test_operator':
      case 'file_descriptor':
      case 'heredoc_start':
        return text;
      default:
        if (!this.isNamedType(t)) return text;
        this.scan(n, t, ctx);
        return null;
    }
  }

  /** Find command/process substitutions (and statements) below a non-statement node. */
  private scan(n: Node, t: string, ctx: Ctx): void {
    if (LEAF_TYPES.has(t)) return;
    if (!this.enter()) return;
    try {
      this.scanInner(n, t, ctx);
    } finally {
      this.nesting--;
    }
  }

  private scanInner(n: Node, t: string, ctx: Ctx): void {
    if (t === 'command_substitution' || t === 'process_substitution') {
      const inner: Ctx = { ...ctx, inSubstitution: true, top: false };
      this.seq(n.children, inner);
      return;
    }
    if (t === 'ERROR') this.shared.hasErrors = true;
    this.scanChildren(n, ctx);
  }

  private scanChildren(n: Node, ctx: Ctx): void {
    for (const c of n.children) {
      const ct = this.type(c);
      if (STATEMENT_TYPES.has(ct) && ct !== 'ERROR') this.statement(c, ct, ctx, null);
      else if (this.isNamedType(ct)) this.scan(c, ct, ctx);
    }
  }
}

// ------------------------------------------------------------------ helpers (pure)

function mergeCollected(a: CollectedRedirects, b: CollectedRedirects): CollectedRedirects {
  return {
    redirects: [...a.redirects, ...b.redirects],
    heredocs: [...a.heredocs, ...b.heredocs],
    heredocRaw: [...a.heredocRaw, ...b.heredocRaw],
    extraArgs: [...a.extraArgs, ...b.extraArgs],
    continuations: [...a.continuations, ...b.continuations],
  };
}

/** Does a shell command (`bash <<EOF`, `sh -s <<EOF`) run its stdin as a script? */
function runsAsScript(cmd: SimpleCommand): boolean {
  const name = cmd.name === null ? null : basename(cmd.name);
  if (name === null || !SHELLS.has(name)) return false;
  let i = 0;
  if (name === 'busybox') {
    const applet = cmd.args[0]?.value;
    if (applet === undefined || applet === null || !SHELLS.has(applet) || applet === 'busybox') return false;
    i = 1;
  }
  for (; i < cmd.args.length; i++) {
    const v = cmd.args[i]?.value;
    if (v === null || v === undefined) return false;
    if (v === '-s' || v === '-' || v === '--') return true;
    if (v === '-o' || v === '+o') {
      i++;
      continue;
    }
    if (v.startsWith('-') || v.startsWith('+')) {
      if (!v.startsWith('--') && v.slice(1).includes('c')) return false;
      continue;
    }
    return false; // a script file argument: the heredoc is that script's stdin
  }
  return true;
}

function parseFd(s: string): number | null {
  const n = Number.parseInt(s, 10);
  return Number.isNaN(n) ? null : n;
}

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function isContinuationGap(text: string, end: number, start: number): boolean {
  const gap = start - end;
  if (gap === 2) return text.charCodeAt(end) === 92 && text.charCodeAt(end + 1) === 10;
  if (gap === 3) return text.charCodeAt(end) === 92 && text.charCodeAt(end + 1) === 13 && text.charCodeAt(end + 2) === 10;
  return false;
}

/** Heredoc delimiter after quote removal: `'EOF'` -> EOF, `"E"OF` -> EOF, `\EOF` -> EOF. */
function heredocDelimiter(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') continue;
    if (c === '\\') {
      const next = s[i + 1];
      if (next !== undefined) out += next;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** `set` arguments that turn pipefail on (`-o pipefail`, `-eo pipefail`, `-euxo pipefail`). */
function setsPipefailArgs(args: readonly ShellWord[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value;
    if (v === null || v === undefined) continue;
    if (v === '--') return false;
    if (v.length > 1 && v.startsWith('-') && !v.startsWith('--') && v.includes('o')) {
      if (args[i + 1]?.value === 'pipefail') return true;
    }
  }
  return false;
}

/** A bare heredoc body runs as a shell script unless it starts with a non-shell shebang. */
function shebangIsShell(body: string): boolean {
  if (!body.startsWith('#!')) return true;
  const nl = body.indexOf('\n');
  const line = body.slice(2, nl < 0 ? body.length : nl).trim();
  const parts = line.split(/[ \t]+/);
  let interp = basename(parts[0] ?? '');
  if (interp === 'env') {
    interp = '';
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i] ?? '';
      if (p.startsWith('-') || p.includes('=')) continue;
      interp = basename(p);
      break;
    }
  }
  return SHELLS.has(interp) && interp !== 'busybox';
}

