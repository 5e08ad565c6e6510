/**
 * Package-name mapping: distro / language package -> nixpkgs attribute, with its role.
 *
 * Data: data/package-map.json (entries checked against the nixpkgs source; see `verified`).
 * Order of decisions: exact table entry, then the table's rules (headers, debug/doc
 * packages, versioned names, Python prefixes), then for pip a PEP 503 name that needs
 * confirmation. Anything else is `unknown`: reported, never guessed.
 *
 * scripts/package-coverage.mjs applies the same rules (kept in step by a test).
 */
import packageMapJson from '../../data/package-map.json' with { type: 'json' };
import type { Confidence, DecisionMethod, ImplicitNeedKind, PackageManager, PackageRole } from './plan.js';

export interface PackageMapEntry {
  nixAttr: string | null;
  role: PackageRole;
  verified?: string;
  note?: string;
  helper?: ImplicitNeedKind;
}

export interface PackageMapRule {
  id: string;
  managers: PackageManager[];
  pattern: string;
  /** Classify directly with this role (headers, docs ...). */
  role?: PackageRole;
  /** Strip to capture group 1 and look the result up in the same manager's table. */
  strip?: boolean;
  /** Look capture group 1 up as a PyPI name. */
  pip?: boolean;
  method: DecisionMethod;
  confidence: Confidence;
  note?: string;
}

export interface PackageMap {
  schemaVersion: number;
  rules: PackageMapRule[];
  entries: Partial<Record<PackageManager, Record<string, PackageMapEntry>>>;
}

export interface PackageLookup {
  nixAttr: string | null;
  role: PackageRole;
  method: DecisionMethod;
  confidence: Confidence;
  status: 'mapped' | 'not-needed' | 'unmapped' | 'needs-confirmation';
  verified?: string;
  note?: string;
  helper?: ImplicitNeedKind;
  /** The table key that decided it, when a rule reduced the name. */
  via?: string;
}

const MANAGERS: readonly PackageManager[] = ['apt', 'apk', 'dnf', 'pip', 'npm', 'gem'];
const ROLES: readonly PackageRole[] = ['runtime', 'build-only'];
const HELPERS: readonly ImplicitNeedKind[] = ['binSh', 'tmp', 'fakeNss', 'cacert', 'tzdata', 'usrBinEnv', 'ianaEtc'];

/** Validate the JSON shape once; throws with the offending key. */
export function parsePackageMap(raw: unknown): PackageMap {
  if (typeof raw !== 'object' || raw === null) throw new Error('package map: not an object');
  const obj = raw as Record<string, unknown>;
  if (obj['schemaVersion'] !== 1) throw new Error('package map: unsupported schemaVersion');
  const rulesRaw = obj['rules'];
  const entriesRaw = obj['entries'];
  if (!Array.isArray(rulesRaw)) throw new Error('package map: rules must be an array');
  if (typeof entriesRaw !== 'object' || entriesRaw === null) throw new Error('package map: entries missing');
  const entries: PackageMap['entries'] = {};
  for (const [mgr, table] of Object.entries(entriesRaw as Record<string, unknown>)) {
    if (!MANAGERS.includes(mgr as PackageManager)) throw new Error(`package map: unknown manager ${mgr}`);
    const out: Record<string, PackageMapEntry> = {};
    for (const [name, e] of Object.entries(table as Record<string, unknown>)) {
      const en = e as Record<string, unknown>;
      const nixAttr = en['nixAttr'];
      const role = en['role'];
      if (nixAttr !== null && typeof nixAttr !== 'string') throw new Error(`package map: ${mgr}/${name}: nixAttr`);
      if (!ROLES.includes(role as PackageRole)) throw new Error(`package map: ${mgr}/${name}: role`);
      if (typeof nixAttr === 'string' && typeof en['verified'] !== 'string') {
        throw new Error(`package map: ${mgr}/${name}: nixAttr without verified path`);
      }
      const entry: PackageMapEntry = { nixAttr, role: role as PackageRole };
      if (typeof en['verified'] === 'string') entry.verified = en['verified'];
      if (typeof en['note'] === 'string') entry.note = en['note'];
      if (en['helper'] !== undefined) {
        if (!HELPERS.includes(en['helper'] as ImplicitNeedKind)) throw new Error(`package map: ${mgr}/${name}: helper`);
        entry.helper = en['helper'] as ImplicitNeedKind;
      }
      out[name] = entry;
    }
    entries[mgr as PackageManager] = out;
  }
  const rules = rulesRaw.map((r, i) => {
    const rule = r as PackageMapRule;
    if (typeof rule.pattern !== 'string' || !Array.isArray(rule.managers)) throw new Error(`package map: rule ${i}`);
    new RegExp(rule.pattern); // throws on a bad pattern
    return rule;
  });
  return { schemaVersion: 1, rules, entries };
}

