/**
 * MigrationPlan -> migration-report.json (schema: docs/migration-report.schema.json, version
 * REPORT_SCHEMA_VERSION) and a text report for people, plus the exit-code decision.
 *
 * The report restates the plan, adds what only the target knows (limitations of
 * nix2container/apko), derives the three problem classes (unpinned versions, build-only
 * artifacts, implicit base-image dependencies) with how each was resolved, and collects every
 * item that needs a person. Exit code 3 when there is at least one such item.
 */
import type { Severity } from '../core/types.js';
import { apkoLimitations } from './apko.js';
import { GENERATOR_NAME, allPlaceholders, compareStrings, isNixTarget, lineRef, outputFiles } from './common.js';
import { type TargetLimitation, nix2containerLimitations } from './nix2container.js';
import type {
  HumanItem,
  ImplicitNeedKind,
  InstructionOutcomeKind,
  MigrationPlan,
  MigrationTarget,
  PackagePlan,
  Placeholder,
  PlanFinding,
} from './plan.js';

export const REPORT_SCHEMA_VERSION = '1.0';
/** Exit code when the report holds items that need a person. */
export const EXIT_NEEDS_PERSON = 3;

export interface ReportInstruction {
  line: number;
  endLine: number | null;
  instruction: string;
  text: string;
  outcome: InstructionOutcomeKind;
  nix: string | null;
  reason: string;
  findings: string[];
}

export interface ReportPackage {
  manager: PackagePlan['manager'];
  name: string;
  version: string | null;
  file: string | null;
  line: number;
  nixAttr: string | null;
  role: PackagePlan['role'];
  status: PackagePlan['status'];
  decision: { method: string; confidence: string; verified: string | null; note: string | null };
  versionMatch: 'yes' | 'no' | 'unknown' | null;
  helper: ImplicitNeedKind | null;
}

export interface ResolvedProblem {
  line: number | null;
  file: string | null;
  what: string;
  resolution: string;
}

export interface ReportFinding {
  id: string;
  rule: string;
  severity: Severity;
  category: string;
  line: number | null;
  file: string | null;
  message: string;
  resolution: string | null;
  status: PlanFinding['status'];
  source: 'plan' | 'target';
}

export interface MigrationReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generator: { name: string };
  input: {
    dockerfile: string;
    contextFilesRead: string[];
    stages: { index: number; name: string | null; from: string; digest: string | null; role: string }[];
  };
  output: {
    target: MigrationTarget;
    builder: string;
    files: string[];
    base: { strategy: 'scratch' | 'pullImage'; image: string | null };
    nixpkgs: { channel: string | null; rev: string | null; sha256: string | null; status: 'pinned' | 'unresolved' } | null;
  };
  summary: {
    instructions: number;
    translated: number;
    replaced: number;
    droppedBuildOnly: number;
    untranslatable: number;
    packages: { total: number; runtime: number; buildOnly: number; mapped: number; notNeeded: number; needsConfirmation: number; unmapped: number };
    problemClasses: { unpinnedVersion: number; buildOnlyArtifact: number; implicitDependency: number };
    findings: { error: number; warning: number; info: number; style: number };
    placeholders: number;
    needsPerson: number;
  };
  instructions: ReportInstruction[];
  packages: ReportPackage[];
  problemClasses: {
    unpinnedVersion: ResolvedProblem[];
    buildOnlyArtifact: ResolvedProblem[];
    implicitDependency: ResolvedProblem[];
  };
  implicitNeeds: { kind: ImplicitNeedKind; provides: string; reason: string; lines: number[] }[];
  findings: ReportFinding[];
  placeholders: Placeholder[];
  needsPerson: HumanItem[];
  exitCode: 0 | typeof EXIT_NEEDS_PERSON;
}

const TARGET_BUILDER: Record<MigrationTarget, string> = {
  buildLayeredImage: 'nixpkgs.dockerTools.buildLayeredImage',
  streamLayeredImage: 'nixpkgs.dockerTools.streamLayeredImage',
  nix2container: 'nix2container.buildImage',
  apko: 'apko',
};

const NEED_PROVIDES: Record<ImplicitNeedKind, string> = {
  binSh: 'pkgs.dockerTools.binSh (/bin/sh)',
  tmp: 'fakeRootCommands: mkdir -p ./tmp; chmod 1777 ./tmp',
  fakeNss: 'pkgs.dockerTools.fakeNss (/etc/passwd, /etc/group)',
  cacert: 'pkgs.dockerTools.caCertificates (/etc/ssl/certs)',
  tzdata: 'pkgs.tzdata with TZDIR',
  usrBinEnv: 'pkgs.dockerTools.usrBinEnv (/usr/bin/env)',
  ianaEtc: 'pkgs.iana-etc (/etc/services, /etc/protocols)',
};

