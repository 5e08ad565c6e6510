/** Pure text helpers for shell words (quote removal, ANSI-C decoding, paths). */

/** Last path component: `/usr/bin/apt-get` -> apt-get. */
export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Quote removal for an unquoted word: `\x` -> x, backslash-newline removed. */
export function unescapeBare(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      i++;
      if (next === undefined || next === '\n') continue;
      if (next === '\r' && s[i + 1] === '\n') {
        i++;
        continue;
      }
      out += next;
    } else {
      out += c;
    }
  }
  return out;
}

/** Quote removal inside "...": backslash only escapes $ ` " \ and newline. */
export function unescapeDouble(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      if (next === '$' || next === '`' || next === '"' || next === '\\') {
        out += next;
        i++;
        continue;
      }
      if (next === '\n') {
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

const ANSI_SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** Decode the inside of `$'...'` (bash ANSI-C quoting). */
export function decodeAnsiC(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = s[i + 1];
    if (next === undefined) {
      out += '\\';
      break;
    }
    const simple = ANSI_SIMPLE[next];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    if (next >= '0' && next <= '7') {
      let j = i + 1;
      let digits = '';
      while (j < s.length && digits.length < 3 && (s[j] ?? '') >= '0' && (s[j] ?? '') <= '7') digits += s[j++];
      out += String.fromCharCode(Number.parseInt(digits, 8) & 0xff);
      i = j - 1;
      continue;
    }
    if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      let j = i + 2;
      let digits = '';
      while (j < s.length && digits.length < max && isHex(s[j])) digits += s[j++];
      if (digits.length === 0) {
        out += '\\' + next;
        i++;
        continue;
      }
      const code = Number.parseInt(digits, 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      i = j - 1;
      continue;
    }
    if (next === 'c') {
      const ctl = s[i + 2];
      if (ctl !== undefined) {
        out += String.fromCharCode(ctl.charCodeAt(0) & 0x1f);
        i += 2;
        continue;
      }
    }
    out += '\\' + next;
    i++;
  }
  return out;
}

