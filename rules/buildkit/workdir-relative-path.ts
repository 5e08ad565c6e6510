import { defineRule, unquote } from '../../src/rule-api.js';

/** Absolute for Linux (`/x`) or Windows (`C:\x`, `C:/x`, `\x`) targets. */
function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

export default defineRule({
  code: 'WorkdirRelativePath',
  name: 'workdir-relative-path',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  duplicates: ['DL3000'],
  fixable: false,
  docs: {
    summary: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
    what: 'Flags the first WORKDIR of a stage (counting the stages it is built on) when its path, after variable substitution, is relative.',
    why: 'A relative WORKDIR is resolved against the working directory of the base image. If the next version of the base image changes its WORKDIR, files land somewhere else without any change to this Dockerfile. Setting an absolute WORKDIR first makes later relative ones safe.',
    examples: [
      { bad: 'FROM alpine:3.20\nWORKDIR app', good: 'FROM alpine:3.20\nWORKDIR /app' },
      { bad: 'FROM nginx:1.27\nWORKDIR usr/share/nginx/html', good: 'FROM nginx:1.27\nWORKDIR /usr/share/nginx/html\nWORKDIR assets' },
    ],
    exceptions: 'Only the first WORKDIR counts: once a stage has set any WORKDIR, later relative ones are not flagged (fixing the first fixes them). A stage built on an earlier stage inherits that stage\'s WORKDIR. Paths whose variables have no known value, and ONBUILD triggers, are skipped. Windows drive paths (`C:\\app`) are absolute.',
    equivalents: ['BuildKit WorkdirRelativePath', 'hadolint DL3000'],
    references: ['https://docs.docker.com/reference/build-checks/workdir-relative-path/'],
  },
  check({ model, report }) {
    const setAtEnd: boolean[] = [];
    for (const stage of model.stages) {
      let set = stage.parentIndex !== null ? (setAtEnd[stage.parentIndex] ?? false) : false;
      for (const node of stage.instructions) {
        if (node.keyword !== 'WORKDIR' || node.onbuild) continue;
        const s = node.syntax;
        if (!set && s.argsRange) {
          const raw = s.args.map((a) => a.value).join(' ');
          const resolved = node.resolve(raw);
          if (resolved !== null) {
            const path = unquote(resolved);
            if (!isAbsolute(path)) {
              report({ message: `Relative workdir ${JSON.stringify(path)} can have unexpected results if the base image changes`, range: s.argsRange });
            }
          }
        }
        set = true;
      }
      setAtEnd[stage.index] = set;
    }
  },
});
