import { defineRule, imageNodesAfter, isFixedGitRef, pathBasename, type DockerfileModel, type InstructionNode } from '../../src/rule-api.js';

const CHECK_TOOL = /\b(?:sha(?:1|224|256|384|512)sum|shasum|md5sum|b2sum|gpgv?2?|Get-FileHash|certutil|cosign|minisign)\b/i;

/** True when a later RUN of the same stage checks the file ADD wrote (by name, with a checksum or signature tool). */
function verifiedLater(model: DockerfileModel, node: InstructionNode, url: string): boolean {
  const dest = node.copy?.dest;
  if (!dest) return false;
  const d = (node.resolve(dest.value) ?? dest.value).replace(/^["']|["']$/g, '');
  const name = d.endsWith('/') || d.endsWith('\\') || d === '.' ? pathBasename((url.split(/[?#]/)[0] ?? url).replace(/\/+$/, '')) : pathBasename(d);
  if (name === '' || name.includes('$')) return false;
  return imageNodesAfter(model, node).some((n) => {
    if (n.stageIndex !== node.stageIndex || n.keyword !== 'RUN') return false;
    const text = model.text.slice(n.syntax.start, n.syntax.end);
    return text.includes(name) && CHECK_TOOL.test(text);
  });
}

/** BuildKit's git sources: `git@host:...`, `git://`, `github.com/...`, or an http(s) URL ending in `.git` or carrying `?ref=`. */
function isGitSource(s: string): boolean {
  const noFragment = s.split('#')[0] ?? s;
  if (/^git@|^git:\/\/|^ssh:\/\/|^github\.com\//.test(s)) return true;
  if (/^https?:\/\//.test(s) && (/\.git$/.test(noFragment.split('?')[0] ?? '') || /[?&](?:ref|tag|branch|commit|checksum)=/.test(noFragment))) return true;
  return false;
}

/** The ref of a git source (`#ref:subdir`, `?ref=`, `?tag=`, `?commit=`), or null. */
function gitRef(s: string): { ref: string; commit: boolean } | null {
  const hash = s.indexOf('#');
  if (hash >= 0) {
    const frag = s.slice(hash + 1).split(':')[0] ?? '';
    return frag === '' ? null : { ref: frag, commit: false };
  }
  const q = /[?&](ref|tag|commit|checksum)=([^&]+)/.exec(s);
  if (q) return { ref: q[2] ?? '', commit: q[1] === 'commit' || q[1] === 'checksum' };
  return null;
}

export default defineRule({
  code: 'DW1014',
  name: 'add-remote-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Pin what `ADD` fetches: `--checksum` for URLs, a tag or commit for git',
    what:
      'Flags `ADD <url>` (http, https, ftp) without `--checksum=sha256:...`, and `ADD <git repository>` that names no ref (the default branch) or a branch (`#main`) instead of a tag or commit, without `--checksum`. Values are read after ARG substitution.',
    why:
      'ADD downloads at build time. Without a checksum the file can change on the server and the image changes with it; a git source on a branch builds whatever the branch holds that day. `--checksum` makes BuildKit fail when the content is not the one you reviewed.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64 /tini',
        good: 'FROM alpine:3.20\nADD --checksum=sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64 /tini',
      },
      { bad: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git /src', good: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src' },
    ],
    exceptions: 'A URL whose file a later RUN of the same stage checks (by name, with `sha256sum`, `gpg`, `Get-FileHash`, `certutil`...) counts as verified. A source whose value depends on an unknown variable is checked only when its shape is still clear (`https://$HOST/x`). Local files and archives are hadolint DL3020 territory.',
    references: ['https://docs.docker.com/reference/dockerfile/#add---checksum', 'https://docs.docker.com/reference/dockerfile/#adding-private-git-repositories'],
  },
  check({ model, report }) {
    for (const node of model.nodes) {
      const c = node.copy;
      if (!c || c.kind !== 'ADD' || c.checksum !== null) continue;
      for (const w of c.sources) {
        const raw = w.value.replace(/^["']|["']$/g, '');
        const v = (node.resolve(raw) ?? raw).trim();
        if (isGitSource(v)) {
          const ref = gitRef(v);
          if (ref && (ref.commit || isFixedGitRef(ref.ref) || ref.ref.includes('$'))) continue;
          const what = ref ? `the branch \`${ref.ref}\`` : 'the default branch';
          report({ message: `\`ADD ${v}\` builds from ${what}, which moves: name a tag or commit (\`#v1.2.3\`, \`#<commit>\`) or add \`--checksum=<commit>\``, range: w.range });
          continue;
        }
        if (!/^(?:https?|ftp):\/\//i.test(v)) continue;
        if (verifiedLater(model, node, v)) continue;
        report({ message: `\`ADD ${v}\` downloads without \`--checksum\`: the file can change on the server between builds. Add \`--checksum=sha256:<digest>\``, range: w.range });
      }
    }
  },
});
