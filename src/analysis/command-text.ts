/**
 * A small shell reader for the shell text the model does not analyse: shell-form CMD, ENTRYPOINT
 * and HEALTHCHECK, and the script of `sh -c "..."` in exec-form instructions. It splits the text
 * into simple commands (the same `SimpleCommand` shape the tree-sitter parser gives for RUN) so
 * that the shell queries and recognisers work on them. It only needs to find which programs run:
 * words are split on blanks with quotes, escapes, `$(...)`, backticks and `${...}` kept inside a
 * word; `&&`, `||`, `;`, `|`, `&`, newlines and parentheses separate commands; redirections are
 * set aside; `if`/`while`/`until` bodies and commands after `||` are marked conditional. Commands
 * inside `$(...)` are not reported. One pass over the text (linear time).
 */
import type { Connector, ShellWord, SimpleCommand } from '../shell/types.js';

/** A word while reading: raw text, value (null when it has an expansion), and where it is. */
interface RawWord {
  text: string;
  value: string | null;
  start: number;
  end: number;
  /** True when the word was written with quotes or escapes (a keyword must be bare). */
  quoted: boolean;
}

type Token = { kind: 'word'; word: RawWord } | { kind: 'op'; op: string; start: number; end: number };

const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')', '\n'] as const;
const REDIRECT = /^(?:\d*(?:>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)|&>>|&>)/;

/** Split text into words and operators. `offset` is added to every position. */
function tokenize(text: string, offset: number): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      out.push({ kind: 'op', op, start: offset + i, end: offset + i + op.length });
      i += op.length;
      continue;
    }
    // A word: read until an unquoted blank or operator.
    const start = i;
    let value = '';
    let dynamic = false;
    let quoted = false;
    while (i < n) {
      const ch = text[i] ?? '';
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')') {
        // `>&` and `2>&1` keep their `&` inside the word.
        if (ch === '&' && i > start && (text[i - 1] === '>' || text[i - 1] === '<')) {
          value += ch;
          i++;
          continue;
        }
        break;
      }
      if (ch === '\\') {
        quoted = true;
        if (text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        value += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (ch === "'") {
        quoted = true;
        const close = text.indexOf("'", i + 1);
        const end = close < 0 ? n : close;
        value += text.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        i++;
        while (i < n && text[i] !== '"') {
          const d = text[i] ?? '';
          if (d === '\\' && i + 1 < n) {
            value += text[i + 1] ?? '';
            i += 2;
            continue;
          }
          if (d === '$' || d === '`') {
            dynamic = true;
            i = skipExpansion(text, i);
            continue;
          }
          value += d;
          i++;
        }
        i++;
        continue;
      }
      if (ch === '$' || ch === '`') {
        dynamic = true;
        i = skipExpansion(text, i);
        continue;
      }
      value += ch;
      i++;
    }
    if (i === start) {
      i++;
      continue;
    }
    out.push({ kind: 'word', word: { text: text.slice(start, i), value: dynamic ? null : value, start: offset + start, end: offset + Math.min(i, n), quoted } });
  }
  return out;
}

