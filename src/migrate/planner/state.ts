/**
 * Options, errors and the per-call accumulator of the planner. Nothing here lives beyond one
 * `planMigration` call.
 */
import type { DockerfileModel, InstructionNode } from '../../model/model.js';
import type { PackageMap } from '../packages.js';
import type { HumanItem, InstructionOutcome, InstructionOutcomeKind, MigrationTarget, PlanFinding } from '../plan.js';
import { endLineOf, lineOf, textOf } from './util.js';

export type TargetOption = 'nix' | 'nix2container' | 'apko' | MigrationTarget;

export interface PlanOptions {
  /** `nix` (dockerTools, the default), `nix2container` or `apko`; MigrationTarget names work too. */
  target?: TargetOption;
  /** With `nix`: streamLayeredImage instead of buildLayeredImage. */
  stream?: boolean;
  /** Stage to migrate (name or index); default the last stage. */
  stage?: string;
  /** Image name; default the context directory's name, else "app". */
  name?: string;
  tag?: string;
  /** Build context directory (only its name is used, for the default image name). */
  contextDir?: string;
  /** Dockerfile path as reports and comments show it; default "Dockerfile". */
  dockerfile?: string;
  /** Read a file of the build context (path relative to the context); null when absent or unreadable. */
  readContextFile?: (path: string) => string | null;
  /** Whether a context path is a file or a directory; null when unknown. Without it a heuristic decides. */
  contextKind?: (path: string) => 'file' | 'directory' | null;
  /** Package map to use (default: data/package-map.json). */
  packageMap?: PackageMap;
}

/** An input problem the planner cannot work around (no FROM, unknown --stage ...). */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

export interface PlanState {
  readonly model: DockerfileModel;
  readonly opts: PlanOptions;
  readonly map: PackageMap;
  readonly file: string;
  readonly findings: PlanFinding[];
  readonly needsPerson: HumanItem[];
  readonly outcomes: Map<number, InstructionOutcome>;
  readonly contextFilesRead: string[];
  readonly contextCache: Map<string, string | null>;
}

export function newState(model: DockerfileModel, opts: PlanOptions, map: PackageMap): PlanState {
  return {
    model,
    opts,
    map,
    file: opts.dockerfile ?? 'Dockerfile',
    findings: [],
    needsPerson: [],
    outcomes: new Map(),
    contextFilesRead: [],
    contextCache: new Map(),
  };
}

/** Read a context file once; records it in `contextFilesRead` when it exists. */
export function readContext(st: PlanState, p: string): string | null {
  const cached = st.contextCache.get(p);
  if (cached !== undefined) return cached;
  const read = st.opts.readContextFile;
  const content = read === undefined ? null : read(p);
  st.contextCache.set(p, content);
  if (content !== null && !st.contextFilesRead.includes(p)) st.contextFilesRead.push(p);
  return content;
}

/** True when the caller can read the build context at all. */
export function hasContext(st: PlanState): boolean {
  return st.opts.readContextFile !== undefined;
}

export function addFinding(st: PlanState, f: Omit<PlanFinding, 'id'>): string {
  const id = 'F' + String(st.findings.length + 1).padStart(3, '0');
  st.findings.push({ id, ...f });
  return id;
}

export function addHuman(st: PlanState, h: Omit<HumanItem, 'id'>): string {
  const id = 'H' + String(st.needsPerson.length + 1).padStart(3, '0');
  st.needsPerson.push({ id, ...h });
  return id;
}

export function setOutcome(
  st: PlanState,
  node: InstructionNode,
  outcome: InstructionOutcomeKind,
  nix: string | null,
  reason: string,
  findings: readonly string[] = [],
): InstructionOutcome {
  const line = lineOf(node);
  const o: InstructionOutcome = {
    line,
    instruction: node.keyword,
    text: textOf(st.model.text, node),
    outcome,
    nix,
    reason,
    findings: [...findings],
  };
  const end = endLineOf(node);
  if (end !== undefined) o.endLine = end;
  st.outcomes.set(line, o);
  return o;
}

/** Attach a finding id to an instruction's outcome (when it has one already). */
export function linkFinding(st: PlanState, line: number, id: string): void {
  const o = st.outcomes.get(line);
  if (o !== undefined && !o.findings.includes(id)) o.findings.push(id);
}
