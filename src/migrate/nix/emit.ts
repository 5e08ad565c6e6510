/**
 * MigrationPlan -> default.nix (dockerTools.buildLayeredImage / streamLayeredImage) and flake.nix.
 *
 * The pieces every Nix target shares (the pinned `pkgs` argument, the `let` bindings for the
 * Python env, builder derivations, downloads and the rootfs derivation, and the image
 * config) are exported for `nix2container.ts`.
 *
 * Rules kept here: never `runAsRoot` (layered images do not have it), never `nodePackages`,
 * every hash that needs the network is `pkgs.lib.fakeHash` with a placeholder comment, and
 * what the base image gave implicitly is added back only when the plan says it is needed.
 */
import type {
  BuilderPlan,
  CommandPlan,
  CopyPlan,
  DrvRef,
  ImplicitNeedKind,
  MigrationPlan,
  Placeholder,
  RootfsOp,
  Template,
} from '../plan.js';
import {
  GENERATOR_NAME,
  IMAGE_DIGEST_TOKEN,
  NIXOS_RELEASE_TOKEN,
  NIXPKGS_REV_TOKEN,
  NIXPKGS_SHA256_TOKEN,
  allPlaceholders,
  assertValidPlan,
  compareStrings,
  depsHashAttr,
  lineRef,
  nixpkgsTarballUrl,
  shellQuote,
  urlBindingName,
} from '../common.js';
import {
  type AttrEntry,
  type Formal,
  type ListItem,
  type NixExpr,
  type StrPart,
  apply,
  attrs,
  bind,
  blank,
  bool,
  id,
  int,
  interp,
  item,
  lambda,
  letIn,
  list,
  ml,
  path,
  sel,
  selOn,
  str,
} from './ast.js';
import { printNixFile } from './print.js';

// ---------------------------------------------------------------------------------------
// Small renderers

export function pkgAttr(attr: string): NixExpr {
  return sel('pkgs.' + attr);
}

export function refExpr(ref: DrvRef): NixExpr {
  switch (ref.kind) {
    case 'package':
      return pkgAttr(ref.attr);
    case 'builder':
      return id(ref.id);
    case 'python-env':
      return id('pythonEnv');
    case 'rootfs':
      return id('rootfs');
    default: {
      const never: never = ref;
      return never;
    }
  }
}

export function templateExpr(t: Template): NixExpr {
  const parts: StrPart[] = t.map((p) => (typeof p === 'string' ? p : interp(refExpr(p.ref))));
  return str(...parts);
}

const FAKE_HASH = sel('pkgs.lib.fakeHash');

/** Store path names allow only these characters and must not start with a dot. */
const STORE_NAME_RE = /^[a-zA-Z0-9+_?=-][a-zA-Z0-9+._?=-]*$/;

/**
 * A build-context path as a Nix value. Copying a path into the store names it after its
 * basename, which fails for names with spaces or a leading dot, and for `./.` depends on the
 * checkout directory's name; `builtins.path` with an explicit name avoids both.
 */
export function contextPath(relative: string, name: string | null, root = ''): NixExpr {
  const ctxRoot = root;
  const rel = relative.replace(/^\.\/+/, '').replace(/\/+$/, '');
  const isRoot = rel === '' || rel === '.';
  const base = isRoot ? '' : (rel.split('/').pop() ?? rel);
  if (!isRoot && STORE_NAME_RE.test(base) && name === null) return path(rel, ctxRoot);
  const storeName = name ?? (base.replace(/[^a-zA-Z0-9+._?=-]/g, '-').replace(/^\.+/, '') || 'source');
  return apply(sel('builtins.path'), attrs([bind('path', path(isRoot ? '.' : rel, ctxRoot)), bind('name', str(storeName))]));
}

function placeholderFor(all: readonly Placeholder[], what: string): Placeholder | undefined {
  return all.find((p) => p.what === what);
}

function placeholderComment(p: Placeholder | undefined): string | undefined {
  return p === undefined ? undefined : `${p.id}: fill with: ${p.fill}`;
}

/** `lib.fakeHash` + comment when unknown, the literal hash otherwise. */
function hashBinding(key: string, value: string | null, all: readonly Placeholder[], what: string): AttrEntry {
  if (value !== null) return bind(key, str(value));
  const opts: { trailing?: string } = {};
  const c = placeholderComment(placeholderFor(all, what));
  if (c !== undefined) opts.trailing = c;
  return bind(key, FAKE_HASH, opts);
}

