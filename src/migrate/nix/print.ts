/**
 * Deterministic pretty printer for the Nix AST in `ast.ts`.
 *
 * Layout: 2-space indentation; lists and attribute sets go on one line only when they are
 * short, have no comments and every element is itself one line; everything else is one
 * element per line. The same AST always prints to the same bytes (no clocks, no maps with
 * unstable order: entries print in the order given).
 *
 * Escaping (all of it lives here; AST strings hold raw text):
 * - "..." strings: `\` `"` `\n` `\r` `\t` are backslash-escaped, `${` becomes `\${`, and a `$`
 *   right before an interpolation becomes `\$` (Nix reads `$${` as a literal `$${`).
 * - ''...'' strings: `''` becomes `'''`, `${` becomes `''${`, a `$` right before an
 *   interpolation becomes `''$`. They are used only when the text ends with a newline, has no
 *   control characters other than `\n`/`\t`, no whitespace-only lines (Nix would strip them),
 *   at least one line that starts with a non-space (so indentation stripping is exact), and
 *   no `'` right before `$` (which would merge with the `''$`/`''${` escapes).
 * - Attribute names that are not plain identifiers (or are keywords) are quoted.
 * - Paths that are not valid path literals become `(./. + "/rest")`.
 */
import type { AttrEntry, Formal, LambdaParam, ListItem, NixExpr, NixFile, StrPart } from './ast.js';

const INDENT = '  ';
const MAX_WIDTH = 100;

const KEYWORDS = new Set(['if', 'then', 'else', 'assert', 'with', 'let', 'in', 'rec', 'inherit', 'or']);
const IDENT_RE = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/;
const PATH_SEGMENT_RE = /^[a-zA-Z0-9._+-]+$/;

export function printNixFile(file: NixFile): string {
  const header = file.header.flatMap((h) => commentLines(h, ''));
  const body = printExpr(file.body, 0, MAX_WIDTH);
  return (header.length > 0 ? header.join('\n') + '\n' : '') + body + '\n';
}

export function printNix(expr: NixExpr): string {
  return printExpr(expr, 0, MAX_WIDTH);
}

/** Is `name` usable as an attribute name without quotes? */
export function isPlainIdentifier(name: string): boolean {
  return IDENT_RE.test(name) && !KEYWORDS.has(name);
}

export function printAttrName(name: string): string {
  return isPlainIdentifier(name) ? name : escapeDoubleQuoted([name]);
}

// ---------------------------------------------------------------------------------------
// Strings

