import { basename, defineRule, effectiveCommand, isArchivePath, parseArgs, pathBasename, unquote, type InstructionNode, type SimpleCommand, type Word } from '../../src/rule-api.js';

/** Decompressors hadolint counts as extracting (plus `gzip -d` and friends). */
const DECOMPRESSORS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);
const COMPRESSORS_WITH_D = new Set(['gzip', 'bzip2', 'xz', 'lzma', 'zstd', 'lzip']);
/** Names that are tar archives (ADD unpacks these; a bare `.gz` file it only copies). */
const TAR_NAME = /\.(?:tar(?:\.[A-Za-z0-9]+)?|tgz|tb2|tbz2?|tlz|tpz|txz|tZ)$/;

function isTarExtract(args: readonly string[]): boolean {
  return args.some((a, i) => {
    if (a === '--extract' || a === '--get') return true;
    if (a.startsWith('-') && !a.startsWith('--')) return a.includes('x');
    // Old-style bundled options without a dash: `tar xzf file.tgz`.
    return i === 0 && /^[A-Za-z]+$/.test(a) && a.includes('x');
  });
}

/** The archive names (basenames) a command extracts, or an empty list. */
function extractedNames(cmd: SimpleCommand): string[] {
  const eff = effectiveCommand(cmd);
  if (eff.name === null) return [];
  const name = basename(eff.name);
  const values = eff.args.map((a) => a.value ?? a.text);
  let tarLike = false;
  if (name === 'tar' || name === 'bsdtar') {
    if (!isTarExtract(values)) return [];
    tarLike = true;
  } else if (DECOMPRESSORS.has(name)) {
    tarLike = false;
  } else if (COMPRESSORS_WITH_D.has(name)) {
    if (!parseArgs(eff).flags.some((f) => f.name === '-d' || f.name === '--decompress')) return [];
  } else {
    return [];
  }
  const out: string[] = [];
  for (const v of values) {
    if (v.startsWith('--file=')) out.push(pathBasename(v.slice(7)));
    else if (!v.startsWith('-')) out.push(pathBasename(v));
  }
  // A decompressor alone only unpacks a tar when the file is one (`gunzip app.tar.gz`).
  return tarLike ? out : out.filter((n) => TAR_NAME.test(n));
}

interface Copied {
  node: InstructionNode;
  word: Word;
  name: string;
}

export default defineRule({
  code: 'DL3010',
  name: 'add-to-extract',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Use ADD for extracting archives into an image',
    what: 'Flags a COPY of a local archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, ...) that a later RUN in the same stage unpacks (`tar -x`, `tar xf`, `gunzip`, `unxz`, `zcat`, ...).',
    why: 'The copied archive stays in the COPY layer even when a later RUN deletes it, so the image carries the packed and the unpacked files. `ADD archive.tar.gz /dest/` unpacks local tar archives in one step and one layer.',
    examples: [
      {
        bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
        good: 'FROM debian:12\nADD app.tar.gz /opt/',
      },
    ],
    exceptions: 'Only archives that are extracted later in the same stage are flagged (as hadolint since 2.13); a COPY of an archive that is kept, or `COPY --from`, is not. A plain compressed file that is not a tar (`data.gz` unpacked with `gunzip`) is not flagged either, because ADD would copy it without unpacking; hadolint flags it. `.zip` files are never flagged: ADD does not unpack them.',
    equivalents: ['hadolint DL3010'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const copied: Copied[] = [];
      const flagged = new Set<Copied>();
      for (const node of stage.instructions) {
        if (node.onbuild) continue;
        const copy = node.copy;
        if (node.keyword === 'COPY' && copy && copy.from === null) {
          const dest = copy.dest;
          if (dest && isArchivePath(unquote(dest.value))) {
            copied.push({ node, word: dest, name: pathBasename(dest.value) });
          } else {
            for (const src of copy.sources) if (isArchivePath(unquote(src.value))) copied.push({ node, word: src, name: pathBasename(src.value) });
          }
          continue;
        }
        // Nothing archive-like copied so far in this stage: no RUN can extract one of them.
        if (node.keyword !== 'RUN' || !node.run || copied.length === 0) continue;
        for (const cmd of node.run.commands) {
          const names = extractedNames(cmd);
          if (names.length === 0) continue;
          for (const c of copied) if (names.includes(c.name)) flagged.add(c);
        }
      }
      for (const c of flagged) {
        report({ message: `Use ADD for extracting archives into an image: \`${c.name}\` is copied here and unpacked by a later RUN`, range: c.word.range });
      }
    }
  },
});
