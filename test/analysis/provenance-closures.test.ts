/**
 * The provenance analysis defers the dependency closures of apt installs and analyses a model
 * again, eagerly, only when a program it looks up is in one (src/analysis/provenance.ts,
 * ClosureMode). Whenever the deferred analysis gives an answer, it must be the eager one.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text.js';
import { parseDockerfile } from '../../src/parse/parse.js';
import { buildModel, type DockerfileModel } from '../../src/model/model.js';
import { loadShellParser } from '../../src/shell/parser.js';
import { analyseProvenance, provenanceWithClosures, type Provenance } from '../../src/analysis/provenance.js';
import { CORPUS_SKIP_NOTE, HAVE_CORPUS, corpusFiles } from '../helpers/corpus.js';

if (!HAVE_CORPUS) console.warn(`[provenance closures] ${CORPUS_SKIP_NOTE}`);

const parser = await loadShellParser();

function model(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  return buildModel(parseDockerfile(text, lines), lines, { file: 'Dockerfile', shellParser: parser });
}

/** Everything of a result that rules read, as plain data (nodes and stages by line and index). */
function plain(p: Provenance): unknown {
  const line = (n: { syntax: { range: { start: { line: number } } } } | null): number | null => (n === null ? null : n.syntax.range.start.line);
  return {
    stages: p.stages.map((s) => ({ kind: s.kind, reference: s.reference, root: s.rootStage, range: s.range, id: s.kind === 'known' ? s.base.info.id : s.reason })),
    uses: p.uses.map((u) => {
      const src = u.source;
      const source = 'node' in src ? { ...src, node: line(src.node) } : src;
      return { stage: u.stage.index, node: line(u.node), context: u.context, program: u.program, name: u.name, range: u.range, shell: u.shell, runtime: u.runtime, guarded: u.guarded, source, base: u.base.reference };
    }),
  };
}

/** Deferred and eager analyses of `text`; whether the deferred one had to give up. */
function compare(text: string): { gaveUp: boolean } {
  const eager = provenanceWithClosures(model(text), 'eager');
  expect(eager).not.toBeNull();
  const deferred = provenanceWithClosures(model(text), 'deferred');
  if (deferred !== null && eager !== null) expect(plain(deferred)).toEqual(plain(eager));
  // What the rules get is the eager answer either way.
  if (eager !== null) expect(plain(analyseProvenance(model(text)))).toEqual(plain(eager));
  return { gaveUp: deferred === null };
}

const CASES: readonly string[] = [
  // A program only a dependency brings: the deferred analysis gives up.
  'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nRUN python3 -m pip --version',
  // The same program named by an install: explicit, nothing deferred is read.
  'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip\nRUN python3 -m pip --version',
  // A RUN mount over a PATH directory, numbered like the last dependency of the install before it (see ClosureMode).
  'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y git\nRUN --mount=type=bind,target=/usr/local python3 -V && git --version && ssh -V',
  'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nRUN --mount=type=cache,target=/usr/bin/python3 python3 -V && perl -v',
  // Removal of the installing package, a later make install, a stage built on another.
  'FROM debian:bookworm-slim AS a\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && apt-get purge -y python3-pip\nRUN python3 -V\nFROM a\nRUN apt-get install -y git && make install && ssh -V',
  'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y build-essential\nRUN cc -v && as --version && ld -v\nFROM build\nCMD ["perl", "-v"]',
  'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl ca-certificates && curl -V && openssl version',
  'FROM alpine:3.20\nRUN apk add --no-cache git && ssh -V',
  'FROM node:20\nRUN git clone https://x/y.git && curl -fsSO https://x && node -v && npm ci',
  // In a closure, but the base image has it: the answer does not read the dependency.
  'FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nRUN python3 -V && perl -v && git --version',
];

describe('deferred dependency closures give the eager answer', () => {
  it('on hand-made cases, and gives up where a program comes from a closure', () => {
    const gaveUp = CASES.map((c) => compare(c).gaveUp);
    expect(gaveUp[0]).toBe(true);
    expect(gaveUp[1]).toBe(false);
    expect(gaveUp[2]).toBe(true);
    expect(gaveUp[gaveUp.length - 1]).toBe(false);
  });

  it('on the fixtures', () => {
    const dirs = ['fixtures', 'fixtures/migrate'];
    let n = 0;
    for (const d of dirs) {
      for (const e of readdirSync(d)) {
        const f = join(d, e, 'Dockerfile');
        try {
          if (!statSync(f).isFile()) continue;
        } catch {
          continue;
        }
        compare(readFileSync(f, 'utf8'));
        n++;
      }
    }
    expect(n).toBeGreaterThan(5);
  });

  it.skipIf(!HAVE_CORPUS)(`on the corpus (${HAVE_CORPUS ? 'corpus present' : CORPUS_SKIP_NOTE})`, () => {
    let gaveUp = 0;
    for (const f of corpusFiles()) if (compare(readFileSync(f, 'utf8')).gaveUp) gaveUp++;
    // Most files never read a deferred closure (6 of 1,042 do, as of this writing).
    expect(gaveUp).toBeLessThan(50);
  }, 120_000);
});