/** Adjacent text parts are joined first, so escapes see `$` next to a following `{`. */
function mergeParts(parts: readonly StrPart[]): StrPart[] {
  const out: StrPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

/** Render string parts as a "..." literal. */
export function escapeDoubleQuoted(rawParts: readonly StrPart[], indent = 0): string {
  const parts = mergeParts(rawParts);
  let out = '"';
  parts.forEach((part, i) => {
    if (typeof part === 'string') {
      let text = '';
      for (let k = 0; k < part.length; k++) {
        const ch = part[k] as string;
        const next = part[k + 1];
        if (ch === '\\') text += '\\\\';
        else if (ch === '"') text += '\\"';
        else if (ch === '\n') text += '\\n';
        else if (ch === '\r') text += '\\r';
        else if (ch === '\t') text += '\\t';
        else if (ch === '$' && next === '{') text += '\\$';
        else if (ch === '$' && next === undefined && isInterp(parts[i + 1])) text += '\\$';
        else text += ch;
      }
      out += text;
    } else {
      out += '${' + printExpr(part.interp, indent, MAX_WIDTH) + '}';
    }
  });
  return out + '"';
}

function isInterp(p: StrPart | undefined): boolean {
  return p !== undefined && typeof p !== 'string';
}

/** Whether the text of `parts` can be printed as an indented string without changing its value. */
export function canUseIndentedString(rawParts: readonly StrPart[]): boolean {
  const parts = mergeParts(rawParts);
  const flat = parts.map((p) => (typeof p === 'string' ? p : '\u0000I')).join('');
  // The placeholder \u0000I stands for an interpolation: it counts as non-whitespace content.
  const text = flat.replace(/\u0000I/g, 'I');
  if (!text.endsWith('\n')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return false;
  if (/'\$/.test(flat) || /'\u0000I/.test(flat)) return false;
  const lines = text.slice(0, -1).split('\n');
  let someLineStartsFlush = false;
  for (const line of lines) {
    if (line.length > 0 && line.trim().length === 0) return false;
    if (line.length > 0 && line[0] !== ' ') someLineStartsFlush = true;
  }
  return someLineStartsFlush;
}

/** Render as ''...''; the caller has checked `canUseIndentedString`. `indent` = column of the opening quotes' line. */
function printIndentedString(rawParts: readonly StrPart[], indent: number): string {
  const parts = mergeParts(rawParts);
  const pad = INDENT.repeat(indent + 1);
  let body = '';
  parts.forEach((part, i) => {
    if (typeof part === 'string') {
      for (let k = 0; k < part.length; k++) {
        const ch = part[k] as string;
        const next = part[k + 1];
        if (ch === "'" && next === "'") {
          body += "'''";
          k++;
        } else if (ch === '$' && next === '{') body += "''$";
        else if (ch === '$' && next === undefined && isInterp(parts[i + 1])) body += "''$";
        else body += ch;
      }
    } else {
      body += '${' + printExpr(part.interp, indent + 1, MAX_WIDTH) + '}';
    }
  });
  const lines = body.slice(0, -1).split('\n');
  return "''\n" + lines.map((l) => (l.length === 0 ? '' : pad + l)).join('\n') + '\n' + INDENT.repeat(indent) + "''";
}

// ---------------------------------------------------------------------------------------
// Expressions

type Ctx = 'top' | 'arg' | 'fn' | 'operand';

function needsParens(e: NixExpr, ctx: Ctx): boolean {
  if (ctx === 'top') return false;
  switch (e.kind) {
    case 'string':
    case 'bool':
    case 'null':
    case 'id':
    case 'select':
    case 'list':
    case 'attrs':
      return false;
    case 'path':
      return (e.root ?? '') !== '' || !isLiteralPath(e.relative);
    case 'int':
      return e.value < 0;
    case 'apply':
      return ctx === 'arg' || ctx === 'fn';
    case 'lambda':
    case 'let':
    case 'update':
    case 'concat':
      return true;
    default:
      return assertNever(e);
  }
}

function printIn(e: NixExpr, indent: number, budget: number, ctx: Ctx): string {
  if (needsParens(e, ctx)) return '(' + printExpr(e, indent, budget - 2) + ')';
  return printExpr(e, indent, budget);
}

function printExpr(e: NixExpr, indent: number, budget: number): string {
  switch (e.kind) {
    case 'string':
      if (e.multiline === true && canUseIndentedString(e.parts)) return printIndentedString(e.parts, indent);
      return escapeDoubleQuoted(e.parts, indent);
    case 'int':
      if (!Number.isSafeInteger(e.value)) throw new Error(`Nix integer out of range: ${e.value}`);
      return String(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'path':
      return printPath(e.relative, e.root ?? '');
    case 'id':
      if (!isPlainIdentifier(e.name)) throw new Error(`not a Nix identifier: ${JSON.stringify(e.name)}`);
      return e.name;
    case 'select':
      return (
        printIn(e.expr, indent, budget, 'fn') +
        e.path.map((p) => '.' + (typeof p === 'string' ? printAttrName(p) : '${' + printExpr(p.interp, indent, budget) + '}')).join('')
      );
    case 'list':
      return printList(e.items, indent, budget);
    case 'attrs':
      return printAttrs(e.entries, indent, budget, e.rec === true);
    case 'apply': {
      let out = printIn(e.fn, indent, budget, 'fn');
      for (const arg of e.args) {
        out += ' ' + printIn(arg, indent, Math.max(20, budget - lastLineLength(out) - 1), 'arg');
      }
      return out;
    }
    case 'lambda': {
      const head = printParam(e.param, indent) + ':';
      // A `let` body, or a parameter set spread over lines, starts the body on its own line.
      if (e.body.kind === 'let' || !isSingleLine(head)) return head + '\n' + INDENT.repeat(indent) + printExpr(e.body, indent, MAX_WIDTH - indent * 2);
      return head + ' ' + printExpr(e.body, indent, budget);
    }
    case 'let': {
      const pad = INDENT.repeat(indent);
      const inner = e.bindings.map((b) => printEntry(b, indent + 1)).join('\n');
      return 'let\n' + inner + '\n' + pad + 'in\n' + pad + printExpr(e.body, indent, MAX_WIDTH - indent * 2);
    }
    case 'update':
      return printIn(e.left, indent, budget, 'operand') + ' // ' + printIn(e.right, indent, budget, 'operand');
    case 'concat':
      return printIn(e.left, indent, budget, 'operand') + ` ${e.op} ` + printIn(e.right, indent, budget, 'operand');
    default:
      return assertNever(e);
  }
}

function isLiteralPath(relative: string): boolean {
  const rel = normalizeRelative(relative);
  if (rel === '') return true;
  return rel.split('/').every((s) => PATH_SEGMENT_RE.test(s) && s !== '..');
}

function normalizeRelative(relative: string): string {
  let rel = relative.replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (rel === '.') rel = '';
  return rel;
}

/**
 * A path literal. `relative` never leaves its base (no `..`); `root` is where that base is seen
 * from the Nix file (the build context when the output directory is elsewhere): leading `..`
 * steps, then plain segments, printed as `./.. + "/ctx/app.py"`.
 */
function printPath(relative: string, root = ''): string {
  const rel = normalizeRelative(relative);
  if (rel.split('/').includes('..')) throw new Error(`path leaves the build context: ${relative}`);
  if (root !== '') {
    const segs = root.split('/').filter((x) => x !== '' && x !== '.');
    let up = 0;
    while (segs[up] === '..') up++;
    const down = segs.slice(up);
    if (down.includes('..')) throw new Error(`context root is not normalised: ${root}`);
    const base = up === 0 ? './.' : './' + Array.from({ length: up }, () => '..').join('/');
    const tail = [...down, ...(rel === '' ? [] : [rel])].join('/');
    return tail === '' ? base : `${base} + ${escapeDoubleQuoted(['/' + tail])}`;
  }
  if (rel === '') return './.';
  if (isLiteralPath(rel)) return './' + rel;
  return './. + ' + escapeDoubleQuoted(['/' + rel]);
}

function lastLineLength(s: string): number {
  const i = s.lastIndexOf('\n');
  return i < 0 ? s.length : s.length - i - 1;
}

function isSingleLine(s: string): boolean {
  return !s.includes('\n');
}

function hasComments(x: ListItem | AttrEntry): boolean {
  if ('value' in x && !('kind' in x)) return x.trailing !== undefined || (x.leading?.length ?? 0) > 0;
  const entry = x as AttrEntry;
  if (entry.kind === 'comment') return true;
  return entry.trailing !== undefined || (entry.leading?.length ?? 0) > 0;
}

function printList(items: readonly ListItem[], indent: number, budget: number): string {
  if (items.length === 0) return '[ ]';
  if (!items.some(hasComments)) {
    const flat = items.map((it) => printIn(it.value, indent, MAX_WIDTH, 'arg'));
    const line = '[ ' + flat.join(' ') + ' ]';
    if (flat.every(isSingleLine) && line.length <= budget) return line;
  }
  const pad = INDENT.repeat(indent + 1);
  const lines: string[] = ['['];
  for (const it of items) {
    for (const c of it.leading ?? []) lines.push(...commentLines(c, pad));
    const value = printIn(it.value, indent + 1, MAX_WIDTH - (indent + 1) * 2, 'arg');
    lines.push(pad + value + trailingComment(it.trailing));
  }
  lines.push(INDENT.repeat(indent) + ']');
  return lines.join('\n');
}

function printAttrs(entries: readonly AttrEntry[], indent: number, budget: number, rec: boolean): string {
  const open = rec ? 'rec {' : '{';
  if (entries.length === 0) return open + ' }';
  if (entries.length <= 4 && entries.every((en) => !hasComments(en) && isSimpleEntry(en))) {
    const flat = entries.map((en) => printEntryFlat(en, indent));
    if (flat.every((f): f is string => f !== undefined)) {
      const line = open + ' ' + flat.join(' ') + ' }';
      if (line.length <= budget) return line;
    }
  }
  const inner = entries.map((en) => printEntry(en, indent + 1)).join('\n');
  return open + '\n' + inner + '\n' + INDENT.repeat(indent) + '}';
}

/** Only short scalar bindings may share a line with their braces. */
function isSimpleEntry(entry: AttrEntry): boolean {
  if (entry.kind === 'inherit') return true;
  if (entry.kind !== 'binding') return false;
  const v = entry.value;
  switch (v.kind) {
    case 'string':
    case 'int':
    case 'bool':
    case 'null':
    case 'path':
    case 'id':
    case 'select':
      return true;
    case 'attrs':
    case 'list':
      return v.kind === 'attrs' ? v.entries.length === 0 : v.items.length === 0;
    default:
      return false;
  }
}

function printEntryFlat(entry: AttrEntry, indent: number): string | undefined {
  const s = printEntryCore(entry, indent);
  return s !== undefined && isSingleLine(s) ? s : undefined;
}

function printEntryCore(entry: AttrEntry, indent: number): string | undefined {
  switch (entry.kind) {
    case 'comment':
      return undefined;
    case 'inherit': {
      const from = entry.from === undefined ? '' : ' (' + printExpr(entry.from, indent, MAX_WIDTH) + ')';
      return 'inherit' + from + ' ' + entry.names.map(printAttrName).join(' ') + ';';
    }
    case 'binding': {
      if (entry.path.length === 0) throw new Error('empty attribute path');
      const key = entry.path.map(printAttrName).join('.');
      const budget = MAX_WIDTH - indent * 2 - key.length - 4;
      return key + ' = ' + printExpr(entry.value, indent, budget) + ';';
    }
    default:
      return assertNever(entry);
  }
}

function printEntry(entry: AttrEntry, indent: number): string {
  const pad = INDENT.repeat(indent);
  if (entry.kind === 'comment') {
    if (entry.lines.length === 0) return '';
    return entry.lines.flatMap((l) => commentLines(l, pad)).join('\n');
  }
  const lead = (entry.leading ?? []).flatMap((l) => commentLines(l, pad));
  const core = printEntryCore(entry, indent) ?? '';
  return [...lead, pad + core + trailingComment(entry.trailing)].join('\n');
}

function printParam(p: LambdaParam, indent: number): string {
  if (p.kind === 'id') {
    if (!isPlainIdentifier(p.name)) throw new Error(`not a Nix identifier: ${p.name}`);
    return p.name;
  }
  const flat = p.formals.map((f) => printFormal(f, indent));
  const simple = p.formals.every((f) => (f.leading?.length ?? 0) === 0) && flat.every(isSingleLine);
  const tail = p.ellipsis === true ? ['...'] : [];
  const oneLine = '{ ' + [...flat, ...tail].join(', ') + ' }';
  if (p.formals.length === 0 && tail.length === 0) return '{ }';
  if (simple && oneLine.length <= MAX_WIDTH - indent * 2) return oneLine;
  const pad = INDENT.repeat(indent + 1);
  const lines = ['{'];
  for (const f of p.formals) {
    for (const c of f.leading ?? []) lines.push(...commentLines(c, pad));
    lines.push(pad + printFormal(f, indent + 1) + ',');
  }
  if (p.ellipsis === true) lines.push(pad + '...');
  lines.push(INDENT.repeat(indent) + '}');
  return lines.join('\n');
}

function printFormal(f: Formal, indent: number): string {
  if (!isPlainIdentifier(f.name)) throw new Error(`not a Nix identifier: ${f.name}`);
  return f.default === undefined ? f.name : f.name + ' ? ' + printExpr(f.default, indent, MAX_WIDTH - indent * 2);
}

/** Comment text may contain newlines; each becomes its own `#` line. */
function commentLines(text: string, pad: string): string[] {
  return text.split(/\r?\n/).map((l) => (l.length === 0 ? pad + '#' : pad + '# ' + l.replace(/\s+$/, '')));
}

function trailingComment(text: string | undefined): string {
  if (text === undefined) return '';
  return ' # ' + text.replace(/\s*\r?\n\s*/g, ' ').replace(/\s+$/, '');
}

function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`);
}