const NEED_PROVIDES_APKO: Record<ImplicitNeedKind, string> = {
  binSh: 'busybox package',
  tmp: 'paths: /tmp directory 1777',
  fakeNss: 'accounts',
  cacert: 'ca-certificates-bundle package',
  tzdata: 'tzdata package',
  usrBinEnv: 'busybox package',
  ianaEtc: 'Wolfi/Alpine base files',
};

/** Limitations of the chosen target (empty for the dockerTools targets). */
export function targetLimitations(plan: MigrationPlan): TargetLimitation[] {
  switch (plan.target) {
    case 'nix2container':
      return nix2containerLimitations(plan);
    case 'apko':
      return apkoLimitations(plan);
    default:
      return [];
  }
}

function nextId(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = prefix + String(n).padStart(3, '0');
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function problemClasses(plan: MigrationPlan, placeholders: readonly Placeholder[]): MigrationReport['problemClasses'] {
  const pinned = plan.nixpkgs.rev !== null && plan.nixpkgs.sha256 !== null;
  const pinText = pinned
    ? `fixed by nixpkgs revision ${plan.nixpkgs.rev ?? ''}`
    : `fixed by the nixpkgs revision once ${placeholders.filter((p) => p.kind === 'nixpkgs-rev' || p.kind === 'nixpkgs-sha256').map((p) => p.id).join('/') || 'the pin'} is filled`;
  const unpinned: ResolvedProblem[] = [];
  for (const s of plan.stages) {
    if (s.from.digest !== null || s.from.ref === 'scratch') continue;
    const keep = plan.base.kind === 'pullImage' && s.role === 'final';
    unpinned.push({
      line: s.from.line,
      file: null,
      what: `FROM ${s.from.ref}: mutable tag, no digest`,
      resolution: keep
        ? 'kept as base via pullImage, pinned by digest and hash'
        : s.role === 'builder'
          ? `build toolchain comes from nixpkgs, ${pinText}`
          : `base image replaced; userland ${pinText}`,
    });
  }
  for (const p of plan.packages) {
    if (p.version !== null && !/^[=]{0,2}$/.test(p.version) && !/[*<>~^]/.test(p.version)) continue;
    if (p.role === 'build-only' && p.nixAttr === null) continue;
    unpinned.push({
      line: p.line,
      file: p.file ?? null,
      what: `${p.manager} ${p.name}${p.version ?? ''}: no exact version`,
      resolution: p.nixAttr === null ? 'no nixpkgs attribute chosen yet (see needsPerson)' : `${p.nixAttr} ${pinText}`,
    });
  }
  const buildOnly: ResolvedProblem[] = [];
  for (const ins of plan.instructions) {
    if (ins.outcome !== 'dropped-build-only') continue;
    buildOnly.push({ line: ins.line, file: null, what: ins.text.split('\n')[0] ?? ins.text, resolution: `not in the image: ${ins.reason}` });
  }
  for (const p of plan.packages) {
    if (p.role !== 'build-only') continue;
    buildOnly.push({
      line: p.line,
      file: p.file ?? null,
      what: `${p.manager} ${p.name} (build-only)`,
      resolution: p.nixAttr === null ? 'not shipped; the Nix build environment provides what the build needs' : `not shipped; available as ${p.nixAttr} to builders only`,
    });
  }
  for (const b of plan.builders) {
    buildOnly.push({
      line: b.stage.line,
      file: null,
      what: `builder stage ${b.stage.name ?? String(b.stage.index)}: toolchain and sources`,
      resolution: `derivation ${b.id}; only ${b.outputs.map((o) => o.outPath).join(', ') || 'its output'} reaches the image`,
    });
  }
  const provides = isNixTarget(plan.target) ? NEED_PROVIDES : NEED_PROVIDES_APKO;
  const implicit: ResolvedProblem[] = plan.implicitNeeds.map((n) => ({
    line: n.lines[0] ?? null,
    file: null,
    what: n.reason,
    resolution: `added explicitly: ${provides[n.kind]}`,
  }));
  for (const p of plan.packages) {
    if (p.helper === undefined || p.role !== 'runtime' || plan.implicitNeeds.some((n) => n.kind === p.helper)) continue;
    implicit.push({ line: p.line, file: null, what: `${p.manager} ${p.name}`, resolution: `added explicitly: ${provides[p.helper]}` });
  }
  return { unpinnedVersion: unpinned, buildOnlyArtifact: buildOnly, implicitDependency: implicit };
}

/** Build the report object. Pure: the same plan gives the same report. */
export function buildMigrationReport(plan: MigrationPlan): MigrationReport {
  const placeholders = allPlaceholders(plan);
  const limitations = targetLimitations(plan);

  const usedF = new Set(plan.findings.map((f) => f.id));
  const findings: ReportFinding[] = plan.findings.map((f) => ({
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    category: f.category,
    line: f.line,
    file: f.file ?? null,
    message: f.message,
    resolution: f.resolution ?? null,
    status: f.status,
    source: 'plan',
  }));
  const limitFinding = new Map<TargetLimitation, string>();
  for (const l of limitations) {
    const id = nextId('F', usedF);
    limitFinding.set(l, id);
    findings.push({
      id,
      rule: l.rule,
      severity: l.severity,
      category: 'correctness',
      line: l.line,
      file: null,
      message: l.message,
      resolution: null,
      status: l.needsPerson ? 'needs-review' : 'unchanged',
      source: 'target',
    });
  }

  const usedH = new Set(plan.needsPerson.map((h) => h.id));
  const needsPerson: HumanItem[] = [...plan.needsPerson];
  for (const ins of plan.instructions) {
    if (ins.outcome !== 'untranslatable') continue;
    if (needsPerson.some((h) => h.kind === 'untranslatable' && h.line === ins.line)) continue;
    needsPerson.push({ id: nextId('H', usedH), kind: 'untranslatable', line: ins.line, message: `${ins.instruction} at ${lineRef(plan, ins.line, ins.endLine)} was not translated: ${ins.reason}` });
  }
  for (const p of plan.packages) {
    const where = p.file !== undefined ? `${p.file}:${p.line}` : lineRef(plan, p.line);
    if (p.status === 'unmapped' && !needsPerson.some((h) => h.kind === 'unmapped-package' && h.message.includes(p.name))) {
      needsPerson.push({ id: nextId('H', usedH), kind: 'unmapped-package', line: p.line, message: `${p.manager} package ${p.name} (${where}) has no nixpkgs attribute; choose one or drop it` });
    }
    if (p.status === 'needs-confirmation' && p.line !== undefined && !needsPerson.some((h) => h.kind === 'confirm-choice' && h.line === p.line && (p.file === undefined || h.message.includes(p.name)))) {
      needsPerson.push({ id: nextId('H', usedH), kind: 'confirm-choice', line: p.line, message: `confirm ${p.manager} ${p.name} -> ${p.nixAttr ?? '(none)'} (${p.decision.method}, ${p.decision.confidence} confidence)` });
    }
  }
  for (const l of limitations) {
    if (!l.needsPerson) continue;
    const item: HumanItem = { id: nextId('H', usedH), kind: 'target-limitation', line: l.line, message: l.message };
    const f = limitFinding.get(l);
    if (f !== undefined) item.finding = f;
    needsPerson.push(item);
  }

  const count = (o: InstructionOutcomeKind): number => plan.instructions.filter((i) => i.outcome === o).length;
  const sev = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const pkgCount = (pred: (p: PackagePlan) => boolean): number => plan.packages.filter(pred).length;
  const classes = problemClasses(plan, placeholders);
  const exitCode = needsPerson.length > 0 ? EXIT_NEEDS_PERSON : 0;
  const provides = isNixTarget(plan.target) ? NEED_PROVIDES : NEED_PROVIDES_APKO;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: GENERATOR_NAME },
    input: {
      dockerfile: plan.source.dockerfile,
      contextFilesRead: [...plan.source.contextFilesRead],
      stages: plan.stages.map((s) => ({ index: s.index, name: s.name, from: s.from.ref, digest: s.from.digest, role: s.role })),
    },
    output: {
      target: plan.target,
      builder: TARGET_BUILDER[plan.target],
      files: outputFiles(plan.target),
      base:
        plan.base.kind === 'pullImage'
          ? { strategy: 'pullImage', image: plan.base.image.ref }
          : { strategy: 'scratch', image: plan.base.replaced?.ref ?? null },
      nixpkgs: isNixTarget(plan.target)
        ? { ...plan.nixpkgs, status: plan.nixpkgs.rev !== null && plan.nixpkgs.sha256 !== null ? 'pinned' : 'unresolved' }
        : null,
    },
    summary: {
      instructions: plan.instructions.length,
      translated: count('translated'),
      replaced: count('replaced'),
      droppedBuildOnly: count('dropped-build-only'),
      untranslatable: count('untranslatable'),
      packages: {
        total: plan.packages.length,
        runtime: pkgCount((p) => p.role === 'runtime'),
        buildOnly: pkgCount((p) => p.role === 'build-only'),
        mapped: pkgCount((p) => p.status === 'mapped'),
        notNeeded: pkgCount((p) => p.status === 'not-needed'),
        needsConfirmation: pkgCount((p) => p.status === 'needs-confirmation'),
        unmapped: pkgCount((p) => p.status === 'unmapped'),
      },
      problemClasses: {
        unpinnedVersion: classes.unpinnedVersion.length,
        buildOnlyArtifact: classes.buildOnlyArtifact.length,
        implicitDependency: classes.implicitDependency.length,
      },
      findings: { error: sev('error'), warning: sev('warning'), info: sev('info'), style: sev('style') },
      placeholders: placeholders.length,
      needsPerson: needsPerson.length,
    },
    instructions: plan.instructions.map((i) => ({
      line: i.line,
      endLine: i.endLine ?? null,
      instruction: i.instruction,
      text: i.text,
      outcome: i.outcome,
      nix: i.nix,
      reason: i.reason,
      findings: [...i.findings],
    })),
    packages: plan.packages.map((p) => ({
      manager: p.manager,
      name: p.name,
      version: p.version,
      file: p.file ?? null,
      line: p.line,
      nixAttr: p.nixAttr,
      role: p.role,
      status: p.status,
      decision: {
        method: p.decision.method,
        confidence: p.decision.confidence,
        verified: p.decision.verified ?? null,
        note: p.decision.note ?? null,
      },
      versionMatch: p.versionMatch ?? null,
      helper: p.helper ?? null,
    })),
    problemClasses: classes,
    implicitNeeds: plan.implicitNeeds.map((n) => ({ kind: n.kind, provides: provides[n.kind], reason: n.reason, lines: [...n.lines] })),
    findings,
    placeholders,
    needsPerson,
    exitCode,
  };
}

