// Property-based robustness checks for dockwise's lint pipeline (issue 6), shared by the vitest
// suite (bounded runs in CI: test/fuzz/fuzz.test.ts) and the long runner (`npm run fuzz -- --runs N`).
// Works on the built code in dist/.
//
// For every generated input: no exception escapes, the JSON report is valid, every finding's range
// lies inside the file, and linting finishes within a time bound proportional to the input's size.
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;

export async function loadPipeline() {
  const { createLinter } = await import(dist('src/lint.js'));
  const { allRules } = await import(dist('rules/index.js'));
  const { loadShellParser } = await import(dist('src/shell/parser.js'));
  const { LineIndex } = await import(dist('src/core/text.js'));
  const { format } = await import(dist('src/report/json.js'));
  const linter = createLinter({ rules: allRules, loadShellParser });
  const optIn = allRules.filter((r) => r.optIn).map((r) => r.code);
  return { linter, LineIndex, formatJson: format, optIn };
}

/** Seed texts: the shared corpus when present, else the repository's fixtures. */
export function seedTexts(corpusDir = join(root, '..', 'shared', 'corpus'), limit = 400) {
  const out = [];
  const walk = (dir, depth) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory() && depth < 2) walk(p, depth + 1);
      else if (st.isFile() && (depth > 0 || name === 'Dockerfile') && !name.endsWith('.md') && !name.endsWith('.snap') && st.size < 200_000) out.push(readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(corpusDir)) walk(corpusDir, 0);
  else walk(join(root, 'fixtures'), 0);
  // Spread the sample over the whole set deterministically.
  if (out.length <= limit) return out;
  const step = out.length / limit;
  return Array.from({ length: limit }, (_, i) => out[Math.floor(i * step)]);
}

const INSERTS = ['\\', '\\\n', '"', "'", '`', '<<EOF\n', '<<-EOF\n', 'EOF\n', '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n', '${', '$(', ')', '}', '[', ']', '\r\n', '\t', '\u0000', '\ufeff', 'RUN ', 'FROM ', 'ONBUILD ', '--mount=type=cache,target=/x ', ' && ', ' | ', '; ', '#', '\n'];

/** Structure-aware mutations of a Dockerfile text. */
export function mutationArb(seeds) {
  const seed = fc.constantFrom(...seeds);
  const lineOps = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('delete'), at: fc.nat() }),
      fc.record({ op: fc.constant('duplicate'), at: fc.nat() }),
      fc.record({ op: fc.constant('swap'), at: fc.nat(), with: fc.nat() }),
      fc.record({ op: fc.constant('cut'), at: fc.nat() }),
      fc.record({ op: fc.constant('insert'), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
      fc.record({ op: fc.constant('longword'), at: fc.nat(), len: fc.integer({ min: 1000, max: 20000 }) }),
    ),
    { minLength: 1, maxLength: 6 },
  );
  return fc.tuple(seed, lineOps).map(([text, ops]) => {
    let t = text;
    for (const o of ops) {
      const lines = t.split('\n');
      const n = Math.max(1, lines.length);
      switch (o.op) {
        case 'delete':
          lines.splice(o.at % n, 1);
          t = lines.join('\n');
          break;
        case 'duplicate':
          lines.splice(o.at % n, 0, lines[o.at % n] ?? '');
          t = lines.join('\n');
          break;
        case 'swap': {
          const a = o.at % n;
          const b = o.with % n;
          [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
          t = lines.join('\n');
          break;
        }
        case 'cut':
          t = t.slice(0, o.at % (t.length + 1));
          break;
        case 'insert': {
          const p = o.at % (t.length + 1);
          t = t.slice(0, p) + o.text + t.slice(p);
          break;
        }
        case 'longword': {
          const p = o.at % (t.length + 1);
          t = t.slice(0, p) + 'x'.repeat(o.len) + t.slice(p);
          break;
        }
      }
    }
    return t;
  });
}

export function inputArbs(seeds) {
  return {
    bytes: fc.uint8Array({ maxLength: 4000 }).map((b) => new TextDecoder('utf-8').decode(b)),
    unicode: fc.string({ unit: 'binary', maxLength: 2000 }),
    dockerish: fc.array(fc.constantFrom(...INSERTS, 'a', 'b=c', ' ', '/x', 'apt-get install -y curl', 'apk add x', 'pip install y', 'COPY . /', 'CMD ["x"]', 'ARG A=1', '${A:-b}', 'USER root'), { maxLength: 200 }).map((a) => a.join('')),
    mutated: mutationArb(seeds),
  };
}

/** Check one input; throws with a description when a property does not hold. */
export async function checkInput(pipeline, text, { msPerKb = 200, baseMs = 2000 } = {}) {
  const { linter, LineIndex, formatJson, optIn } = pipeline;
  const started = performance.now();
  let r;
  try {
    r = await linter.lintTextAsync(text, { file: 'fuzz/Dockerfile', enabled: optIn });
  } catch (e) {
    throw new Error(`exception escaped: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const ms = performance.now() - started;
  const bound = baseMs + (text.length / 1024) * msPerKb;
  if (ms > bound) throw new Error(`too slow: ${ms.toFixed(0)} ms for ${text.length} chars (bound ${bound.toFixed(0)} ms)`);
  const internal = r.errors.filter((e) => e.message.startsWith('internal error'));
  if (internal.length > 0) throw new Error(`internal error: ${internal.map((e) => e.message).join('; ')}`);
  const json = formatJson({ files: [r.result], errors: r.errors }, { rules: new Map(), color: false, cwd: '/', toolName: 'dockwise', toolVersion: '0' });
  JSON.parse(json);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(body);
  for (const f of r.result.findings) {
    const { start, end } = f.range;
    const inside =
      start.line >= 0 &&
      start.character >= 0 &&
      end.line < lines.lineCount &&
      (start.line < end.line || (start.line === end.line && start.character <= end.character)) &&
      start.character <= lines.lineText(start.line).length &&
      end.character <= lines.lineText(end.line).length;
    if (!inside) throw new Error(`range outside the file: ${f.rule} ${JSON.stringify(f.range)}`);
  }
  return r;
}
