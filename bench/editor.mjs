// Editor scenario: one process, the built dockwise lint API (dist/), one 1,000-line Dockerfile
// assembled from corpus content, linted once to warm up (loads the shell grammar, JITs the
// rules), then re-linted N times, each after a one-character edit of a RUN line (as an editor
// re-lints on every keystroke); prints one JSON object with the per-lint times.
// Usage: node bench/editor.mjs --repo DIR --list FILE [--cwd DIR] [--lines 1000] [--iterations 50]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const repo = resolve(opt('--repo', '.'));
const cwd = resolve(opt('--cwd', '.'));
const wantLines = Number(opt('--lines', '1000'));
const iterations = Number(opt('--iterations', '50'));
const list = readFileSync(opt('--list'), 'utf8').split('\n').filter(Boolean);

/**
 * Whole corpus files, in list order, skipping ones that would make an odd concatenation
 * (heredocs that a cut could leave open, escape directives, Go templates, Windows images),
 * until the next file would overflow; then complete instructions of one more file; then
 * comment lines to reach exactly `wantLines`.
 */
export function buildDocument(files, n) {
  const out = [];
  const sources = [];
  for (const f of spread(files)) {
    if (out.length >= n) break;
    let text;
    try {
      text = readFileSync(resolve(cwd, f), 'utf8').replace(/\r\n/g, '\n');
    } catch {
      continue;
    }
    if (/<<-?\s*["']?\w+/.test(text) || /^#\s*escape\s*=/im.test(text) || text.includes('{{') || /windows|nanoserver|servercore/i.test(f)) continue;
    const lines = text.replace(/\n+$/, '').split('\n');
    if (lines.length < 5) continue;
    const room = n - out.length - (out.length ? 1 : 0);
    let take = lines;
    if (lines.length > room) {
      take = lines.slice(0, room);
      // never stop inside a continued instruction
      while (take.length && /\\\s*$/.test(take[take.length - 1] ?? '')) take.pop();
    }
    if (!take.length) continue;
    if (out.length) out.push('');
    out.push(...take);
    sources.push({ file: f, lines: take.length });
  }
  while (out.length < n) out.push(`# padding line ${out.length + 1}`);
  return { text: out.slice(0, n).join('\n') + '\n', sources };
}

/** The list in a fixed order that jumps across repositories (a stride coprime with its length). */
function spread(files) {
  const gcd = (a, b) => (b ? gcd(b, a % b) : a);
  let stride = 37;
  while (files.length > 1 && gcd(stride, files.length) !== 1) stride++;
  return files.map((_, i) => files[(i * stride) % files.length]);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

const { createLinter } = await import(pathToFileURL(resolve(repo, 'dist/src/lint.js')).href);
const { allRules } = await import(pathToFileURL(resolve(repo, 'dist/rules/index.js')).href);
const { loadShellParser } = await import(pathToFileURL(resolve(repo, 'dist/src/shell/parser.js')).href);

const { text, sources } = buildDocument(list, wantLines);
const linter = createLinter({ rules: allRules, loadShellParser });
const opts = { file: 'editor/Dockerfile' };

let t = performance.now();
const first = await linter.lintTextAsync(text, opts);
const firstMs = performance.now() - t;

// Each iteration simulates a keystroke: one character typed at the end of a different RUN line
// (so the edited RUN must be parsed again while the rest of the file is unchanged).
const docLines = text.split('\n');
const runLines = docLines.map((l, i) => (/^RUN\s/.test(l) && !/\\\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
const edited = (i) => {
  if (runLines.length === 0) return text;
  const copy = [...docLines];
  const at = runLines[i % runLines.length];
  copy[at] = `${copy[at]} #${i}`;
  return copy.join('\n');
};
const times = [];
let findings = first.result.findings.length;
for (let i = 0; i < iterations; i++) {
  const doc = edited(i);
  t = performance.now();
  const r = linter.lintText(doc, opts);
  times.push(performance.now() - t);
  findings = r.result.findings.length;
}
const sorted = [...times].sort((a, b) => a - b);
const mem = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    lines: text.split('\n').length - 1,
    chars: text.length,
    sourceFiles: sources.length,
    sources,
    rules: allRules.length,
    findings,
    errors: first.errors.length,
    firstMs,
    iterations,
    medianMs: pct(sorted, 50),
    p95Ms: pct(sorted, 95),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    timesMs: times,
    rssMiB: mem.rss / 1048576,
    heapUsedMiB: mem.heapUsed / 1048576,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
