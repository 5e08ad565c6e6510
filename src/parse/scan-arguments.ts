/**
 * dockerfile-ast's argument scan (`Instruction#getRawArguments` in dockerfile-ast 0.7.1) on plain
 * text, step for step, so that it gives the same words with the same offsets.
 *
 * Why a copy: the original builds every word one character at a time (`escapedArg + char`), one
 * string per character of the file's RUN scripts (about 2 million on the corpus), which made it
 * the most expensive function of the whole parse. This scanner walks the same states but keeps
 * the characters copied as they are as a pending slice of the text and joins them in one step, so
 * a plain word costs one slice. Its quirks are kept on purpose (an escaped `$` keeps its escape,
 * `\` + blanks + line break continues the word, a `#` line inside a continuation is skipped...).
 *
 * test/parse/memo-arguments.test.ts compares it with the original on tricky inputs, every fixture,
 * random Dockerfile-like text and every corpus file.
 */

/** Receives each word: its value and its [start, end) offsets in the scanned text. */
export type EmitArgument = (value: string, start: number, end: number) => void;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const DOLLAR = 36;
const HASH = 35;

/**
 * Scan `text` (an instruction's text after its keyword) into words, as dockerfile-ast does with
 * escape character `escapeChar`, calling `emit` for each in order.
 */
export function scanArguments(text: string, escapeChar: string, emit: EmitArgument): void {
  const n = text.length;
  // dockerfile-ast compares one-character strings with the escape character.
  const esc = escapeChar.length === 1 ? escapeChar.charCodeAt(0) : -1;
  // From a position on, the characters that are neither blanks nor the escape character, which is
  // a backslash or a backtick in dockerfile-ast (its escape directive allows no other). A new
  // RegExp per call: its lastIndex is local state.
  const plain = escapeChar === '\\' ? /[^ \t\r\n\\]+/y : escapeChar === '`' ? /[^ \t\r\n`]+/y : null;
  // The original's state variables, same names and meaning.
  let start = false;
  let comment = false;
  let found = -1;
  let escapedWhitespaceDetected = false;
  let escaping = false;
  let escapeMarker = -1;
  // The original's `escapedArg` is `value + text.slice(runStart, runEnd)` (no pending run when
  // runStart < 0): characters taken from the text as they are extend the run while they are
  // consecutive.
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  const append = (from: number, to: number): void => {
    if (runStart >= 0 && runEnd === from) {
      runEnd = to;
      return;
    }
    if (runStart >= 0) value += text.slice(runStart, runEnd);
    runStart = from;
    runEnd = to;
  };
  const take = (): string => {
    const v = runStart >= 0 ? value + text.slice(runStart, runEnd) : value;
    value = '';
    runStart = -1;
    return v;
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR || c === LF) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (c === CR || c === LF) {
          // reached a newline, any previously detected whitespace should be ignored
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        emit(take(), found, escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        found = -1;
      }
    } else if (c === esc) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d === SPACE || d === TAB) continue;
          if (d === CR || d === LF) {
            // (the original skips one more character after a `\r`, whatever it is)
            if (d === CR) j++;
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = j;
            break;
          }
          escapeMarker = i;
          if (found === -1) i = j - 1;
          break;
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          emit(take(), found, escapeMarker);
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === -1) break; // reached the end after an escape character
        // An escaped `$` keeps its escape character; any other escaped character stands alone.
        if (next === DOLLAR) append(i, i + 2);
        else append(i + 1, i + 2);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && c === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          emit(take(), found, escapeMarker);
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        if (found === -1) found = i;
        // The characters up to the next blank or escape character take this same branch with
        // the state just set and only extend the word: take them in one step.
        let k = i + 1;
        if (plain !== null) {
          plain.lastIndex = k;
          if (plain.test(text)) k = plain.lastIndex;
        }
        if (runStart >= 0 && runEnd === i) runEnd = k;
        else append(i, k);
        i = k - 1;
      }
      start = false;
    }
  }
  if (found !== -1) emit(take(), found, escapeMarker === -1 ? n : escapeMarker);
}
