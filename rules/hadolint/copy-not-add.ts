import { defineRule, nodesOf, unquote } from '../../src/rule-api.js';

/** Extensions ADD unpacks (hadolint's list of archive formats). */
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz|tbz2|tb2|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz|lz|lzma|tlz|z|tz|tpz|zst)$/i;
const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;

export default defineRule({
  code: 'DL3020',
  name: 'copy-not-add',
  severity: 'error',
  category: 'maintainability',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Use COPY instead of ADD for files and folders',
    what: 'Flags an ADD whose sources are all local files or folders that are not archives. ADD is only needed for URLs, git repositories and local archives it should unpack.',
    why: 'ADD has surprising extra behaviour (it unpacks archives and fetches URLs). COPY says exactly what happens, so readers and tools do not have to guess.',
    examples: [{ bad: 'FROM alpine:3.20\nADD app.py /app/', good: 'FROM alpine:3.20\nCOPY app.py /app/' }],
    exceptions: 'ADD of an http(s) URL, a git repository, or a local archive is not flagged (see the unpinned-download rules for URLs).',
    equivalents: ['hadolint DL3020', 'Trivy DS-0005', 'Checkov CKV_DOCKER_4'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'ADD')) {
      const copy = node.copy;
      if (!copy || copy.sources.length === 0) continue;
      const flagged = copy.sources.some((s) => {
        const v = unquote(node.resolve(s.value) ?? s.value);
        return !REMOTE.test(v) && !ARCHIVE.test(v);
      });
      if (!flagged) continue;
      const kw = node.syntax.keywordRange;
      report({
        message: 'Use COPY instead of ADD for files and folders',
        range: kw,
        fix: { title: 'Replace ADD with COPY', safety: 'safe', edits: [{ range: kw, newText: node.syntax.rawKeyword === node.syntax.rawKeyword.toLowerCase() ? 'copy' : 'COPY' }] },
      });
    }
  },
});