// ---------------------------------------------------------------------------------------
// The pinned nixpkgs argument

export function pkgsFormal(plan: MigrationPlan, all: readonly Placeholder[]): Formal {
  const rev = plan.nixpkgs.rev ?? NIXPKGS_REV_TOKEN;
  const sha = plan.nixpkgs.sha256;
  const replaced =
    plan.base.kind === 'scratch' && plan.base.replaced !== null
      ? `replaces \`FROM ${plan.base.replaced.ref}\` (${lineRef(plan, plan.base.replaced.line)}): `
      : '';
  const shaOpts: { trailing?: string } = {};
  const shaComment = sha === null ? placeholderComment(placeholderFor(all, NIXPKGS_SHA256_TOKEN)) : undefined;
  if (shaComment !== undefined) shaOpts.trailing = shaComment;
  const urlOpts: { trailing?: string } = {};
  const revComment = plan.nixpkgs.rev === null ? placeholderComment(placeholderFor(all, NIXPKGS_REV_TOKEN)) : undefined;
  if (revComment !== undefined) urlOpts.trailing = revComment;
  const tarball = apply(
    sel('builtins.fetchTarball'),
    attrs([bind('url', str(nixpkgsTarballUrl(rev)), urlOpts), bind('sha256', str(sha ?? NIXPKGS_SHA256_TOKEN), shaOpts)]),
  );
  return {
    name: 'pkgs',
    default: apply(id('import'), tarball, attrs([])),
    leading: [`${replaced}one nixpkgs revision pins every package in this image`],
  };
}

// ---------------------------------------------------------------------------------------
// let bindings

function builderExpr(plan: MigrationPlan, b: BuilderPlan, all: readonly Placeholder[]): NixExpr {
  const srcRoot = b.src === '' || b.src === '.' || b.src === './';
  const common: AttrEntry[] = [
    bind('pname', str(b.pname)),
    bind('version', str(b.version)),
    bind('src', contextPath(b.src, srcRoot ? `${b.pname}-src` : null, plan.source.contextRoot ?? '')),
  ];
  const hash = hashBinding(depsHashAttr(b.kind), b.depsHash, all, `${b.id}.${depsHashAttr(b.kind)}`);
  const inputs: AttrEntry[] = [];
  if (b.nativeBuildInputs.length > 0) inputs.push(bind('nativeBuildInputs', list(b.nativeBuildInputs.map(pkgAttr))));
  if (b.buildInputs.length > 0) inputs.push(bind('buildInputs', list(b.buildInputs.map(pkgAttr))));
  switch (b.kind) {
    case 'go': {
      const go = b.go ?? { subPackages: [], ldflags: [], cgo: false, tags: [] };
      const extra: AttrEntry[] = [];
      if (go.subPackages.length > 0) extra.push(bind('subPackages', list(go.subPackages.map((s) => str(s)))));
      if (go.ldflags.length > 0) extra.push(bind('ldflags', list(go.ldflags.map((s) => str(s)))));
      if (go.tags.length > 0) extra.push(bind('tags', list(go.tags.map((s) => str(s)))));
      extra.push(bind(['env', 'CGO_ENABLED'], str(go.cgo ? '1' : '0')));
      return apply(sel('pkgs.buildGoModule'), attrs([...common, hash, ...extra, ...inputs]));
    }
    case 'rust': {
      const rust = b.rust ?? { cargoBuildFlags: [], features: [] };
      const extra: AttrEntry[] = [];
      if (rust.cargoBuildFlags.length > 0) extra.push(bind('cargoBuildFlags', list(rust.cargoBuildFlags.map((s) => str(s)))));
      if (rust.features.length > 0) extra.push(bind('buildFeatures', list(rust.features.map((s) => str(s)))));
      return apply(sel('pkgs.rustPlatform.buildRustPackage'), attrs([...common, hash, ...extra, ...inputs]));
    }
    case 'npm': {
      const npm = b.npm ?? { buildScript: null, npmFlags: [] };
      const extra: AttrEntry[] = [];
      if (npm.buildScript === null) extra.push(bind('dontNpmBuild', bool(true)));
      else if (npm.buildScript !== 'build') extra.push(bind('npmBuildScript', str(npm.buildScript)));
      if (npm.npmFlags.length > 0) extra.push(bind('npmFlags', list(npm.npmFlags.map((s) => str(s)))));
      return apply(sel('pkgs.buildNpmPackage'), attrs([...common, hash, ...extra, ...inputs]));
    }
    case 'python': {
      const py = b.python ?? { dependencies: [], buildSystem: ['setuptools'] };
      const interpreter = plan.python?.interpreter ?? 'python3';
      const pyPkgs = (names: readonly string[]): NixExpr => list(names.map((n) => sel(`pkgs.${interpreter}Packages.${n}`)));
      return apply(
        sel(`pkgs.${interpreter}Packages.buildPythonApplication`),
        attrs([
          ...common,
          bind('pyproject', bool(true)),
          bind('build-system', pyPkgs(py.buildSystem)),
          bind('dependencies', pyPkgs(py.dependencies)),
          ...inputs,
        ]),
      );
    }
    case 'generic': {
      const g = b.generic ?? { buildCommands: [], installCommands: [] };
      const script = (cmds: readonly string[]): NixExpr =>
        ml(['runHook preBuild', ...cmds, 'runHook postBuild'].join('\n') + '\n');
      const installScript = (cmds: readonly string[]): NixExpr =>
        ml(['runHook preInstall', ...outputsInstall(b), ...cmds, 'runHook postInstall'].join('\n') + '\n');
      return apply(
        sel('pkgs.stdenv.mkDerivation'),
        attrs([...common, ...inputs, bind('buildPhase', script(g.buildCommands)), bind('installPhase', installScript(g.installCommands))]),
      );
    }
    default: {
      const never: never = b.kind;
      return never;
    }
  }
}