/** migration-report.json text: 2-space JSON, trailing newline, stable key order. */
export function serializeReport(report: MigrationReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** The exit-code decision: 3 when a person has to act, else 0. */
export function migrationExitCode(report: Pick<MigrationReport, 'needsPerson'>): 0 | typeof EXIT_NEEDS_PERSON {
  return report.needsPerson.length > 0 ? EXIT_NEEDS_PERSON : 0;
}

/** A plain-text report for the terminal. */
export function formatTextReport(report: MigrationReport): string {
  const out: string[] = [];
  const s = report.summary;
  const df = report.input.dockerfile;
  out.push(`Migration of ${df} -> ${report.output.builder} (${report.output.files.join(', ')})`);
  out.push(
    `Instructions: ${s.instructions} (translated ${s.translated}, replaced ${s.replaced}, dropped as build-only ${s.droppedBuildOnly}, untranslatable ${s.untranslatable})`,
  );
  out.push('');
  out.push('Instructions');
  for (const i of report.instructions) {
    const first = i.text.split('\n')[0] ?? '';
    out.push(`  ${df}:${i.line}  ${i.outcome.padEnd(18)} ${first}`);
    out.push(`  ${' '.repeat(df.length + String(i.line).length + 1)}  ${' '.repeat(18)} -> ${i.nix ?? i.reason}`);
  }
  if (report.packages.length > 0) {
    out.push('', 'Packages');
    for (const p of report.packages) {
      const src = `${p.manager} ${p.name}${p.version ?? ''}`;
      const where = p.file !== null ? `${p.file}:${p.line}` : `${df}:${p.line}`;
      out.push(`  ${src.padEnd(32)} ${(p.nixAttr ?? '-').padEnd(28)} ${p.role.padEnd(10)} ${p.status} (${p.decision.method}, ${where})`);
    }
  }
  const classes: [string, ResolvedProblem[]][] = [
    ['Unpinned versions -> pinned', report.problemClasses.unpinnedVersion],
    ['Build-only artifacts -> no longer shipped', report.problemClasses.buildOnlyArtifact],
    ['Implicit base-image dependencies -> explicit', report.problemClasses.implicitDependency],
  ];
  for (const [title, list] of classes) {
    if (list.length === 0) continue;
    out.push('', `${title} (${list.length})`);
    for (const p of list) out.push(`  ${p.line !== null ? `${p.file ?? df}:${p.line}  ` : ''}${p.what}: ${p.resolution}`);
  }
  if (report.findings.length > 0) {
    out.push('', 'Findings');
    for (const f of [...report.findings].sort((a, b) => compareStrings(a.id, b.id))) {
      out.push(`  ${f.id} ${f.severity.padEnd(7)} ${f.rule}${f.line !== null ? ` (${f.file ?? df}:${f.line})` : ''}: ${f.message}`);
    }
  }
  if (report.placeholders.length > 0) {
    out.push('', `Placeholders to fill (${report.placeholders.length})`);
    for (const p of report.placeholders) out.push(`  ${p.id} ${p.file} ${p.what}: ${p.fill}`);
  }
  out.push('');
  if (report.needsPerson.length > 0) {
    out.push(`Needs a person (${report.needsPerson.length}) -> exit code ${EXIT_NEEDS_PERSON}`);
    for (const h of report.needsPerson) out.push(`  ${h.id} ${h.kind}${h.line !== null ? ` (${df}:${h.line})` : ''}: ${h.message}`);
  } else {
    out.push('Nothing needs a person; fill the placeholders and build.');
  }
  return out.join('\n') + '\n';
}
