import {
  defineRule,
  downloadCommands,
  effectiveCommand,
  effectiveCommandsOf,
  imageNodesAfter,
  memoByObject,
  pathBasename,
  recogniseVerification,
  wordRange,
  type Download,
  type InstructionNode,
  type ShellWord,
  type SimpleCommand,
} from '../../src/rule-api.js';

/** Keys, signatures, checksum lists and repository definitions: trust material, not artifacts to verify. */
const TRUST_FILE = /\.(?:asc|sig|sign|gpg|pub|key|pem|crt|cer|der|minisig|sha1|sha256|sha512|md5|sha256sum|sha512sum|sha256sums|sums|intoto\.jsonl|list|repo|sources)$|sha\d*sums|checksums|^keys$|gpg-?key|keyring|signing-key|\.sbom/i;
const TRUST_DIR = /^\/(?:etc\/apt|usr\/share\/keyrings|etc\/apk\/keys|etc\/pki|etc\/yum\.repos\.d|etc\/zypp\/repos\.d)\b|trusted\.gpg\.d/;
/** Programs that unpack or install a stream: the download is used unverified. */
const EXTRACTORS = /^(?:tar|bsdtar|gunzip|gzip|zcat|xz|unxz|bzip2|bunzip2|zstd|unzstd|cpio|busybox|python[\d.]*|install)$/;
const SUM_TOOLS = /^(?:sha1sum|sha224sum|sha256sum|sha384sum|sha512sum|md5sum|b2sum|shasum|cksum)$/;
const API_FLAGS = new Set(['-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '-F', '--form', '-T', '--upload-file', '-I', '--head', '--json', '--post-data', '--post-file', '--method', '--spider']);

function text(w: ShellWord): string {
  return w.value ?? w.text;
}

/** Last path component of a URL without query or fragment. */
function urlBasename(url: string): string {
  const noQuery = url.split(/[?#]/)[0] ?? url;
  return pathBasename(noQuery.replace(/\/+$/, ''));
}

/** A name usable for matching, or null when it depends on a variable. */
function staticName(s: string): string | null {
  const b = pathBasename(s.replace(/["']/g, ''));
  return b === '' || b.includes('$') || b.includes('`') ? null : b;
}

interface Target {
  cmd: SimpleCommand;
  url: ShellWord;
  /** File the download is saved to (basename), null when unknown; `stream` when piped into an extractor. */
  name: string | null;
  stream: string | null;
}

function pipelineNext(cmds: readonly SimpleCommand[], c: SimpleCommand): SimpleCommand | null {
  if (!c.inPipeline || c.pipelineId === undefined || c.pipelineId === null || c.pipelineIndex === undefined || c.pipelineIndex === null) return null;
  const i = c.pipelineIndex;
  return cmds.find((x) => x.pipelineId === c.pipelineId && x.pipelineIndex === i + 1) ?? null;
}

/** The artifact a download produces, or null when it is not one dockwise asks to verify. */
function targetOf(node: InstructionNode, d: Download): Target | null {
  const url = d.urls[0];
  if (!url) return null;
  if (d.flags.some((f) => API_FLAGS.has(f.name))) return null;
  const cmds = node.run?.commands ?? [];
  const urlText = node.resolve(text(url)) ?? text(url);
  if (!urlText.includes('://') && !urlText.includes('$')) return null;
  if (/^\w+:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/]|$)/.test(urlText)) return null;
  if (TRUST_FILE.test(urlBasename(urlText))) return null;
  // Content addressed by a git commit (`raw.githubusercontent.com/<org>/<repo>/<commit>/file`): pinned.
  if (/\b[0-9a-f]{40}\b/i.test(urlText) || [...text(url).matchAll(/\$\{?(\w+)/g)].some((m) => /COMMIT|GITSHA|_SHA/i.test(m[1] ?? ''))) return null;
  if (d.command.inSubstitution) return null;
  let name: string | null = null;
  let path: string | null = null;
  if (d.toStdout) {
    const next = pipelineNext(cmds, d.command);
    if (next) {
      const eff = effectiveCommand(next);
      const prog = eff.name === null ? '' : pathBasename(eff.name);
      if (!EXTRACTORS.test(prog)) return null;
      if (prog === 'busybox' && eff.args[0]?.value !== 'tar') return null;
      if (/^python/.test(prog) && !eff.args.some((a) => a.value === 'tarfile' || a.value === 'zipfile')) return null;
      if (prog === 'install') return null;
      return { cmd: d.command, url, name: null, stream: prog };
    }
    const redirect = d.command.redirects.find((r) => (r.operator === '>' || r.operator === '>>') && (r.fd === undefined || r.fd === null || r.fd === 1) && r.target);
    if (!redirect?.target) return null;
    path = text(redirect.target);
  } else if (d.output) {
    path = text(d.output);
  } else {
    path = urlBasename(urlText);
  }
  if (path !== null) {
    if (path === '/dev/null') return null;
    if (TRUST_DIR.test(path) || TRUST_FILE.test(pathBasename(path))) return null;
    name = staticName(path);
  }
  return { cmd: d.command, url, name, stream: null };
}

/** Names a verification mentions: its files (with signature suffixes dropped) and the text it reads on stdin. */
function mentions(node: InstructionNode, v: SimpleCommand, files: readonly ShellWord[]): string {
  const parts: string[] = [];
  for (const f of files) {
    const b = pathBasename(text(f));
    parts.push(b, b.replace(/\.(?:asc|sig|sign|gpg|minisig|sha256|sha512|sha1|md5)$/i, ''));
  }
  for (const h of v.heredocs) parts.push(h.body);
  for (const r of v.redirects) if (r.operator === '<<<' && r.target) parts.push(r.target.text);
  for (const c of node.run?.commands ?? []) {
    if (c.pipelineId !== undefined && c.pipelineId !== null && c.pipelineId === v.pipelineId && c !== v) parts.push(c.args.map((a) => a.text).join(' '));
  }
  return parts.join('\n');
}

interface Check {
  cmd: SimpleCommand;
  said: string;
}

/**
 * Verifications of a RUN: recognised ones, plus `sha256sum file` whose output is compared (in a
 * pipeline or substitution). Computed once per RUN: every RUN with a download asks about all the
 * RUNs after it in its stage.
 */
const checksOf: (node: InstructionNode) => readonly Check[] = memoByObject(computeChecks);

function computeChecks(node: InstructionNode): Check[] {
  const out: Check[] = [];
  const cmds = node.run?.commands ?? [];
  const effs = effectiveCommandsOf(node);
  for (let i = 0; i < cmds.length; i++) {
    const c = cmds[i];
    if (c === undefined) continue;
    const v = recogniseVerification(c);
    if (v) {
      out.push({ cmd: c, said: mentions(node, c, v.files) });
      continue;
    }
    // Only a checksum tool whose output is compared counts: the cheap test first.
    if (!c.inPipeline && !c.inSubstitution) continue;
    const eff = effs[i] ?? effectiveCommand(c);
    const name = eff.name === null ? '' : pathBasename(eff.name);
    const isSum = SUM_TOOLS.test(name) || (name === 'openssl' && /^(?:dgst|sha\d+|md5)$/.test(eff.args[0]?.value ?? ''));
    if (isSum) out.push({ cmd: c, said: mentions(node, c, eff.args.filter((a) => !(a.value ?? '').startsWith('-'))) });
  }
  return out;
}

export default defineRule({
  code: 'DW1013',
  name: 'download-unverified',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Verify what you download',
    what:
      'Flags a `curl` or `wget` download saved to a file (or piped into `tar`) that no checksum or signature check covers: no `sha256sum -c` (or another *sum tool), `gpg --verify`, `cosign verify-blob`, `minisign -V`... naming the file later in the same RUN or in a later RUN of the same stage. A check that names no file the RUN downloaded (`sha256sum -c SHA256SUMS`, `echo "$SHA  $FILE" | sha256sum -c -`) counts for every download of its RUN.',
    why:
      'A URL names a location, not content: a release can be re-uploaded, a mirror compromised, a CDN can serve a truncated file. Without a checksum pinned in the Dockerfile two builds can install different bytes, and nothing notices. The official images check every download they make.',
    examples: [
      {
        bad: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64 && chmod +x /usr/local/bin/tini',
        good: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64 \\\n && echo "93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c  /usr/local/bin/tini" | sha256sum -c - \\\n && chmod +x /usr/local/bin/tini',
      },
      { bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/app-1.2.3.tar.gz | tar -xz -C /opt', good: 'FROM debian:12\nRUN curl -fsSLo app.tgz https://example.com/app-1.2.3.tar.gz \\\n && sha256sum -c app.tgz.sha256 && tar -xzf app.tgz -C /opt' },
    ],
    exceptions:
      'Not flagged: URLs that name a git commit (a 40-hex id, or a variable called `*COMMIT*`/`*_SHA`), whose content cannot change; keys, signatures, checksum lists and repository definitions (`.asc`, `.gpg`, `SHA256SUMS`, files under `/etc/apt` or `/usr/share/keyrings`); downloads printed, piped into other programs (`jq`, `gpg --dearmor`) or read by a command substitution; API calls (`-X`, `-d`, `--head`); localhost. A download piped into a shell is DW1012. A check done by a script copied into the image cannot be seen.',
    references: ['https://docs.docker.com/build/building/best-practices/#add-or-copy'],
  },
  check({ model, report }) {
    // The downloads of every RUN in file order, taken one RUN at a time (a RUN's downloads are adjacent).
    const downloads = downloadCommands(model);
    let i = 0;
    for (let first = downloads[0]; first !== undefined; first = downloads[i]) {
      const node = first.node;
      const targets: Target[] = [];
      for (let e: (typeof downloads)[number] | undefined = first; e !== undefined && e.node === node; e = downloads[++i]) {
        const t = targetOf(node, e.download);
        if (t) targets.push(t);
      }
      if (targets.length === 0) continue;
      const here = checksOf(node);
      const names = targets.map((t) => t.name).filter((n): n is string => n !== null);
      const later = imageNodesAfter(model, node).filter((n) => n.stageIndex === node.stageIndex).flatMap((n) => checksOf(n));
      for (const t of targets) {
        if (t.stream === null) {
          const after = here.filter((c) => c.cmd.start > t.cmd.start);
          const named = (c: Check): boolean => t.name !== null && c.said.includes(t.name);
          const opaque = (c: Check): boolean => !names.some((n) => c.said.includes(n));
          if (after.some((c) => named(c) || opaque(c) || t.name === null)) continue;
          if (later.some(named)) continue;
        }
        const raw = text(t.url);
        const url = node.resolve(raw.replace(/^"|"$/g, '')) ?? raw;
        const how = t.stream !== null ? `is piped straight into \`${t.stream}\`, so it cannot be checked` : t.name !== null ? `is saved as \`${t.name}\` and never checked` : 'is downloaded and never checked';
        report({
          message: `\`${url}\` ${how}: pin its content with \`echo "<sha256>  <file>" | sha256sum -c -\` (or \`gpg --verify\`) in the same RUN, before using it`,
          range: wordRange(node, t.url),
        });
      }
    }
  },
});
