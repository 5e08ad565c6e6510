/**
 * Lint one input file: read it (with the size limit and strict UTF-8), lint it, and keep only
 * what the report needs. Shared by the main thread and the worker threads.
 */
import type { FileResult, InputError } from '../core/types.js';
import type { LintOptions, Linter } from '../lint.js';
import { readInput, type ReadResult } from './read.js';

export interface FileTask {
  path: string;
  display: string;
  /** .dockerignore of the build context, when there is one. */
  dockerignore: string | null;
}

export interface FileOutcome {
  result?: FileResult;
  errors: InputError[];
}

/** Options that cross to worker threads (structured-cloneable: no functions). */
export type SharedLintOptions = Omit<LintOptions, 'file' | 'context'>;

/**
 * Keep only the source lines a report shows (those of the findings), so that memory stays flat
 * over many files; line numbers are kept by leaving the other lines empty.
 */
export function pruneSource(text: string, result: FileResult): string {
  if (result.findings.length === 0) return '';
  const wanted = new Set<number>();
  for (const f of result.findings) for (let l = f.range.start.line; l <= Math.min(f.range.end.line, f.range.start.line + 1); l++) wanted.add(l);
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map((l, i) => (wanted.has(i) ? l : '')).join('\n');
}

export function lintRead(linter: Linter, read: ReadResult, display: string, opts: LintOptions, keepSource: boolean): Promise<FileOutcome> | FileOutcome {
  if (!read.ok) return { errors: [{ file: display, message: read.message, ...(read.line !== undefined ? { line: read.line } : {}) }] };
  return linter.lintTextAsync(read.text, { ...opts, file: display }).then(
    (r) => {
      const result: FileResult = { ...r.result };
      if (keepSource) result.source = pruneSource(read.text, r.result);
      else delete result.source;
      return { result, errors: r.errors };
    },
    (e: unknown) => ({ errors: [{ file: display, message: `internal error: ${e instanceof Error ? e.message : String(e)} (please report this)` }] }),
  );
}

export async function lintFileTask(linter: Linter, task: FileTask, opts: SharedLintOptions, maxBytes: number, keepSource: boolean): Promise<FileOutcome> {
  const read = readInput(task.path, maxBytes);
  return lintRead(linter, read, task.display, { ...opts, context: { dockerignore: task.dockerignore } }, keepSource);
}

/**
 * Start loading the bash grammar and web-tree-sitter's runtime now: V8 compiles them off the main
 * thread while this thread reads the configuration and the files, so that both are (nearly) ready
 * when the first RUN is parsed. It is started even before a file shows a RUN:
 * nearly every Dockerfile has one. A failure surfaces when the parser is loaded; here it is only
 * caught.
 */
export function prefetchShellGrammar(): void {
  import('../shell/parser.js').then(
    (m) => m.prefetchShellParser(),
    () => undefined,
  ).catch(() => undefined);
}
