/**
 * Helpers shared by the emitters and the report: placeholder list, plan validation,
 * output file names, shell quoting. Everything is a pure function of the plan.
 */
import type { MigrationPlan, MigrationTarget, Placeholder, DrvRef, Template } from './plan.js';
import { isPlainIdentifier } from './nix/print.js';

export const GENERATOR_NAME = 'dockwise';

/** Binding names the Nix emitters use themselves; builder ids must avoid them. */
export const RESERVED_BINDINGS: readonly string[] = [
  'pkgs',
  'lib',
  'nix2container',
  'pythonEnv',
  'rootfs',
  'layerFiles',
  'extraDirs',
  'nss',
  'image',
  'self',
  'nixpkgs',
];

export function isNixTarget(target: MigrationTarget): boolean {
  return target !== 'apko';
}

/** Files the target writes, in a fixed order (the report lists them). */
export function outputFiles(target: MigrationTarget): string[] {
  return isNixTarget(target) ? ['default.nix', 'flake.nix', 'migration-report.json'] : ['apko.yaml', 'migration-report.json'];
}

export const NIXPKGS_REV_TOKEN = 'NIXPKGS_REV';
export const NIXPKGS_SHA256_TOKEN = 'NIXPKGS_SHA256';
export const NIXOS_RELEASE_TOKEN = 'NIXOS_RELEASE';
export const NIX2CONTAINER_REV_TOKEN = 'NIX2CONTAINER_REV';
export const NIX2CONTAINER_SHA256_TOKEN = 'NIX2CONTAINER_SHA256';
export const IMAGE_DIGEST_TOKEN = 'IMAGE_DIGEST';

export function nixpkgsTarballUrl(rev: string): string {
  return `https://github.com/NixOS/nixpkgs/archive/${rev}.tar.gz`;
}

