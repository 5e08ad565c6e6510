import type { Finding, HygieneSummary } from '../core/types.js';

/**
 * Image-hygiene summary of one file: counts per mission problem class and the single change
 * that would remove the most findings.
 */
export function summarize(findings: readonly Finding[]): HygieneSummary {
  let unpinnedVersion = 0;
  let buildOnlyArtifact = 0;
  let implicitDependency = 0;
  for (const f of findings) {
    if (f.category === 'unpinned-version') unpinnedVersion++;
    else if (f.category === 'build-only-artifact') buildOnlyArtifact++;
    else if (f.category === 'implicit-dependency') implicitDependency++;
  }
  const summary: HygieneSummary = { unpinnedVersion, buildOnlyArtifact, implicitDependency };
  const best = Math.max(unpinnedVersion, buildOnlyArtifact, implicitDependency);
  if (best > 0) {
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (best === buildOnlyArtifact) {
      summary.advice = `a multi-stage build (or \`dockwise migrate\`) would keep ${plural(buildOnlyArtifact, 'build-only artifact')} out of the final image`;
    } else if (best === unpinnedVersion) {
      summary.advice = `pinning versions (image digests, package versions, checksums) would fix ${plural(unpinnedVersion, 'unpinned-version finding')}`;
    } else {
      summary.advice = `installing what the program runs explicitly would make ${plural(implicitDependency, 'implicit dependency')} explicit`;
    }
  }
  return summary;
}
