/**
 * The only importer of dockerfile-ast. Converts its tree into our SyntaxTree, calling each
 * expensive accessor (getArguments, getFlags, ...) at most once per instruction.
 */
import {
  DockerfileParser,
  Arg as AstArg,
  Env as AstEnv,
  Label as AstLabel,
  JSONInstruction as AstJSONInstruction,
  ModifiableInstruction as AstModifiable,
  Onbuild as AstOnbuild,
} from 'dockerfile-ast';
import type { Argument as AstArgument, Instruction as AstInstruction, Property as AstProperty, Heredoc as AstHeredoc, Flag as AstFlag } from 'dockerfile-ast';
import type { Range } from '../core/types.js';
import type { LineIndex } from '../core/text.js';
import type { Comment, Directive, Flag, HeredocSyntax, Instruction, Property, SyntaxTree, Word } from './syntax.js';

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function convertFlag(f: AstFlag): Flag {
  const valueRange = f.getValueRange();
  return {
    name: f.getName(),
    value: f.getValue(),
    range: copyRange(f.getRange()),
    nameRange: copyRange(f.getNameRange()),
    valueRange: valueRange ? copyRange(valueRange) : null,
    options: f.getOptions().map((o) => ({ name: o.getName(), value: o.getValue(), range: copyRange(o.getRange()) })),
  };
}

function convertProperty(p: AstProperty): Property {
  const valueRange = p.getValueRange();
  return {
    name: p.getName(),
    value: p.getValue(),
    unescapedValue: p.getUnescapedValue(),
    range: copyRange(p.getRange()),
    nameRange: copyRange(p.getNameRange()),
    valueRange: valueRange ? copyRange(valueRange) : null,
    operator: p.getAssignmentOperator(),
  };
}

function convertHeredoc(h: AstHeredoc): HeredocSyntax {
  const content = h.getContentRange();
  const end = h.getDelimiterRange();
  return {
    name: h.getName(),
    startRange: copyRange(h.getStartRange()),
    nameRange: copyRange(h.getNameRange()),
    contentRange: content ? copyRange(content) : null,
    endRange: end ? copyRange(end) : null,
  };
}

/** `NAME` or `NAME=value` (value quotes removed) as a Property with exact ranges. */
function argWordProperty(w: Word): Property {
  const eq = w.value.indexOf('=');
  const start = w.range.start;
  if (eq < 0) return { name: w.value, value: null, unescapedValue: null, range: w.range, nameRange: w.range, valueRange: null, operator: null };
  const raw = w.value.slice(eq + 1);
  const value = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] ? raw.slice(1, -1) : raw;
  const sameLine = w.range.start.line === w.range.end.line;
  const nameEnd = { line: start.line, character: start.character + eq };
  return {
    name: w.value.slice(0, eq),
    value,
    unescapedValue: raw,
    range: w.range,
    nameRange: { start, end: nameEnd },
    valueRange: sameLine ? { start: { line: start.line, character: start.character + eq + 1 }, end: w.range.end } : null,
    operator: '=',
  };
}

interface HasHeredocs {
  getHeredocs(): AstHeredoc[];
}

function hasHeredocs(i: object): i is HasHeredocs {
  return typeof (i as Partial<HasHeredocs>).getHeredocs === 'function';
}

/**
 * dockerfile-ast re-tokenises an instruction's text on every getArguments()/getFlags()/
 * getHeredocs() call; its private getRawArguments() gives the same words (flags included) in one
 * pass, so we call it once and ask for flags and heredocs only when the words show there are any.
 */
interface RawArgs {
  getRawArguments(): AstArgument[];
}
function rawArguments(i: AstInstruction): AstArgument[] {
  // getRawArguments is private in dockerfile-ast's typings; it exists on every instruction.
  const r = i as unknown as Partial<RawArgs>;
  return typeof r.getRawArguments === 'function' ? r.getRawArguments() : i.getArguments();
}

