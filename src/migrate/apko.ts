/**
 * MigrationPlan -> apko.yaml (chainguard-dev/apko `docs/apko_file.md`).
 *
 * apko assembles an image from apk packages only: no RUN, no COPY of arbitrary files, no
 * ports, labels or healthcheck (chainguard-dev/apko #441, #852, #1207, #692). What the plan
 * needs beyond that is reported as a target limitation (files and builder stages have to be
 * packaged with melange first).
 *
 * The YAML is written by hand (no dependency): keys in a fixed order, every string quoted as
 * a JSON string (JSON strings are valid YAML 1.2 double-quoted scalars).
 */
import { GENERATOR_NAME, assertValidPlan, lineRef, templateToPlainText } from './common.js';
import type { TargetLimitation } from './nix2container.js';
import type { MigrationPlan, Template } from './plan.js';

type Yaml = string | number | boolean | Yaml[] | { [key: string]: Yaml };

function scalar(v: string | number | boolean): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function toYaml(v: Yaml, indent: number): string[] {
  const pad = '  '.repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return [pad + '[]'];
    return v.flatMap((x) => {
      if (typeof x === 'object') {
        const inner = toYaml(x, indent + 1);
        const first = inner[0] ?? '';
        return [pad + '- ' + first.trimStart(), ...inner.slice(1)];
      }
      return [pad + '- ' + scalar(x)];
    });
  }
  if (typeof v === 'object') {
    const lines: string[] = [];
    for (const [k, val] of Object.entries(v)) {
      const key = /^[A-Za-z0-9_.-]+$/.test(k) ? k : JSON.stringify(k);
      if (typeof val === 'object' && (Array.isArray(val) ? val.length > 0 : Object.keys(val).length > 0)) {
        lines.push(pad + key + ':', ...toYaml(val, Array.isArray(val) ? indent + 1 : indent + 1));
      } else if (typeof val === 'object') {
        lines.push(pad + key + ': ' + (Array.isArray(val) ? '[]' : '{}'));
      } else {
        lines.push(pad + key + ': ' + scalar(val));
      }
    }
    return lines;
  }
  return [pad + scalar(v)];
}

function alpineBranch(plan: MigrationPlan): string | null {
  const from = plan.stages.find((s) => s.role === 'final')?.from;
  if (from === undefined || !/(^|\/)alpine$/.test(from.name)) return null;
  const m = /^(\d+\.\d+)/.exec(from.tag ?? '');
  return m?.[1] !== undefined ? `v${m[1]}` : 'edge';
}

export function apkoLimitations(plan: MigrationPlan): TargetLimitation[] {
  const out: TargetLimitation[] = [];
  const c = plan.config;
  for (const b of plan.builders) {
    out.push({
      rule: 'builder-needs-melange',
      severity: 'error',
      line: b.stage.line,
      message: `apko cannot build: package builder stage ${b.stage.name ?? String(b.stage.index)} (${b.kind}) with melange and add it to contents.packages.`,
      needsPerson: true,
    });
  }
  for (const copy of plan.copies) {
    if (copy.from.kind === 'builder') continue; // covered by the builder item
    out.push({
      rule: 'files-need-melange',
      severity: 'error',
      line: copy.line,
      message: `apko cannot copy files: ${copy.dest} has to come from an apk package (melange).`,
      needsPerson: true,
    });
  }
  for (const p of plan.packages) {
    if (p.role !== 'runtime') continue;
    if (p.manager !== 'apk') {
      out.push({
        rule: 'package-needs-apk-name',
        severity: 'error',
        line: p.line,
        message: `${p.manager} package ${p.name} has no apk name in the mapping table; choose the Wolfi/Alpine package.`,
        needsPerson: true,
      });
    }
  }
  if (c.ports.length > 0) {
    out.push({ rule: 'ports-unsupported', severity: 'warning', line: c.ports[0]?.line ?? null, message: 'apko has no ExposedPorts; EXPOSE is documentation only, publish the ports at run time.', needsPerson: false });
  }
  if (c.labels.length > 0) {
    out.push({ rule: 'labels-as-annotations', severity: 'warning', line: c.labels[0]?.line ?? null, message: 'apko has no image Labels (chainguard-dev/apko#1207); LABELs are written as manifest annotations.', needsPerson: false });
  }
  if (c.healthcheck !== null) {
    out.push({ rule: 'healthcheck-unsupported', severity: 'error', line: c.healthcheck.line, message: 'apko has no Healthcheck; define it in the orchestrator.', needsPerson: true });
  }
  if (c.shell !== null) {
    out.push({ rule: 'shell-unsupported', severity: 'warning', line: c.shell.line, message: 'apko has no Shell; dropped.', needsPerson: false });
  }
  if (plan.rootfsOps.some((o) => o.op === 'chown' || o.op === 'chmod' || o.op === 'symlink')) {
    out.push({ rule: 'paths-review', severity: 'warning', line: plan.rootfsOps[0]?.line ?? null, message: 'chown/chmod/symlink were written as apko `paths` entries; check owners and modes.', needsPerson: false });
  }
  return out;
}