/** The package map shipped with dockwise (parsed once per call site that asks for it). */
export function defaultPackageMap(): PackageMap {
  return parsePackageMap(packageMapJson);
}

/** PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Normalise a distro package name as written (drop `=version`, `:arch`). */
export function normalizeDistroName(name: string): string {
  return name.replace(/[=<>~].*$/, '').replace(/:(amd64|arm64|i386|all|native|any)$/, '').toLowerCase();
}

function fromEntry(e: PackageMapEntry, method: DecisionMethod, confidence: Confidence, via?: string): PackageLookup {
  const out: PackageLookup = {
    nixAttr: e.nixAttr,
    role: e.role,
    method,
    confidence,
    status: e.nixAttr === null ? 'not-needed' : 'mapped',
  };
  if (e.verified !== undefined) out.verified = e.verified;
  if (e.note !== undefined) out.note = e.note;
  if (e.helper !== undefined) out.helper = e.helper;
  if (via !== undefined) out.via = via;
  if (confidence !== 'high' && out.status === 'mapped') out.status = 'needs-confirmation';
  return out;
}

function lookupPip(map: PackageMap, name: string, allowGuess: boolean): PackageLookup | undefined {
  const key = normalizePypiName(name);
  const hit = map.entries.pip?.[key];
  if (hit !== undefined) return fromEntry(hit, 'table', 'high', key !== name ? key : undefined);
  if (!allowGuess) return undefined;
  // Not in the table: nixpkgs usually names the attribute after the normalised PyPI name,
  // but that is unverified, so a person confirms it.
  return {
    nixAttr: `python3Packages.${key}`,
    role: 'runtime',
    method: 'rule:pep503-normalize',
    confidence: 'low',
    status: 'needs-confirmation',
    note: 'not in the mapping table: attribute name guessed from the PyPI name; confirm it exists in the pinned nixpkgs',
  };
}

/** Decide one package. Never throws; unknown names come back with status "unmapped". */
export function lookupPackage(map: PackageMap, manager: PackageManager, rawName: string): PackageLookup {
  if (manager === 'pip') {
    return lookupPip(map, rawName, true) ?? unknown();
  }
  const name = manager === 'npm' || manager === 'gem' ? rawName : normalizeDistroName(rawName);
  const table = map.entries[manager] ?? {};
  const exact = table[name];
  if (exact !== undefined) return fromEntry(exact, 'table', 'high');
  for (const rule of map.rules) {
    if (!rule.managers.includes(manager)) continue;
    const m = new RegExp(rule.pattern).exec(name);
    if (m === null) continue;
    const captured = m[1] ?? name;
    if (rule.pip === true) {
      const hit = lookupPip(map, captured, false);
      if (hit !== undefined) return { ...hit, method: rule.method, confidence: rule.confidence, status: hit.nixAttr === null ? 'not-needed' : 'needs-confirmation', via: normalizePypiName(captured) };
      continue;
    }
    if (rule.strip === true) {
      const reduced = table[captured];
      if (reduced !== undefined) return fromEntry(reduced, rule.method, rule.confidence, captured);
      continue;
    }
    if (rule.role !== undefined) {
      const out: PackageLookup = { nixAttr: null, role: rule.role, method: rule.method, confidence: rule.confidence, status: 'not-needed' };
      if (rule.note !== undefined) out.note = rule.note;
      return out;
    }
  }
  return unknown();
}

function unknown(): PackageLookup {
  return {
    nixAttr: null,
    role: 'runtime',
    method: 'unknown',
    confidence: 'low',
    status: 'unmapped',
    note: 'no mapping to a nixpkgs attribute; a person has to choose one (or drop the package)',
  };
}

/** All nixAttr values in the table (for the offline stub and attribute checks). */
export function mappedAttributes(map: PackageMap): string[] {
  const out = new Set<string>();
  for (const table of Object.values(map.entries)) {
    for (const e of Object.values(table ?? {})) if (e.nixAttr !== null) out.add(e.nixAttr);
  }
  return [...out].sort();
}
