/**
 * Builder stages -> derivations. A stage that the final image copies from becomes
 * buildGoModule / rustPlatform.buildRustPackage / buildNpmPackage / stdenv.mkDerivation, and each
 * `COPY --from=<stage> <path>` is mapped to a path under that derivation's $out (or to what the
 * path really is: context files, pip packages, CA certificates, a package's binary).
 */
import { packageCommands, type PackageFamily } from '../../knowledge/index.js';
import type { InstructionNode, Stage } from '../../model/model.js';
import type { BuilderKind, BuilderOutput, BuilderPlan, PackagePlan } from '../plan.js';
import { baseFacts, type BaseFacts } from './base.js';
import { classifyCommand, topCommands, type CargoBuild, type Cmd, type GoBuild } from './commands.js';
import { planManager, planPackage, versionText, withRole } from './pkg.js';
import { addHuman, readContext, setOutcome, type PlanState } from './state.js';
import { basenameOf, bindingName, dirnameOf, isWithin, lineOf, normContext, pnameOf, relativeTo, resolveIn, unique } from './util.js';

export interface ContextCopy {
  line: number;
  /** Context paths (normalised), globs kept as written. */
  sources: string[];
  /** Absolute destination; a directory when `destIsDir`. */
  dest: string;
  destIsDir: boolean;
}

interface RunRecord {
  node: InstructionNode;
  cmds: { cmd: Cmd; text: string }[];
  /** The RUN's script as written (continuations joined), for generic builders. */
  source: string;
}

export interface BuilderDraft {
  stage: Stage;
  /** Stages analysed for this builder (root first), without those shared with the final image. */
  stages: Stage[];
  facts: BaseFacts;
  family: PackageFamily | null;
  kind: BuilderKind;
  id: string;
  pname: string;
  version: string;
  src: string;
  workdir: string | null;
  contextCopies: ContextCopy[];
  runs: RunRecord[];
  go: GoBuild[];
  cargo: CargoBuild[];
  npm: { dir: string | null; scripts: string[]; flags: string[] } | null;
  pip: { line: number; packages: PackagePlan[]; requirementFiles: string[]; targets: string[] }[];
  venvs: string[];
  packages: PackagePlan[];
  /** COPY --from other stages inside the builder (not translated). */
  nestedCopies: number[];
  outputs: BuilderOutput[];
  /** Lines of the final image's COPY --from that use this builder. */
  usedBy: number[];
  /** Go binary names per `go build`/`go install` that could not be read from go.mod. */
  uncertainBinaries: string[];
  /** Whether a context path is a directory (caller's knowledge or heuristic). */
  isDir: (p: string) => boolean;
  /** package.json "name" (buildNpmPackage installs into lib/node_modules/<name>); null when unread. */
  npmName: string | null;
}

export type PathMapping =
  | { kind: 'output'; outPath: string; stagePath: string; isDirectory: boolean }
  | { kind: 'context'; path: string; isDirectory: boolean }
  | { kind: 'python-site' }
  | { kind: 'system'; need: 'cacert' | 'tzdata' | 'passwd' }
  | { kind: 'package'; attr: string; path: string; pkg: PackagePlan }
  | { kind: 'none'; why: string };

const GOBIN_DEFAULT = '/go/bin';
const SITE_RE = /^\/(usr\/local\/lib\/python[\d.]*|usr\/lib\/python[\d.]*|opt\/venv|venv|\.venv|root\/\.local|home\/[^/]+\/\.local|install|wheels|deps|python-deps|packages)(\/|$)/;

function goModuleName(st: PlanState, src: string): string | null {
  const file = src === '.' ? 'go.mod' : `${src}/go.mod`;
  const content = readContext(st, file);
  if (content === null) return null;
  const m = /^\s*module\s+(\S+)/m.exec(content);
  return m === null ? null : basenameOf((m[1] ?? '').replace(/\/v\d+$/, ''));
}

function cargoPackageName(st: PlanState, src: string): string | null {
  const file = src === '.' ? 'Cargo.toml' : `${src}/Cargo.toml`;
  const content = readContext(st, file);
  if (content === null) return null;
  const pkg = /\[package\][^[]*?\bname\s*=\s*"([^"]+)"/s.exec(content);
  return pkg === null ? null : (pkg[1] ?? null);
}

