import { defineRule, nodesOf, unquote } from '../../src/rule-api.js';

/** Kernel and boot directories (Trivy's list plus /sys). */
const SYSTEM_DIRS = ['/proc', '/sys', '/boot', '/dev', '/initrd', '/lost+found'];

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

export default defineRule({
  code: 'DW4010',
  name: 'workdir-system-dir',
  severity: 'warning',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'WORKDIR should not be a system directory',
    what: 'Flags a WORKDIR that is, or lies under, `/proc`, `/sys`, `/boot`, `/dev`, `/initrd` or `/lost+found` (after variable substitution, relative paths resolved against the previous WORKDIR).',
    why: 'At run time `/proc`, `/sys` and `/dev` are kernel file systems mounted by the container runtime, so files the build put there are hidden, and a process working inside them is one step away from host interfaces. A container escape often starts with writes to these paths.',
    examples: [{ bad: 'FROM debian:12\nWORKDIR /proc/app', good: 'FROM debian:12\nWORKDIR /srv/app' }],
    exceptions: 'A WORKDIR whose value is not known statically (an ARG without default) is not flagged.',
    equivalents: ['Trivy DS-0030 (AVD-DS-0030, avoid-sys-workdir-mounts)'],
    references: ['https://avd.aquasec.com/misconfig/ds030'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'WORKDIR')) {
      const first = node.syntax.args[0];
      if (!first) continue;
      const raw = node.syntax.args.map((a) => a.value).join(' ');
      const resolved = node.resolve(raw);
      if (resolved === null) continue;
      const value = unquote(resolved);
      if (/^[A-Za-z]:/.test(value)) continue;
      const base = node.state.workdir ?? '/';
      const path = normalise(value.startsWith('/') ? value : `${base}/${value}`);
      const dir = SYSTEM_DIRS.find((d) => path === d || path.startsWith(`${d}/`));
      if (dir === undefined) continue;
      const last = node.syntax.args[node.syntax.args.length - 1] ?? first;
      report({ message: `WORKDIR ${path} is inside the system directory ${dir}`, range: { start: first.range.start, end: last.range.end } });
    }
  },
});
