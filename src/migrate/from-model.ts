/**
 * Front half of `dockwise migrate`: the Dockerfile's semantic model -> MigrationPlan.
 *
 * `planMigration(model, opts)` picks the target stage (`--stage`, default the last), walks the
 * stages whose content ships (the target and the stages it is built FROM), turns the stages it
 * copies from into builder derivations, and decides every instruction: translated, replaced,
 * dropped as build-only, or untranslatable. Packages go through the package map (unknown names
 * are reported, never guessed); what the replaced base image gave implicitly (/bin/sh, /tmp,
 * /etc/passwd, CA certificates, time zone data) is added back only where the program needs it.
 *
 * Pure: no file system access. Build-context files (requirements.txt, package.json, scripts)
 * are read through `opts.readContextFile`, supplied by the CLI. Deterministic: the same model
 * and options give the same plan.
 */
import { LineIndex } from '../core/text.js';
import { packageCommands } from '../knowledge/index.js';
import { buildModel, type DockerfileModel, type InstructionNode, type Stage } from '../model/model.js';
import { parseDockerfile } from '../parse/parse.js';
import type { PackageInstall, PackageSpec, ShellParser } from '../shell/types.js';
import { defaultPackageMap, normalizePypiName } from './packages.js';
import {
  PLAN_VERSION,
  emptyImageConfig,
  type BuilderPlan,
  type CommandPlan,
  type CopyPlan,
  type HealthcheckPlan,
  type ImageConfigPlan,
  type ImplicitNeed,
  type ImplicitNeedKind,
  type MigrationPlan,
  type MigrationTarget,
  type PackagePlan,
  type RootfsOp,
  type StageInfo,
  type Template,
  type UserAccount,
} from './plan.js';
import { baseFacts, isPython2Package, knownAccount, planImageRef, type BaseFacts } from './planner/base.js';
import { analyseBuilder, finishBuilder, mapBuilderPath, npmInstallDir, npmNameCheck, type BuilderDraft, type ContextCopy } from './planner/builders.js';
import { classifyCommand, topCommands, type AccountSpec, type Cmd } from './planner/commands.js';
import { parseCommandArgs, parseHealthcheck, parsePorts, parseUser, parseVolumes, type CommandForm } from './planner/config.js';
import { isGuess, parseRequirements, pipScripts, planManager, planPackage, pythonAttrOf, versionText, withRole } from './planner/pkg.js';
import { addFinding, addHuman, hasContext, linkFinding, newState, PlanError, readContext, setOutcome, type PlanOptions, type PlanState } from './planner/state.js';
import {
  basenameOf,
  dirnameOf,
  imageNameOf,
  isWithin,
  lineOf,
  normContext,
  relativeTo,
  resolveIn,
  shebangOf,
  splitPlainCommand,
  unique,
} from './planner/util.js';

export { PlanError } from './planner/state.js';
export type { PlanOptions, TargetOption } from './planner/state.js';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Files that have no extension but are files, for the directory heuristic. */
const EXTENSIONLESS_FILES: ReadonlySet<string> = new Set([
  'Makefile', 'Dockerfile', 'Containerfile', 'LICENSE', 'LICENCE', 'NOTICE', 'README', 'VERSION', 'Gemfile', 'Procfile',
  'Pipfile', 'Rakefile', 'Jenkinsfile', 'Vagrantfile', 'Caddyfile', 'gradlew', 'mvnw', 'configure', 'entrypoint',
  'docker-entrypoint', 'start', 'run', 'healthcheck', 'CHANGELOG', 'AUTHORS', 'COPYING', 'Brewfile', 'Justfile',
]);

/** Context files that only feed a package manager or a build. */
const MANIFEST_RE = /(^|\/)(requirements[^/]*\.txt|constraints[^/]*\.txt|package(-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|\.npmrc|\.yarnrc(\.yml)?|go\.(mod|sum)|Cargo\.(toml|lock)|Gemfile(\.lock)?|Pipfile(\.lock)?|poetry\.lock|pyproject\.toml|uv\.lock|setup\.(py|cfg)|composer\.(json|lock))$/;

/** Python packages that are network clients (they need CA certificates). */
const NET_PY = /^(requests|httpx|urllib3|aiohttp|boto3|botocore|google-.+|grpcio|kubernetes|openai|anthropic|stripe|twilio|sentry-sdk|redis|pymongo|psycopg2(-binary)?|elasticsearch|slack-sdk|httplib2|certifi)$/;
const NET_TOOLS: ReadonlySet<string> = new Set(['curl', 'wget', 'git', 'openssl', 'openssh', 'gnupg', 'docker', 'nodejs', 'jre_headless', 'ruby', 'php']);

interface RunRec {
  node: InstructionNode;
  packages: PackagePlan[];
  runtimeEffects: string[];
  replacedBy: string[];
  dropped: string[];
  bad: string[];
  pinned: PackagePlan[];
}

interface CopyRec {
  node: InstructionNode;
  plans: CopyPlan[];
  /** Destinations of manifest globs (`COPY package*.json ./`), consumed by builds only. */
  manifestDests: string[];
  bad: string[];
  effects: string[];
}

interface PipSource {
  line: number;
  packages: PackagePlan[];
}

type Program = { parts: Template; resolved: boolean; pkg: PackagePlan | null; exists: boolean; path?: string };

/** Resolve the target stage. */
function selectStage(st: PlanState, wanted: string | undefined): Stage {
  const stages = st.model.stages;
  if (wanted === undefined) {
    const f = st.model.finalStage;
    if (f === null) throw new PlanError(`${st.file}: no FROM instruction, nothing to migrate`);
    return f;
  }
  const w = wanted.toLowerCase();
  const byName = stages.find((s) => s.name === w);
  if (byName !== undefined) return byName;
  if (/^\d+$/.test(wanted)) {
    const byIndex = stages[Number(wanted)];
    if (byIndex !== undefined) return byIndex;
  }
  const names = stages.map((s) => s.rawName ?? `#${s.index}`).join(', ');
  throw new PlanError(`${st.file}: no stage named "${wanted}" (stages: ${names})`);
}

function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s !== undefined && !seen.has(s.index)) {
    seen.add(s.index);
    out.unshift(s);
    s = s.parentIndex !== null ? model.stages[s.parentIndex] : undefined;
  }
  return out;
}

function mapTarget(opts: PlanOptions): MigrationTarget {
  const t = opts.target ?? 'nix';
  if (t === 'nix' || t === 'buildLayeredImage' || t === 'streamLayeredImage') {
    return opts.stream === true || t === 'streamLayeredImage' ? 'streamLayeredImage' : 'buildLayeredImage';
  }
  return t;
}