function npmPackageName(st: PlanState, src: string): { name: string | null; version: string | null } {
  const file = src === '.' ? 'package.json' : `${src}/package.json`;
  const content = readContext(st, file);
  if (content === null) return { name: null, version: null };
  try {
    const j = JSON.parse(content) as { name?: unknown; version?: unknown };
    return { name: typeof j.name === 'string' ? j.name : null, version: typeof j.version === 'string' ? j.version : null };
  } catch {
    return { name: null, version: null };
  }
}

/** A RUN script as a buildPhase fragment: continuation lines joined, comment-only lines dropped. */
function scriptText(source: string): string {
  return source
    .replace(/[ \t]*\\\r?\n[ \t]*/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .join('\n');
}

/** Common context directory of what a stage copied: "." when it copied the whole context. */
export function commonSource(copies: readonly ContextCopy[], isDir: (p: string) => boolean): string {
  const dirs: string[] = [];
  for (const c of copies) {
    for (const s of c.sources) {
      if (s === '.') return '.';
      dirs.push(isDir(s) && !/[*?[]/.test(s) ? s : dirnameOf(s));
    }
  }
  if (dirs.length === 0) return '.';
  let common = dirs[0] ?? '.';
  for (const d of dirs.slice(1)) {
    while (common !== '.' && !(d === common || d.startsWith(common + '/'))) common = dirnameOf(common);
  }
  return common === '' || common === '/' ? '.' : common;
}

/** Binary name Nix gives a Go main package. */
function goBinName(st: PlanState, d: BuilderDraft, g: GoBuild, pkg: string | undefined): string {
  const p = (pkg ?? '.').replace(/\/\.\.\.$/, '').replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (p !== '' && !p.includes('...')) return basenameOf(p);
  const mod = goModuleName(st, d.src);
  if (mod !== null) return mod;
  const fallback = g.output !== null && !g.outputIsDir ? basenameOf(g.output) : d.pname;
  if (!d.uncertainBinaries.includes(fallback)) d.uncertainBinaries.push(fallback);
  return fallback;
}

/** Analyse a builder stage (and its ancestors that do not ship). Sets no outcomes yet. */
export function analyseBuilder(
  st: PlanState,
  stage: Stage,
  stages: Stage[],
  isDir: (p: string) => boolean,
  taken: Set<string>,
): BuilderDraft {
  const allRoot = ((): Stage => {
    let s: Stage = stage;
    const seen = new Set<number>();
    while (s.parentIndex !== null && !seen.has(s.index)) {
      seen.add(s.index);
      const p = st.model.stages[s.parentIndex];
      if (p === undefined) break;
      s = p;
    }
    return s;
  })();
  const facts = baseFacts(allRoot);
  const alpine = facts.packageFamily === 'alpine';
  const d: BuilderDraft = {
    stage,
    stages,
    facts,
    family: facts.packageFamily,
    kind: 'generic',
    id: '',
    pname: '',
    version: '0.0.0',
    src: '.',
    workdir: stage.endState.workdir,
    contextCopies: [],
    runs: [],
    go: [],
    cargo: [],
    npm: null,
    pip: [],
    venvs: [],
    packages: [],
    nestedCopies: [],
    outputs: [],
    usedBy: [],
    uncertainBinaries: [],
    isDir,
    npmName: null,
  };
  for (const s of stages) {
    for (const node of s.instructions) {
      if (node.onbuild) continue;
      const line = lineOf(node);
      if (node.keyword === 'COPY' || node.keyword === 'ADD') {
        const copy = node.copy;
        if (copy === null) continue;
        if (copy.from !== null) {
          d.nestedCopies.push(line);
          continue;
        }
        const dest = copy.dest?.value ?? null;
        if (dest === null) continue;
        const destResolved = node.resolve(dest) ?? dest;
        const sources = copy.sources.map((w) => normContext(node.resolve(w.value) ?? w.value)).filter((x): x is string => x !== null);
        const destIsDir = destResolved.endsWith('/') || destResolved === '.' || sources.length > 1;
        d.contextCopies.push({ line, sources, dest: resolveIn(node.state.workdir, destResolved), destIsDir });
        continue;
      }
      if (node.keyword === 'ARG' || node.keyword === 'ENV') {
        for (const p of node.syntax.properties) {
          if (/^(VERSION|APP_VERSION|[A-Z_]*_VERSION)$/.test(p.name) && d.version === '0.0.0' && p.value !== null && /^v?\d[\w.+-]*$/.test(p.value)) {
            d.version = p.value.replace(/^v/, '');
          }
        }
        continue;
      }
      if (node.keyword !== 'RUN' || node.run === null) continue;
      const run = node.run;
      const rec: RunRecord = { node, cmds: [], source: run.form === 'shell' && run.heredocs.length === 0 ? scriptText(run.shell?.source ?? '') : '' };
      let cwd: string | null = node.state.workdir ?? '/';
      const src = run.shell?.source ?? '';
      for (const c of topCommands(run.commands)) {
        const text = src.slice(c.start, c.end);
        if (c.name === 'cd') {
          const to = c.args[0]?.value;
          cwd = to === undefined || to === null ? null : resolveIn(cwd, to);
          rec.cmds.push({ cmd: { kind: 'neutral' }, text });
          continue;
        }
        const cmd = classifyCommand(c, { cwd, alpine });
        // Assignments like `CGO_ENABLED=0 go build` and ENV CGO_ENABLED both count.
        if (cmd.kind === 'go-build' && cmd.go.cgo === null) cmd.go.cgo = node.state.env.get('CGO_ENABLED') ?? null;
        rec.cmds.push({ cmd, text });
        if (cmd.kind === 'install') {
          const mgr = planManager(cmd.install.manager);
          if (cmd.install.manager === 'go') {
            d.go.push({ output: null, outputIsDir: false, packages: cmd.install.packages.map((p) => p.name), ldflags: [], tags: [], cgo: node.state.env.get('CGO_ENABLED') ?? null, install: true, cwd });
          } else if (cmd.install.manager === 'cargo') {
            const root = cmd.install.flags.find((f) => f.name === '--root')?.value ?? null;
            d.cargo.push({ bins: [], features: [], flags: [], release: true, install: true, root: root === null ? null : resolveIn(cwd, root), targetDir: null, cwd });
          } else if (cmd.install.manager === 'npm' && 'bare' in cmd.install && cmd.install.bare) {
            d.npm ??= { dir: cwd, scripts: [], flags: [] };
            d.npm.dir = cwd;
            for (const f of cmd.install.flags) if (/^--(legacy-peer-deps|ignore-scripts|force)$/.test(f.name)) d.npm.flags.push(f.name);
          } else if (mgr === 'pip' && 'requirementFiles' in cmd.install) {
            const pkgs = cmd.install.packages
              .filter((p) => p.source === 'registry' && !p.dynamic)
              .map((p) => planPackage(st.map, { manager: 'pip', name: p.name, version: versionText(p), line }));
            const targets = cmd.install.flags.filter((f) => f.name === '--target' || f.name === '-t' || f.name === '--prefix' || f.name === '--root').map((f) => f.value).filter((v): v is string => v !== null);
            d.pip.push({ line, packages: pkgs, requirementFiles: cmd.install.requirementFiles.map((w) => resolveIn(cwd, w.value ?? w.text)), targets: targets.map((t) => resolveIn(cwd, t)) });
          } else if (mgr !== null && mgr !== 'pip' && mgr !== 'npm' && mgr !== 'gem') {
            for (const spec of cmd.install.packages) {
              if (spec.source !== 'registry') continue;
              const p = planPackage(st.map, { manager: mgr, name: spec.name, version: versionText(spec), line, dynamic: spec.dynamic });
              withRole(p, 'build-only', 'installed in a builder stage, so it never reaches the image');
              d.packages.push(p);
            }
          }
        } else if (cmd.kind === 'go-build') {
          d.go.push(cmd.go);
        } else if (cmd.kind === 'cargo-build') {
          d.cargo.push(cmd.cargo);
        } else if (cmd.kind === 'npm-script') {
          d.npm ??= { dir: cwd, scripts: [], flags: [] };
          d.npm.scripts.push(cmd.script);
        } else if (cmd.kind === 'venv') {
          d.venvs.push(cmd.path);
        }
      }
      d.runs.push(rec);
    }
  }
  d.kind = d.go.length > 0 ? 'go' : d.cargo.length > 0 ? 'rust' : d.npm !== null ? 'npm' : 'generic';
  d.src = commonSource(d.contextCopies, isDir);
  // Names: pname from the project files when the context is readable, else the stage.
  const stageLabel = stage.rawName ?? `stage${stage.index}`;
  let pname = stageLabel;
  if (d.kind === 'npm') {
    const pj = npmPackageName(st, d.src);
    if (pj.name !== null) pname = pj.name;
    d.npmName = pj.name;
    if (pj.version !== null && d.version === '0.0.0') d.version = pj.version;
  } else if (d.kind === 'rust') {
    pname = d.cargo.flatMap((c) => c.bins)[0] ?? cargoPackageName(st, d.src) ?? stageLabel;
  } else if (d.kind === 'go') {
    const g = d.go[0];
    if (g !== undefined && g.output !== null && !g.outputIsDir) pname = basenameOf(g.output);
    else pname = goModuleName(st, d.src) ?? stageLabel;
  }
  d.pname = pnameOf(pname, 'app');
  d.id = bindingName(stage.rawName ?? d.pname, taken, `stage${stage.index}`);
  taken.add(d.id);
  return d;
}

/** The context file or directory that a copy in the stage put at `stagePath`, if any. */
function contextPathOf(d: BuilderDraft, stagePath: string): PathMapping | null {
  for (const c of [...d.contextCopies].reverse()) {
    for (const s of c.sources) {
      if (/[*?[]/.test(s)) continue;
      const dir = s === '.' || d.isDir(s);
      const root = dir ? c.dest : c.destIsDir ? resolveIn(c.dest, basenameOf(s)) : c.dest;
      const rel = relativeTo(stagePath, root);
      if (rel === null) continue;
      const n = normContext(rel === '' ? s : s === '.' ? rel : `${s}/${rel}`);
      if (n === null) continue;
      return { kind: 'context', path: n, isDirectory: rel === '' ? dir : d.isDir(n) };
    }
  }
  return null;
}

/** Where buildNpmPackage installs the project in $out. */
export function npmInstallDir(d: BuilderDraft): string {
  return `lib/node_modules/${d.npmName ?? d.pname}`;
}

/** What a path copied out of the builder stage is. */
export function mapBuilderPath(st: PlanState, d: BuilderDraft, stagePathRaw: string): PathMapping {
  const stagePath = resolveIn(d.workdir, stagePathRaw);
  if (/^\/etc\/(ssl|pki|ca-certificates)(\/|$)|^\/usr\/share\/ca-certificates(\/|$)|^\/usr\/local\/share\/ca-certificates(\/|$)/.test(stagePath)) return { kind: 'system', need: 'cacert' };
  if (/^\/usr\/share\/zoneinfo(\/|$)/.test(stagePath)) return { kind: 'system', need: 'tzdata' };
  if (/^\/etc\/(passwd|group|shadow|gshadow)$/.test(stagePath)) return { kind: 'system', need: 'passwd' };
  if (d.pip.length > 0) {
    const targets = d.pip.flatMap((p) => p.targets);
    if (SITE_RE.test(stagePath) || d.venvs.some((v) => isWithin(stagePath, v) || isWithin(v, stagePath)) || targets.some((t) => isWithin(stagePath, t) || isWithin(t, stagePath))) {
      return { kind: 'python-site' };
    }
  }
  // Build outputs of the language builders.
  if (d.kind === 'go') {
    for (const g of d.go) {
      const pkgs = g.packages.length > 0 ? g.packages : ['.'];
      if (g.install) {
        const gobin = GOBIN_DEFAULT;
        const rel = relativeTo(stagePath, gobin);
        if (rel !== null) return { kind: 'output', outPath: rel === '' ? 'bin' : `bin/${rel}`, stagePath, isDirectory: rel === '' };
        continue;
      }
      const out = g.output ?? resolveIn(g.cwd, goBinName(st, d, g, pkgs[0]));
      if (g.outputIsDir) {
        const rel = relativeTo(stagePath, out);
        if (rel !== null) return { kind: 'output', outPath: rel === '' ? 'bin' : `bin/${rel}`, stagePath, isDirectory: rel === '' };
      } else if (stagePath === out) {
        return { kind: 'output', outPath: `bin/${goBinName(st, d, g, pkgs[0])}`, stagePath, isDirectory: false };
      } else {
        const rel = relativeTo(out, stagePath);
        if (rel !== null && rel !== '' && !rel.includes('/')) return { kind: 'output', outPath: 'bin', stagePath, isDirectory: true };
      }
    }
  }
  if (d.kind === 'rust') {
    for (const c of d.cargo) {
      if (c.install) {
        const rootDir = c.root ?? '/usr/local/cargo';
        const rel = relativeTo(stagePath, `${rootDir}/bin`);
        if (rel !== null) return { kind: 'output', outPath: rel === '' ? 'bin' : `bin/${rel}`, stagePath, isDirectory: rel === '' };
        continue;
      }
      const target = c.targetDir ?? resolveIn(c.cwd, 'target');
      const rel = relativeTo(stagePath, target);
      if (rel !== null) {
        const parts = rel.split('/');
        const name = parts[parts.length - 1] ?? '';
        if (parts.length >= 2 && name !== '' && !/^(release|debug)$/.test(name)) return { kind: 'output', outPath: `bin/${name}`, stagePath, isDirectory: false };
        return { kind: 'output', outPath: 'bin', stagePath, isDirectory: true };
      }
    }
  }
  if (d.kind === 'npm' && d.npm !== null) {
    const dir = d.npm.dir ?? d.workdir ?? '/';
    const rel = relativeTo(stagePath, dir);
    if (rel !== null) return { kind: 'output', outPath: `${npmInstallDir(d)}${rel === '' ? '' : '/' + rel}`, stagePath, isDirectory: rel === '' || d.isDir(rel) };
  }
  // Binaries of packages the builder installed (`apk add tini` then COPY --from=... /sbin/tini).
  const base = basenameOf(stagePath);
  if (d.family !== null) {
    for (const p of d.packages) {
      if (p.nixAttr === null) continue;
      if (packageCommands(d.family, p.name).includes(base)) return { kind: 'package', attr: p.nixAttr, path: `bin/${base}`, pkg: p };
    }
  }
  // Files the builder copied from the context and did not change.
  if (d.kind !== 'generic') {
    const ctx = contextPathOf(d, stagePath);
    if (ctx !== null) return ctx;
  }
  if (d.kind === 'generic') {
    const srcDest = d.contextCopies.find((c) => c.sources.includes('.') || c.sources.includes(d.src))?.dest ?? d.workdir ?? null;
    const rel = srcDest !== null ? relativeTo(stagePath, srcDest) : null;
    if (rel !== null) return { kind: 'output', outPath: rel === '' ? `share/${d.pname}` : rel, stagePath: rel === '' ? '.' : rel, isDirectory: rel === '' || d.isDir(rel) };
    return { kind: 'output', outPath: stagePath.replace(/^\/+/, ''), stagePath, isDirectory: d.isDir(stagePath) };
  }
  return { kind: 'none', why: `nothing in stage "${d.stage.rawName ?? d.stage.index}" is known to produce ${stagePath}` };
}

/** Without package.json the install directory under $out is a guess: ask to confirm it. */
export function npmNameCheck(st: PlanState, d: BuilderDraft, line: number): void {
  if (d.npmName !== null) return;
  addHuman(st, { kind: 'confirm-choice', line, message: `${d.id}: buildNpmPackage installs into lib/node_modules/<"name" from package.json>, which was not readable; check the paths under ${npmInstallDir(d)}` });
}

/** Toolchain packages a generic builder needs from its base image. */
function toolchainInputs(d: BuilderDraft): string[] {
  const rt = d.facts.runtime;
  return rt !== null && rt.attr !== null ? [rt.attr] : [];
}

const SKIP_INPUTS: ReadonlySet<string> = new Set(['git', 'curl', 'wget', 'gnupg', 'cacert', 'tzdata', 'iana-etc', 'bashInteractive', 'coreutils', 'busybox', 'go', 'nodejs']);

/** Build the BuilderPlan and set outcomes for the builder's instructions. */
export function finishBuilder(st: PlanState, d: BuilderDraft, used: boolean): BuilderPlan | null {
  const label = `stage "${d.stage.rawName ?? String(d.stage.index)}"`;
  const fn: Record<BuilderKind, string> = {
    go: 'pkgs.buildGoModule',
    rust: 'pkgs.rustPlatform.buildRustPackage',
    npm: 'pkgs.buildNpmPackage',
    python: 'buildPythonApplication',
    generic: 'pkgs.stdenv.mkDerivation',
  };
  const what = `${d.id} = ${fn[d.kind]} { ... }`;
  const pipUsed = d.pip.length > 0;
  for (const s of d.stages) {
    setOutcome(
      st,
      s.fromNode,
      'replaced',
      used ? what : pipUsed ? 'pythonEnv of the final image' : null,
      used ? `builder ${label} becomes a derivation; only what the final stage copies reaches the image` : `builder ${label}: the final stage takes only ${pipUsed ? 'pip packages' : 'translated files'} from it`,
    );
  }
  const buildCommands: string[] = [];
  const reviewGeneric: string[] = [];
  for (const s of d.stages) {
    for (const node of s.instructions) {
      if (node.onbuild) continue;
      const line = lineOf(node);
      switch (node.keyword) {
        case 'COPY':
        case 'ADD':
          if (d.nestedCopies.includes(line)) {
            setOutcome(st, node, 'untranslatable', null, `the builder copies from another stage (${node.copy?.from ?? '?'}); wire that derivation into ${d.id} by hand`);
          } else {
            setOutcome(st, node, used ? 'replaced' : 'dropped-build-only', used ? `${d.id}.src` : null, used ? `source of ${d.id} (src = ${d.src === '.' ? 'the build context' : './' + d.src})` : 'input of a builder stage');
          }
          break;
        case 'RUN': {
          const rec = d.runs.find((r) => r.node === node);
          const kinds = rec?.cmds.map((c) => c.cmd) ?? [];
          const bad = kinds.filter((c): c is Extract<Cmd, { kind: 'download' | 'unknown' }> => c.kind === 'download' || c.kind === 'unknown');
          const builds = kinds.filter((c) => c.kind === 'go-build' || c.kind === 'cargo-build' || c.kind === 'npm-script' || c.kind === 'build-tool' || (c.kind === 'install' && (c.install.manager === 'go' || c.install.manager === 'cargo' || (c.install.manager === 'npm' && 'bare' in c.install && c.install.bare))));
          const deps = kinds.filter((c) => c.kind === 'go-deps');
          const pip = kinds.some((c) => c.kind === 'install' && (c.install.manager === 'pip' || c.install.manager === 'uv'));
          const uvSync = kinds.some((c) => c.kind === 'install' && c.install.manager === 'uv' && c.install.subcommand !== 'pip install');
          let inBuildPhase = false;
          if (d.kind === 'generic' && rec !== undefined) {
            const buildish = (c: Cmd): boolean => c.kind === 'build-tool' || c.kind === 'unknown' || c.kind === 'npm-script' || c.kind === 'mkdir' || c.kind === 'chmod' || c.kind === 'symlink';
            const plumbing = rec.cmds.some((c) => c.cmd.kind === 'install' || c.cmd.kind === 'remove' || c.cmd.kind === 'drop');
            const fetches = rec.cmds.some((c) => c.cmd.kind === 'download');
            if (!fetches && rec.cmds.some((c) => buildish(c.cmd))) {
              inBuildPhase = true;
              // The whole script keeps its control flow; with package plumbing mixed in, only the build commands.
              if (!plumbing && rec.source !== '') buildCommands.push(rec.source);
              else for (const c of rec.cmds) if (buildish(c.cmd)) buildCommands.push(c.text);
            }
          }
          if (bad.some((b) => b.kind === 'download') || (bad.length > 0 && d.kind !== 'generic') || uvSync) {
            const reasons = unique(bad.map((b) => b.what));
            if (uvSync) reasons.push('uv sync (use uv2nix/pyproject.nix for the locked environment)');
            setOutcome(st, node, 'untranslatable', null, `builder step not translated: ${reasons.join('; ')}`);
          } else if (used && builds.length > 0) {
            setOutcome(st, node, 'replaced', `${d.id} (${fn[d.kind]})`, `build step of ${label}`);
          } else if (used && deps.length > 0) {
            setOutcome(st, node, 'replaced', d.kind === 'generic' ? `${d.id}` : `${d.id} dependency hash`, 'dependencies become a fixed-output derivation');
          } else if (pip) {
            setOutcome(st, node, 'replaced', 'pythonEnv (python3.withPackages)', 'pip packages of the builder; the final image gets them from nixpkgs');
          } else if (used && d.kind === 'generic' && (bad.length > 0 || inBuildPhase)) {
            reviewGeneric.push(...bad.map((b) => b.what));
            setOutcome(st, node, 'replaced', `${d.id}.buildPhase`, bad.length > 0 ? `runs in the generic builder's buildPhase: ${unique(bad.map((b) => b.what)).join('; ')}` : `build step of ${label}`);
          } else if (kinds.some((c) => c.kind === 'install')) {
            setOutcome(st, node, 'replaced', used ? `${d.id}.nativeBuildInputs` : null, 'build dependencies of a builder stage: nixpkgs provides the toolchain');
          } else {
            setOutcome(st, node, 'dropped-build-only', null, 'build-time step of a builder stage');
          }
          break;
        }
        case 'ARG':
        case 'ENV':
        case 'WORKDIR':
        case 'USER':
        case 'SHELL':
          setOutcome(st, node, used ? 'replaced' : 'dropped-build-only', used ? d.id : null, `build setting of ${label}; the derivation has its own build environment`);
          break;
        default:
          setOutcome(st, node, 'dropped-build-only', null, `${node.keyword} in a builder stage does not reach the image`);
      }
    }
  }
  if (!used) return null;
  // Inputs: mapped packages of the builder (toolchains aside), plus the base toolchain for generic builders.
  const inputs = unique([...(d.kind === 'generic' ? toolchainInputs(d) : []), ...d.packages.map((p) => p.nixAttr).filter((a): a is string => a !== null && !SKIP_INPUTS.has(a))]);
  const plan: BuilderPlan = {
    id: d.id,
    kind: d.kind,
    stage: { index: d.stage.index, name: d.stage.rawName, line: lineOf(d.stage.fromNode) },
    pname: d.pname,
    version: d.version,
    src: d.src,
    depsHash: null,
    nativeBuildInputs: d.kind === 'generic' || d.kind === 'npm' ? inputs : [],
    buildInputs: [],
    outputs: d.outputs,
  };
  if (d.kind === 'go') {
    const subPackages = unique(
      d.go.flatMap((g) => g.packages).map((p) => p.replace(/^\.\/?/, '').replace(/\/+$/, '')).filter((p) => p !== '' && !p.includes('@') && !p.includes('...')),
    );
    // Go enables cgo by default when a C compiler is around (Debian-based golang images), not on Alpine.
    const cgo = d.go.some((g) => g.cgo === '1') || (d.go.every((g) => g.cgo === null) && d.family !== 'alpine');
    plan.go = { subPackages, ldflags: unique(d.go.flatMap((g) => g.ldflags)), cgo, tags: unique(d.go.flatMap((g) => g.tags)) };
    if (d.uncertainBinaries.length > 0) {
      addHuman(st, { kind: 'confirm-choice', line: plan.stage.line, message: `${d.id}: buildGoModule names the binary after the module path in go.mod, which was not readable; check that ${d.uncertainBinaries.map((b) => `bin/${b}`).join(', ')} exists in the output` });
    }
  } else if (d.kind === 'rust') {
    plan.rust = { cargoBuildFlags: unique(d.cargo.flatMap((c) => (c.install ? [] : c.flags))), features: unique(d.cargo.flatMap((c) => c.features)) };
  } else if (d.kind === 'npm') {
    const script = d.npm?.scripts[0] ?? null;
    plan.npm = { buildScript: script, npmFlags: unique(d.npm?.flags ?? []) };
    npmNameCheck(st, d, plan.stage.line);
  } else if (d.kind === 'generic') {
    plan.generic = { buildCommands, installCommands: [] };
    const tools = unique(d.runs.flatMap((r) => r.cmds).filter((c) => c.cmd.kind === 'build-tool').map((c) => (c.cmd.kind === 'build-tool' ? c.cmd.what : '')));
    const hint = tools.some((t) => /gradle|mvn/.test(t))
      ? ' (Maven/Gradle fetch dependencies from the network: use maven.buildMavenPackage with mvnHash, or gradle2nix)'
      : '';
    if (buildCommands.length > 0) addHuman(st, {
      kind: 'review',
      line: plan.stage.line,
      message: `${d.id}: stdenv.mkDerivation runs the stage's commands (${tools.join(', ') || 'none recognised'}) in the Nix sandbox without network access; check the build and that the outputs land in $out${hint}${reviewGeneric.length > 0 ? `; also check: ${unique(reviewGeneric).join('; ')}` : ''}`,
    });
  }
  if (d.contextCopies.length === 0) {
    addHuman(st, { kind: 'review', line: plan.stage.line, message: `${d.id}: stage ${label} copies nothing from the build context, so its sources come from elsewhere (git clone, download); set src to a fetcher (fetchFromGitHub, fetchurl) with its hash` });
  }
  return plan;
}