/** Index after the expansion starting at `i` (`$(...)`, `${...}`, `` `...` ``, `$name`). */
function skipExpansion(text: string, i: number): number {
  const n = text.length;
  if (text[i] === '`') {
    const close = text.indexOf('`', i + 1);
    return close < 0 ? n : close + 1;
  }
  const next = text[i + 1];
  if (next === '(' || next === '{') {
    const open = next;
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    for (let j = i + 1; j < n; j++) {
      const ch = text[j];
      if (ch === open) depth++;
      else if (ch === close) {
        depth--;
        if (depth === 0) return j + 1;
      } else if (ch === "'") {
        const q = text.indexOf("'", j + 1);
        j = q < 0 ? n : q;
      }
    }
    return n;
  }
  let j = i + 1;
  if (j < n && /[@*#?$!0-9-]/.test(text[j] ?? '')) return j + 1;
  while (j < n && /[A-Za-z0-9_]/.test(text[j] ?? '')) j++;
  return j;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Reserved words that open a conditional body, and words that are only syntax. */
const CONDITION_OPENERS = new Set(['if', 'while', 'until']);
const SKIPPED_KEYWORDS = new Set(['then', 'else', 'do', '!', '{', '}', 'fi', 'done', 'esac', 'in']);

const toShellWord = (w: RawWord): ShellWord => ({ text: w.text, value: w.value, start: w.start, end: w.end });

/**
 * The simple commands of a shell text, in order. Offsets are `offset` + index in `text`. Commands
 * inside `for`/`case` headers are skipped (their words are not programs); their bodies are read.
 */
export function parseShellText(text: string, offset = 0): SimpleCommand[] {
  const tokens = tokenize(text, offset);
  const commands: SimpleCommand[] = [];
  let words: RawWord[] = [];
  let conditionDepth = 0;
  let afterOr = false;
  let skipHeader = false;
  let pipelineId = 0;
  let pipeIndex = 0;
  let inPipe = false;
  let subshell = 0;

  const flush = (connector: Connector): void => {
    const list = words;
    words = [];
    if (skipHeader) {
      skipHeader = false;
      return;
    }
    // Leading keywords.
    let k = 0;
    let conditional = conditionDepth > 0 || afterOr;
    for (;;) {
      const w = list[k];
      if (!w || w.quoted || w.value === null) break;
      if (CONDITION_OPENERS.has(w.value)) {
        conditionDepth++;
        conditional = true;
        k++;
        continue;
      }
      if (w.value === 'elif') {
        conditional = true;
        k++;
        continue;
      }
      if (w.value === 'fi' || w.value === 'done') {
        conditionDepth = Math.max(0, conditionDepth - 1);
        k++;
        continue;
      }
      if (SKIPPED_KEYWORDS.has(w.value) || w.value === 'time') {
        k++;
        continue;
      }
      if (w.value === 'for' || w.value === 'case' || w.value === 'select' || w.value === 'function') return;
      break;
    }
    const rest = list.slice(k);
    if (rest.length === 0) return;
    const assignments: SimpleCommand['assignments'] = [];
    const redirects: SimpleCommand['redirects'] = [];
    const args: ShellWord[] = [];
    let nameWord: ShellWord | null = null;
    for (let j = 0; j < rest.length; j++) {
      const w = rest[j];
      if (!w) continue;
      const m = w.quoted ? null : REDIRECT.exec(w.text);
      if (m) {
        const opText = m[0];
        const targetText = w.text.slice(opText.length);
        let target: ShellWord | null = null;
        let end = w.end;
        if (targetText !== '') {
          target = { text: targetText, value: w.value === null ? null : w.value.slice(opText.length), start: w.start + opText.length, end: w.end };
        } else {
          const next = rest[j + 1];
          if (next) {
            target = toShellWord(next);
            end = next.end;
            j++;
          }
        }
        const fdMatch = /^\d+/.exec(opText);
        redirects.push({ operator: opText.replace(/^\d+/, ''), target, start: w.start, end, fd: fdMatch ? Number(fdMatch[0]) : null });
        continue;
      }
      if (nameWord === null && args.length === 0 && ASSIGNMENT.test(w.text)) {
        const eq = w.text.indexOf('=');
        const valueText = w.text.slice(eq + 1);
        assignments.push({
          name: w.text.slice(0, eq),
          value: valueText === '' ? null : { text: valueText, value: w.value === null ? null : w.value.slice(eq + 1), start: w.start + eq + 1, end: w.end },
          start: w.start,
          end: w.end,
        });
        continue;
      }
      if (nameWord === null) nameWord = toShellWord(w);
      else args.push(toShellWord(w));
    }
    const first = rest[0];
    const last = rest[rest.length - 1];
    if (!first || !last) return;
    const piped = connector === '|' || connector === '|&' || inPipe;
    commands.push({
      name: nameWord ? nameWord.value : null,
      nameWord,
      args,
      assignments,
      redirects,
      start: first.start,
      end: last.end,
      connector,
      inPipeline: piped,
      pipelineLast: inPipe && connector !== '|' && connector !== '|&',
      conditional,
      inSubstitution: false,
      inSubshell: subshell > 0,
      heredocs: [],
      pipelineId: piped ? pipelineId : null,
      pipelineIndex: piped ? pipeIndex : null,
      negated: false,
      inHeredocScript: false,
    });
  };

  for (const t of tokens) {
    if (t.kind === 'word') {
      if (words.length === 0 && !t.word.quoted && (t.word.value === 'for' || t.word.value === 'case' || t.word.value === 'select')) skipHeader = true;
      words.push(t.word);
      continue;
    }
    const op = t.op;
    if (op === '(') {
      if (words.length > 0) flush(null);
      subshell++;
      continue;
    }
    if (op === ')') {
      if (words.length > 0) flush(null);
      subshell = Math.max(0, subshell - 1);
      continue;
    }
    const connector: Connector = op === '\n' ? 'newline' : op === ';;' ? ';' : (op as Connector);
    flush(connector);
    if (op === '|' || op === '|&') {
      if (!inPipe) {
        pipelineId++;
        pipeIndex = 0;
      }
      inPipe = true;
      pipeIndex++;
    } else {
      inPipe = false;
      pipeIndex = 0;
    }
    afterOr = op === '||' || ((op === '|' || op === '|&') && afterOr);
  }
  flush(null);
  return commands;
}

/** A JSON array of strings read from text, with each string's offsets (quotes included). */
export interface JsonString {
  value: string;
  start: number;
  end: number;
  /** True when the string has no escapes: character `i` of `value` is at `start + 1 + i`. */
  plain: boolean;
}

/**
 * Read `["a", "b"]` at the start of `text` (after blanks). Returns null when the text is not a
 * JSON array of strings. Offsets are `offset` + index in `text`.
 */
export function parseJsonStrings(text: string, offset = 0): JsonString[] | null {
  let i = 0;
  const n = text.length;
  const blank = (): void => {
    while (i < n && /[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  blank();
  if (text[i] !== '[') return null;
  i++;
  const out: JsonString[] = [];
  blank();
  if (text[i] === ']') return out;
  for (;;) {
    blank();
    if (text[i] !== '"') return null;
    const start = i;
    i++;
    let value = '';
    let plain = true;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') {
        plain = false;
        const e = text[i + 1] ?? '';
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
        if (e === 'u') {
          value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16) || 0);
          i += 6;
          continue;
        }
        value += map[e] ?? e;
        i += 2;
        continue;
      }
      value += text[i] ?? '';
      i++;
    }
    if (i >= n) return null;
    i++;
    out.push({ value, start: offset + start, end: offset + i, plain });
    blank();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') return out;
    return null;
  }
}
