import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/summary.js';
import type { Category, Finding } from '../../src/core/types.js';
import { lint } from '../helpers/lint.js';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
function f(rule: string, category: Category, message = 'x'): Finding {
  return { file: 'Dockerfile', rule, category, severity: 'info', message, range: at };
}

describe('image-hygiene summary', () => {
  it('counts the three classes and ignores the others', () => {
    const s = summarize([f('DL3008', 'unpinned-version'), f('DW2001', 'build-only-artifact'), f('DW3001', 'implicit-dependency', '`git` ...'), f('DL3003', 'style')]);
    expect(s).toMatchObject({ unpinnedVersion: 1, buildOnlyArtifact: 1, implicitDependency: 1 });
  });

  it('has no advice without findings of the three classes', () => {
    expect(summarize([f('DL3003', 'style')])).toEqual({ unpinnedVersion: 0, buildOnlyArtifact: 0, implicitDependency: 0 });
  });

  it('names the change that removes the most findings', () => {
    const build = [f('DW2001', 'build-only-artifact'), f('DW2002', 'build-only-artifact'), f('DW2007', 'build-only-artifact')];
    const pins = [f('DL3008', 'unpinned-version'), f('DL3018', 'unpinned-version')];
    expect(summarize([...build, ...pins]).advice).toBe('a multi-stage build (or `dockwise migrate`) would keep 3 build-only artifacts out of the final image');
    // package pins and base-image digests are different changes: the larger group wins
    const mixed = [...pins, f('DL3013', 'unpinned-version'), f('DL3007', 'unpinned-version'), f('DW1001', 'unpinned-version')];
    expect(summarize(mixed).advice).toBe('pinning package versions would fix 3 unpinned package installs');
    expect(summarize([f('DW2004', 'build-only-artifact'), f('DL3009', 'build-only-artifact')]).advice).toMatch(/^cleaning package caches .* would keep 2 caches out of the image layers$/);
    expect(summarize([f('DW1013', 'unpinned-version')]).advice).toMatch(/^verifying downloads .* would fix 1 unverified download$/);
  });

  it('names the programs to install for implicit dependencies', () => {
    const fs = [
      f('DW3001', 'implicit-dependency', '`curl` is not installed by this Dockerfile ...'),
      f('DW3001', 'implicit-dependency', '`git` is not installed by this Dockerfile ...'),
      f('DW3004', 'implicit-dependency', '`curl` is not in the base image ...'),
      f('DW3005', 'implicit-dependency', 'dockwise does not know the base image `x`'),
    ];
    const s = summarize(fs);
    expect(s.implicitDependency).toBe(4);
    expect(s.advice).toBe('installing `curl` and `git` explicitly would make 3 implicit dependencies explicit');
    const many = ['a', 'b', 'c', 'd', 'e'].map((n) => f('DW3001', 'implicit-dependency', `\`${n}\` ...`));
    expect(summarize(many).advice).toBe('installing `a`, `b`, `c` and 2 more explicitly would make 5 implicit dependencies explicit');
    // a missing shell has no package to install
    expect(summarize([f('DW3004', 'implicit-dependency', 'this RUN needs `/bin/sh`, which ...')]).advice).toBe('installing the programs it runs explicitly would make 1 implicit dependency explicit');
    // only "unknown base image": nothing to advise
    expect(summarize([fs[3] as Finding]).advice).toBeUndefined();
  });

  it('rules without a listed change fall back to their class', () => {
    expect(summarize([f('DW2999', 'build-only-artifact'), f('DW2998', 'build-only-artifact')]).advice).toBe('a multi-stage build (or `dockwise migrate`) would keep 2 build-only artifacts out of the final image');
    expect(summarize([f('DW1999', 'unpinned-version')]).advice).toBe('pinning versions (image digests, package versions, checksums) would fix 1 unpinned-version finding');
  });

  it('is computed for each linted file', async () => {
    const text = 'FROM node:20\nRUN git clone https://x/y.git /app && curl -fsSLo /tmp/a https://x\n';
    const findings = await lint(text);
    const s = summarize(findings);
    expect(s.implicitDependency).toBeGreaterThanOrEqual(2);
    expect(s.advice).toBeDefined();
  });
});
