import type { Finding, HygieneSummary } from '../core/types.js';

/**
 * Image-hygiene summary of one file: counts per mission problem class, and the one concrete
 * change that would remove the most findings.
 *
 * Findings are grouped by the change that fixes them (a multi-stage build, cache clean-up in the
 * same RUN, pinned packages, digests, verified downloads, explicit installs ...), by rule code;
 * the advice names the largest group. For implicit dependencies it names the programs to install,
 * read from the findings' messages (each DW3xxx message starts with the program in backticks).
 */

interface Change {
  /** Rule codes whose findings this change removes. */
  codes: readonly string[];
  describe(findings: readonly Finding[]): string;
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** Program names of implicit-dependency findings, in order of appearance, without repeats. */
function programNames(findings: readonly Finding[]): string[] {
  const names: string[] = [];
  for (const f of findings) {
    if (/ needs `/.test(f.message)) continue; // a missing shell: no package to install
    const m = /`([^`]+)`/.exec(f.message);
    const name = m?.[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `\`${n}\``);
  if (names.length > 3) return `${shown.join(', ')} and ${names.length - 3} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

/** Changes in order of preference when two remove as many findings. */
const CHANGES: readonly Change[] = [
  {
    codes: ['DW2001', 'DW2002', 'DW2003', 'DW2007', 'DW2008'],
    describe: (fs) => `a multi-stage build (or \`dockwise migrate\`) would keep ${plural(fs.length, 'build-only artifact')} out of the final image`,
  },
  {
    codes: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060', 'DW2004'],
    describe: (fs) => `cleaning package caches in the RUN that fills them (or a \`--mount=type=cache\`) would keep ${plural(fs.length, 'cache')} out of the image layers`,
  },
  {
    codes: ['DW2005', 'DW2006'],
    describe: (fs) => `removing packages and files in the same RUN that adds them would stop ${plural(fs.length, 'deletion')} from shipping in an earlier layer`,
  },
  {
    codes: ['DL3015'],
    describe: (fs) => `\`--no-install-recommends\` would keep the recommended packages of ${plural(fs.length, 'install')} out of the image`,
  },
  {
    codes: ['DW3001', 'DW3002', 'DW3003', 'DW3004'],
    describe: (fs) => {
      const names = programNames(fs);
      const what = names.length > 0 ? `installing ${listNames(names)} explicitly` : 'installing the programs it runs explicitly';
      return `${what} would make ${plural(fs.length, 'implicit dependency', 'implicit dependencies')} explicit`;
    },
  },
  {
    codes: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062', 'DW1003', 'DW1007', 'DW1009', 'DW1010', 'DW1011'],
    describe: (fs) => `pinning package versions would fix ${plural(fs.length, 'unpinned package install')}`,
  },
  {
    codes: ['DW1004', 'DW1005', 'DW1006', 'DW1008'],
    describe: (fs) => `installing from lockfiles (\`npm ci\`, \`pip --require-hashes\`, \`uv sync --locked\`, \`bundle --frozen\`) would fix ${plural(fs.length, 'unlocked install')}`,
  },
  {
    codes: ['DL3006', 'DL3007', 'DW1001'],
    describe: (fs) => `pinning the base images to a tag and an \`@sha256:\` digest would fix ${plural(fs.length, 'unpinned base image')}`,
  },
  {
    codes: ['DW1012', 'DW1013', 'DW1014', 'DW1015'],
    describe: (fs) => `verifying downloads (a checksum, \`ADD --checksum\`, a fixed commit) would fix ${plural(fs.length, 'unverified download')}`,
  },
];

/** Changes for findings of a class that no listed change covers (rules added later). */
const FALLBACK: Readonly<Record<'unpinned-version' | 'build-only-artifact' | 'implicit-dependency', Change>> = {
  'unpinned-version': { codes: [], describe: (fs) => `pinning versions (image digests, package versions, checksums) would fix ${plural(fs.length, 'unpinned-version finding')}` },
  'build-only-artifact': { codes: [], describe: (fs) => `a multi-stage build (or \`dockwise migrate\`) would keep ${plural(fs.length, 'build-only artifact')} out of the final image` },
  'implicit-dependency': { codes: [], describe: (fs) => `installing what the image runs explicitly would make ${plural(fs.length, 'implicit dependency', 'implicit dependencies')} explicit` },
};

/** DW3005 (unknown base image) says what was not checked: no change fixes it. */
const NOT_FIXABLE = new Set(['DW3005']);

export function summarize(findings: readonly Finding[]): HygieneSummary {
  let unpinnedVersion = 0;
  let buildOnlyArtifact = 0;
  let implicitDependency = 0;
  const groups = new Map<Change, Finding[]>();
  for (const f of findings) {
    if (f.category === 'unpinned-version') unpinnedVersion++;
    else if (f.category === 'build-only-artifact') buildOnlyArtifact++;
    else if (f.category === 'implicit-dependency') implicitDependency++;
    else continue;
    if (NOT_FIXABLE.has(f.rule)) continue;
    const change = CHANGES.find((c) => c.codes.includes(f.rule)) ?? FALLBACK[f.category];
    const list = groups.get(change);
    if (list) list.push(f);
    else groups.set(change, [f]);
  }
  const summary: HygieneSummary = { unpinnedVersion, buildOnlyArtifact, implicitDependency };
  let best: { change: Change; findings: Finding[] } | null = null;
  for (const change of [...CHANGES, FALLBACK['build-only-artifact'], FALLBACK['implicit-dependency'], FALLBACK['unpinned-version']]) {
    const fs = groups.get(change);
    if (fs && (best === null || fs.length > best.findings.length)) best = { change, findings: fs };
  }
  if (best) summary.advice = best.change.describe(best.findings);
  return summary;
}
