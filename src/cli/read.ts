import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string; line?: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of the first invalid UTF-8 sequence, found by decoding prefixes line by line. */
function firstInvalidLine(buf: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 10) {
      try {
        decoder.decode(buf.subarray(lineStart, i));
      } catch {
        return line;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return line;
}

/** Decode a buffer as strict UTF-8. */
export function decodeUtf8(buf: Uint8Array): ReadResult {
  try {
    return { ok: true, text: decoder.decode(buf) };
  } catch {
    const line = firstInvalidLine(buf);
    return { ok: false, line, message: `invalid UTF-8 on line ${line}; not linted (convert the file to UTF-8)` };
  }
}

/** Read a file, refusing (without reading it) one larger than `maxBytes`. */
export function readInput(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: 'is a directory' };
    if (st.size > maxBytes) return { ok: false, message: `file is ${st.size} bytes, larger than --max-file-size (${maxBytes}); skipped` };
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return decodeUtf8(buf.subarray(0, off));
  } catch (e) {
    return { ok: false, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  } finally {
    closeSync(fd);
  }
}

export async function readStdin(maxBytes: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) return { ok: false, message: `standard input is larger than --max-file-size (${maxBytes}); skipped` };
    chunks.push(b);
  }
  return decodeUtf8(Buffer.concat(chunks));
}
