import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus of real Dockerfiles, when it is beside the repository (as in CI). */
export const CORPUS_DIR = resolve(process.env.DOCKWISE_CORPUS ?? '../shared/corpus');
export const HAVE_CORPUS = existsSync(CORPUS_DIR);

/** Every Dockerfile of the corpus (files in its per-repository folders), sorted. */
export function corpusFiles(): string[] {
  if (!HAVE_CORPUS) return [];
  const out: string[] = [];
  for (const repo of readdirSync(CORPUS_DIR).sort()) {
    const dir = join(CORPUS_DIR, repo);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isFile()) out.push(p);
    }
  }
  return out;
}

export const CORPUS_SKIP_NOTE = `skipped: the shared corpus (${CORPUS_DIR}) is not there; set DOCKWISE_CORPUS or run beside ../shared as CI does`;
