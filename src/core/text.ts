import type { Position, Range } from './types.js';

/** Offsets where the lines of `text` start: 0, and after each \n, \r\n and lone \r. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // No carriage return (most files): every line ends at a \n, which indexOf finds natively
    // (a third of the time of the loop below over the corpus, where this runs once per file).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Maps between UTF-16 offsets and 0-based line/character positions of one text. */
export class LineIndex {
  readonly lineStarts: readonly number[];
  readonly length: number;

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
    this.length = text.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.lineStarts[lo] ?? 0) };
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[p.line] ?? 0;
    const next = p.line + 1 < this.lineStarts.length ? (this.lineStarts[p.line + 1] ?? this.length) : this.length;
    return Math.min(start + Math.max(0, p.character), next);
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Text of line `line` without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    let end = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] ?? this.length) : this.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  /** Range covering the whole of one line's text (without its terminator). */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineText(line).length } };
  }
}