export function emitApkoYaml(plan: MigrationPlan): string {
  assertValidPlan(plan);
  const c = plan.config;
  const branch = alpineBranch(plan);
  const repositories = branch === null ? ['https://packages.wolfi.dev/os'] : [`https://dl-cdn.alpinelinux.org/alpine/${branch}/main`, `https://dl-cdn.alpinelinux.org/alpine/${branch}/community`];
  const packages: string[] = [];
  for (const p of plan.packages) {
    if (p.role !== 'runtime' || p.manager !== 'apk') continue;
    const name = p.name.replace(/[=<>~].*$/, '');
    if (!packages.includes(name)) packages.push(name);
  }
  if (plan.implicitNeeds.some((n) => n.kind === 'cacert') && !packages.includes('ca-certificates-bundle')) packages.push('ca-certificates-bundle');
  if (plan.implicitNeeds.some((n) => n.kind === 'binSh') && !packages.includes('busybox')) packages.push('busybox');
  if (plan.implicitNeeds.some((n) => n.kind === 'tzdata') && !packages.includes('tzdata')) packages.push('tzdata');
  const doc: Record<string, Yaml> = {};
  const contents: Record<string, Yaml> = { repositories, packages };
  if (branch === null) contents['keyring'] = ['https://packages.wolfi.dev/os/wolfi-signing.rsa.pub'];
  doc['contents'] = contents;
  const cmdText = (argv: readonly Template[]): string =>
    argv.map((a) => templateToPlainText(a)).map((s) => (/[\s"'$\\]/.test(s) ? JSON.stringify(s) : s)).join(' ');
  if (c.entrypoint !== null) doc['entrypoint'] = { command: cmdText(c.entrypoint.argv) };
  if (c.cmd !== null) doc['cmd'] = cmdText(c.cmd.argv);
  if (c.workdir !== null) doc['work-dir'] = c.workdir.path;
  if (c.stopSignal !== null) doc['stop-signal'] = c.stopSignal.signal;
  if (c.env.length > 0) doc['environment'] = Object.fromEntries(c.env.map((e) => [e.name, templateToPlainText(e.value)]));
  if (c.accounts.length > 0 || c.user !== null) {
    const groups = new Map<number, string>();
    for (const a of c.accounts) if (!groups.has(a.gid)) groups.set(a.gid, a.group);
    const accounts: Record<string, Yaml> = {};
    if (groups.size > 0) accounts['groups'] = [...groups].map(([gid, groupname]) => ({ groupname, gid }));
    if (c.accounts.length > 0) accounts['users'] = c.accounts.map((a) => ({ username: a.name, uid: a.uid, gid: a.gid, shell: a.shell }));
    if (c.user !== null) accounts['run-as'] = c.user.spec;
    doc['accounts'] = accounts;
  }
  const paths: Yaml[] = [];
  if (c.workdir !== null && c.workdir.create) paths.push({ path: c.workdir.path, type: 'directory', permissions: 0o755 });
  if (plan.implicitNeeds.some((n) => n.kind === 'tmp')) paths.push({ path: '/tmp', type: 'directory', permissions: 0o1777 });
  for (const op of plan.rootfsOps) {
    if (op.op === 'mkdir') paths.push({ path: op.path, type: 'directory', permissions: parseInt(op.mode ?? '755', 8) });
    else if (op.op === 'symlink') paths.push({ path: op.path, type: 'symlink', source: op.target });
    else if (op.op === 'chmod') paths.push({ path: op.path, type: 'permissions', permissions: parseInt(op.mode, 8), recursive: op.recursive });
  }
  if (paths.length > 0) doc['paths'] = paths;
  if (c.volumes.length > 0) doc['volumes'] = c.volumes.map((v) => v.path);
  if (c.labels.length > 0) doc['annotations'] = Object.fromEntries(c.labels.map((l) => [l.key, l.value]));
  doc['archs'] = ['x86_64', 'aarch64'];

  const header = [`# Generated by ${GENERATOR_NAME} from ./${plan.source.dockerfile}; decisions and open questions: ./migration-report.json`];
  const limits = apkoLimitations(plan);
  if (limits.length > 0) {
    header.push('#', '# Not expressible with apko (see migration-report.json):');
    for (const l of limits) header.push(`#   ${lineRef(plan, l.line)}: ${l.message}`);
  }
  return header.join('\n') + '\n' + toYaml(doc, 0).join('\n') + '\n';
}