function convertInstruction(i: AstInstruction, lines: LineIndex, depth: number): Instruction {
  const range = copyRange(i.getRange());
  const rawKeyword = i.getInstruction();
  const keyword = rawKeyword.toUpperCase();
  const raw = rawArguments(i);
  const mayHaveFlags = i instanceof AstModifiable && raw.length > 0 && (raw[0]?.getValue() ?? '').startsWith('--');
  const flags = mayHaveFlags && i instanceof AstModifiable ? i.getFlags().map(convertFlag) : [];
  const rest = flags.length > 0 ? raw.slice(flags.length) : raw;
  const args: Word[] = rest.map((a) => ({ value: a.getValue(), range: copyRange(a.getRange()) }));
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const first = args[0];
  const last = args[args.length - 1];
  const argsRange = first && last ? { start: first.range.start, end: last.range.end } : null;
  const argsStart = first ? lines.offsetAt(first.range.start) : end;

  let json: Word[] | null = null;
  if (i instanceof AstJSONInstruction && i.getOpeningBracket() && i.getClosingBracket()) {
    json = i.getJSONStrings().map((s) => ({ value: s.getJSONValue(), range: copyRange(s.getRange()) }));
  }

  let properties: Property[] = [];
  if (i instanceof AstArg) {
    if (args.length > 1) {
      // BuildKit accepts several declarations in one ARG (`ARG A=1 B=2`); dockerfile-ast returns
      // only one property, so split the words ourselves.
      properties = args.map(argWordProperty);
    } else {
      const p = i.getProperty();
      properties = p ? [convertProperty(p)] : [];
    }
  } else if (i instanceof AstEnv || i instanceof AstLabel) {
    properties = i.getProperties().map(convertProperty);
  }

  const mayHaveHeredocs = keyword !== 'ONBUILD' && rest.some((a) => a.getValue().includes('<<'));
  const heredocs = mayHaveHeredocs && hasHeredocs(i) ? i.getHeredocs().map(convertHeredoc) : [];

  let trigger: Instruction | null = null;
  if (i instanceof AstOnbuild && depth === 0) {
    const t = i.getTriggerInstruction();
    trigger = t ? convertInstruction(t, lines, depth + 1) : null;
  }

  return {
    keyword,
    rawKeyword,
    range,
    keywordRange: copyRange(i.getInstructionRange()),
    start,
    end,
    flags,
    args,
    argsRange,
    argsStart,
    json,
    properties,
    heredocs,
    trigger,
  };
}

/** Parse Dockerfile text. Never throws for any input string. */
export function parseDockerfile(text: string, lines: LineIndex): SyntaxTree {
  const df = DockerfileParser.parse(text);
  // dockerfile-ast reads any `# word ...=value` line at the top as a directive (so
  // `# hadolint global ignore=DL3006` becomes a "hadolint" directive); BuildKit's directive key is
  // one word followed by `=`. Lines that are not real directives stay comments.
  const directives: Directive[] = [];
  const topComments: Comment[] = [];
  for (const d of df.getDirectives()) {
    const range = copyRange(d.getRange());
    const lineText = lines.lineText(range.start.line);
    const hash = lineText.indexOf('#');
    const after = hash >= 0 ? lineText.slice(hash + 1) : lineText;
    if (!/^\s*[A-Za-z][A-Za-z0-9_-]*\s*=/.test(after)) {
      const content = after.trim();
      const startChar = hash >= 0 ? hash : 0;
      topComments.push({ content, range: { start: { line: range.start.line, character: startChar }, end: { line: range.start.line, character: lineText.trimEnd().length } } });
      continue;
    }
    directives.push({
      name: d.getName().toLowerCase(),
      rawName: d.getName(),
      value: d.getValue(),
      range,
      nameRange: copyRange(d.getNameRange()),
      valueRange: copyRange(d.getValueRange()),
    });
  }
  const comments: Comment[] = [...topComments, ...df.getComments().map((c) => ({ content: c.getContent(), range: copyRange(c.getRange()) }))];
  const instructions = df.getInstructions().map((i) => convertInstruction(i, lines, 0));
  return { text, escapeChar: df.getEscapeCharacter(), directives, comments, instructions };
}
