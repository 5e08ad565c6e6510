/**
 * A tiny Nix AST: just the constructs the migration emitters need.
 *
 * Pure data plus constructor helpers. The printer (`print.ts`) turns it into text that
 * parses with `nix-instantiate --parse`; every escaping decision lives there, so callers
 * put raw text in string parts and never pre-escape anything.
 */

/** A piece of a string literal: raw text, or an interpolated expression `${...}`. */
export type StrPart = string | { interp: NixExpr };

export type NixExpr =
  | { kind: 'string'; parts: readonly StrPart[]; /** prefer `''...''` when the text allows it */ multiline?: boolean }
  | { kind: 'int'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  /** A path relative to the directory of the emitted file: "" or "." for `./.`, "app.py" for `./app.py`. */
  | { kind: 'path'; relative: string; /** Path from the Nix file's directory to the base of `relative` (`..`, `../app`); '' = the same directory. */ root?: string }
  | { kind: 'id'; name: string }
  /** `expr.a.b`; an `{ interp }` segment prints as `.${...}` */
  | { kind: 'select'; expr: NixExpr; path: readonly (string | { interp: NixExpr })[] }
  | { kind: 'list'; items: readonly ListItem[] }
  | { kind: 'attrs'; entries: readonly AttrEntry[]; rec?: boolean }
  /** `fn arg1 arg2 ...` */
  | { kind: 'apply'; fn: NixExpr; args: readonly NixExpr[] }
  | { kind: 'lambda'; param: LambdaParam; body: NixExpr }
  | { kind: 'let'; bindings: readonly AttrEntry[]; body: NixExpr }
  /** `a // b` */
  | { kind: 'update'; left: NixExpr; right: NixExpr }
  /** `a + b` (used for `./. + "/odd name"` paths and list concatenation) */
  | { kind: 'concat'; op: '+' | '++'; left: NixExpr; right: NixExpr };

export interface ListItem {
  value: NixExpr;
  /** Whole-line comments printed above the item. */
  leading?: readonly string[];
  /** A comment printed after the item on the same line. */
  trailing?: string;
}

export type AttrEntry =
  | {
      kind: 'binding';
      /** Attribute path, e.g. ["config", "Cmd"]; names that are not identifiers get quoted. */
      path: readonly string[];
      value: NixExpr;
      leading?: readonly string[];
      trailing?: string;
    }
  | {
      kind: 'inherit';
      from?: NixExpr;
      names: readonly string[];
      leading?: readonly string[];
      trailing?: string;
    }
  /** A standalone comment line (or a blank line when `lines` is empty) between entries. */
  | { kind: 'comment'; lines: readonly string[] };

export type LambdaParam =
  | { kind: 'id'; name: string }
  | { kind: 'formals'; formals: readonly Formal[]; ellipsis?: boolean };

export interface Formal {
  name: string;
  default?: NixExpr;
  leading?: readonly string[];
}

/** A complete file: header comments, then one expression. */
export interface NixFile {
  header: readonly string[];
  body: NixExpr;
}

// ---------------------------------------------------------------------------------------
// Constructors (keep emitter code short and readable)

export const str = (...parts: StrPart[]): NixExpr => ({ kind: 'string', parts });
export const ml = (...parts: StrPart[]): NixExpr => ({ kind: 'string', parts, multiline: true });
export const int = (value: number): NixExpr => ({ kind: 'int', value });
export const bool = (value: boolean): NixExpr => ({ kind: 'bool', value });
export const nul: NixExpr = { kind: 'null' };
export const id = (name: string): NixExpr => ({ kind: 'id', name });
export const path = (relative: string, root = ''): NixExpr => (root === '' ? { kind: 'path', relative } : { kind: 'path', relative, root });
export const interp = (e: NixExpr): StrPart => ({ interp: e });

/** `a.b.c` from a dotted string; the first segment is an identifier. */
export function sel(dotted: string): NixExpr {
  const parts = dotted.split('.');
  const head = parts[0] ?? dotted;
  return parts.length === 1 ? id(head) : { kind: 'select', expr: id(head), path: parts.slice(1) };
}

export function selOn(expr: NixExpr, ...path: (string | { interp: NixExpr })[]): NixExpr {
  return { kind: 'select', expr, path };
}

export function list(items: readonly (NixExpr | ListItem)[]): NixExpr {
  return { kind: 'list', items: items.map(toListItem) };
}

function toListItem(x: NixExpr | ListItem): ListItem {
  return 'value' in x && !('kind' in x) ? x : { value: x as NixExpr };
}

export function item(value: NixExpr, trailing?: string, leading?: readonly string[]): ListItem {
  const out: ListItem = { value };
  if (trailing !== undefined) out.trailing = trailing;
  if (leading !== undefined && leading.length > 0) out.leading = leading;
  return out;
}

export function bind(
  key: string | readonly string[],
  value: NixExpr,
  opts: { trailing?: string; leading?: readonly string[] } = {},
): AttrEntry {
  const entry: AttrEntry = { kind: 'binding', path: typeof key === 'string' ? [key] : key, value };
  if (opts.trailing !== undefined) entry.trailing = opts.trailing;
  if (opts.leading !== undefined && opts.leading.length > 0) entry.leading = opts.leading;
  return entry;
}

export const comment = (...lines: string[]): AttrEntry => ({ kind: 'comment', lines });
export const blank: AttrEntry = { kind: 'comment', lines: [] };

export function attrs(entries: readonly AttrEntry[], rec = false): NixExpr {
  return rec ? { kind: 'attrs', entries, rec } : { kind: 'attrs', entries };
}

export function apply(fn: NixExpr, ...args: NixExpr[]): NixExpr {
  return { kind: 'apply', fn, args };
}

export function lambda(param: string | LambdaParam, body: NixExpr): NixExpr {
  return { kind: 'lambda', param: typeof param === 'string' ? { kind: 'id', name: param } : param, body };
}

export function letIn(bindings: readonly AttrEntry[], body: NixExpr): NixExpr {
  return bindings.length === 0 ? body : { kind: 'let', bindings, body };
}