/**
 * For generic builders: copy what later stages take out of the stage into $out. `stagePath`
 * is taken relative to the unpacked source (the stage's working directory).
 */
function outputsInstall(b: BuilderPlan): string[] {
  const lines: string[] = [];
  for (const o of b.outputs) {
    const rel = o.stagePath.replace(/^\/+/, '');
    const dest = o.outPath.replace(/^\/+/, '');
    const dir = dirname('/' + dest).slice(1);
    if (dir !== '') lines.push(`mkdir -p "$out"/${shellQuote(dir)}`);
    lines.push(`cp -r ${shellQuote(rel)} "$out"/${shellQuote(dest)}`);
  }
  return lines;
}

function storeCopies(plan: MigrationPlan): CopyPlan[] {
  return plan.copies.filter((c) => c.placement === 'store' && c.owner === undefined);
}

function layerCopies(plan: MigrationPlan): CopyPlan[] {
  return plan.copies.filter((c) => c.placement === 'layer' || c.owner !== undefined);
}

/** `$out/usr/src/app` quoted for sh when needed. */
function outPath(dest: string): string {
  const q = shellQuote(dest);
  return q.startsWith("'") ? `"$out"${q}` : `$out${dest}`;
}

function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** Source of a copy as a string part (`${./app.py}`, `${server}/bin/server`). */
function copySourceParts(plan: MigrationPlan, c: CopyPlan): StrPart[] {
  const f = c.from;
  switch (f.kind) {
    case 'context':
      return [interp(contextPath(f.path, null, plan.source.contextRoot ?? ''))];
    case 'builder':
      return [interp(id(f.builder)), '/' + f.outPath.replace(/^\/+/, '')];
    case 'package':
      return [interp(pkgAttr(f.attr)), '/' + f.path.replace(/^\/+/, '')];
    case 'url':
      return [interp(id(urlBindingName(plan, f.url)))];
    default: {
      const never: never = f;
      return never;
    }
  }
}

/** Lines of the rootfs runCommand script (each a list of string parts). */
function rootfsScript(plan: MigrationPlan): StrPart[] {
  const parts: StrPart[] = [];
  const made = new Set<string>();
  for (const c of storeCopies(plan)) {
    const dir = dirname(c.dest);
    if (!made.has(dir)) {
      parts.push(`mkdir -p ${outPath(dir)}\n`);
      made.add(dir);
    }
    const src = copySourceParts(plan, c);
    const link = c.from.kind === 'builder' || c.from.kind === 'package';
    const dirCopy = c.from.kind === 'context' && c.from.isDirectory;
    parts.push(link ? 'ln -s ' : dirCopy ? 'cp -r ' : 'cp ', ...src, ` ${outPath(c.dest)}\n`);
    // Store files are read-only: later copies into this directory need it writable.
    if (dirCopy) parts.push(`chmod -R u+w ${outPath(c.dest)}\n`);
  }
  return mergeText(parts);
}

