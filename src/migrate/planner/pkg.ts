/**
 * Package decisions for the planner: shell-recogniser results -> PackagePlan through the package
 * map, and requirements.txt parsing.
 */
import type { PackageManager as ShellManager, PackageSpec } from '../../shell/types.js';
import { lookupPackage, normalizePypiName, type PackageMap } from '../packages.js';
import type { PackageManager, PackagePlan, PackageRole } from '../plan.js';

/** The plan's manager for a shell package manager (null: no mapping table). */
export function planManager(m: ShellManager): PackageManager | null {
  switch (m) {
    case 'apt':
    case 'apk':
    case 'pip':
    case 'npm':
    case 'gem':
      return m;
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return 'dnf';
    case 'uv':
      return 'pip';
    default:
      return null;
  }
}

export interface PackageInput {
  manager: PackageManager;
  name: string;
  /** Version as written with its operator ("=1.2", "==0.10.1"), null when unpinned. */
  version: string | null;
  line: number;
  file?: string;
  dynamic?: boolean;
}

export function versionText(spec: PackageSpec): string | null {
  if (spec.version === null) return null;
  return `${spec.operator ?? ''}${spec.version}`;
}

/** Decide one package. */
export function planPackage(map: PackageMap, input: PackageInput): PackagePlan {
  const found = lookupPackage(map, input.manager, input.name);
  const plan: PackagePlan = {
    manager: input.manager,
    name: input.name,
    version: input.version,
    line: input.line,
    nixAttr: found.nixAttr,
    role: found.role,
    decision: { method: found.method, confidence: found.confidence },
    status: found.status,
  };
  if (input.file !== undefined) plan.file = input.file;
  if (found.verified !== undefined) plan.decision.verified = found.verified;
  const notes: string[] = [];
  if (found.via !== undefined && found.via !== input.name) notes.push(`decided as ${found.via}`);
  if (found.note !== undefined) notes.push(found.note);
  if (input.dynamic === true) notes.push('the package list comes from a variable; its value is not known statically');
  if (notes.length > 0) plan.decision.note = notes.join('; ');
  if (found.helper !== undefined) plan.helper = found.helper;
  if (input.version !== null && !/^[=]*$/.test(input.version)) plan.versionMatch = 'unknown';
  return plan;
}

/** Force a role (builder stages, packages removed again); keeps the decision, explains why. */
export function withRole(p: PackagePlan, role: PackageRole, why: string): void {
  if (p.role === role) return;
  p.role = role;
  p.decision.note = p.decision.note !== undefined ? `${why}; ${p.decision.note}` : why;
  if (role === 'build-only' && p.status === 'unmapped') {
    // Nothing of it ships, so no attribute has to be chosen for the image.
    p.status = 'not-needed';
  }
}

/** True for a low-confidence guessed attribute (never written into the Nix expression). */
export function isGuess(p: PackagePlan): boolean {
  return p.decision.method === 'rule:pep503-normalize' || p.decision.confidence === 'low';
}

export interface Requirement {
  name: string;
  version: string | null;
  line: number;
}

export interface RequirementsParse {
  requirements: Requirement[];
  /** Nested `-r other.txt` files (relative to the including file's directory). */
  includes: string[];
  /** Lines that are not plain requirements (URLs, VCS, local paths, -e). */
  unsupported: { line: number; text: string }[];
}

/** Parse a pip requirements file (PEP 508 subset: name, extras, version specifiers, markers). */
export function parseRequirements(content: string): RequirementsParse {
  const out: RequirementsParse = { requirements: [], includes: [], unsupported: [] };
  const lines = content.split(/\r?\n/);
  let logical = '';
  let startLine = 0;
  lines.forEach((raw, i) => {
    if (logical === '') startLine = i + 1;
    const noComment = raw.replace(/(^|\s)#.*$/, '');
    if (noComment.endsWith('\\')) {
      logical += noComment.slice(0, -1) + ' ';
      return;
    }
    const text = (logical + noComment).trim();
    logical = '';
    if (text === '') return;
    const inc = /^(?:-r|--requirement)\s*=?\s*(\S+)/.exec(text);
    if (inc !== null) {
      out.includes.push(inc[1] ?? '');
      return;
    }
    if (/^(-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links|--no-binary|--only-binary|--pre|--prefer-binary|--trusted-host|--require-hashes|--use-feature)\b/.test(text)) return;
    if (/^(-e|--editable)\b/.test(text) || /^(\.|\/|git\+|hg\+|svn\+|https?:|file:)/.test(text) || /\s@\s/.test(text)) {
      out.unsupported.push({ line: startLine, text });
      return;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$/.exec(text.replace(/\s--hash=\S+/g, ''));
    if (m === null) {
      out.unsupported.push({ line: startLine, text });
      return;
    }
    const spec = (m[3] ?? '').replace(/\s+/g, '');
    out.requirements.push({ name: m[1] ?? '', version: spec === '' ? null : spec, line: startLine });
  });
  return out;
}

/** Attribute inside python3Packages ("flask") of a pip package plan, null when none. */
export function pythonAttrOf(p: PackagePlan): string | null {
  if (p.nixAttr === null) return null;
  const m = /^python3\d*Packages\.(.+)$/.exec(p.nixAttr);
  return m === null ? null : (m[1] ?? null);
}

/** Console scripts a PyPI package installs that differ from its name. */
const PIP_SCRIPTS: Readonly<Record<string, readonly string[]>> = {
  gunicorn: ['gunicorn'],
  uvicorn: ['uvicorn'],
  flask: ['flask'],
  fastapi: ['fastapi'],
  celery: ['celery'],
  django: ['django-admin'],
  'docker-compose': ['docker-compose'],
  pyyaml: [],
  tox: ['tox'],
  yamllint: ['yamllint'],
};

/** Programs a pip package puts in the environment's bin. */
export function pipScripts(name: string): readonly string[] {
  const n = normalizePypiName(name);
  return PIP_SCRIPTS[n] ?? [n];
}