export function depsHashAttr(kind: MigrationPlan['builders'][number]['kind']): string {
  switch (kind) {
    case 'go':
      return 'vendorHash';
    case 'rust':
      return 'cargoHash';
    case 'npm':
      return 'npmDepsHash';
    case 'python':
    case 'generic':
      return 'hash';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * Every placeholder of the generated files: the ones the plan's null values imply (derived
 * here so emitters and report agree), then the plan's own. Ids are P001, P002 ... in order.
 */
export function allPlaceholders(plan: MigrationPlan): Placeholder[] {
  const out: Omit<Placeholder, 'id'>[] = [];
  if (isNixTarget(plan.target)) {
    if (plan.nixpkgs.rev === null) {
      out.push({
        file: 'default.nix',
        what: NIXPKGS_REV_TOKEN,
        kind: 'nixpkgs-rev',
        fill: `a commit of the nixpkgs release branch${plan.nixpkgs.channel !== null ? ` ${plan.nixpkgs.channel}` : ''}, e.g. \`git ls-remote https://github.com/NixOS/nixpkgs refs/heads/${plan.nixpkgs.channel ?? 'nixos-<YY.MM>'}\``,
      });
    }
    if (plan.nixpkgs.sha256 === null) {
      out.push({
        file: 'default.nix',
        what: NIXPKGS_SHA256_TOKEN,
        kind: 'nixpkgs-sha256',
        fill: `nix-prefetch-url --unpack ${nixpkgsTarballUrl(plan.nixpkgs.rev ?? '<rev>')}`,
      });
    }
    if (plan.nixpkgs.channel === null) {
      out.push({
        file: 'flake.nix',
        what: NIXOS_RELEASE_TOKEN,
        kind: 'nixos-release',
        fill: 'a release branch such as nixos-<YY.MM>; then `nix flake lock` pins the exact revision in flake.lock',
      });
    }
    if (plan.target === 'nix2container') {
      out.push({
        file: 'default.nix',
        what: NIX2CONTAINER_REV_TOKEN,
        kind: 'tool-rev',
        fill: '`git ls-remote https://github.com/nlewo/nix2container refs/heads/master` (or use the flake input)',
      });
      out.push({
        file: 'default.nix',
        what: NIX2CONTAINER_SHA256_TOKEN,
        kind: 'tool-rev',
        fill: 'nix-prefetch-url --unpack https://github.com/nlewo/nix2container/archive/<rev>.tar.gz',
      });
    }
    if (plan.base.kind === 'pullImage') {
      if (plan.base.image.digest === null) {
        out.push({
          file: 'default.nix',
          what: IMAGE_DIGEST_TOKEN,
          kind: 'image-hash',
          fill: `skopeo inspect docker://${plan.base.image.ref} --format '{{.Digest}}'`,
          line: plan.base.image.line,
        });
      }
      if (plan.base.hash === null) {
        out.push({
          file: 'default.nix',
          what: 'baseImage.hash',
          kind: 'image-hash',
          fill: `nix-prefetch-docker --image-name ${plan.base.image.name} --image-tag ${plan.base.image.tag ?? 'latest'}`,
          line: plan.base.image.line,
        });
      }
    }
    for (const b of plan.builders) {
      // python and generic builders take their dependencies from nixpkgs: no deps hash.
      if (b.depsHash !== null || b.kind === 'python' || b.kind === 'generic') continue;
      const attr = depsHashAttr(b.kind);
      out.push({
        file: 'default.nix',
        what: `${b.id}.${attr}`,
        kind: 'deps-hash',
        fill: `run \`nix-build default.nix\`; the build of ${b.id} stops with "hash mismatch ... got: sha256-..."; put that value in ${attr}`,
        line: b.stage.line,
      });
    }
    plan.copies.forEach((c) => {
      if (c.from.kind === 'url' && c.from.hash === null) {
        out.push({
          file: 'default.nix',
          what: `${urlBindingName(plan, c.from.url)}.hash`,
          kind: 'source-hash',
          fill: `nix store prefetch-file --json ${c.from.url} | jq -r .hash`,
          line: c.line,
        });
      }
    });
  }
  const derived = out.map((p, i) => ({ id: placeholderId(i + 1), ...p }));
  const own = plan.placeholders.map((p, i) => ({ ...p, id: placeholderId(derived.length + i + 1) }));
  return [...derived, ...own];
}

function placeholderId(n: number): string {
  return 'P' + String(n).padStart(3, '0');
}

/** Stable binding name for the n-th distinct downloaded URL. */
export function urlBindingName(plan: MigrationPlan, url: string): string {
  const urls: string[] = [];
  for (const c of plan.copies) if (c.from.kind === 'url' && !urls.includes(c.from.url)) urls.push(c.from.url);
  const i = urls.indexOf(url);
  return `download${i < 0 ? urls.length + 1 : i + 1}`;
}

/** Problems that make a plan unusable for emitting; empty when fine. */
export function validatePlan(plan: MigrationPlan): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const b of plan.builders) {
    if (!isPlainIdentifier(b.id)) errors.push(`builder id ${JSON.stringify(b.id)} is not a Nix identifier`);
    if (RESERVED_BINDINGS.includes(b.id) || /^download[0-9]+$/.test(b.id)) errors.push(`builder id ${b.id} is reserved`);
    if (ids.has(b.id)) errors.push(`duplicate builder id ${b.id}`);
    ids.add(b.id);
  }
  const checkRef = (ref: DrvRef, where: string): void => {
    if (ref.kind === 'builder' && !ids.has(ref.id)) errors.push(`${where}: unknown builder ${ref.id}`);
    if (ref.kind === 'python-env' && plan.python === null) errors.push(`${where}: python env referenced but plan.python is null`);
    if (ref.kind === 'package' && !/^[a-zA-Z_][a-zA-Z0-9_'.-]*$/.test(ref.attr)) errors.push(`${where}: bad attribute ${ref.attr}`);
  };
  const checkTemplate = (t: Template, where: string): void => {
    for (const p of t) if (typeof p !== 'string') checkRef(p.ref, where);
  };
  for (const c of plan.copies) {
    if (!c.dest.startsWith('/')) errors.push(`copy at line ${c.line}: destination ${c.dest} is not absolute`);
    if (c.from.kind === 'builder' && !ids.has(c.from.builder)) errors.push(`copy at line ${c.line}: unknown builder ${c.from.builder}`);
    if (c.from.kind === 'context' && c.from.path.split('/').includes('..')) errors.push(`copy at line ${c.line}: path leaves the context`);
  }
  const cfg = plan.config;
  cfg.env.forEach((e) => checkTemplate(e.value, `ENV ${e.name}`));
  if (cfg.entrypoint !== null) cfg.entrypoint.argv.forEach((a) => checkTemplate(a, 'ENTRYPOINT'));
  if (cfg.cmd !== null) cfg.cmd.argv.forEach((a) => checkTemplate(a, 'CMD'));
  if (cfg.healthcheck !== null) {
    cfg.healthcheck.test.forEach((a) => checkTemplate(a, 'HEALTHCHECK'));
    for (const k of ['intervalNs', 'timeoutNs', 'startPeriodNs', 'startIntervalNs', 'retries'] as const) {
      const v = cfg.healthcheck[k];
      if (v !== undefined && (!Number.isSafeInteger(v) || v < 0)) errors.push(`HEALTHCHECK ${k} must be a non-negative integer`);
    }
  }
  let prev = 0;
  for (const ins of plan.instructions) {
    if (ins.line <= prev) errors.push(`instruction outcomes must have unique ascending lines (line ${ins.line})`);
    prev = ins.line;
  }
  for (const [kind, list] of [
    ['finding', plan.findings.map((f) => f.id)],
    ['needsPerson', plan.needsPerson.map((h) => h.id)],
  ] as const) {
    if (new Set(list).size !== list.length) errors.push(`duplicate ${kind} ids`);
  }
  if (!/^[a-z0-9][a-z0-9._/-]*$/.test(plan.image.name)) errors.push(`image name ${plan.image.name} must be lower-case`);
  return errors;
}

export function assertValidPlan(plan: MigrationPlan): void {
  const errors = validatePlan(plan);
  if (errors.length > 0) throw new Error('invalid migration plan:\n- ' + errors.join('\n- '));
}

/** Quote for POSIX sh unless the word is plainly safe. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./:=+@%-]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, `'\\''`) + "'";
}

/** Dockerfile line reference for comments, e.g. "Dockerfile:7" or "Dockerfile:3-5". */
export function lineRef(plan: MigrationPlan, line: number | null, endLine?: number): string {
  if (line === null) return plan.source.dockerfile;
  return `${plan.source.dockerfile}:${line}${endLine !== undefined && endLine !== line ? `-${endLine}` : ''}`;
}

/** Text for a template when no Nix is available (apko): references become FHS paths. */
export function templateToPlainText(t: Template): string {
  return t
    .map((p) => {
      if (typeof p === 'string') return p;
      return '/usr';
    })
    .join('')
    .replace(/^\/usr\/usr\//, '/usr/');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