function mergeText(parts: StrPart[]): StrPart[] {
  const out: StrPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

/** Shell lines that run in the customisation layer (relative to the image root). */
export function layerScript(plan: MigrationPlan): StrPart[] {
  const parts: StrPart[] = [];
  const made = new Set<string>();
  const mkdir = (p: string): string => {
    if (made.has(p)) return '';
    made.add(p);
    return `mkdir -p ${p}\n`;
  };
  const rel = (p: string): string => shellQuote('.' + (p.startsWith('/') ? p : '/' + p));
  const needs = new Set(plan.implicitNeeds.map((n) => n.kind));
  if (needs.has('tmp')) parts.push('mkdir -p ./tmp\nchmod 1777 ./tmp\n');
  const wd = plan.config.workdir;
  if (wd !== null && wd.create) parts.push(mkdir(rel(wd.path)));
  for (const c of layerCopies(plan)) {
    const dest = rel(c.dest);
    parts.push(mkdir(rel(dirname(c.dest))));
    parts.push('cp -rL ', ...copySourceParts(plan, c), ` ${dest}\n`);
    parts.push(`chmod -R u+w ${dest}\n`);
    if (c.owner !== undefined) parts.push(`chown -R ${shellQuote(c.owner)} ${dest}\n`);
    if (c.mode !== undefined) parts.push(`chmod ${shellQuote(c.mode)} ${dest}\n`);
  }
  for (const op of plan.rootfsOps) parts.push(rootfsOpLine(op, rel));
  return mergeText(parts);
}

function rootfsOpLine(op: RootfsOp, rel: (p: string) => string): string {
  switch (op.op) {
    case 'mkdir':
      return (
        `mkdir -p ${rel(op.path)}\n` +
        (op.mode !== undefined ? `chmod ${shellQuote(op.mode)} ${rel(op.path)}\n` : '') +
        (op.owner !== undefined ? `chown ${shellQuote(op.owner)} ${rel(op.path)}\n` : '')
      );
    case 'chown':
      return `chown ${op.recursive ? '-R ' : ''}${shellQuote(op.owner)} ${rel(op.path)}\n`;
    case 'chmod':
      return `chmod ${op.recursive ? '-R ' : ''}${shellQuote(op.mode)} ${rel(op.path)}\n`;
    case 'symlink':
      return `mkdir -p ${rel(dirname(op.path))}\nln -sfn ${shellQuote(op.target)} ${rel(op.path)}\n`;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** The `let` bindings shared by the Nix targets. */
export function sharedBindings(plan: MigrationPlan, all: readonly Placeholder[]): AttrEntry[] {
  const out: AttrEntry[] = [];
  const section = (entries: AttrEntry[]): void => {
    if (entries.length === 0) return;
    if (out.length > 0) out.push(blank);
    out.push(...entries);
  };

  // Python environment: interpreter + runtime pip packages, fixed by the nixpkgs pin.
  if (plan.python !== null) {
    const py = plan.python;
    const prefix = `${py.interpreter}Packages.`;
    const notes = new Map<string, string>();
    for (const p of plan.packages) {
      if (p.manager !== 'pip' || p.nixAttr === null || p.role !== 'runtime') continue;
      const attr = p.nixAttr.startsWith(prefix) ? p.nixAttr.slice(prefix.length) : p.nixAttr.replace(/^python3Packages\./, '');
      const where = p.file !== undefined ? `${p.file}:${p.line}` : lineRef(plan, p.line);
      const drift = p.versionMatch === 'no' ? ' (nixpkgs ships another version; see report)' : '';
      notes.set(attr, `${where} ${p.name}${p.version ?? ''}${drift}`);
    }
    const items: ListItem[] = py.packages.map((name) => item(selOn(id('ps'), ...name.split('.')), notes.get(name)));
    section([
      bind('pythonEnv', apply(selOn(pkgAttr(py.interpreter), 'withPackages'), lambda('ps', list(items))), {
        leading: [`${lineRef(plan, py.line)}: pip packages, versions fixed by the nixpkgs pin instead of the index`],
      }),
    ]);
  }

  // Builder stages -> derivations; COPY --from=<stage> refers to their outputs.
  for (const b of plan.builders) {
    const from = plan.stages.find((s) => s.index === b.stage.index)?.from.ref;
    const what = `${lineRef(plan, b.stage.line)}: builder stage ${b.stage.name !== null ? `"${b.stage.name}"` : `#${b.stage.index}`}${from !== undefined ? ` (FROM ${from})` : ''}; only its outputs reach the image`;
    section([bind(b.id, builderExpr(plan, b, all), { leading: [what] })]);
  }

  // ADD <url> -> fetchurl with a pinned hash.
  const urls: string[] = [];
  for (const c of plan.copies) {
    if (c.from.kind !== 'url' || urls.includes(c.from.url)) continue;
    urls.push(c.from.url);
    const name = urlBindingName(plan, c.from.url);
    section([
      bind(
        name,
        apply(
          sel('pkgs.fetchurl'),
          attrs([bind('url', str(c.from.url)), bind('name', str(c.from.name)), hashBinding('hash', c.from.hash, all, `${name}.hash`)]),
        ),
        { leading: [`${lineRef(plan, c.line)}: ADD ${c.from.url}`] },
      ),
    ]);
  }

  // Files the Dockerfile copied, as one store derivation (read-only, symlinked into /).
  const script = rootfsScript(plan);
  if (script.length > 0) {
    const lines = [...new Set(storeCopies(plan).map((c) => c.line))].sort((a, b) => a - b);
    section([
      bind('rootfs', apply(sel('pkgs.runCommand'), str(`${plan.image.name.replace(/[^a-zA-Z0-9._-]/g, '-')}-rootfs`), attrs([]), ml(...script)), {
        leading: [`${lines.map((l) => lineRef(plan, l)).join(', ')}: only the files the Dockerfile copied (read-only store paths)`],
      }),
    ]);
  }

  // Named users -> /etc/passwd and /etc/group via fakeNss.
  if (plan.config.accounts.length > 0 || needs(plan, 'fakeNss')) {
    const accounts = [...plan.config.accounts].sort((a, b) => a.uid - b.uid || compareStrings(a.name, b.name));
    const groups = new Map<number, string>();
    for (const a of accounts) if (!groups.has(a.gid)) groups.set(a.gid, a.group);
    const nssExpr =
      accounts.length === 0
        ? sel('pkgs.dockerTools.fakeNss')
        : apply(
            sel('pkgs.dockerTools.fakeNss.override'),
            attrs([
              bind('extraPasswdLines', list(accounts.map((a) => str(`${a.name}:x:${a.uid}:${a.gid}::${a.home}:${a.shell}`)))),
              bind('extraGroupLines', list([...groups].sort((x, y) => x[0] - y[0]).map(([gid, name]) => str(`${name}:x:${gid}:`)))),
            ]),
          );
    const reason = plan.implicitNeeds.find((n) => n.kind === 'fakeNss')?.reason ?? 'USER names an account: /etc/passwd and /etc/group must exist';
    section([bind('nss', nssExpr, { leading: [reason] })]);
  }
  return out;
}

function needs(plan: MigrationPlan, kind: ImplicitNeedKind): boolean {
  return plan.implicitNeeds.some((n) => n.kind === kind);
}

// ---------------------------------------------------------------------------------------
// Image contents and config

const HELPER_EXPR: Record<Exclude<ImplicitNeedKind, 'tmp' | 'fakeNss'>, string> = {
  binSh: 'pkgs.dockerTools.binSh',
  usrBinEnv: 'pkgs.dockerTools.usrBinEnv',
  cacert: 'pkgs.dockerTools.caCertificates',
  tzdata: 'pkgs.tzdata',
  ianaEtc: 'pkgs.iana-etc',
};

/** Runtime store paths for the image: files, interpreter env, packages, implicit helpers. */
export function contentItems(plan: MigrationPlan): ListItem[] {
  const items: ListItem[] = [];
  if (storeCopies(plan).length > 0) items.push(item(id('rootfs')));
  if (plan.python !== null) items.push(item(id('pythonEnv')));
  const seen = new Set<string>();
  for (const p of plan.packages) {
    if (p.role !== 'runtime' || p.nixAttr === null || p.manager === 'pip' || p.helper !== undefined) continue;
    if (p.status === 'unmapped') continue;
    // The Python environment already carries its interpreter.
    if (plan.python !== null && p.nixAttr === plan.python.interpreter) continue;
    if (seen.has(p.nixAttr)) continue;
    seen.add(p.nixAttr);
    const conf = p.status === 'needs-confirmation' ? ' (needs confirmation)' : '';
    items.push(item(pkgAttr(p.nixAttr), `${lineRef(plan, p.line)} ${p.manager} ${p.name}${conf}`));
  }
  const helperOrder: Exclude<ImplicitNeedKind, 'tmp' | 'fakeNss'>[] = ['cacert', 'tzdata', 'ianaEtc', 'binSh', 'usrBinEnv'];
  const helperKinds = new Set<ImplicitNeedKind>(plan.implicitNeeds.map((n) => n.kind));
  for (const p of plan.packages) if (p.role === 'runtime' && p.helper !== undefined) helperKinds.add(p.helper);
  for (const k of helperOrder) {
    if (!helperKinds.has(k)) continue;
    const need = plan.implicitNeeds.find((n) => n.kind === k);
    const pkg = plan.packages.find((p) => p.role === 'runtime' && p.helper === k);
    const why = need?.reason ?? (pkg !== undefined ? `${lineRef(plan, pkg.line)} ${pkg.manager} ${pkg.name}` : undefined);
    items.push(item(sel(HELPER_EXPR[k]), why));
  }
  if (plan.config.accounts.length > 0 || helperKinds.has('fakeNss')) items.push(item(id('nss')));
  return items;
}

function commandExpr(c: CommandPlan): NixExpr {
  return list(c.argv.map(templateExpr));
}

function commandComment(plan: MigrationPlan, kw: string, c: CommandPlan): string {
  const how =
    c.form === 'shell'
      ? 'shell form, runs through /bin/sh'
      : c.program !== null && c.program.resolved
        ? `exec form, \`${c.program.name}\` resolved to a store path (no PATH lookup)`
        : 'exec form';
  return `${lineRef(plan, c.line)} ${kw}: ${how}`;
}

/** Extra environment the helpers need (set only if the Dockerfile did not set it). */
function derivedEnv(plan: MigrationPlan): { name: string; value: NixExpr; why: string }[] {
  const out: { name: string; value: NixExpr; why: string }[] = [];
  const has = (n: string): boolean => plan.config.env.some((e) => e.name === n);
  const helperKinds = new Set<ImplicitNeedKind>(plan.implicitNeeds.map((n) => n.kind));
  for (const p of plan.packages) if (p.role === 'runtime' && p.helper !== undefined) helperKinds.add(p.helper);
  if (helperKinds.has('cacert') && !has('SSL_CERT_FILE')) {
    out.push({ name: 'SSL_CERT_FILE', value: str('SSL_CERT_FILE=/etc/ssl/certs/ca-bundle.crt'), why: 'CA bundle from dockerTools.caCertificates' });
  }
  if (helperKinds.has('tzdata') && !has('TZDIR')) {
    out.push({ name: 'TZDIR', value: str('TZDIR=', interp(sel('pkgs.tzdata')), '/share/zoneinfo'), why: 'time zone data' });
  }
  if (plan.packages.some((p) => p.role === 'runtime' && p.nixAttr === 'glibcLocales') && !has('LOCALE_ARCHIVE')) {
    out.push({
      name: 'LOCALE_ARCHIVE',
      value: str('LOCALE_ARCHIVE=', interp(sel('pkgs.glibcLocales')), '/lib/locale/locale-archive'),
      why: 'locales',
    });
  }
  return out;
}

export interface ConfigOptions {
  /** nix2container drops Healthcheck (OCI ImageConfig has no such field). */
  healthcheck: boolean;
}

/** The image `config` attribute set (Docker image spec v1.3 field names). */
export function configEntries(plan: MigrationPlan, opts: ConfigOptions): AttrEntry[] {
  const c = plan.config;
  const out: AttrEntry[] = [];
  if (c.user !== null) {
    out.push(bind('User', str(c.user.spec), { trailing: `${lineRef(plan, c.user.line)} USER ${c.user.spec}` }));
  }
  if (c.ports.length > 0) {
    const ports = [...c.ports].sort((a, b) => a.port - b.port || compareStrings(a.protocol, b.protocol));
    const entries = ports.map((p) =>
      bind(`${p.port}/${p.protocol}`, attrs([]), { trailing: `${lineRef(plan, p.line)} EXPOSE ${p.port}${p.protocol === 'tcp' ? '' : '/' + p.protocol}` }),
    );
    out.push(bind('ExposedPorts', attrs(entries)));
  }
  const env = derivedEnv(plan);
  if (c.env.length > 0 || env.length > 0) {
    const items: ListItem[] = [
      ...c.env.map((e) => item(templateExpr([`${e.name}=`, ...e.value]), `${lineRef(plan, e.line)} ENV ${e.name}`)),
      ...env.map((e) => item(e.value, e.why)),
    ];
    out.push(bind('Env', list(items)));
  }
  if (c.entrypoint !== null) {
    out.push(bind('Entrypoint', commandExpr(c.entrypoint), { leading: [commandComment(plan, 'ENTRYPOINT', c.entrypoint)] }));
  }
  if (c.cmd !== null) out.push(bind('Cmd', commandExpr(c.cmd), { leading: [commandComment(plan, 'CMD', c.cmd)] }));
  if (c.healthcheck !== null && opts.healthcheck) {
    const h = c.healthcheck;
    const entries: AttrEntry[] = [bind('Test', list(h.test.map(templateExpr)))];
    if (h.intervalNs !== undefined) entries.push(bind('Interval', int(h.intervalNs)));
    if (h.timeoutNs !== undefined) entries.push(bind('Timeout', int(h.timeoutNs)));
    if (h.startPeriodNs !== undefined) entries.push(bind('StartPeriod', int(h.startPeriodNs)));
    if (h.startIntervalNs !== undefined) entries.push(bind('StartInterval', int(h.startIntervalNs)));
    if (h.retries !== undefined) entries.push(bind('Retries', int(h.retries)));
    out.push(bind('Healthcheck', attrs(entries), { leading: [`${lineRef(plan, h.line)} HEALTHCHECK (durations in nanoseconds)`] }));
  }
  if (c.volumes.length > 0) {
    const vols = [...c.volumes].sort((a, b) => compareStrings(a.path, b.path));
    out.push(bind('Volumes', attrs(vols.map((v) => bind(v.path, attrs([]), { trailing: `${lineRef(plan, v.line)} VOLUME` })))));
  }
  if (c.workdir !== null) out.push(bind('WorkingDir', str(c.workdir.path), { trailing: `${lineRef(plan, c.workdir.line)} WORKDIR` }));
  if (c.labels.length > 0) {
    out.push(bind('Labels', attrs(c.labels.map((l) => bind(l.key, str(l.value), { trailing: `${lineRef(plan, l.line)} LABEL` })))));
  }
  if (c.stopSignal !== null) {
    out.push(bind('StopSignal', str(c.stopSignal.signal), { trailing: `${lineRef(plan, c.stopSignal.line)} STOPSIGNAL` }));
  }
  if (c.shell !== null) {
    out.push(bind('Shell', list(c.shell.argv.map((a) => str(a))), { trailing: `${lineRef(plan, c.shell.line)} SHELL` }));
  }
  return out;
}

/** Header lines: provenance, then each untranslatable instruction verbatim. */
export function headerLines(plan: MigrationPlan): string[] {
  const out = [`Generated by ${GENERATOR_NAME} from ./${plan.source.dockerfile}; decisions and open questions: ./migration-report.json`];
  const untranslatable = plan.instructions.filter((i) => i.outcome === 'untranslatable');
  if (untranslatable.length > 0) {
    out.push('', 'Not translated (a person has to decide; see migration-report.json):');
    for (const ins of untranslatable) {
      out.push(`  ${lineRef(plan, ins.line, ins.endLine)}: ${ins.reason}`);
      for (const l of ins.text.split(/\r?\n/)) out.push(`    ${l}`);
    }
  }
  return out;
}

function baseImageBinding(plan: MigrationPlan, all: readonly Placeholder[]): AttrEntry[] {
  if (plan.base.kind !== 'pullImage') return [];
  const b = plan.base;
  const digestOpts: { trailing?: string } = {};
  const dc = b.image.digest === null ? placeholderComment(placeholderFor(all, IMAGE_DIGEST_TOKEN)) : undefined;
  if (dc !== undefined) digestOpts.trailing = dc;
  return [
    bind(
      'baseImage',
      apply(
        sel('pkgs.dockerTools.pullImage'),
        attrs([
          bind('imageName', str(b.image.name)),
          bind('imageDigest', str(b.image.digest ?? IMAGE_DIGEST_TOKEN), digestOpts),
          hashBinding('hash', b.hash, all, 'baseImage.hash'),
          bind('finalImageTag', str(b.finalImageTag)),
        ]),
      ),
      { leading: [`${lineRef(plan, b.image.line)} FROM ${b.image.ref}: kept as base; only its Env is inherited, so config is restated below`] },
    ),
  ];
}

// ---------------------------------------------------------------------------------------
// Files

/** default.nix for the dockerTools targets. */
export function emitDefaultNix(plan: MigrationPlan): string {
  assertValidPlan(plan);
  if (plan.target !== 'buildLayeredImage' && plan.target !== 'streamLayeredImage') {
    throw new Error(`emitDefaultNix: target ${plan.target} is not a dockerTools target`);
  }
  const all = allPlaceholders(plan);
  const bindings = [...baseImageBinding(plan, all), ...sharedBindings(plan, all)];
  const imageArgs: AttrEntry[] = [bind('name', str(plan.image.name)), bind('tag', str(plan.image.tag))];
  if (plan.base.kind === 'pullImage') imageArgs.push(bind('fromImage', id('baseImage')));
  const contents = contentItems(plan);
  if (contents.length > 0) imageArgs.push(bind('contents', list(contents)));
  const script = layerScript(plan);
  if (script.length > 0) {
    imageArgs.push(
      bind('fakeRootCommands', ml(...script), {
        leading: ['runs under fakeroot in the top layer, paths relative to the image root (no runAsRoot in layered images)'],
      }),
    );
  }
  const cfg = configEntries(plan, { healthcheck: true });
  if (cfg.length > 0) imageArgs.push(bind('config', attrs(cfg)));
  const fn = plan.target === 'streamLayeredImage' ? 'pkgs.dockerTools.streamLayeredImage' : 'pkgs.dockerTools.buildLayeredImage';
  const body = letIn(bindings, apply(sel(fn), attrs(imageArgs)));
  return printNixFile({
    header: headerLines(plan),
    body: lambda({ kind: 'formals', formals: [pkgsFormal(plan, all)] }, body),
  });
}

/** flake.nix: a thin wrapper so flake users get `nix build`, pinned by flake.lock. */
export function emitFlakeNix(plan: MigrationPlan): string {
  assertValidPlan(plan);
  const release = plan.nixpkgs.channel ?? NIXOS_RELEASE_TOKEN;
  const all = allPlaceholders(plan);
  const n2c = plan.target === 'nix2container';
  const releaseComment =
    plan.nixpkgs.channel === null
      ? placeholderComment(placeholderFor(all, NIXOS_RELEASE_TOKEN))
      : 'pinned exactly by flake.lock (`nix flake lock`)';
  const inputs: AttrEntry[] = [bind(['inputs', 'nixpkgs', 'url'], str(`github:NixOS/nixpkgs/${release}`), releaseComment !== undefined ? { trailing: releaseComment } : {})];
  if (n2c) {
    inputs.push(bind(['inputs', 'nix2container', 'url'], str('github:nlewo/nix2container')));
    inputs.push(bind(['inputs', 'nix2container', 'inputs', 'nixpkgs', 'follows'], str('nixpkgs')));
  }
  const importArgs: AttrEntry[] = [{ kind: 'inherit', names: ['pkgs'] }];
  if (n2c) {
    importArgs.push(bind('nix2container', selOn(id('nix2container'), 'packages', { interp: id('system') }, 'nix2container')));
  }
  const formals: Formal[] = [{ name: 'self' }, { name: 'nixpkgs' }];
  if (n2c) formals.push({ name: 'nix2container' });
  const forAll = lambda(
    'f',
    apply(
      sel('nixpkgs.lib.genAttrs'),
      list([str('x86_64-linux'), str('aarch64-linux')]),
      lambda('system', apply(id('f'), id('system'), selOn(id('nixpkgs'), 'legacyPackages', { interp: id('system') }))),
    ),
  );
  const outputs = lambda(
    { kind: 'formals', formals },
    letIn(
      [bind('forAll', forAll)],
      attrs([
        bind(
          'packages',
          apply(
            id('forAll'),
            lambda('system', lambda('pkgs', attrs([bind('default', apply(id('import'), path('default.nix'), attrs(importArgs)))]))),
          ),
        ),
      ]),
    ),
  );
  const desc = `${plan.image.name} image, migrated from ./${plan.source.dockerfile} by ${GENERATOR_NAME} (see ./migration-report.json)`;
  return printNixFile({
    header: [],
    body: attrs([bind('description', str(desc)), ...inputs, bind('outputs', outputs)]),
  });
}
