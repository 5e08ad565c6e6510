// Shared by the one-process helper scripts of the benchmark (floor-*.mjs, peer-*.mjs).
// Arguments: file paths, or @LIST (a file with one path per line). Directories are not walked:
// bench.mjs passes every tool the same explicit list of files.
import { readFileSync } from 'node:fs';

export function filesFromArgv(argv = process.argv.slice(2)) {
  const files = [];
  for (const a of argv) {
    if (a.startsWith('@')) {
      for (const line of readFileSync(a.slice(1), 'utf8').split('\n')) if (line.trim()) files.push(line.trim());
    } else if (!a.startsWith('--')) files.push(a);
  }
  return files;
}

/** One JSON line on stderr that bench.mjs records (files, findings, crashes). */
export function report(tool, stats) {
  const { crashes = [], ...rest } = stats;
  process.stderr.write(
    'BENCH-SUMMARY ' +
      JSON.stringify({ tool, ...rest, crashed: crashes.length, crashes: crashes.slice(0, 20) }) +
      '\n',
  );
}
