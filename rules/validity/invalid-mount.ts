import { closestMatch, defineRule, nodesWithBuilderFlags } from '../../src/rule-api.js';
import type { Range } from '../../src/rule-api.js';

const TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const KEYS = ['type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'env'];
const FLAG_KEYS = ['readonly', 'ro', 'readwrite', 'rw', 'required'];
const BOOLS = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
const SHARING = ['shared', 'private', 'locked'];

interface Field {
  key: string;
  value: string | null;
  /** Offsets of the field and of its value inside the flag value. */
  start: number;
  end: number;
  valueStart: number;
}

/** The flag word after BuildKit's flag-level quote removal, with a map to raw offsets. */
function unquoteFlag(raw: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let q: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (q === null && (c === '"' || c === "'")) {
      q = c;
      continue;
    }
    if (q !== null && c === q) {
      q = null;
      continue;
    }
    if (c === '\\' && i + 1 < raw.length) i++;
    text += raw[i] ?? '';
    map.push(i);
  }
  map.push(raw.length);
  return { text, map };
}

/** Split a `--mount` value into CSV fields (Go encoding/csv rules: `"` quotes a whole field). */
function csvFields(text: string): Field[] | null {
  const out: Field[] = [];
  let i = 0;
  while (i <= text.length) {
    const start = i;
    let raw = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            raw += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        raw += text[i];
        i++;
      }
      if (i < text.length && text[i] !== ',') return null;
    } else {
      while (i < text.length && text[i] !== ',') {
        if (text[i] === '"') return null;
        raw += text[i];
        i++;
      }
    }
    const eq = raw.indexOf('=');
    const quoted = text[start] === '"' ? 1 : 0;
    out.push({
      key: (eq < 0 ? raw : raw.slice(0, eq)).toLowerCase(),
      value: eq < 0 ? null : raw.slice(eq + 1),
      start,
      end: i,
      valueStart: eq < 0 ? i : start + quoted + eq + 1,
    });
    i++;
  }
  return out;
}

