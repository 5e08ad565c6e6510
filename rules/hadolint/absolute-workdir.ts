import { defineRule, nodesOf, unquote } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3000',
  name: 'absolute-workdir',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Use absolute WORKDIR',
    what: 'Flags a WORKDIR whose path (quotes removed) does not start with `/`, a variable (`$`), or a Windows drive letter (`C:`).',
    why: 'A relative WORKDIR is resolved against whatever the previous working directory was, which may come from the base image and change without notice. An absolute path says where files go.',
    examples: [{ bad: 'FROM alpine:3.20\nWORKDIR app', good: 'FROM alpine:3.20\nWORKDIR /app' }],
    exceptions: 'A path starting with a variable is not flagged, since its value may be absolute. BuildKit\'s `WorkdirRelativePath` is narrower (only before any absolute WORKDIR in the stage).',
    equivalents: ['hadolint DL3000', 'Trivy DS-0009', 'Checkov CKV_DOCKER_10', 'dockerfile-utils WORKDIR_IS_NOT_ABSOLUTE'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'WORKDIR')) {
      const args = node.syntax.args;
      const first = args[0];
      const last = args[args.length - 1];
      if (!first || !last) continue;
      const path = unquote(args.map((a) => a.value).join(' '));
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path) || path.startsWith('\\')) continue;
      report({ message: `Use absolute WORKDIR: "${path}" is relative`, range: { start: first.range.start, end: last.range.end } });
    }
  },
});
