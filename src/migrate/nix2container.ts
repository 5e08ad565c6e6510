/**
 * MigrationPlan -> default.nix for nix2container (nlewo/nix2container `buildImage`).
 *
 * Same `let` bindings as the dockerTools output. Differences:
 * - runtime packages, the Python env and builder outputs go into their own layer
 *   (`buildLayer { deps = ...; }`) so they are pushed once and reused across rebuilds;
 * - there is no fakeroot step: directories the image needs (/tmp, WORKDIR, mkdir) are made in
 *   an `extraDirs` derivation and ownership/modes are set with `perms`;
 * - config is an OCI ImageConfig: Healthcheck and Shell do not exist there (nix2container
 *   drops them, nlewo/nix2container#197), so they are reported instead of emitted.
 */
import {
  NIX2CONTAINER_REV_TOKEN,
  NIX2CONTAINER_SHA256_TOKEN,
  allPlaceholders,
  assertValidPlan,
  lineRef,
  shellQuote,
} from './common.js';
import {
  type AttrEntry,
  type ListItem,
  type NixExpr,
  type StrPart,
  apply,
  attrs,
  bind,
  id,
  int,
  item,
  letIn,
  list,
  lambda,
  ml,
  sel,
  str,
  interp,
} from './nix/ast.js';
import { configEntries, contentItems, contextPath, headerLines, pkgAttr, pkgsFormal, sharedBindings } from './nix/emit.js';
import { printNixFile } from './nix/print.js';
import type { MigrationPlan, Placeholder, UserAccount } from './plan.js';

export interface TargetLimitation {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  line: number | null;
  message: string;
  /** Whether a person has to act (counts towards exit code 3). */
  needsPerson: boolean;
}

function resolveOwner(owner: string, accounts: readonly UserAccount[]): { uid: number; gid: number } | null {
  const [u, g] = owner.split(':');
  const num = (s: string | undefined, pick: (a: UserAccount) => number, byGroup: boolean): number | null => {
    if (s === undefined || s === '') return null;
    if (/^[0-9]+$/.test(s)) return Number(s);
    const acc = accounts.find((a) => (byGroup ? a.group === s : a.name === s));
    return acc === undefined ? null : pick(acc);
  };
  const uid = num(u, (a) => a.uid, false);
  if (uid === null) return null;
  const gid = g === undefined ? (accounts.find((a) => a.uid === uid)?.gid ?? uid) : num(g, (a) => a.gid, true);
  return gid === null ? null : { uid, gid };
}

interface PermSpec {
  path: string;
  mode?: string;
  owner?: string;
  line: number | null;
}