export default defineRule({
  code: 'DW5005',
  name: 'invalid-mount',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid RUN --mount type or option',
    what: 'Checks each `RUN --mount=` the way BuildKit parses it: the type (bind, cache, tmpfs, secret, ssh), the option names (with "did you mean"), options that need a value, boolean values of `ro`/`rw`/`required`, `sharing` (shared, private, locked; cache mounts only), `mode` (octal), `uid`/`gid` (numbers; not for bind or tmpfs mounts), `size` (tmpfs only), `required` (secret and ssh only), a secret mount without `id`, `source` or `target` or with `from`, and a variable in `from`.',
    why: 'Each of these fails the build with a parse error ("unsupported mount type", "unexpected key"). A misspelt option such as `targte=` would otherwise be a silent no-op in many tools, but BuildKit rejects it.',
    examples: [
      { bad: 'FROM python:3.12-slim\nRUN --mount=type=cahce,target=/root/.cache pip install -r requirements.txt', good: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt' },
      { bad: 'FROM alpine:3.20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc,sharing=locked cat /root/.npmrc', good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc cat /root/.npmrc' },
    ],
    exceptions: 'Option values holding a variable are only checked where BuildKit checks them before expansion (`from`). Whether a mount target is sensible is not checked.',
    equivalents: ['BuildKit parse errors of RUN --mount (no dockerfile-utils or hadolint equivalent)'],
  },
  check({ model, report }) {
    // Only instructions with flags matter (the per-model list the flag rules share).
    for (const { node } of nodesWithBuilderFlags(model)) {
      const s = node.syntax;
      if (s.keyword !== 'RUN') continue;
      for (const f of s.flags) {
        if (f.name !== 'mount' || f.value === null || !f.valueRange) continue;
        const vr = f.valueRange;
        const oneLine = vr.start.line === vr.end.line;
        const base = model.lines.offsetAt(vr.start);
        const raw = oneLine ? model.text.slice(base, model.lines.offsetAt(vr.end)) : f.value;
        const flat = unquoteFlag(raw);
        const rawAt = (i: number): number => flat.map[i] ?? raw.length;
        const at = (a: number, b: number): Range => (oneLine ? model.lines.rangeAt(base + rawAt(a), base + (b > a ? rawAt(b - 1) + 1 : rawAt(a))) : f.range);
        const fields = csvFields(flat.text);
        if (!fields) {
          report({ message: 'Failed to parse the --mount value as CSV (unbalanced or misplaced double quote)', range: vr });
          continue;
        }
        let type = 'bind';
        for (const fd of fields) if (fd.key === 'type' && fd.value !== null) type = fd.value.toLowerCase();
        const has = (...keys: string[]): Field | undefined => fields.find((fd) => keys.includes(fd.key) && fd.value !== null && fd.value !== '');
        const bad = (fd: Field, message: string, valueOnly = false): void => report({ message, range: at(valueOnly ? fd.valueStart : fd.start, fd.end) });
        for (const fd of fields) {
          if (fd.value === null) {
            if (fd.key === 'required' && type !== 'secret' && type !== 'ssh') bad(fd, `Unexpected key 'required' for mount type '${type}' (only secret and ssh mounts take it)`);
            else if (!FLAG_KEYS.includes(fd.key)) {
              const guess = KEYS.includes(fd.key) ? null : closestMatch(fd.key, KEYS);
              bad(fd, KEYS.includes(fd.key) ? `Invalid field '${fd.key}': it must be a key=value pair` : `Unexpected key '${fd.key}' in --mount${guess ? ` (did you mean ${guess}?)` : ''}`);
            }
            continue;
          }
          const v = fd.value;
          if (!KEYS.includes(fd.key)) {
            const guess = closestMatch(fd.key, KEYS);
            bad(fd, `Unexpected key '${fd.key}' in --mount${guess ? ` (did you mean ${guess}?)` : ''}`);
            continue;
          }
          if (fd.key === 'from') {
            const d = v.indexOf('$');
            if (d >= 0 && d !== v.length - 1) bad(fd, "'from' of a --mount does not support variable expansion; define an alias stage (FROM ${IMAGE} AS src) and mount from it", true);
            continue;
          }
          if (v.includes('$')) continue;
          switch (fd.key) {
            case 'type':
              if (!TYPES.includes(v.toLowerCase())) {
                const guess = closestMatch(v, TYPES);
                bad(fd, `Unsupported mount type "${v}"${guess ? ` (did you mean ${guess}?)` : ` (use ${TYPES.join(', ')})`}`, true);
              }
              break;
            case 'readonly':
            case 'ro':
            case 'readwrite':
            case 'rw':
              if (!BOOLS.includes(v)) bad(fd, `Invalid value for ${fd.key}: ${v} (expected true or false)`, true);
              break;
            case 'required':
              if (type !== 'secret' && type !== 'ssh') bad(fd, `Unexpected key 'required' for mount type '${type}' (only secret and ssh mounts take it)`);
              else if (!BOOLS.includes(v)) bad(fd, `Invalid value for required: ${v} (expected true or false)`, true);
              break;
            case 'size':
              if (type !== 'tmpfs') bad(fd, `Unexpected key 'size' for mount type '${type}' (only tmpfs mounts take it)`);
              else if (!/^\d+(?:\.\d+)?\s*[kKmMgGtTpP]?[iI]?[bB]?$/.test(v)) bad(fd, `Invalid value for size: ${v}`, true);
              break;
            case 'sharing':
              if (!SHARING.includes(v.toLowerCase())) bad(fd, `Unsupported sharing value "${v}" (use shared, private or locked)`, true);
              else if (type !== 'cache') bad(fd, `Invalid cache sharing set for ${type} mount (only cache mounts take sharing)`);
              break;
            case 'mode':
              if (!/^[0-7]+$/.test(v)) bad(fd, `Invalid value ${v} for mode (expected an octal number such as 0644)`, true);
              else if (type === 'bind' || type === 'tmpfs') bad(fd, `mode not allowed for "${type}" type mounts`);
              break;
            case 'uid':
            case 'gid':
              if (!/^\d+$/.test(v)) bad(fd, `Invalid value ${v} for ${fd.key} (expected a number)`, true);
              else if (type === 'bind' || type === 'tmpfs') bad(fd, `${fd.key} not allowed for "${type}" type mounts`);
              break;
            default:
              break;
          }
        }
        if (type === 'secret') {
          const from = has('from');
          if (from) bad(from, 'A secret mount should not have a from');
          if (!has('source', 'src', 'target', 'dst', 'destination', 'id')) report({ message: 'Invalid secret mount: one of id, source or target is required', range: vr });
          const src = has('source', 'src');
          if (src && has('id')) bad(src, "Both source and id can't be set on a secret mount");
        }
      }
    }
  },
});
