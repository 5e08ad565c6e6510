/**
 * Inline pragmas: `# hadolint ignore=DL3008,DL3015` (next instruction), `# hadolint global ignore=...`,
 * `# hadolint shell=powershell`, the same with `dockwise` for `hadolint`, and BuildKit's
 * `# check=skip=A,B;error=true` parser directive.
 */
import type { Range } from '../core/types.js';
import type { Comment, Directive } from '../parse/syntax.js';

export interface PragmaCode {
  code: string;
  range: Range;
}

export type Pragma =
  | { kind: 'ignore'; tool: 'hadolint' | 'dockwise'; codes: PragmaCode[]; range: Range; /** 0-based line of the instruction it covers, or -1 */ targetLine: number }
  | { kind: 'global-ignore'; tool: 'hadolint' | 'dockwise'; codes: PragmaCode[]; range: Range }
  | { kind: 'shell'; tool: 'hadolint' | 'dockwise'; shell: string; range: Range };

export interface CheckDirective {
  /** Checks to skip; `all` skips every BuildKit check. */
  skip: ReadonlySet<string>;
  skipAll: boolean;
  error: boolean;
  range: Range;
}

const PRAGMA_RE = /^(hadolint|dockwise)\s+(global\s+)?(ignore|shell)\s*=\s*(.*)$/i;

/** Parse a comment's content into a pragma, or null when it is not one. */
export function parsePragma(comment: Comment): Omit<Extract<Pragma, { kind: 'ignore' }>, 'targetLine'> | Exclude<Pragma, { kind: 'ignore' }> | null {
  const content = comment.content.trim();
  const m = PRAGMA_RE.exec(content);
  if (!m) return null;
  const tool = (m[1] ?? '').toLowerCase() === 'hadolint' ? 'hadolint' : 'dockwise';
  const global = Boolean(m[2]);
  const what = (m[3] ?? '').toLowerCase();
  const value = m[4] ?? '';
  if (what === 'shell') {
    return { kind: 'shell', tool, shell: value.trim(), range: comment.range };
  }
  // Locate each code in the comment line for exact ranges.
  const codes: PragmaCode[] = [];
  const valueOffsetInContent = content.length - value.length;
  const contentStart = comment.range.start.character + (comment.range.end.character - comment.range.start.character - comment.content.length);
  let pos = 0;
  for (const part of value.split(',')) {
    const code = part.trim();
    const idx = value.indexOf(part, pos) + (part.length - part.trimStart().length);
    pos += part.length + 1;
    if (!code) continue;
    // Stop at trailing commentary (`DL3008 # reason`).
    const token = code.split(/\s/)[0] ?? code;
    const ch = contentStart + valueOffsetInContent + idx;
    codes.push({
      code: token,
      range: { start: { line: comment.range.start.line, character: ch }, end: { line: comment.range.start.line, character: ch + token.length } },
    });
    if (token !== code) break;
  }
  return global ? { kind: 'global-ignore', tool, codes, range: comment.range } : { kind: 'ignore', tool, codes, range: comment.range };
}

/** Parse BuildKit's `# check=skip=A,B;error=true` directive. */
export function parseCheckDirective(d: Directive): CheckDirective {
  const skip = new Set<string>();
  let skipAll = false;
  let error = false;
  for (const part of d.value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const val = part.slice(eq + 1).trim();
    if (key === 'skip') {
      for (const name of val.split(',')) {
        const n = name.trim();
        if (n.toLowerCase() === 'all') skipAll = true;
        else if (n) skip.add(n);
      }
    } else if (key === 'error') {
      error = val.toLowerCase() === 'true';
    }
  }
  return { skip, skipAll, error, range: d.range };
}