/** Where a file at `abs` in the image came from in the build context, per the copies so far. */
function contextSourceIn(copies: readonly ContextCopy[], abs: string, isDir: (p: string) => boolean): string | null {
  for (const c of [...copies].reverse()) {
    for (const s of c.sources) {
      if (/[*?[]/.test(s)) {
        const re = new RegExp('^' + basenameOf(s).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
        if (dirnameOf(abs) === c.dest && re.test(basenameOf(abs))) {
          const d = dirnameOf(s);
          return d === '.' ? basenameOf(abs) : `${d}/${basenameOf(abs)}`;
        }
        continue;
      }
      const dir = s === '.' || isDir(s);
      const root = dir ? c.dest : c.destIsDir ? resolveIn(c.dest, basenameOf(s)) : c.dest;
      const rel = relativeTo(abs, root);
      if (rel === null) continue;
      return normContext(rel === '' ? s : s === '.' ? rel : `${s}/${rel}`);
    }
  }
  return null;
}

export function planMigration(model: DockerfileModel, opts: PlanOptions = {}): MigrationPlan {
  const map = opts.packageMap ?? defaultPackageMap();
  const st = newState(model, opts, map);
  if (model.stages.length === 0) return planWithoutStages(st);
  const target = selectStage(st, opts.stage);
  const chain = stageChain(model, target);
  const chainSet = new Set(chain.map((s) => s.index));
  const root = chain[0] ?? target;
  const facts = baseFacts(root);
  const family = facts.packageFamily;
  const alpine = family === 'alpine';
  const text = model.text;

  const isDir = (p: string): boolean => {
    if (p === '.' || p.endsWith('/')) return true;
    const k = opts.contextKind?.(p) ?? null;
    if (k !== null) return k === 'directory';
    const b = basenameOf(p);
    return !b.includes('.') && !EXTENSIONLESS_FILES.has(b) && !/[*?[]/.test(b);
  };

  // ---------------------------------------------------------------- stage roles
  const builderRefs: number[] = [];
  const buildOnlyRefs = new Map<number, number>(); // stage -> first line that uses it while building
  for (const s of chain) {
    for (const node of s.instructions) {
      if (node.copy !== null && node.copy.fromStage !== null && !chainSet.has(node.copy.fromStage) && !builderRefs.includes(node.copy.fromStage)) {
        builderRefs.push(node.copy.fromStage);
      }
      for (const m of node.run?.mounts ?? []) {
        const from = m.from?.toLowerCase();
        const idx = model.stages.find((x) => x.name === from)?.index;
        if (idx !== undefined && !chainSet.has(idx) && !buildOnlyRefs.has(idx)) buildOnlyRefs.set(idx, lineOf(node));
      }
    }
  }
  const taken = new Set<string>();
  const drafts = new Map<number, BuilderDraft>();
  const analysed = new Set<number>();
  for (const idx of builderRefs) {
    const stage = model.stages[idx];
    if (stage === undefined) continue;
    const stages = stageChain(model, stage).filter((s) => !chainSet.has(s.index));
    drafts.set(idx, analyseBuilder(st, stage, stages, isDir, taken));
    for (const s of stages) analysed.add(s.index);
  }
  // Stages that builders copy from or mount are only build inputs.
  for (const d of drafts.values()) {
    for (const s of d.stages) {
      for (const node of s.instructions) {
        if (node.copy?.fromStage != null && !analysed.has(node.copy.fromStage) && !chainSet.has(node.copy.fromStage) && !buildOnlyRefs.has(node.copy.fromStage)) {
          buildOnlyRefs.set(node.copy.fromStage, lineOf(node));
        }
      }
    }
  }

  // ---------------------------------------------------------------- the final image's stages
  const packages: PackagePlan[] = [];
  const pipSources: PipSource[] = [];
  const contextCopies: ContextCopy[] = [];
  const copyRecs: CopyRec[] = [];
  const runRecs: RunRec[] = [];
  const rootfsOps: RootfsOp[] = [];
  const accountSpecs: { spec: AccountSpec; line: number }[] = [];
  const removedNames = new Set<string>();
  const virtualOf = new Map<PackagePlan, string>();
  const consumed = new Set<string>(); // image paths read only by build steps
  const consumedDirs = new Set<string>();
  const pythonFromBuilders: { line: number; draft: BuilderDraft }[] = [];
  const needs = new Map<ImplicitNeedKind, { reasons: string[]; lines: number[] }>();
  const inlineBuild: { node: InstructionNode; what: string }[] = [];
  const reviewNotes: { line: number; message: string }[] = [];
  const pipLines: number[] = [];
  const venvs: string[] = [];
  const addNeed = (kind: ImplicitNeedKind, reason: string, line: number | null): void => {
    const n = needs.get(kind) ?? { reasons: [], lines: [] };
    if (!n.reasons.includes(reason)) n.reasons.push(reason);
    if (line !== null && !n.lines.includes(line)) n.lines.push(line);
    needs.set(kind, n);
  };

  const cfg: ImageConfigPlan = emptyImageConfig();
  let cmdNode: { node: InstructionNode; form: CommandForm } | null = null;
  let entrypointNode: { node: InstructionNode; form: CommandForm } | null = null;
  let healthNode: InstructionNode | null = null;
  let shellArgv: string[] = ['/bin/sh', '-c'];
  const basePath = facts.info !== null ? unique(facts.info.path).join(':') : DEFAULT_PATH;

  const requirementsFrom = (ctxPath: string, line: number, depth: number, into: PackagePlan[], missing: string[], imagePath?: string): void => {
    const content = readContext(st, ctxPath);
    if (content === null) {
      missing.push(imagePath !== undefined && imagePath !== '/' + ctxPath ? `${imagePath} (${ctxPath} in the context)` : ctxPath);
      return;
    }
    const parsed = parseRequirements(content);
    for (const r of parsed.requirements) into.push(planPackage(map, { manager: 'pip', name: r.name, version: r.version, line: r.line, file: ctxPath }));
    for (const u of parsed.unsupported) reviewNotes.push({ line, message: `${ctxPath}:${u.line}: \`${u.text}\` is not a plain requirement (URL, VCS, local path or editable); package it by hand` });
    if (depth < 5) for (const inc of parsed.includes) {
      const p = normContext(`${dirnameOf(ctxPath)}/${inc}`);
      if (p !== null) requirementsFrom(p, line, depth + 1, into, missing);
    }
  };

  for (const stage of chain) {
    const isRoot = stage === root;
    setOutcome(
      st,
      stage.fromNode,
      'replaced',
      isRoot ? 'nixpkgs pin (default.nix: pkgs argument)' : `continues stage "${model.stages[stage.parentIndex ?? 0]?.rawName ?? stage.parentIndex}"`,
      isRoot
        ? facts.scratch
          ? 'FROM scratch: the image starts empty, as a Nix image does'
          : `the base image is replaced by one pinned nixpkgs revision; only what the Dockerfile adds (and what the program needs from the base) goes into the image`
        : 'the stage builds on an earlier stage of the same image',
    );
    for (const node of stage.instructions) {
      if (node.onbuild) continue;
      const line = lineOf(node);
      switch (node.keyword) {
        case 'ARG':
          setOutcome(st, node, 'replaced', null, 'build argument: its value was substituted while planning (pass --build-arg to change it)');
          break;
        case 'ENV': {
          const parts: string[] = [];
          for (const p of node.syntax.properties) {
            let raw = p.value ?? '';
            if (!node.state.env.has('PATH')) raw = raw.replace(/\$\{PATH\}|\$PATH\b/g, basePath);
            const resolved = node.resolve(raw);
            if (resolved === null) {
              const f = addFinding(st, { rule: 'unknown-variable', severity: 'warning', category: 'correctness', line, message: `ENV ${p.name} refers to a variable with no known value (${p.value ?? ''}); written as is`, status: 'needs-review' });
              addHuman(st, { kind: 'review', line, message: `ENV ${p.name}=${p.value ?? ''}: the variable it uses came from the base image or the build; set the value by hand`, finding: f });
            }
            const value = resolved ?? p.value ?? '';
            const existing = cfg.env.findIndex((e) => e.name === p.name);
            if (existing >= 0) cfg.env.splice(existing, 1);
            cfg.env.push({ name: p.name, value: [value], line });
            parts.push(p.name);
            if (p.name === 'TZ' && facts.hadTzdata) addNeed('tzdata', `ENV TZ selects a time zone; ${facts.refText ?? 'the base image'} shipped tzdata`, line);
          }
          setOutcome(st, node, 'translated', `config.Env: ${parts.join(', ')}`, 'image config');
          break;
        }
        case 'LABEL': {
          const unknownVars: string[] = [];
          for (const p of node.syntax.properties) {
            const key = node.resolve(p.name) ?? p.name;
            const resolved = node.resolve(p.value ?? '');
            if (resolved === null) unknownVars.push(p.name);
            const value = resolved ?? p.value ?? '';
            const i = cfg.labels.findIndex((l) => l.key === key);
            if (i >= 0) cfg.labels.splice(i, 1);
            cfg.labels.push({ key, value, line });
          }
          setOutcome(st, node, 'translated', 'config.Labels', 'image config');
          if (unknownVars.length > 0) {
            addHuman(st, { kind: 'review', line, message: `LABEL ${unknownVars.join(', ')} uses a build argument without a value; written as is (pass --build-arg to set it)` });
          }
          break;
        }
        case 'MAINTAINER': {
          const value = node.syntax.args.map((a) => a.value).join(' ');
          cfg.labels = cfg.labels.filter((l) => l.key !== 'maintainer');
          cfg.labels.push({ key: 'maintainer', value, line });
          setOutcome(st, node, 'translated', 'config.Labels.maintainer', 'MAINTAINER is deprecated; kept as the maintainer label');
          break;
        }
        case 'EXPOSE': {
          const ports = parsePorts(node);
          if (ports === null) {
            setOutcome(st, node, 'untranslatable', null, 'the port uses a variable without a value, or is not a port');
            break;
          }
          for (const p of ports) if (!cfg.ports.some((x) => x.port === p.port && x.protocol === p.protocol)) cfg.ports.push({ ...p, line });
          setOutcome(st, node, 'translated', `config.ExposedPorts: ${ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}`, 'image config');
          break;
        }
        case 'VOLUME': {
          const vols = parseVolumes(node);
          if (vols === null) {
            setOutcome(st, node, 'untranslatable', null, 'the volume path uses a variable without a value');
            break;
          }
          for (const v of vols) if (!cfg.volumes.some((x) => x.path === v)) cfg.volumes.push({ path: v, line });
          setOutcome(st, node, 'translated', 'config.Volumes', 'image config');
          break;
        }
        case 'STOPSIGNAL': {
          const v = node.resolve(node.syntax.args[0]?.value ?? '') ?? '';
          cfg.stopSignal = { signal: v, line };
          setOutcome(st, node, 'translated', 'config.StopSignal', 'image config');
          break;
        }
        case 'SHELL': {
          const argv = node.syntax.json?.map((w) => w.value) ?? [];
          if (argv.length === 0) {
            setOutcome(st, node, 'untranslatable', null, 'SHELL needs a JSON array');
            break;
          }
          shellArgv = argv;
          cfg.shell = { argv, line };
          setOutcome(st, node, 'translated', 'config.Shell', 'image config (shell for later shell-form instructions)');
          break;
        }
        case 'WORKDIR': {
          const raw = node.syntax.args.map((a) => a.value).join(' ');
          const resolved = node.resolve(raw);
          if (resolved === null) addHuman(st, { kind: 'review', line, message: `WORKDIR ${raw} uses a variable without a value; written as is (pass --build-arg to set it)` });
          const v = resolved ?? raw;
          const p = resolveIn(node.state.workdir, v.replace(/^["']|["']$/g, ''));
          cfg.workdir = { path: p, line, create: p !== '/' };
          setOutcome(st, node, 'translated', 'config.WorkingDir (directory created in the image)', 'image config');
          break;
        }
        case 'USER': {
          const raw = node.syntax.args[0]?.value ?? '';
          const resolved = node.resolve(raw);
          if (resolved === null) addHuman(st, { kind: 'review', line, message: `USER ${raw} uses a variable without a value; written as is (pass --build-arg to set it)` });
          cfg.user = { spec: resolved ?? raw, line };
          setOutcome(st, node, 'translated', 'config.User', 'image config');
          break;
        }
        case 'CMD':
        case 'ENTRYPOINT': {
          const form = parseCommandArgs(text, node);
          const prev = node.keyword === 'CMD' ? cmdNode : entrypointNode;
          if (prev !== null) setOutcome(st, prev.node, 'replaced', null, `overridden by the ${node.keyword} at line ${line}`);
          if (node.keyword === 'CMD') cmdNode = { node, form };
          else entrypointNode = { node, form };
          setOutcome(st, node, 'translated', `config.${node.keyword === 'CMD' ? 'Cmd' : 'Entrypoint'}`, 'image config');
          break;
        }
        case 'HEALTHCHECK': {
          if (healthNode !== null) setOutcome(st, healthNode, 'replaced', null, `overridden by the HEALTHCHECK at line ${line}`);
          healthNode = node;
          setOutcome(st, node, 'translated', 'config.Healthcheck (durations in nanoseconds)', 'image config');
          break;
        }
        case 'ONBUILD':
          setOutcome(st, node, 'untranslatable', null, 'ONBUILD triggers run when another Dockerfile builds FROM this image; a Nix image has no triggers');
          break;
        case 'COPY':
        case 'ADD':
          copyRecs.push(planCopy(node));
          break;
        case 'RUN':
          runRecs.push(planRun(node));
          break;
        default:
          setOutcome(st, node, 'untranslatable', null, `unknown instruction ${node.keyword}`);
      }
    }
  }

  function planCopy(node: InstructionNode): CopyRec {
    const rec: CopyRec = { node, plans: [], manifestDests: [], bad: [], effects: [] };
    const copy = node.copy;
    const line = lineOf(node);
    if (copy === null) {
      rec.bad.push('not understood');
      return rec;
    }
    if (copy.heredocs.length > 0) {
      rec.bad.push('writes inline here-document content (put the file in the context and COPY it)');
      return rec;
    }
    const destRaw = copy.dest?.value ?? null;
    const dest = destRaw === null ? null : node.resolve(destRaw);
    if (dest === null) {
      rec.bad.push(destRaw === null ? 'no destination' : 'the destination uses a variable without a value');
      return rec;
    }
    const destAbs = resolveIn(node.state.workdir, dest);
    const destIsDir = dest.endsWith('/') || dest === '.' || dest === './' || copy.sources.length > 1;
    const owner = copy.chown !== null ? (node.resolve(copy.chown) ?? copy.chown) : null;
    const mode = copy.chmod !== null ? (node.resolve(copy.chmod) ?? copy.chmod) : null;
    const push = (from: CopyPlan['from'], d: string): void => {
      const plan: CopyPlan = { line, from, dest: d, placement: owner !== null || mode !== null ? 'layer' : 'store' };
      if (owner !== null) plan.owner = owner;
      if (mode !== null) plan.mode = mode;
      rec.plans.push(plan);
    };
    const sources = copy.sources.map((w) => node.resolve(w.value));
    if (sources.some((s) => s === null)) {
      rec.bad.push('a source uses a variable without a value');
      return rec;
    }
    if (copy.from !== null) {
      const idx = copy.fromStage;
      const draft = idx !== null ? drafts.get(idx) : undefined;
      if (draft === undefined) {
        rec.bad.push(idx !== null ? `copies from stage "${copy.from}" of the image itself` : `copies from the image ${copy.from}; choose a nixpkgs package that provides these files`);
        return rec;
      }
      draft.usedBy.push(line);
      for (const s of sources as string[]) {
        const m = mapBuilderPath(st, draft, s);
        const stagePath = resolveIn(draft.workdir, s);
        // A directory's contents go into the destination; a file goes into it when it is a directory.
        const srcIsDir = s.endsWith('/') || (m.kind === 'output' && m.isDirectory) || (m.kind === 'context' && m.isDirectory);
        const target = destIsDir && !srcIsDir ? resolveIn(destAbs, basenameOf(stagePath)) : destAbs;
        switch (m.kind) {
          case 'output': {
            if (!draft.outputs.some((o) => o.outPath === m.outPath)) draft.outputs.push({ stagePath: m.stagePath, outPath: m.outPath });
            push({ kind: 'builder', builder: draft.id, outPath: m.outPath }, target);
            rec.effects.push(`\${${draft.id}}/${m.outPath}`);
            break;
          }
          case 'context':
            push({ kind: 'context', path: m.path, isDirectory: m.isDirectory }, m.isDirectory ? destAbs : target);
            rec.effects.push(`rootfs: ./${m.path}`);
            break;
          case 'python-site':
            pythonFromBuilders.push({ line, draft });
            rec.effects.push('pythonEnv');
            break;
          case 'system':
            if (m.need === 'cacert') addNeed('cacert', `COPY --from=${copy.from} ${s} (line ${line}) copied CA certificates`, line);
            else if (m.need === 'tzdata') addNeed('tzdata', `COPY --from=${copy.from} ${s} (line ${line}) copied time zone data`, line);
            else addNeed('fakeNss', `COPY --from=${copy.from} ${s} (line ${line}) copied the account database`, line);
            rec.effects.push(m.need === 'cacert' ? 'dockerTools.caCertificates' : m.need === 'tzdata' ? 'pkgs.tzdata' : 'fakeNss');
            break;
          case 'package':
            push({ kind: 'package', attr: m.attr, path: m.path }, target);
            rec.effects.push(`pkgs.${m.attr}/${m.path}`);
            break;
          case 'none':
            rec.bad.push(m.why);
            break;
          default: {
            const never: never = m;
            return never;
          }
        }
      }
      return rec;
    }
    for (const raw of sources as string[]) {
      if (copy.kind === 'ADD' && /^(https?|ftp):\/\//.test(raw)) {
        if (/\.git(#.*)?$|^https?:\/\/(github|gitlab)\.com\/[^/]+\/[^/]+\/?(#.*)?$/.test(raw)) {
          rec.bad.push(`ADD of a git repository (${raw}); use fetchgit/fetchFromGitHub with a rev and hash`);
          continue;
        }
        const name = basenameOf(raw.replace(/[?#].*$/, '')) || 'download';
        const hash = copy.checksum !== null ? (node.resolve(copy.checksum) ?? null) : null;
        push({ kind: 'url', url: raw, hash, name: name.replace(/[^A-Za-z0-9+._?=-]/g, '-') }, destIsDir || dest.endsWith('/') ? resolveIn(destAbs, name) : destAbs);
        rec.effects.push('fetchurl');
        continue;
      }
      if (/^(git@|git:\/\/)/.test(raw)) {
        rec.bad.push(`ADD of a git repository (${raw}); use fetchgit with a rev and hash`);
        continue;
      }
      const s = normContext(raw);
      if (s === null) {
        rec.bad.push(`${raw} is outside the build context`);
        continue;
      }
      if (copy.kind === 'ADD' && /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/.test(s)) {
        rec.bad.push(`ADD unpacks the local archive ${s}; unpack it in a derivation (or COPY the unpacked files)`);
        continue;
      }
      if (/[*?[]/.test(s)) {
        if (MANIFEST_RE.test(s)) {
          rec.manifestDests.push(destAbs);
          contextCopies.push({ line, sources: [s], dest: destAbs, destIsDir: true });
        } else {
          rec.bad.push(`the source ${s} is a pattern; list the files it matches (no context to expand it)`);
        }
        continue;
      }
      const dir = isDir(s);
      const d = dir ? destAbs : destIsDir ? resolveIn(destAbs, basenameOf(s)) : destAbs;
      push({ kind: 'context', path: s, isDirectory: dir }, d);
      contextCopies.push({ line, sources: [s], dest: dir ? destAbs : d, destIsDir: false });
      rec.effects.push(`./${s}`);
    }
    return rec;
  }

  function planRun(node: InstructionNode): RunRec {
    const rec: RunRec = { node, packages: [], runtimeEffects: [], replacedBy: [], dropped: [], bad: [], pinned: [] };
    const ops: RootfsOp[] = [];
    const line = lineOf(node);
    const run = node.run;
    if (run === null || !run.posix || run.shell === null) {
      rec.bad.push(run !== null && !run.posix ? 'the RUN uses a non-POSIX shell (PowerShell/cmd)' : 'the RUN could not be analysed');
      return rec;
    }
    if (run.shell.script.hasErrors) rec.bad.push('the shell script has syntax errors');
    let cwd: string | null = node.state.workdir ?? '/';
    let autoremoveAll = false;
    const src = run.shell.source;
    for (const c of topCommands(run.commands)) {
      if (c.name === 'cd') {
        const to = c.args[0]?.value;
        cwd = to === undefined || to === null ? null : resolveIn(cwd, to);
        continue;
      }
      const cmd: Cmd = classifyCommand(c, { cwd, alpine });
      const cmdText = src.slice(c.start, c.end);
      switch (cmd.kind) {
        case 'install':
          planInstall(node, cmd.install, cwd, rec, cmdText);
          break;
        case 'remove':
          if (cmd.aptMarkAuto || (cmd.autoremove && cmd.names.some((n) => n === null))) autoremoveAll = true;
          for (const n of cmd.names) if (n !== null) removedNames.add(n);
          rec.dropped.push('package removal');
          break;
        case 'drop':
          rec.dropped.push(cmd.what);
          break;
        case 'neutral':
          break;
        case 'mkdir':
          for (const p of cmd.paths) {
            const op: RootfsOp = { op: 'mkdir', path: p, line, reason: `RUN mkdir (line ${line})` };
            if (cmd.mode !== null) op.mode = cmd.mode;
            ops.push(op);
          }
          rec.runtimeEffects.push(`mkdir ${cmd.paths.join(' ')}`);
          break;
        case 'chmod':
          for (const p of cmd.paths) ops.push({ op: 'chmod', path: p, mode: cmd.mode, recursive: cmd.recursive, line, reason: `RUN chmod (line ${line})` });
          rec.runtimeEffects.push(`chmod ${cmd.mode} ${cmd.paths.join(' ')}`);
          break;
        case 'chown':
          for (const p of cmd.paths) ops.push({ op: 'chown', path: p, owner: cmd.owner, recursive: cmd.recursive, line, reason: `RUN chown (line ${line})` });
          rec.runtimeEffects.push(`chown ${cmd.owner} ${cmd.paths.join(' ')}`);
          break;
        case 'symlink':
          ops.push({ op: 'symlink', target: cmd.target, path: cmd.path, line, reason: `RUN ln -s (line ${line})` });
          rec.runtimeEffects.push(`ln -s ${cmd.target} ${cmd.path}`);
          break;
        case 'account':
          accountSpecs.push({ spec: cmd.account, line });
          rec.runtimeEffects.push(`${cmd.account.kind === 'user' ? 'account' : 'group'} ${cmd.account.name} (fakeNss)`);
          break;
        case 'venv':
          venvs.push(cmd.path);
          rec.replacedBy.push('pythonEnv (instead of a virtualenv)');
          break;
        case 'go-build':
        case 'cargo-build':
        case 'npm-script':
          inlineBuild.push({ node, what: cmdText });
          break;
        case 'go-deps':
          rec.replacedBy.push('dependency hash of the builder derivation');
          break;
        case 'build-tool':
        case 'download':
        case 'unknown':
          rec.bad.push(cmd.what);
          break;
        default: {
          const never: never = cmd;
          return never;
        }
      }
    }
    if (autoremoveAll) {
      for (const p of rec.packages) withRole(p, 'build-only', 'removed again at the end of the same RUN (apt-mark auto / purge --auto-remove)');
    }
    // Filesystem changes of a RUN that is not translated as a whole would act on files that are not there.
    if (rec.bad.length === 0) rootfsOps.push(...ops);
    else if (ops.length > 0) rec.runtimeEffects.length = 0;
    return rec;
  }

  /** A package argument with `$VAR` whose value the Dockerfile sets (ENV/ARG): name and version with it substituted. */
  function staticSpec(node: InstructionNode, spec: PackageSpec, manager: string): { name: string; version: string | null; dynamic: boolean } {
    const version = versionText(spec);
    if (!spec.dynamic) return { name: spec.name, version, dynamic: false };
    const raw = spec.word.text.replace(/^(["'])(.*)\1$/s, '$2');
    const v = node.resolve(raw);
    if (v === null || /\$/.test(v)) return { name: spec.name, version, dynamic: true };
    const t = v.replace(/\s*(===|==|>=|<=|~=|!=|=|<|>)\s*/g, '$1').trim();
    if (/\s/.test(t)) return { name: spec.name, version, dynamic: true };
    const m = manager === 'pip' ? /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?(.*)$/.exec(t) : /^([^=<>~]+)(.*)$/.exec(t);
    if (m === null) return { name: spec.name, version, dynamic: true };
    const rest = (manager === 'pip' ? m[3] : m[2]) ?? '';
    return { name: m[1] ?? spec.name, version: rest === '' ? null : rest, dynamic: false };
  }

  function planInstall(node: InstructionNode, install: PackageInstall, cwd: string | null, rec: RunRec, cmdText: string): void {
    const line = lineOf(node);
    const mgr = planManager(install.manager);
    switch (install.manager) {
      case 'apt':
      case 'apk':
      case 'yum':
      case 'dnf':
      case 'microdnf': {
        if (mgr === null) return;
        if ('group' in install && (install.group || install.module)) {
          rec.bad.push(`${install.tool} installs groups/modules (${install.packages.map((p) => p.name).join(' ')})`);
          return;
        }
        for (const spec of install.packages) {
          if (spec.source !== 'registry') {
            rec.bad.push(`installs the local package file ${spec.name}`);
            continue;
          }
          const sp = staticSpec(node, spec, mgr);
          const p = planPackage(map, { manager: mgr, name: sp.name, version: sp.version, line, dynamic: sp.dynamic });
          if (install.manager === 'apk' && install.virtual !== null) virtualOf.set(p, install.virtual);
          if (p.version !== null && p.versionMatch !== undefined) rec.pinned.push(p);
          rec.packages.push(p);
          packages.push(p);
        }
        return;
      }
      case 'pip':
      case 'uv': {
        if (install.manager === 'uv' && install.subcommand !== 'pip install') {
          rec.bad.push(`uv ${install.subcommand}: use uv2nix / pyproject.nix for a locked Python environment`);
          return;
        }
        if (!('requirementFiles' in install)) return;
        if (install.isUpgradePip) {
          rec.dropped.push('pip upgrade (the installer is not shipped)');
          if (install.packages.every((p) => /^(pip|setuptools|wheel)$/i.test(p.name))) return;
        }
        pipLines.push(line);
        const into: PackagePlan[] = [];
        for (const spec of install.packages) {
          if (spec.source === 'path') {
            rec.bad.push(`pip installs the local project ${spec.name}; package it with buildPythonApplication`);
            continue;
          }
          if (spec.source !== 'registry') {
            rec.bad.push(`pip installs ${spec.name} from a ${spec.source}`);
            continue;
          }
          if (install.isUpgradePip && /^(pip|setuptools|wheel)$/i.test(spec.name)) continue;
          const sp = staticSpec(node, spec, 'pip');
          into.push(planPackage(map, { manager: 'pip', name: sp.name, version: sp.version, line, dynamic: sp.dynamic }));
        }
        for (const e of install.editables) rec.bad.push(`pip install -e ${e.value ?? e.text}: package the project with buildPythonApplication`);
        const missing: string[] = [];
        for (const w of install.requirementFiles) {
          const abs = resolveIn(cwd, w.value ?? w.text);
          consumed.add(abs);
          const mount = node.run?.mounts.find((m) => m.type === 'bind' && m.from === null && m.target !== null && resolveIn(cwd, m.target) === abs);
          const ctx = mount !== undefined ? normContext(mount.source ?? basenameOf(abs)) : contextSourceIn(contextCopies, abs, isDir);
          if (ctx === null) {
            missing.push(abs);
            continue;
          }
          requirementsFrom(ctx, line, 0, into, missing, abs);
        }
        for (const m of missing) {
          reviewNotes.push({
            line,
            message: hasContext(st)
              ? `the requirements file ${m} could not be read from the build context; list its packages in pythonEnv`
              : `the requirements file ${m} was not read (no build context given); list its packages in pythonEnv, or run dockwise migrate next to the context`,
          });
        }
        pipSources.push({ line, packages: into });
        for (const p of into) {
          packages.push(p);
          if (p.version !== null && p.versionMatch !== undefined) rec.pinned.push(p);
        }
        rec.runtimeEffects.push('pythonEnv (python3.withPackages)');
        return;
      }
      case 'npm': {
        if (!('bare' in install)) return;
        if (install.bare && !install.global) {
          inlineBuild.push({ node, what: cmdText });
          if (cwd !== null) {
            consumedDirs.add(cwd);
            for (const f of ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc']) consumed.add(resolveIn(cwd, f));
          }
          return;
        }
        if (!install.global) {
          rec.bad.push(`npm install ${install.packages.map((p) => p.name).join(' ')} outside package.json; add them to package.json and use buildNpmPackage`);
          return;
        }
        for (const spec of install.packages) {
          const p = planPackage(map, { manager: 'npm', name: spec.name, version: versionText(spec), line, dynamic: spec.dynamic });
          rec.packages.push(p);
          packages.push(p);
        }
        return;
      }
      case 'gem': {
        for (const spec of install.packages) {
          const p = planPackage(map, { manager: 'gem', name: spec.name, version: versionText(spec), line, dynamic: spec.dynamic });
          rec.packages.push(p);
          packages.push(p);
        }
        return;
      }
      case 'go':
        if (install.packages.every((p) => p.source === 'path')) {
          inlineBuild.push({ node, what: cmdText });
          return;
        }
        rec.bad.push(`go install ${install.packages.map((p) => p.name).join(' ')}: build the tool with buildGoModule (or use its nixpkgs package)`);
        return;
      case 'cargo':
        rec.bad.push(`cargo install: build it with rustPlatform.buildRustPackage (or use its nixpkgs package)`);
        return;
      case 'yarn':
      case 'pnpm':
        rec.bad.push(`${install.manager} ${install.subcommand}: use fetchYarnDeps/yarnConfigHook (yarn) or pnpm.fetchDeps (pnpm) in a derivation`);
        return;
      case 'bundle':
        rec.bad.push('bundle install: use bundlerEnv with a gemset.nix made by bundix');
        return;
      default:
        rec.bad.push(`${install.tool} ${install.subcommand}: no mapping for this package manager`);
    }
  }

  // ---------------------------------------------------------------- inline builds in the final stage
  let inlineDraft: BuilderDraft | null = null;
  const inlineCopies: CopyPlan[] = [];
  if (inlineBuild.length > 0) {
    const d = analyseBuilder(st, target, chain, isDir, taken);
    if (d.kind !== 'generic') {
      inlineDraft = d;
      const line = inlineBuild[0] !== undefined ? lineOf(inlineBuild[0].node) : lineOf(target.fromNode);
      if (d.kind === 'go') {
        for (const g of d.go) {
          const pkgs = g.packages.length > 0 ? g.packages : ['.'];
          const out = g.output ?? (g.install ? null : resolveIn(g.cwd, basenameOf(pkgs[0] === '.' ? d.pname : (pkgs[0] ?? d.pname))));
          if (out === null || g.outputIsDir) continue;
          const m = mapBuilderPath(st, d, out);
          if (m.kind !== 'output') continue;
          if (!d.outputs.some((o) => o.outPath === m.outPath)) d.outputs.push({ stagePath: m.stagePath, outPath: m.outPath });
          inlineCopies.push({ line, from: { kind: 'builder', builder: d.id, outPath: m.outPath }, dest: out, placement: 'store' });
        }
      } else if (d.kind === 'rust') {
        for (const c of d.cargo) {
          const bin = c.bins[0] ?? d.pname;
          const dir = c.targetDir ?? resolveIn(c.cwd, 'target');
          const out = resolveIn(dir, `${c.release ? 'release' : 'debug'}/${bin}`);
          d.outputs.push({ stagePath: out, outPath: `bin/${bin}` });
          inlineCopies.push({ line, from: { kind: 'builder', builder: d.id, outPath: `bin/${bin}` }, dest: out, placement: 'store' });
        }
      } else if (d.kind === 'npm') {
        const dir = d.npm?.dir ?? cfg.workdir?.path ?? '/';
        const outPath = `${npmInstallDir(d)}/node_modules`;
        d.outputs.push({ stagePath: `${dir}/node_modules`, outPath });
        inlineCopies.push({ line, from: { kind: 'builder', builder: d.id, outPath }, dest: `${dir === '/' ? '' : dir}/node_modules`, placement: 'store' });
        if ((d.npm?.scripts.length ?? 0) > 0) {
          reviewNotes.push({ line, message: `npm run ${d.npm?.scripts.join(', ') ?? ''} ran in the image; its output is inside ${d.id} at ${npmInstallDir(d)}; copy what the app serves from there` });
        }
      }
    }
  }

  // ---------------------------------------------------------------- builders
  const builders: BuilderPlan[] = [];
  const stageRoles = new Map<number, StageInfo['role']>();
  for (const d of drafts.values()) {
    const used = d.outputs.length > 0;
    const plan = finishBuilder(st, d, used);
    if (plan !== null) builders.push(plan);
    for (const s of d.stages) stageRoles.set(s.index, 'builder');
  }
  if (inlineDraft !== null) {
    const plan = finishInline(inlineDraft);
    builders.push(plan);
  }

  function finishInline(d: BuilderDraft): BuilderPlan {
    const fn = d.kind === 'go' ? 'buildGoModule' : d.kind === 'rust' ? 'rustPlatform.buildRustPackage' : 'buildNpmPackage';
    const plan: BuilderPlan = {
      id: d.id,
      kind: d.kind,
      stage: { index: target.index, name: target.rawName, line: inlineBuild[0] !== undefined ? lineOf(inlineBuild[0].node) : lineOf(target.fromNode) },
      pname: d.pname,
      version: d.version,
      src: d.src,
      depsHash: null,
      nativeBuildInputs: [],
      buildInputs: [],
      outputs: d.outputs,
    };
    if (d.kind === 'go') {
      plan.go = {
        subPackages: unique(d.go.flatMap((g) => g.packages).map((p) => p.replace(/^\.\/?/, '').replace(/\/+$/, '')).filter((p) => p !== '' && !p.includes('...'))),
        ldflags: unique(d.go.flatMap((g) => g.ldflags)),
        cgo: d.go.some((g) => g.cgo === '1') || (d.go.every((g) => g.cgo === null) && !alpine),
        tags: unique(d.go.flatMap((g) => g.tags)),
      };
    } else if (d.kind === 'rust') {
      plan.rust = { cargoBuildFlags: unique(d.cargo.flatMap((c) => c.flags)), features: unique(d.cargo.flatMap((c) => c.features)) };
    } else {
      plan.npm = { buildScript: d.npm?.scripts[0] ?? null, npmFlags: unique(d.npm?.flags ?? []) };
      npmNameCheck(st, d, plan.stage.line);
    }
    for (const b of inlineBuild) {
      const rec = runRecs.find((r) => r.node === b.node);
      rec?.replacedBy.push(`${d.id} (pkgs.${fn})`);
    }
    return plan;
  }
  for (const b of inlineBuild) {
    if (inlineDraft === null) runRecs.find((r) => r.node === b.node)?.bad.push(`builds in the image itself (${b.what.split('\n')[0] ?? ''}); move the build to a builder stage`);
  }

  // Pip packages that a builder installed and the final stage copied (site-packages, venvs).
  for (const { line, draft } of pythonFromBuilders) {
    if (pipSources.some((p) => p.line === line)) continue;
    const into: PackagePlan[] = [];
    const missing: string[] = [];
    for (const pip of draft.pip) {
      into.push(...pip.packages);
      for (const f of pip.requirementFiles) {
        const ctx = contextSourceIn(draft.contextCopies, f, isDir);
        if (ctx === null) missing.push(f);
        else requirementsFrom(ctx, line, 0, into, missing, f);
      }
    }
    for (const m of missing) {
      reviewNotes.push({ line, message: `the builder's requirements file ${m} ${hasContext(st) ? 'could not be read' : 'was not read (no build context given)'}; list its packages in pythonEnv` });
    }
    for (const p of into) {
      p.line = p.file !== undefined ? p.line : line;
      packages.push(p);
    }
    pipSources.push({ line, packages: into });
    pipLines.push(line);
  }

  // ---------------------------------------------------------------- package roles
  for (const p of packages) {
    const v = virtualOf.get(p);
    if (v !== undefined && removedNames.has(v)) withRole(p, 'build-only', `installed as the virtual group ${v}, removed later`);
    else if (removedNames.has(p.name)) withRole(p, 'build-only', 'removed again later in the Dockerfile');
  }

  // Python: EOL interpreters, the environment, the interpreter package.
  const py2 = packages.filter((p) => isPython2Package(p.manager, p.name));
  let python2Line: number | null = facts.python2 ? lineOf(root.fromNode) : null;
  if (py2.length > 0) {
    const first = py2[0];
    if (first !== undefined) {
      python2Line = first.line;
      for (const p of py2) {
        if (p.nixAttr === null && p.role === 'build-only') continue;
        p.nixAttr = 'python3';
        p.role = 'runtime';
        p.status = 'needs-confirmation';
        p.decision = { method: 'rule:eol-upgrade', confidence: 'medium', note: `${p.name} is Python 2 (end of life); mapped to Python 3` };
      }
      if (!py2.some((p) => p.nixAttr === 'python3')) {
        const implied = planPackage(map, { manager: first.manager, name: 'python2', version: null, line: first.line });
        implied.nixAttr = 'python3';
        implied.role = 'runtime';
        implied.status = 'needs-confirmation';
        implied.decision = { method: 'rule:eol-upgrade', confidence: 'medium', note: `${first.name} depends on Python 2 (end of life); mapped to Python 3` };
        packages.splice(packages.indexOf(first) + 1, 0, implied);
        runRecs.find((r) => lineOf(r.node) === first.line)?.packages.push(implied);
      }
    }
  }
  if (python2Line !== null) {
    const f = addFinding(st, {
      rule: 'eol-runtime',
      severity: 'warning',
      category: 'correctness',
      line: python2Line,
      message: `${py2[0]?.name !== undefined ? `\`${py2[0].name}\`` : facts.refText ?? 'the base image'} means Python 2, which is end of life; the image uses Python 3`,
      status: 'needs-confirmation',
    });
    linkFinding(st, python2Line, f);
    addHuman(st, { kind: 'confirm-choice', line: python2Line, message: 'Python 2 was replaced by Python 3; check that the application runs on Python 3', finding: f });
  }

  const runtimePip = packages.filter((p) => p.manager === 'pip' && p.role === 'runtime');
  const distroPy = packages.filter((p) => p.manager !== 'pip' && p.role === 'runtime' && pythonAttrOf(p) !== null);
  const usesPython = pipSources.length > 0 || distroPy.length > 0 || venvs.length > 0;
  const envAttrs: string[] = [];
  for (const p of [...runtimePip, ...distroPy]) {
    const a = pythonAttrOf(p);
    if (a === null) continue;
    if (isGuess(p)) {
      p.decision.note = `${p.decision.note ?? ''}${p.decision.note !== undefined ? '; ' : ''}not added to pythonEnv until confirmed (add ps.${a})`;
      addHuman(st, {
        kind: 'confirm-choice',
        line: p.line,
        message: `pip ${p.name}${p.file !== undefined ? ` (${p.file}:${p.line})` : ''} is not in the mapping table; nixpkgs probably calls it python3Packages.${a}: confirm it exists in the pinned nixpkgs and add ps.${a} to pythonEnv`,
      });
      continue;
    }
    if (!envAttrs.includes(a)) envAttrs.push(a);
  }
  const python = usesPython ? { interpreter: 'python3', packages: envAttrs, line: pipLines[0] ?? distroPy[0]?.line ?? lineOf(root.fromNode) } : null;

  // The base image's runtime (python, node, a JRE ...), made explicit.
  const rootLine = lineOf(root.fromNode);
  if (facts.windows) {
    const f = addFinding(st, {
      rule: 'windows-image',
      severity: 'error',
      category: 'correctness',
      line: rootLine,
      message: `${facts.refText ?? 'the base image'} is a Windows image; Nix (dockerTools, nix2container, apko) builds Linux images, so this Dockerfile has no Nix equivalent`,
      status: 'needs-review',
    });
    linkFinding(st, rootLine, f);
    addHuman(st, { kind: 'untranslatable', line: rootLine, message: `FROM ${facts.refText ?? ''}: a Windows base image cannot be replaced by a Nix-built Linux image; the generated expression only records the configuration`, finding: f });
  }
  const rt = facts.runtime;
  const toolchainOnly = rt?.toolchain === true;
  if (rt !== null && !toolchainOnly && !facts.python2) {
    const have = packages.some((p) => p.role === 'runtime' && p.nixAttr === rt.attr) || (rt.attr === 'python3' && python !== null);
    if (!have) {
      const p: PackagePlan = {
        manager: facts.manager,
        name: `${rt.attr ?? rt.label} (from ${facts.ref?.name ?? 'the base image'})`,
        version: null,
        line: rootLine,
        nixAttr: rt.attr,
        role: 'runtime',
        decision: {
          method: rt.attr !== null ? 'table' : 'unknown',
          confidence: rt.attr !== null ? 'high' : 'low',
          note: rt.attr !== null ? `${rt.label} came with the base image ${facts.refText ?? ''}; now explicit` : `${rt.label} came with the base image ${facts.refText ?? ''}; no nixpkgs attribute in the mapping table`,
        },
        status: rt.attr !== null ? 'mapped' : 'unmapped',
      };
      packages.unshift(p);
    }
    if (rt.review !== undefined) addHuman(st, { kind: 'review', line: rootLine, message: rt.review });
  } else if (facts.python2) {
    const p: PackagePlan = {
      manager: facts.manager,
      name: 'python2',
      version: null,
      line: rootLine,
      nixAttr: 'python3',
      role: 'runtime',
      decision: { method: 'rule:eol-upgrade', confidence: 'medium', note: `Python 2 came with the base image ${facts.refText ?? ''}; mapped to Python 3` },
      status: 'needs-confirmation',
    };
    if (python === null) packages.unshift(p);
  } else if (!facts.distro && !facts.scratch && facts.ref !== null && !facts.windows) {
    const f = addFinding(st, {
      rule: 'unknown-base-image',
      severity: 'warning',
      category: 'implicit-dependency',
      line: rootLine,
      message: `dockwise does not know what ${facts.refText ?? 'the base image'} provides beyond its operating system; the new image contains only what the Dockerfile adds`,
      status: 'needs-review',
    });
    linkFinding(st, rootLine, f);
    addHuman(st, { kind: 'review', line: rootLine, message: `FROM ${facts.refText ?? ''}: add the runtime packages this image provided to the application (see the report's packages)`, finding: f });
  } else if (facts.ref === null && !facts.scratch) {
    addHuman(st, { kind: 'review', line: rootLine, message: `FROM uses a variable without a value (${facts.refText ?? ''}); the base image is unknown, so nothing it provided was carried over` });
  }

  // ---------------------------------------------------------------- copies: build-only inputs, placement
  for (const r of copyRecs) {
    const line = lineOf(r.node);
    const fileCopies = r.plans.filter((p) => p.from.kind === 'context' && !p.from.isDirectory);
    const allConsumed =
      r.bad.length === 0 &&
      r.plans.every((p) => p.from.kind === 'context' && !p.from.isDirectory && (consumed.has(p.dest) || (MANIFEST_RE.test(p.from.path) && (consumedDirs.has(dirnameOf(p.dest)) || inlineDraft !== null)))) &&
      r.manifestDests.every((d) => consumedDirs.has(d) || inlineDraft !== null || consumed.has(d) || pipSources.length > 0) &&
      (fileCopies.length > 0 || r.manifestDests.length > 0);
    if (allConsumed) {
      const names = [...fileCopies.map((p) => (p.from.kind === 'context' ? p.from.path : '')), ...r.node.copy!.sources.filter((w) => /[*?[]/.test(w.value)).map((w) => w.value)];
      const f = addFinding(st, {
        rule: 'build-artifact-in-final-image',
        severity: 'info',
        category: 'build-only-artifact',
        line,
        message: `${unique(names).join(', ')} ${names.length === 1 ? 'is' : 'are'} only read by the build (package installation); not copied into the image`,
        resolution: 'dropped',
        status: 'resolved',
      });
      setOutcome(st, r.node, 'dropped-build-only', null, `${unique(names).join(', ')}: only an input to the package installation`, [f]);
      r.plans = [];
      continue;
    }
    if (r.bad.length > 0) {
      setOutcome(st, r.node, 'untranslatable', null, unique(r.bad).join('; '));
      // What could be translated is kept.
    } else if (r.plans.length === 0 && r.effects.length > 0) {
      setOutcome(st, r.node, 'replaced', unique(r.effects).join(', '), 'what the stage copied is provided by nixpkgs');
    } else if (r.manifestDests.length > 0 && r.plans.length === 0) {
      setOutcome(st, r.node, 'untranslatable', null, 'copies files matching a pattern that no build step reads');
    } else {
      const what = r.plans.some((p) => p.placement === 'layer') ? 'fakeRootCommands (real files with owner/mode)' : 'rootfs (runCommand)';
      setOutcome(st, r.node, 'translated', `${what}: ${unique(r.effects).join(', ')}`, r.plans.some((p) => p.from.kind === 'builder') ? 'the builder derivation\'s output' : 'copied from the build context');
    }
  }
  const copies: CopyPlan[] = [...copyRecs.flatMap((r) => r.plans), ...inlineCopies];

  // ---------------------------------------------------------------- config: commands and programs
  const bashNeeded: number[] = [];
  const runtimePrograms = new Map<string, number>();
  const usedPackages = new Set<PackagePlan>();
  const unresolved: { name: string; line: number; what: string }[] = [];

  const copiedAt = (abs: string): CopyPlan | undefined =>
    [...copies].reverse().find((c) => c.dest === abs || (c.from.kind === 'context' && c.from.isDirectory && isWithin(abs, c.dest)) || (c.from.kind === 'builder' && isWithin(abs, c.dest)));

  const contextFileAt = (abs: string): string | null => {
    const c = copiedAt(abs);
    if (c === undefined || c.from.kind !== 'context') return null;
    if (c.dest === abs) return c.from.path;
    const rel = relativeTo(abs, c.dest);
    return rel === null ? null : normContext(c.from.path === '.' ? rel : `${c.from.path}/${rel}`);
  };

  const providesCommand = (p: PackagePlan, prog: string): boolean => {
    if (p.nixAttr === null || p.helper !== undefined || p.manager === 'pip' || isGuess(p) || p.status === 'unmapped') return false;
    if (p.name === prog || p.nixAttr === prog) return true;
    if (rt !== null && p.nixAttr === rt.attr && rt.programs.includes(prog)) return true;
    const fam = p.manager === 'apk' ? 'alpine' : p.manager === 'apt' ? (family === 'ubuntu' ? 'ubuntu' : 'debian') : null;
    if (fam === null) return false;
    return packageCommands(fam, p.name).includes(prog);
  };

  const resolveProgram = (name: string, workdir: string | null): Program => {
    const abs = name.includes('/') ? resolveIn(workdir, name) : null;
    const base = basenameOf(name);
    if (abs !== null) {
      const c = copiedAt(abs);
      if (c !== undefined && c.from.kind === 'builder') {
        const rel = relativeTo(abs, c.dest) ?? '';
        return { parts: [{ ref: { kind: 'builder', id: c.from.builder } }, `/${c.from.outPath}${rel === '' ? '' : '/' + rel}`], resolved: true, pkg: null, exists: true };
      }
      if (c !== undefined && c.from.kind === 'package') return { parts: [{ ref: { kind: 'package', attr: c.from.attr } }, `/${c.from.path}`], resolved: true, pkg: null, exists: true };
      if (c !== undefined) return { parts: [abs], resolved: false, pkg: null, exists: true };
      if (rootfsOps.some((o) => o.op === 'symlink' && o.path === abs)) return { parts: [name], resolved: false, pkg: null, exists: true };
    }
    if (abs === null) {
      // A bare name runs from PATH: a file the Dockerfile put in one of its directories.
      const pathVar = cfg.env.find((e) => e.name === 'PATH')?.value.join('') ?? basePath;
      for (const dir of pathVar.split(':').filter((x) => x.startsWith('/'))) {
        const candidate = resolveIn(dir, name);
        const c = copiedAt(candidate);
        if (c !== undefined && c.from.kind === 'builder') {
          const rel = relativeTo(candidate, c.dest) ?? '';
          return { parts: [{ ref: { kind: 'builder', id: c.from.builder } }, `/${c.from.outPath}${rel === '' ? '' : '/' + rel}`], resolved: true, pkg: null, exists: true, path: candidate };
        }
        if (c !== undefined && c.from.kind === 'context') return { parts: [name], resolved: false, pkg: null, exists: true, path: candidate };
        if (rootfsOps.some((o) => o.op === 'symlink' && o.path === candidate)) return { parts: [name], resolved: false, pkg: null, exists: true, path: candidate };
      }
    }
    if (/^python(3(\.\d+)?)?$/.test(base) && python !== null) {
      return { parts: [{ ref: { kind: 'python-env' } }, `/bin/${base === 'python' ? 'python' : 'python3'}`], resolved: true, pkg: null, exists: true };
    }
    if (python !== null && runtimePip.some((p) => !isGuess(p) && pipScripts(p.name).includes(base))) {
      return { parts: [{ ref: { kind: 'python-env' } }, `/bin/${base}`], resolved: true, pkg: null, exists: true };
    }
    const pkg = packages.find((p) => providesCommand(p, base));
    if (pkg !== undefined && pkg.nixAttr !== null) {
      usedPackages.add(pkg);
      return { parts: [{ ref: { kind: 'package', attr: pkg.nixAttr } }, `/bin/${base}`], resolved: true, pkg, exists: true };
    }
    const out = copies.find((c) => c.from.kind === 'builder' && basenameOf(c.dest) === base);
    if (out !== undefined && out.from.kind === 'builder') {
      return { parts: [{ ref: { kind: 'builder', id: out.from.builder } }, `/${out.from.outPath}`], resolved: true, pkg: null, exists: true };
    }
    return { parts: [name], resolved: false, pkg: null, exists: false };
  };

  /** Scripts: shebang -> /bin/sh, bash, /usr/bin/env. */
  const checkScript = (abs: string, line: number, what: string): void => {
    const ctx = contextFileAt(abs);
    if (ctx === null) return;
    const content = readContext(st, ctx);
    if (content === null) {
      if (/\.(sh|bash)$/.test(abs)) addNeed('binSh', `${what} runs the shell script ${abs} (its first line could not be read)`, line);
      return;
    }
    const sb = shebangOf(content);
    if (sb === null) return;
    const interp = sb[0] ?? '';
    if (interp === '/usr/bin/env') {
      addNeed('usrBinEnv', `${what}: ${abs} starts with #!/usr/bin/env`, line);
      const prog = sb.find((w, i) => i > 0 && !w.startsWith('-'));
      if (prog === 'bash') bashNeeded.push(line);
      else if (prog !== undefined && prog !== 'sh') {
        const r = resolveProgram(prog, null);
        if (!r.resolved) unresolved.push({ name: prog, line, what: `the interpreter of ${abs}` });
      }
      if (prog === 'sh') addNeed('binSh', `${what}: ${abs} runs with sh`, line);
    } else if (/\/(ba)?sh$/.test(interp) || /\/(ash|dash)$/.test(interp)) {
      if (interp.endsWith('bash')) bashNeeded.push(line);
      else addNeed('binSh', `${what}: ${abs} starts with #!${interp}`, line);
    } else {
      const r = resolveProgram(interp, null);
      if (!r.resolved) unresolved.push({ name: interp, line, what: `the interpreter of ${abs}` });
    }
  };

  const shellWords = (t: string): string[] =>
    t
      .split(/[;&|()\n]+/)
      .map((x) => x.trim().split(/\s+/).find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) ?? '')
      .filter((w) => /^[A-Za-z0-9_./-]+$/.test(w) && !['exec', 'then', 'else', 'fi', 'do', 'done', 'if', 'for', 'while', 'test', '[', 'echo', 'true', 'false', 'exit'].includes(w));

  const commandPlan = (kw: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', form: CommandForm, line: number, workdir: string | null, rewroteNote: string[]): { argv: Template[]; plan: Omit<CommandPlan, 'argv'> } => {
    let argv: string[];
    let shellForm = false;
    if (form.form === 'shell') {
      const plain = splitPlainCommand(form.text);
      if (plain !== null && kw !== 'HEALTHCHECK') {
        argv = plain;
        rewroteNote.push(`${kw} shell form rewritten to exec form (one plain command, no shell features), so no /bin/sh is needed`);
      } else {
        argv = [form.text];
        shellForm = true;
      }
    } else {
      argv = form.argv;
    }
    if (shellForm) {
      const sh = shellArgv[0] ?? '/bin/sh';
      if (/\/bash$/.test(sh)) bashNeeded.push(line);
      else addNeed('binSh', `${kw} at line ${line} is in shell form and runs through ${sh}`, line);
      for (const w of shellWords(form.form === 'shell' ? form.text : '')) {
        if (!runtimePrograms.has(w)) runtimePrograms.set(w, line);
        const r = resolveProgram(w, workdir);
        if (!r.exists && (w.startsWith('/') || (facts.info?.commands.has(w) ?? false))) unresolved.push({ name: w, line, what: `${kw} (shell form)` });
        if (r.exists && (w.includes('/') || r.path !== undefined)) checkScript(r.path ?? resolveIn(workdir, w), line, kw);
      }
      const args = kw === 'HEALTHCHECK' ? [form.form === 'shell' ? form.text : ''] : [...shellArgv, form.form === 'shell' ? form.text : ''];
      return { argv: args.map((a) => [a]), plan: { line, form: 'shell', program: null } };
    }
    const first = argv[0];
    if (first === undefined) return { argv: [], plan: { line, form: 'exec', program: null } };
    // `sh -c "..."` in exec form is a shell too.
    if (/^(\/bin\/)?(sh|bash|ash)$/.test(first) && argv[1] === '-c') {
      if (first.endsWith('bash')) bashNeeded.push(line);
      else addNeed('binSh', `${kw} at line ${line} runs ${first} -c`, line);
      for (const w of shellWords(argv[2] ?? '')) {
        if (!runtimePrograms.has(w)) runtimePrograms.set(w, line);
        resolveProgram(w, workdir);
      }
      return { argv: argv.map((a) => [a]), plan: { line, form: 'exec', program: { name: first, resolved: false } } };
    }
    if (!runtimePrograms.has(basenameOf(first))) runtimePrograms.set(basenameOf(first), line);
    const r = resolveProgram(first, workdir);
    if (r.exists && (first.includes('/') || r.path !== undefined)) checkScript(r.path ?? resolveIn(workdir, first), line, kw);
    else if (!r.exists && /\.sh$/.test(first)) addNeed('binSh', `${kw} at line ${line} runs the shell script ${first}`, line);
    if (!r.exists && (first.startsWith('/') || (facts.info?.commands.has(first) ?? false) || (rt?.programs.includes(first) ?? false))) {
      unresolved.push({ name: first, line, what: kw });
    }
    const rest = argv.slice(1).map((a): Template => [a]);
    return { argv: [r.parts, ...rest], plan: { line, form: 'exec', program: { name: first, resolved: r.resolved } } };
  };

  const rewroteNotes: string[] = [];
  const finalWorkdir = cfg.workdir?.path ?? null;
  const inheritedFrom = facts.refText ?? 'the base image';
  const baseEntrypoint = facts.info?.entrypoint ?? null;
  const baseCmd = facts.info?.cmd ?? null;
  if (entrypointNode !== null) {
    const e = commandPlan('ENTRYPOINT', entrypointNode.form, lineOf(entrypointNode.node), entrypointNode.node.state.workdir, rewroteNotes);
    cfg.entrypoint = { ...e.plan, argv: e.argv };
    const o = st.outcomes.get(lineOf(entrypointNode.node));
    if (o !== undefined) o.reason = describeCommand(e.plan, rewroteNotes.find((n) => n.startsWith('ENTRYPOINT')));
    if (e.argv.length === 0) cfg.entrypoint = null;
  }
  if (cmdNode !== null) {
    const c = commandPlan('CMD', cmdNode.form, lineOf(cmdNode.node), cmdNode.node.state.workdir, rewroteNotes);
    cfg.cmd = { ...c.plan, argv: c.argv };
    const o = st.outcomes.get(lineOf(cmdNode.node));
    if (o !== undefined) o.reason = describeCommand(c.plan, rewroteNotes.find((n) => n.startsWith('CMD')));
    if (c.argv.length === 0) cfg.cmd = null;
  }
  // What the base image's config gave (Docker inherits it; dockerTools starts empty).
  if (!toolchainOnly || inlineDraft === null) {
    if (entrypointNode === null && baseEntrypoint !== null && baseEntrypoint.length > 0) {
      const harmless = /(^|\/)(docker-entrypoint\.sh|__cacert_entrypoint\.sh)$/.test(baseEntrypoint[0] ?? '') && (rt === null || rt.attr !== 'nginx');
      const f = addFinding(st, {
        rule: 'base-entrypoint-dropped',
        severity: harmless ? 'info' : 'warning',
        category: 'implicit-dependency',
        line: rootLine,
        message: `${inheritedFrom} had ENTRYPOINT ${JSON.stringify(baseEntrypoint)}, a script of the base image; the new image does not carry it over`,
        status: harmless ? 'resolved' : 'needs-review',
        resolution: harmless ? 'the script only prepends the runtime for flag arguments; CMD runs directly' : undefined,
      });
      linkFinding(st, rootLine, f);
      if (!harmless) addHuman(st, { kind: 'review', line: rootLine, message: `the base image's ENTRYPOINT ${JSON.stringify(baseEntrypoint)} (setup done at container start) is not carried over; reproduce what it did if the application needs it`, finding: f });
    }
    if (cmdNode === null && entrypointNode === null) {
      if (baseCmd !== null && baseCmd.length > 0 && !toolchainOnly) {
        const c = commandPlan('CMD', { form: 'exec', argv: [...baseCmd] }, rootLine, finalWorkdir, rewroteNotes);
        cfg.cmd = { ...c.plan, argv: c.argv };
        const o = st.outcomes.get(rootLine);
        if (o !== undefined) o.nix = `${o.nix ?? ''}; config.Cmd ${JSON.stringify(baseCmd)} inherited from ${inheritedFrom}`;
      } else if (!facts.scratch && !facts.windows) {
        addHuman(st, { kind: 'review', line: null, message: `no CMD or ENTRYPOINT, and the default command of ${inheritedFrom} is unknown; set config.Cmd` });
      }
    }
  }
  if (healthNode !== null) {
    const hn: InstructionNode = healthNode;
    const line = lineOf(hn);
    const h = parseHealthcheck(text, hn);
    if (h.bad.length > 0) {
      setOutcome(st, hn, 'untranslatable', null, `HEALTHCHECK not understood: ${h.bad.join(', ')}`);
    } else {
      const plan: HealthcheckPlan = { line, test: [['NONE']] };
      if (!h.none && h.cmd !== null) {
        if (h.cmd.form === 'exec') {
          const c = commandPlan('HEALTHCHECK', h.cmd, line, hn.state.workdir, rewroteNotes);
          plan.test = [['CMD'], ...c.argv];
        } else {
          const c = commandPlan('HEALTHCHECK', h.cmd, line, hn.state.workdir, rewroteNotes);
          plan.test = [['CMD-SHELL'], ...c.argv];
        }
      }
      if (h.intervalNs !== undefined) plan.intervalNs = h.intervalNs;
      if (h.timeoutNs !== undefined) plan.timeoutNs = h.timeoutNs;
      if (h.startPeriodNs !== undefined) plan.startPeriodNs = h.startPeriodNs;
      if (h.startIntervalNs !== undefined) plan.startIntervalNs = h.startIntervalNs;
      if (h.retries !== undefined) plan.retries = h.retries;
      cfg.healthcheck = plan;
    }
  }

  // Tools the running container calls are runtime, whatever the table's usual role.
  for (const p of usedPackages) {
    if (p.role === 'build-only' && p.nixAttr !== null) {
      const prog = [...runtimePrograms.keys()].find((x) => providesCommand(p, x)) ?? p.name;
      withRole(p, 'runtime', `${prog} is called by CMD/ENTRYPOINT/HEALTHCHECK (line ${runtimePrograms.get(prog) ?? '?'})`);
      if (p.status === 'not-needed') p.status = 'mapped';
    }
  }
  if (bashNeeded.length > 0 && !packages.some((p) => p.role === 'runtime' && p.nixAttr === 'bashInteractive')) {
    const line = bashNeeded[0] ?? rootLine;
    const p = planPackage(map, { manager: facts.manager, name: 'bash', version: null, line });
    p.decision.note = `implied: a command or script the container runs needs bash (line ${bashNeeded.join(', ')}); ${facts.refText ?? 'the base image'} had it`;
    packages.push(p);
  }
  for (const u of unresolved) {
    const f = addFinding(st, {
      rule: 'program-not-provided',
      severity: 'warning',
      category: 'implicit-dependency',
      line: u.line,
      message: `${u.what} runs \`${u.name}\`, which ${u.name.startsWith('/') ? 'is a path of the base image' : `${inheritedFrom} provided`}; no package of the new image is known to provide it`,
      status: 'needs-review',
    });
    linkFinding(st, u.line, f);
    addHuman(st, { kind: 'review', line: u.line, message: `${u.what} runs \`${u.name}\`: add the package that provides it (or point to its store path)`, finding: f });
  }

  // ---------------------------------------------------------------- accounts and users
  const accounts: UserAccount[] = [];
  const groups = new Map<string, number>();
  const usedIds = new Set<number>([0, 65534]);
  const nextId = (system: boolean): number => {
    if (system) {
      for (let i = alpine ? 100 : 999; alpine ? i < 1000 : i > 100; alpine ? i++ : i--) if (!usedIds.has(i)) return i;
    }
    for (let i = 1000; ; i++) if (!usedIds.has(i)) return i;
  };
  const autoIds: string[] = [];
  for (const { spec } of accountSpecs) {
    if (spec.kind !== 'group') continue;
    const gid = spec.uid ?? nextId(spec.system);
    if (spec.uid === null) autoIds.push(`group ${spec.name} -> ${gid}`);
    groups.set(spec.name, gid);
    usedIds.add(gid);
  }
  for (const { spec } of accountSpecs) {
    if (spec.kind !== 'user') continue;
    const uid = spec.uid ?? nextId(spec.system);
    if (spec.uid === null) autoIds.push(`user ${spec.name} -> ${uid}`);
    usedIds.add(uid);
    let gid: number;
    let group: string;
    if (spec.group !== null && /^\d+$/.test(spec.group)) {
      gid = Number(spec.group);
      group = [...groups].find(([, g]) => g === gid)?.[0] ?? spec.name;
    } else if (spec.group !== null && groups.has(spec.group)) {
      group = spec.group;
      gid = groups.get(spec.group) ?? uid;
    } else {
      group = spec.group ?? spec.name;
      gid = groups.get(group) ?? uid;
      if (!groups.has(group)) groups.set(group, gid);
    }
    accounts.push({ name: spec.name, uid, gid, group, home: spec.home ?? (spec.system ? '/nonexistent' : `/home/${spec.name}`), shell: spec.shell ?? (spec.system ? '/sbin/nologin' : '/bin/sh') });
  }
  if (autoIds.length > 0) {
    addFinding(st, {
      rule: 'account-ids-chosen',
      severity: 'info',
      category: 'correctness',
      line: accountSpecs[0]?.line ?? null,
      message: `the Dockerfile let the distribution pick ids (${autoIds.join(', ')}); dockwise chose them, matching the usual first free id`,
      status: 'resolved',
    });
  }
  // Groups without a user of the same primary group still go into /etc/group via a member-less account entry.
  const userSpec = cfg.user !== null ? parseUser(cfg.user.spec) : null;
  if (userSpec !== null && cfg.user !== null && !facts.windows && !userSpec.user.includes('$') && !/^\d+$/.test(userSpec.user) && userSpec.user !== 'root' && userSpec.user !== 'nobody') {
    if (!accounts.some((a) => a.name === userSpec.user)) {
      const known = knownAccount(userSpec.user, family);
      if (known !== null) {
        accounts.push(known);
      } else {
        const uid = nextId(false);
        accounts.push({ name: userSpec.user, uid, gid: uid, group: userSpec.user, home: `/home/${userSpec.user}`, shell: '/bin/sh' });
        addHuman(st, { kind: 'review', line: cfg.user.line, message: `USER ${userSpec.user} is not created in the Dockerfile (the base image may have had it); uid/gid ${uid} was chosen for /etc/passwd; check it matches the files it must own` });
      }
    }
    addNeed('fakeNss', `USER ${cfg.user.spec} (line ${cfg.user.line}) names an account, so /etc/passwd and /etc/group must list it`, cfg.user.line);
  }
  cfg.accounts = accounts;
  const ownerNumeric = (owner: string): string => {
    const [u, g] = owner.split(':');
    const uid = u === undefined || u === '' ? null : /^\d+$/.test(u) ? Number(u) : u === 'root' ? 0 : accounts.find((a) => a.name === u)?.uid ?? null;
    const gid = g === undefined ? (uid === null ? null : accounts.find((a) => a.uid === uid)?.gid ?? uid) : g === '' ? null : /^\d+$/.test(g) ? Number(g) : g === 'root' ? 0 : groups.get(g) ?? accounts.find((a) => a.group === g)?.gid ?? null;
    if ((u !== undefined && u !== '' && uid === null) || (g !== undefined && g !== '' && gid === null)) return owner;
    if (uid === null) return `:${gid ?? ''}`;
    return gid === null ? String(uid) : `${uid}:${gid}`;
  };
  const unknownOwners: string[] = [];
  const fixOwner = (o: string): string => {
    const n = ownerNumeric(o);
    if (!/^\d*(:\d*)?$/.test(n) && !unknownOwners.includes(o)) unknownOwners.push(o);
    return n;
  };
  for (const c of copies) if (c.owner !== undefined) c.owner = fixOwner(c.owner);
  for (const op of rootfsOps) {
    if (op.op === 'chown') op.owner = fixOwner(op.owner);
    if (op.op === 'mkdir' && op.owner !== undefined) op.owner = fixOwner(op.owner);
  }
  if (unknownOwners.length > 0) {
    addHuman(st, { kind: 'review', line: null, message: `owners ${unknownOwners.join(', ')} name accounts the Dockerfile does not create; fakeroot needs numeric ids: replace them in fakeRootCommands` });
  }
  // Home directories that useradd -m / adduser create.
  for (const { spec, line } of accountSpecs) {
    if (spec.kind !== 'user' || !spec.createHome) continue;
    const a = accounts.find((x) => x.name === spec.name);
    if (a === undefined || a.home === '/nonexistent' || a.home === '/') continue;
    const at = rootfsOps.findIndex((o) => o.line !== null && o.line >= line);
    rootfsOps.splice(at < 0 ? rootfsOps.length : at, 0, { op: 'mkdir', path: a.home, owner: `${a.uid}:${a.gid}`, line, reason: `home directory of ${a.name} (line ${line})` });
  }
  // chown/chmod only of paths the new image has (copied, created, or a WORKDIR/VOLUME).
  const exists = (p: string): boolean =>
    copies.some((c) => isWithin(p, c.dest)) ||
    rootfsOps.some((o) => (o.op === 'mkdir' && isWithin(p, o.path)) || (o.op === 'symlink' && o.path === p)) ||
    (cfg.workdir !== null && isWithin(p, cfg.workdir.path)) ||
    cfg.volumes.some((v) => isWithin(p, v.path)) ||
    p === '/tmp';
  const missingOps = rootfsOps.filter((o) => (o.op === 'chmod' || o.op === 'chown') && !exists(o.path));
  for (const o of missingOps) {
    rootfsOps.splice(rootfsOps.indexOf(o), 1);
    addHuman(st, { kind: 'review', line: o.line, message: `${o.op} of ${o.path}: the new image does not have this path (it came from the base image or a package); dropped` });
  }
  // chown/chmod of copied files: the files must be real files in the top layer, not store links.
  for (const op of rootfsOps) {
    if (op.op !== 'chown' && op.op !== 'chmod') continue;
    for (const c of copies) {
      if (c.placement === 'layer' || c.from.kind === 'url') continue;
      if (isWithin(c.dest, op.path) || isWithin(op.path, c.dest)) c.placement = 'layer';
    }
  }

  // ---------------------------------------------------------------- run outcomes
  for (const r of runRecs) {
    const runtime = r.packages.filter((p) => p.role === 'runtime');
    const attrs = unique(
      runtime.map((p) =>
        p.helper !== undefined
          ? `helper ${p.helper}`
          : p.nixAttr !== null && python !== null && p.nixAttr === python.interpreter
            ? `${p.nixAttr} (the interpreter of pythonEnv)`
            : p.nixAttr !== null && python !== null && pythonAttrOf(p) !== null
              ? `pythonEnv: ps.${pythonAttrOf(p) ?? ''}`
              : p.nixAttr !== null
                ? `pkgs.${p.nixAttr}`
                : `${p.name} (unmapped)`,
      ),
    );
    const effects = unique([...(attrs.length > 0 ? [`contents: ${attrs.join(', ')}`] : []), ...r.runtimeEffects, ...r.replacedBy]);
    if (r.bad.length > 0) {
      const f = addFinding(st, { rule: 'untranslatable', severity: 'warning', category: 'correctness', line: lineOf(r.node), message: `RUN not translated: ${unique(r.bad).join('; ')}`, status: 'needs-review' });
      setOutcome(st, r.node, 'untranslatable', effects.length > 0 ? `partly: ${effects.join('; ')}` : null, unique(r.bad).join('; '), [f]);
    } else if (effects.length > 0) {
      const kind = r.runtimeEffects.length === 0 && attrs.length === 0 ? 'replaced' : 'translated';
      setOutcome(st, r.node, kind, effects.join('; '), r.packages.some((p) => p.role === 'build-only') ? 'runtime packages kept; build-only ones dropped' : 'mapped to nixpkgs / the image layer');
    } else {
      const why = unique([...r.dropped, ...(r.packages.length > 0 ? ['build-only packages'] : [])]);
      setOutcome(st, r.node, 'dropped-build-only', null, why.length > 0 ? `only needed while building: ${why.join(', ')}` : 'no effect on the image');
    }
    if (r.pinned.length > 0) {
      const list = r.pinned.map((p) => `${p.name}${p.version ?? ''}`);
      const f = addFinding(st, {
        rule: 'version-drift',
        severity: 'warning',
        category: 'unpinned-version',
        line: lineOf(r.node),
        message: `${list.join(', ')} requested; nixpkgs ships one version of each package, fixed by the nixpkgs pin`,
        status: 'needs-confirmation',
      });
      linkFinding(st, lineOf(r.node), f);
      addHuman(st, { kind: 'confirm-choice', line: lineOf(r.node), message: `${list.length === 1 ? `${list[0] ?? ''} becomes the nixpkgs version` : `${list.length} pinned packages become the nixpkgs versions`}; accept, pin another nixpkgs revision, or use a lockfile-based tool (uv2nix, pyproject.nix)`, finding: f });
    }
  }
  // Pinned pip requirements read from files (their RUN line gets the finding).
  for (const s of pipSources) {
    const pinned = s.packages.filter((p) => p.file !== undefined && p.version !== null && p.versionMatch !== undefined);
    if (pinned.length === 0 || runRecs.some((r) => lineOf(r.node) === s.line && r.pinned.some((p) => pinned.includes(p)))) continue;
    const f = addFinding(st, {
      rule: 'version-drift',
      severity: 'warning',
      category: 'unpinned-version',
      line: pinned[0]?.line ?? s.line,
      file: pinned[0]?.file,
      message: `${pinned.map((p) => `${p.name}${p.version ?? ''}`).join(', ')} requested; nixpkgs ships one version of each package, fixed by the nixpkgs pin`,
      status: 'needs-confirmation',
    });
    linkFinding(st, s.line, f);
    addHuman(st, { kind: 'confirm-choice', line: s.line, message: `${pinned.length === 1 ? `${pinned[0]?.name ?? ''}${pinned[0]?.version ?? ''} becomes the nixpkgs version` : `${pinned.length} pinned pip packages become the nixpkgs versions`}; accept it or pin exactly with a lockfile-based tool (uv2nix, pyproject.nix)`, finding: f });
  }
  for (const n of reviewNotes) addHuman(st, { kind: 'review', line: n.line, message: n.message });

  // ---------------------------------------------------------------- implicit needs
  const hasProgram = cfg.cmd !== null || cfg.entrypoint !== null;
  if (!facts.scratch && hasProgram && facts.ref !== null) {
    addNeed('tmp', `${facts.refText ?? 'the base image'} had /tmp (mode 1777); programs and their libraries write temporary files there`, rootLine);
  }
  const contentsAttrs = new Set(packages.filter((p) => p.role === 'runtime' && p.nixAttr !== null).map((p) => p.nixAttr ?? ''));
  const netReasons: string[] = [];
  for (const a of contentsAttrs) if (NET_TOOLS.has(a)) netReasons.push(`pkgs.${a}`);
  for (const p of runtimePip) if (NET_PY.test(normalizePypiName(p.name))) netReasons.push(`pip ${p.name}`);
  for (const b of builders) if (b.kind === 'go' || b.kind === 'rust' || b.kind === 'npm') netReasons.push(`the ${b.kind === 'go' ? 'Go' : b.kind === 'rust' ? 'Rust' : 'Node.js'} program ${b.id}`);
  if (facts.hadCaCerts && netReasons.length > 0 && !packages.some((p) => p.role === 'runtime' && p.helper === 'cacert')) {
    addNeed('cacert', `${facts.refText ?? 'the base image'} shipped CA certificates and ${unique(netReasons).slice(0, 3).join(', ')} may make TLS connections`, rootLine);
  }
  const implicitNeeds: ImplicitNeed[] = [];
  for (const kind of ['binSh', 'usrBinEnv', 'tmp', 'fakeNss', 'cacert', 'tzdata', 'ianaEtc'] as const) {
    const n = needs.get(kind);
    if (n === undefined) continue;
    if (kind === 'fakeNss' && accounts.length === 0 && !n.reasons.some((r) => r.includes('account database'))) continue;
    implicitNeeds.push({ kind, reason: n.reasons.join('; '), lines: [...n.lines].sort((a, b) => a - b) });
  }
  if (!facts.scratch && facts.ref !== null) {
    const gave = [...(facts.hadShell ? ['/bin/sh'] : []), '/tmp', '/etc/passwd', ...(facts.hadCaCerts ? ['CA certificates'] : []), ...(facts.hadTzdata ? ['time zone data'] : [])];
    const added = implicitNeeds.map((n) => n.kind);
    const f = addFinding(st, {
      rule: 'implicit-base-dependency',
      severity: 'info',
      category: 'implicit-dependency',
      line: rootLine,
      message: `${facts.refText ?? 'the base image'} provided ${gave.join(', ')}; the new image has only what is listed: ${added.length > 0 ? added.join(', ') : 'none of them was needed by the program'}`,
      status: 'resolved',
    });
    linkFinding(st, rootLine, f);
  }

  // ---------------------------------------------------------------- findings on the whole image
  for (const s of model.stages) {
    const isUsed = chainSet.has(s.index) || stageRoles.has(s.index);
    if (!isUsed || s.base.kind !== 'image' || s.base.image.digest !== null) continue;
    const ref = s.base.image.resolved ?? s.base.image.raw;
    const l = lineOf(s.fromNode);
    const f = addFinding(st, {
      rule: 'base-image-unpinned',
      severity: 'warning',
      category: 'unpinned-version',
      line: l,
      message: `\`FROM ${ref}\` is a mutable tag, not a digest`,
      resolution: chainSet.has(s.index) ? 'the base image is replaced; the userland is fixed by one nixpkgs revision' : 'the build toolchain comes from the pinned nixpkgs revision',
      status: 'resolved-with-placeholder',
    });
    linkFinding(st, l, f);
  }
  const userIsRoot = cfg.user === null || /^(root|0)(:.*)?$/.test(cfg.user.spec);
  if (userIsRoot && hasProgram) {
    const l = cfg.user?.line ?? cfg.cmd?.line ?? cfg.entrypoint?.line ?? rootLine;
    const f = addFinding(st, { rule: 'runs-as-root', severity: 'warning', category: 'security', line: l, message: 'No USER instruction (or USER root): the container runs as root, unchanged from the Dockerfile', status: 'unchanged' });
    linkFinding(st, l, f);
  }
  const storeCopies = copies.filter((c) => c.placement === 'store' && c.from.kind === 'context');
  if (storeCopies.length > 0) {
    const l = storeCopies[0]?.line ?? rootLine;
    const f = addFinding(st, {
      rule: 'copy-becomes-read-only',
      severity: 'info',
      category: 'correctness',
      line: l,
      message: 'Copied files become read-only store paths linked into the image; an application that writes next to its files needs them in the top layer (placement "layer") or a VOLUME',
      status: 'needs-review',
    });
    linkFinding(st, l, f);
  }
  if (copies.some((c) => c.from.kind === 'context' && c.from.path === '.')) {
    const ignore = readContext(st, '.dockerignore');
    const l = copies.find((c) => c.from.kind === 'context' && c.from.path === '.')?.line ?? rootLine;
    if (ignore !== null) {
      addHuman(st, { kind: 'review', line: l, message: 'COPY of the whole context: .dockerignore is not applied by Nix; filter the source (lib.fileset, builtins.path with a filter) so ignored files stay out' });
    }
  }
  // Two directory copies into the same destination cannot be merged by `cp -r` in the rootfs.
  const dirDests = new Map<string, number>();
  for (const c of copies) {
    if (c.placement !== 'store' || c.from.kind !== 'context' || !c.from.isDirectory) continue;
    const prev = dirDests.get(c.dest);
    if (prev !== undefined) addHuman(st, { kind: 'review', line: c.line, message: `directories from lines ${prev} and ${c.line} both go to ${c.dest}; merge them in the rootfs script by hand` });
    else dirDests.set(c.dest, c.line);
  }
  // A directory copied into the top layer creates its destination: making the WORKDIR first would
  // turn `cp -r src dest` into a copy *inside* it.
  const wd = cfg.workdir;
  if (wd !== null && copies.some((c) => c.placement === 'layer' && c.from.kind !== 'url' && (c.from.kind !== 'context' || c.from.isDirectory) && isWithin(wd.path, c.dest))) {
    cfg.workdir = { ...wd, create: false };
  }
  // A directory copy goes before the copies into it: `cp -r` into a directory that exists would nest it.
  const ordered: CopyPlan[] = [];
  for (const c of copies) {
    const at = c.from.kind === 'context' && c.from.isDirectory ? ordered.findIndex((o) => isWithin(o.dest, c.dest)) : -1;
    if (at < 0) ordered.push(c);
    else ordered.splice(at, 0, c);
  }
  copies.splice(0, copies.length, ...ordered);

  // ---------------------------------------------------------------- every instruction gets an outcome
  for (const node of model.nodes) {
    if (node.onbuild) continue;
    const line = lineOf(node);
    if (st.outcomes.has(line)) continue;
    if (node.stageIndex === null) {
      setOutcome(st, node, node.keyword === 'ARG' ? 'replaced' : 'untranslatable', null, node.keyword === 'ARG' ? 'build argument: its value was substituted while planning (pass --build-arg to change it)' : `${node.keyword} before the first FROM`);
      continue;
    }
    const mountLine = buildOnlyRefs.get(node.stageIndex);
    const s = model.stages[node.stageIndex];
    setOutcome(
      st,
      node,
      'dropped-build-only',
      null,
      mountLine !== undefined
        ? `stage "${s?.rawName ?? node.stageIndex}" is only used while building (line ${mountLine})`
        : `stage "${s?.rawName ?? node.stageIndex}" is not part of the ${opts.stage !== undefined ? `"${opts.stage}" ` : ''}image`,
    );
  }
  for (const u of st.outcomes.values()) {
    if (u.outcome === 'untranslatable' && u.findings.length === 0) {
      const f = addFinding(st, { rule: 'untranslatable', severity: 'warning', category: 'correctness', line: u.line, message: `${u.instruction} not translated: ${u.reason}`, status: 'needs-review' });
      u.findings.push(f);
    }
  }

  // ---------------------------------------------------------------- assemble
  const stageNames = model.stages.map((s) => s.rawName);
  const stagesInfo: StageInfo[] = model.stages.map((s) => {
    const info: StageInfo = {
      index: s.index,
      name: s.rawName,
      from: planImageRef(s, stageNames),
      role: chainSet.has(s.index) ? 'final' : stageRoles.has(s.index) || buildOnlyRefs.has(s.index) ? 'builder' : 'unused',
    };
    const d = drafts.get(s.index);
    if (d !== undefined && builders.some((b) => b.id === d.id)) info.builder = d.id;
    return info;
  });
  const name = imageNameOf(opts.name ?? (opts.contextDir !== undefined ? basenameOf(opts.contextDir.replace(/\/+$/, '')) || 'app' : 'app'));
  const rootRef = planImageRef(root, stageNames);
  const plan: MigrationPlan = {
    planVersion: PLAN_VERSION,
    image: { name, tag: opts.tag ?? 'latest' },
    target: mapTarget(opts),
    source: { dockerfile: st.file, contextFilesRead: [...st.contextFilesRead] },
    nixpkgs: { channel: null, rev: null, sha256: null },
    base: { kind: 'scratch', replaced: facts.scratch ? null : rootRef },
    stages: stagesInfo,
    packages,
    python,
    builders,
    copies,
    config: cfg,
    rootfsOps,
    implicitNeeds,
    instructions: [...st.outcomes.values()].sort((a, b) => a.line - b.line),
    findings: st.findings,
    placeholders: [],
    needsPerson: st.needsPerson,
  };
  return plan;
}

/**
 * A file without FROM: Docker refuses to build it, so there is nothing to carry over. The plan
 * is an empty image whose report says so (every instruction untranslatable, one open question).
 */
function planWithoutStages(st: PlanState): MigrationPlan {
  for (const node of st.model.nodes) {
    if (node.onbuild) continue;
    setOutcome(st, node, 'untranslatable', null, `${node.keyword} outside any build stage (the file has no FROM)`);
  }
  const f = addFinding(st, { rule: 'no-build-stage', severity: 'error', category: 'correctness', line: null, message: 'the file has no FROM instruction; Docker cannot build it, so the generated image is empty', status: 'needs-review' });
  addHuman(st, { kind: 'review', line: null, message: 'the Dockerfile has no FROM instruction; check that this is the right file', finding: f });
  return {
    planVersion: PLAN_VERSION,
    image: { name: imageNameOf(st.opts.name ?? (st.opts.contextDir !== undefined ? basenameOf(st.opts.contextDir.replace(/\/+$/, '')) || 'app' : 'app')), tag: st.opts.tag ?? 'latest' },
    target: mapTarget(st.opts),
    source: { dockerfile: st.file, contextFilesRead: [] },
    nixpkgs: { channel: null, rev: null, sha256: null },
    base: { kind: 'scratch', replaced: null },
    stages: [],
    packages: [],
    python: null,
    builders: [],
    copies: [],
    config: { env: [], entrypoint: null, cmd: null, workdir: null, user: null, accounts: [], ports: [], volumes: [], labels: [], stopSignal: null, healthcheck: null, shell: null },
    rootfsOps: [],
    implicitNeeds: [],
    instructions: [...st.outcomes.values()].sort((a, b) => a.line - b.line),
    findings: st.findings,
    placeholders: [],
    needsPerson: st.needsPerson,
  };
}

function describeCommand(p: Omit<CommandPlan, 'argv'>, note: string | undefined): string {
  if (note !== undefined) return note;
  if (p.form === 'shell') return 'shell form: runs through /bin/sh, which the image now provides';
  if (p.program !== null && p.program.resolved) return `exec form; ${p.program.name} resolved to a store path (no PATH lookup)`;
  return 'exec form';
}

// ---------------------------------------------------------------------------------------
// Text -> plan, for the CLI and tests

export interface PlanTextOptions extends PlanOptions {
  buildArgs?: Readonly<Record<string, string>>;
}

/** Parse Dockerfile text and plan its migration (the shell parser must be loaded when it has RUNs). */
export function planDockerfileText(text: string, shellParser: ShellParser | null, opts: PlanTextOptions = {}): MigrationPlan {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(clean);
  const syntax = parseDockerfile(clean, lines);
  const model = buildModel(syntax, lines, { file: opts.dockerfile ?? 'Dockerfile', buildArgs: opts.buildArgs ?? {}, shellParser });
  return planMigration(model, opts);
}

/** For tests: the facts the planner read about a stage's base image. */
export function baseFactsOf(model: DockerfileModel, stageIndex: number): BaseFacts | null {
  const s = model.stages[stageIndex];
  return s === undefined ? null : baseFacts(stageChain(model, s)[0] ?? s);
}