function extraDirsScript(plan: MigrationPlan): { script: StrPart[]; perms: PermSpec[] } {
  const parts: StrPart[] = [];
  const perms: PermSpec[] = [];
  const out = (p: string): string => {
    const q = shellQuote(p);
    return q.startsWith("'") ? `"$out"${q}` : `$out${p}`;
  };
  const made = new Set<string>();
  const mkdir = (p: string): void => {
    if (made.has(p)) return;
    made.add(p);
    parts.push(`mkdir -p ${out(p)}\n`);
  };
  if (plan.implicitNeeds.some((n) => n.kind === 'tmp')) {
    mkdir('/tmp');
    perms.push({ path: '/tmp', mode: '1777', line: null });
  }
  if (plan.config.workdir !== null && plan.config.workdir.create) mkdir(plan.config.workdir.path);
  for (const c of plan.copies) {
    if (c.placement !== 'layer' && c.owner === undefined) continue;
    const dir = c.dest.replace(/\/[^/]*$/, '') || '/';
    if (dir !== '/') mkdir(dir);
    const src: StrPart[] =
      c.from.kind === 'context'
        ? [interp(contextPath(c.from.path, null, plan.source.contextRoot ?? ''))]
        : c.from.kind === 'builder'
          ? [interp(id(c.from.builder)), '/' + c.from.outPath]
          : c.from.kind === 'package'
            ? [interp(pkgAttr(c.from.attr)), '/' + c.from.path]
            : [];
    if (src.length === 0) continue;
    parts.push('cp -rL ', ...src, ` ${out(c.dest)}\n`);
    const perm: PermSpec = { path: c.dest, line: c.line };
    if (c.mode !== undefined) perm.mode = c.mode;
    if (c.owner !== undefined) perm.owner = c.owner;
    if (perm.mode !== undefined || perm.owner !== undefined) perms.push(perm);
  }
  for (const op of plan.rootfsOps) {
    if (op.op === 'mkdir') {
      mkdir(op.path);
      if (op.mode !== undefined || op.owner !== undefined) {
        const perm: PermSpec = { path: op.path, line: op.line };
        if (op.mode !== undefined) perm.mode = op.mode;
        if (op.owner !== undefined) perm.owner = op.owner;
        perms.push(perm);
      }
    } else if (op.op === 'symlink') {
      mkdir(op.path.replace(/\/[^/]*$/, '') || '/');
      parts.push(`ln -s ${shellQuote(op.target)} ${out(op.path)}\n`);
    } else if (op.op === 'chown') {
      perms.push({ path: op.path, owner: op.owner, line: op.line });
    } else {
      perms.push({ path: op.path, mode: op.mode, line: op.line });
    }
  }
  const merged: StrPart[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else merged.push(p);
  }
  return { script: merged, perms };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function permExpr(plan: MigrationPlan, p: PermSpec): NixExpr | null {
  const entries: AttrEntry[] = [bind('path', id('extraDirs')), bind('regex', str(escapeRegex(p.path)))];
  entries.push(bind('mode', str(p.mode ?? '0755')));
  if (p.owner !== undefined) {
    const ids = resolveOwner(p.owner, plan.config.accounts);
    if (ids === null) return null;
    entries.push(bind('uid', int(ids.uid)), bind('gid', int(ids.gid)));
  }
  return attrs(entries);
}

export function nix2containerLimitations(plan: MigrationPlan): TargetLimitation[] {
  const out: TargetLimitation[] = [];
  if (plan.config.healthcheck !== null) {
    out.push({
      rule: 'healthcheck-unsupported',
      severity: 'error',
      line: plan.config.healthcheck.line,
      message:
        'nix2container builds an OCI ImageConfig, which has no Healthcheck (nlewo/nix2container#197): HEALTHCHECK is not in the image; define the check in the orchestrator (compose, Kubernetes probes) or use --target buildLayeredImage.',
      needsPerson: true,
    });
  }
  if (plan.config.shell !== null) {
    out.push({
      rule: 'shell-unsupported',
      severity: 'warning',
      line: plan.config.shell.line,
      message: 'OCI ImageConfig has no Shell; SHELL only affects RUN in images built FROM this one, so it is dropped.',
      needsPerson: false,
    });
  }
  const owners = [
    ...plan.copies.filter((c) => c.owner !== undefined).map((c) => ({ owner: c.owner ?? '', line: c.line })),
    ...plan.rootfsOps.flatMap((o) => (o.op === 'chown' ? [{ owner: o.owner, line: o.line }] : o.op === 'mkdir' && o.owner !== undefined ? [{ owner: o.owner, line: o.line }] : [])),
  ];
  for (const o of owners) {
    if (resolveOwner(o.owner, plan.config.accounts) === null) {
      out.push({
        rule: 'owner-unresolved',
        severity: 'error',
        line: o.line,
        message: `nix2container perms need numeric ids; owner "${o.owner}" is not a known account.`,
        needsPerson: true,
      });
    }
  }
  if (plan.base.kind === 'pullImage') {
    out.push({
      rule: 'base-image-config',
      severity: 'info',
      line: plan.base.image.line,
      message: 'fromImage is kept; nix2container does not reuse the base image config, so the config below restates it.',
      needsPerson: false,
    });
  }
  return out;
}

function nix2containerFormal(all: readonly Placeholder[]): { name: string; default: NixExpr; leading: string[] } {
  const rev = all.find((p) => p.what === NIX2CONTAINER_REV_TOKEN);
  const sha = all.find((p) => p.what === NIX2CONTAINER_SHA256_TOKEN);
  const tarball = apply(
    sel('builtins.fetchTarball'),
    attrs([
      bind('url', str(`https://github.com/nlewo/nix2container/archive/${NIX2CONTAINER_REV_TOKEN}.tar.gz`), rev !== undefined ? { trailing: `${rev.id}: fill with: ${rev.fill}` } : {}),
      bind('sha256', str(NIX2CONTAINER_SHA256_TOKEN), sha !== undefined ? { trailing: `${sha.id}: fill with: ${sha.fill}` } : {}),
    ]),
  );
  const imported = apply(id('import'), tarball, attrs([{ kind: 'inherit', names: ['pkgs'] }]));
  return {
    name: 'nix2container',
    default: { kind: 'select', expr: imported, path: ['nix2container'] },
    leading: ['nix2container, pinned like nixpkgs (flake users get it from the flake input)'],
  };
}

export function emitNix2ContainerNix(plan: MigrationPlan): string {
  assertValidPlan(plan);
  if (plan.target !== 'nix2container') throw new Error(`emitNix2ContainerNix: target is ${plan.target}`);
  const all = allPlaceholders(plan);
  const bindings: AttrEntry[] = [];
  if (plan.base.kind === 'pullImage') {
    const b = plan.base;
    bindings.push(
      bind(
        'baseImage',
        apply(
          sel('nix2container.pullImage'),
          attrs([
            bind('imageName', str(b.image.name)),
            bind('imageDigest', str(b.image.digest ?? 'IMAGE_DIGEST')),
            bind('sha256', b.hash !== null ? str(b.hash) : sel('pkgs.lib.fakeHash')),
          ]),
        ),
        { leading: [`${lineRef(plan, b.image.line)} FROM ${b.image.ref}`] },
      ),
    );
  }
  bindings.push(...sharedBindings(plan, all));
  const { script, perms } = extraDirsScript(plan);
  if (script.length > 0) {
    bindings.push(
      bind('extraDirs', apply(sel('pkgs.runCommand'), str(`${plan.image.name.replace(/[^a-zA-Z0-9._-]/g, '-')}-dirs`), attrs([]), ml(...script)), {
        leading: ['directories and files the Dockerfile created at build time (owners and modes: perms below)'],
      }),
    );
  }

  const roots = contentItems(plan);
  if (script.length > 0) roots.push(item(id('extraDirs')));
  const deps: ListItem[] = [];
  if (plan.python !== null) deps.push(item(id('pythonEnv')));
  for (const b of plan.builders) deps.push(item(id(b.id)));
  const seen = new Set<string>();
  for (const p of plan.packages) {
    if (p.role !== 'runtime' || p.nixAttr === null || p.manager === 'pip' || p.helper !== undefined || p.status === 'unmapped') continue;
    if (plan.python !== null && p.nixAttr === plan.python.interpreter) continue;
    if (seen.has(p.nixAttr)) continue;
    seen.add(p.nixAttr);
    deps.push(item(pkgAttr(p.nixAttr)));
  }

  const args: AttrEntry[] = [bind('name', str(plan.image.name)), bind('tag', str(plan.image.tag))];
  if (plan.base.kind === 'pullImage') args.push(bind('fromImage', id('baseImage')));
  if (roots.length > 0) args.push(bind('copyToRoot', list(roots)));
  if (deps.length > 0) {
    args.push(
      bind('layers', list([apply(sel('nix2container.buildLayer'), attrs([bind('deps', list(deps))]))]), {
        leading: ['dependencies change rarely: their own layer is pushed once and reused'],
      }),
    );
  }
  const permExprs = perms.map((p) => permExpr(plan, p)).filter((e): e is NixExpr => e !== null);
  if (permExprs.length > 0) args.push(bind('perms', list(permExprs)));
  const cfg = configEntries(plan, { healthcheck: false }).filter((e) => !(e.kind === 'binding' && e.path[0] === 'Shell'));
  if (cfg.length > 0) args.push(bind('config', attrs(cfg)));

  const header = headerLines(plan);
  const limits = nix2containerLimitations(plan).filter((l) => l.severity !== 'info');
  if (limits.length > 0) {
    header.push('', 'Not expressible with nix2container:');
    for (const l of limits) header.push(`  ${lineRef(plan, l.line)}: ${l.message}`);
  }
  return printNixFile({
    header,
    body: lambda({ kind: 'formals', formals: [pkgsFormal(plan, all), nix2containerFormal(all)] }, letIn(bindings, apply(sel('nix2container.buildImage'), attrs(args)))),
  });
}
