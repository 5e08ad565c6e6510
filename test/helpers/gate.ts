import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

import type { DockerfileModel } from '../../src/model/model.js';
import { corpusFiles } from './corpus.js';
import { linterFor } from './lint.js';

/** One thing a rule's gate decides on (a file, an instruction): the full computation's answer. */
export interface GateUnit {
  /** The full computation's answer. */
  full: unknown;
  /** Whether that answer is a finding. */
  found: boolean;
  /** Whether the gate lets the full computation run. */
  allowed: boolean;
}

/**
 * Differential check of a rule's cheap gate, over `cases` and every corpus file (when present):
 * wherever the gate rules a unit out, the full computation gives `none` (finds nothing). The check
 * is not vacuous: some units are ruled out, and some have findings.
 */
export async function expectGateSound(cases: readonly string[], units: (model: DockerfileModel) => Iterable<GateUnit>, none: unknown): Promise<void> {
  const texts = [...cases, ...corpusFiles().map((f) => readFileSync(f, 'utf8'))];
  const linter = linterFor([]);
  let gated = 0;
  let found = 0;
  for (const text of texts) {
    const { model } = await linter.lintTextAsync(text, { file: 'Dockerfile' });
    if (!model) continue;
    for (const unit of units(model)) {
      if (unit.found) found++;
      if (unit.allowed) continue;
      gated++;
      expect(unit.full, text).toEqual(none);
    }
  }
  expect(gated).toBeGreaterThan(0);
  expect(found).toBeGreaterThan(0);
}
