/**
 * Terminal display helpers for the stylish formatter: printable text, display width of code points,
 * tab expansion and a clipped, caret-underlined code frame line.
 */

/** Columns per tab stop when expanding tabs in code frames. */
export const TAB_WIDTH = 4;

const REPLACEMENT = '\uFFFD';

/** C0/C1 controls (except tab) and bidi overrides/isolates: never sent raw to a terminal. */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Makes text safe for one terminal line: line breaks and tabs become spaces, and characters that
 * would corrupt or spoof the output (escape sequences, bidi overrides) become U+FFFD.
 */
export function printable(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(UNSAFE, REPLACEMENT);
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns a single (already printable) code point occupies in a terminal. */
export function codePointWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (isWide(cp) || EMOJI_PRESENTATION.test(ch)) return 2;
  return 1;
}

/** Display width of printable text without tabs. */
export function stringWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += codePointWidth(ch);
  return w;
}

export function padEndTo(text: string, width: number): string {
  const w = stringWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

interface Cell {
  glyph: string;
  col: number;
  width: number;
}

interface LaidOutLine {
  cells: Cell[];
  /** Display column at each UTF-16 index (length = text.length + 1). */
  colAt: number[];
  width: number;
}

/** Lays a source line out in display columns, expanding tabs to TAB_WIDTH stops. */
function layout(text: string): LaidOutLine {
  const cells: Cell[] = [];
  const colAt: number[] = new Array<number>(text.length + 1).fill(0);
  let col = 0;
  let i = 0;
  for (const ch of text) {
    colAt[i] = col;
    if (ch.length === 2) colAt[i + 1] = col;
    let glyph: string;
    let width: number;
    if (ch === '\t') {
      width = TAB_WIDTH - (col % TAB_WIDTH);
      glyph = ' '.repeat(width);
    } else {
      glyph = printable(ch);
      width = codePointWidth(glyph);
    }
    cells.push({ glyph, col, width });
    col += width;
    i += ch.length;
  }
  colAt[text.length] = col;
  return { cells, colAt, width: col };
}

export interface FrameOptions {
  /** Maximum display width of the rendered code (ellipses included). */
  maxWidth: number;
  /** Columns of context kept before the range when the start of a long line is cut. */
  context: number;
}

export const DEFAULT_FRAME: FrameOptions = { maxWidth: 100, context: 20 };

export interface FrameLine {
  code: string;
  /** Spaces then `^~~~` aligned under `code`. */
  underline: string;
}

/**
 * Renders one source line with an underline for UTF-16 range [start, end) on it.
 * `end` beyond the line is clamped to the end of the line; an empty range gets a single caret.
 */
export function frameLine(text: string, start: number, end: number, opts: FrameOptions = DEFAULT_FRAME): FrameLine {
  const { cells, colAt, width: total } = layout(text);
  const clampIdx = (n: number): number => Math.max(0, Math.min(n, text.length));
  const s = colAt[clampIdx(start)] ?? 0;
  let e = colAt[clampIdx(end)] ?? s;
  if (e <= s) e = s + 1;

  const max = Math.max(opts.maxWidth, 8);
  let winStart = 0;
  let winEnd = total;
  let lead = false;
  let trail = false;
  if (total > max) {
    if (Math.min(e, s + opts.context) <= max - 1) {
      winEnd = max - 1;
      trail = true;
    } else {
      winStart = Math.max(0, s - opts.context);
      lead = winStart > 0;
      winEnd = winStart + max - (lead ? 1 : 0);
      if (winEnd >= total) {
        winEnd = total;
        winStart = Math.max(0, total - (max - 1));
        lead = winStart > 0;
      } else {
        winEnd -= 1;
        trail = true;
      }
    }
  }

  let code = lead ? '…' : '';
  for (const cell of cells) {
    const cellEnd = cell.col + cell.width;
    if (cellEnd <= winStart || cell.col >= winEnd) continue;
    if (cell.col >= winStart && cellEnd <= winEnd) code += cell.glyph;
    else code += ' '.repeat(Math.min(cellEnd, winEnd) - Math.max(cell.col, winStart));
  }
  if (trail) code += '…';

  const from = Math.max(s, winStart);
  const to = Math.max(from + 1, Math.min(e, trail ? winEnd : Math.max(winEnd, e)));
  const offset = (lead ? 1 : 0) + (from - winStart);
  const underline = ' '.repeat(offset) + '^' + '~'.repeat(to - from - 1);
  return { code, underline };
}
