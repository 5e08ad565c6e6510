/**
 * MigrationPlan: everything the back half of `dockwise migrate` needs, as pure data.
 *
 * The front half (Dockerfile semantic model -> plan) fills it in; the emitters
 * (`nix/emit.ts`, `nix2container.ts`, `apko.ts`) and the report (`report.ts`) only read it.
 * Lines are 1-based Dockerfile lines, as people read them in reports and comments.
 *
 * Imports only src/core.
 */
import type { Category, Severity } from '../core/types.js';

export const PLAN_VERSION = 1;

export type MigrationTarget = 'buildLayeredImage' | 'streamLayeredImage' | 'nix2container' | 'apko';

export interface MigrationPlan {
  planVersion: typeof PLAN_VERSION;
  /** Output image name and tag (`name` lower-case, as registries require). */
  image: { name: string; tag: string };
  target: MigrationTarget;
  source: SourceInfo;
  /** How nixpkgs is pinned; null fields become placeholders (see `placeholders`). */
  nixpkgs: NixpkgsPin;
  base: BaseStrategy;
  stages: StageInfo[];
  /** Every package the Dockerfile installed, with its decision (runtime or build-only). */
  packages: PackagePlan[];
  /** The Python environment made from runtime pip packages; null when there are none. */
  python: PythonEnvPlan | null;
  /** Builder stages turned into derivations. */
  builders: BuilderPlan[];
  /** What lands in the final image's filesystem, one entry per resulting file or directory. */
  copies: CopyPlan[];
  config: ImageConfigPlan;
  /** Filesystem changes in the customisation layer (mkdir, chown, chmod, symlink). */
  rootfsOps: RootfsOp[];
  /** What the replaced base image gave implicitly and the new image needs explicitly. */
  implicitNeeds: ImplicitNeed[];
  /** One outcome per Dockerfile instruction (unique `line`, ascending). */
  instructions: InstructionOutcome[];
  findings: PlanFinding[];
  /** Values that need the network (hashes, revisions); each has the command that fills it. */
  placeholders: Placeholder[];
  /** Open questions: untranslatable parts, unmapped packages, choices to confirm. */
  needsPerson: HumanItem[];
}

export interface SourceInfo {
  /** Dockerfile path relative to the output directory (usually "Dockerfile"). */
  dockerfile: string;
  /** Other context files read while planning (requirements.txt, package-lock.json, ...). */
  contextFilesRead: string[];
  /**
   * The build context as seen from the output directory (posix, e.g. `..`), when the files are
   * written elsewhere than the context; absent or '' when they are written into the context.
   */
  contextRoot?: string;
}

export interface NixpkgsPin {
  /** Release branch for flake.nix, e.g. "nixos-25.05"; null -> placeholder NIXOS_RELEASE. */
  channel: string | null;
  /** Full commit for default.nix's fetchTarball; null -> placeholder NIXPKGS_REV. */
  rev: string | null;
  /** `nix-prefetch-url --unpack` hash of that tarball; null -> placeholder NIXPKGS_SHA256. */
  sha256: string | null;
}

export type BaseStrategy =
  /** The base image is replaced by nothing (FROM scratch equivalent): the default. */
  | { kind: 'scratch'; replaced: ImageRef | null }
  /** Keep the base image: dockerTools.pullImage. Only Env is inherited, so config is restated. */
  | { kind: 'pullImage'; image: ImageRef; finalImageTag: string; hash: string | null };

export interface ImageRef {
  /** As written, e.g. "python:3.12-slim". */
  ref: string;
  /** Repository part, e.g. "python" or "docker.io/library/python". */
  name: string;
  tag: string | null;
  digest: string | null;
  line: number;
}

export interface StageInfo {
  index: number;
  name: string | null;
  from: ImageRef;
  role: 'final' | 'builder' | 'unused';
  /** Builder derivation id when role is "builder". */
  builder?: string;
}

// ---------------------------------------------------------------------------------------
// Packages

export type PackageManager = 'apt' | 'apk' | 'dnf' | 'pip' | 'npm' | 'gem';
export type PackageRole = 'runtime' | 'build-only';

export type DecisionMethod =
  /** Found in data/package-map.json. */
  | 'table'
  /** `*-dev`, `*-devel`, `lib*-dev`: headers, build-only. */
  | 'rule:dev-headers'
  /** Known compiler/build tool list (gcc, make, build-base ...). */
  | 'rule:build-tool'
  /** Installers (pip, npm) and package-manager plumbing: build-only, never shipped. */
  | 'rule:installer'
  /** A versioned name (`g++-5`, `llvm-20`, `libfoo4t64`) reduced to a table entry. */
  | 'rule:version-suffix'
  /** `py3-x` / `python3-x` -> PyPI name -> python3Packages. */
  | 'rule:python-prefix'
  /** PyPI name normalised per PEP 503 (not in the table: needs confirmation). */
  | 'rule:pep503-normalize'
  /** EOL runtime upgraded (python2 -> python3 ...). */
  | 'rule:eol-upgrade'
  /** Decided by a person (configuration). */
  | 'user'
  /** No mapping: reported, never guessed. */
  | 'unknown';

export type Confidence = 'high' | 'medium' | 'low';

export interface PackageDecision {
  method: DecisionMethod;
  confidence: Confidence;
  /** nixpkgs source path that shows the attribute exists (from the mapping table). */
  verified?: string;
  note?: string;
}

export interface PackagePlan {
  manager: PackageManager;
  /** Name as written in the Dockerfile (or requirements.txt ...). */
  name: string;
  /** Version constraint as written ("=1.2.3", "==0.10.1"), null when unpinned. */
  version: string | null;
  line: number;
  /** Set when the package came from another file (requirements.txt); `line` is then that file's line. */
  file?: string;
  /** nixpkgs attribute path ("curl", "python3Packages.flask"); null when none applies. */
  nixAttr: string | null;
  role: PackageRole;
  decision: PackageDecision;
  status: 'mapped' | 'not-needed' | 'unmapped' | 'needs-confirmation';
  /** Whether nixpkgs' single version matches the requested one. */
  versionMatch?: 'yes' | 'no' | 'unknown';
  /** When set, the package is provided by this helper instead of being listed in contents. */
  helper?: ImplicitNeedKind;
}

export interface PythonEnvPlan {
  /** Interpreter attribute, e.g. "python3" or "python312". */
  interpreter: string;
  /** Attribute names inside the interpreter's package set ("flask"), in order. */
  packages: string[];
  /** Dockerfile line of the pip install. */
  line: number;
}

// ---------------------------------------------------------------------------------------
// Builders

export type BuilderKind = 'go' | 'rust' | 'npm' | 'python' | 'generic';

export interface BuilderPlan {
  /** Nix binding name (a plain identifier), e.g. "server". */
  id: string;
  kind: BuilderKind;
  stage: { index: number; name: string | null; line: number };
  pname: string;
  version: string;
  /** Source directory relative to the build context ("." for the whole context). */
  src: string;
  /** Fixed-output hash of the dependencies (go: vendorHash, rust: cargoHash, npm: npmDepsHash); null -> lib.fakeHash placeholder. Unused for python and generic. */
  depsHash: string | null;
  nativeBuildInputs: string[];
  buildInputs: string[];
  /** Files the later stages copy out of this stage: path in the stage -> path under $out. */
  outputs: BuilderOutput[];
  go?: { subPackages: string[]; ldflags: string[]; cgo: boolean; tags: string[] };
  rust?: { cargoBuildFlags: string[]; features: string[] };
  npm?: { buildScript: string | null; npmFlags: string[] };
  python?: { dependencies: string[]; buildSystem: string[] };
  /** generic (stdenv.mkDerivation): shell commands from the stage's RUN lines. */
  generic?: { buildCommands: string[]; installCommands: string[] };
}

export interface BuilderOutput {
  /** Absolute path inside the builder stage, as the Dockerfile wrote it ("/app/server"). */
  stagePath: string;
  /** Path under the derivation's $out ("bin/server"). */
  outPath: string;
}

// ---------------------------------------------------------------------------------------
// Files

export type CopySource =
  /** A file or directory from the build context. */
  | { kind: 'context'; path: string; isDirectory: boolean }
  /** A path under a builder derivation's output (`COPY --from=<stage>`). */
  | { kind: 'builder'; builder: string; outPath: string }
  /** A path inside a nixpkgs package (e.g. `COPY --from=nginx ...` mapped to pkgs.nginx). */
  | { kind: 'package'; attr: string; path: string }
  /** `ADD <url>`: fetched with fetchurl; null hash -> lib.fakeHash placeholder. */
  | { kind: 'url'; url: string; hash: string | null; name: string };

export interface CopyPlan {
  line: number;
  from: CopySource;
  /** Absolute destination path of this file or directory in the image. */
  dest: string;
  /**
   * "store": into the read-only rootfs derivation (files are store symlinks, the default);
   * "layer": copied as real files into the customisation layer (needed for --chown/--chmod or
   * when the application writes next to them).
   */
  placement: 'store' | 'layer';
  /** --chown value ("1000:1000" or "app:app"); implies placement "layer". */
  owner?: string;
  /** --chmod value ("0755"). */
  mode?: string;
}

export type RootfsOp =
  | { op: 'mkdir'; path: string; mode?: string; owner?: string; line: number | null; reason: string }
  | { op: 'chown'; path: string; owner: string; recursive: boolean; line: number | null; reason: string }
  | { op: 'chmod'; path: string; mode: string; recursive: boolean; line: number | null; reason: string }
  | { op: 'symlink'; target: string; path: string; line: number | null; reason: string };

// ---------------------------------------------------------------------------------------
// Config

/** A string made of text and references to derivations (rendered as Nix interpolations). */
export type Template = readonly TemplatePart[];
export type TemplatePart = string | { ref: DrvRef };

export type DrvRef =
  | { kind: 'package'; attr: string }
  | { kind: 'builder'; id: string }
  | { kind: 'python-env' }
  | { kind: 'rootfs' };

export interface CommandPlan {
  line: number;
  /** How the Dockerfile wrote it. Shell form means argv is `/bin/sh -c ...` and needs binSh. */
  form: 'exec' | 'shell';
  /** Final argv as it goes into the config. */
  argv: Template[];
  /** The program the Dockerfile named ("python") and where it resolved to, if known. */
  program: { name: string; resolved: boolean } | null;
}

export interface HealthcheckPlan {
  line: number;
  /** ["NONE"], ["CMD", ...] or ["CMD-SHELL", "..."]. */
  test: Template[];
  /** Durations in nanoseconds. */
  intervalNs?: number;
  timeoutNs?: number;
  startPeriodNs?: number;
  startIntervalNs?: number;
  retries?: number;
}

export interface UserAccount {
  name: string;
  uid: number;
  gid: number;
  group: string;
  home: string;
  shell: string;
}

export interface ImageConfigPlan {
  env: { name: string; value: Template; line: number }[];
  entrypoint: CommandPlan | null;
  cmd: CommandPlan | null;
  /** WorkingDir; `create` adds it to the customisation layer. */
  workdir: { path: string; line: number; create: boolean } | null;
  /** USER as written ("app", "1000:1000"); `accounts` are added to /etc/passwd via fakeNss. */
  user: { spec: string; line: number } | null;
  accounts: UserAccount[];
  ports: { port: number; protocol: 'tcp' | 'udp' | 'sctp'; line: number }[];
  volumes: { path: string; line: number }[];
  labels: { key: string; value: string; line: number }[];
  stopSignal: { signal: string; line: number } | null;
  healthcheck: HealthcheckPlan | null;
  shell: { argv: string[]; line: number } | null;
}

// ---------------------------------------------------------------------------------------
// What the base image gave implicitly

export type ImplicitNeedKind = 'binSh' | 'tmp' | 'fakeNss' | 'cacert' | 'tzdata' | 'usrBinEnv' | 'ianaEtc';

export interface ImplicitNeed {
  kind: ImplicitNeedKind;
  /** Why the new image needs it, for the report and a comment in the output. */
  reason: string;
  /** Dockerfile lines that rely on it. */
  lines: number[];
}

// ---------------------------------------------------------------------------------------
// Outcomes, findings, placeholders, open questions

export type InstructionOutcomeKind = 'translated' | 'replaced' | 'dropped-build-only' | 'untranslatable';

export interface InstructionOutcome {
  line: number;
  endLine?: number;
  /** Instruction keyword, upper case ("RUN"). */
  instruction: string;
  /** Original text (continuation lines joined with "\n"). */
  text: string;
  outcome: InstructionOutcomeKind;
  /** What it became on the Nix side (free text for people), null when dropped. */
  nix: string | null;
  reason: string;
  /** Ids of related findings. */
  findings: string[];
}

export interface PlanFinding {
  /** "F001" ... unique within the plan. */
  id: string;
  rule: string;
  severity: Severity;
  category: Category;
  line: number | null;
  file?: string;
  message: string;
  resolution?: string;
  status: 'resolved' | 'resolved-with-placeholder' | 'needs-confirmation' | 'needs-review' | 'unchanged';
}

export interface Placeholder {
  /** "P001" ... unique within the plan. */
  id: string;
  /** Output file that holds it. */
  file: string;
  /** What is missing: a token in the text ("NIXPKGS_REV") or an attribute ("server.vendorHash"). */
  what: string;
  kind: 'nixpkgs-rev' | 'nixpkgs-sha256' | 'nixos-release' | 'deps-hash' | 'source-hash' | 'image-hash' | 'tool-rev';
  /** The command (or steps) that produce the value. */
  fill: string;
  line?: number;
}

export interface HumanItem {
  /** "H001" ... unique within the plan. */
  id: string;
  kind: 'untranslatable' | 'unmapped-package' | 'confirm-choice' | 'target-limitation' | 'review';
  line: number | null;
  message: string;
  /** Finding this item belongs to, if any. */
  finding?: string;
}

/** An image config with nothing set (what FROM scratch gives). */
export function emptyImageConfig(): ImageConfigPlan {
  return {
    env: [],
    entrypoint: null,
    cmd: null,
    workdir: null,
    user: null,
    accounts: [],
    ports: [],
    volumes: [],
    labels: [],
    stopSignal: null,
    healthcheck: null,
    shell: null,
  };
}

/** An empty plan to build on (tests, the front half). */
export function emptyPlan(name: string, target: MigrationTarget = 'buildLayeredImage'): MigrationPlan {
  return {
    planVersion: PLAN_VERSION,
    image: { name, tag: 'latest' },
    target,
    source: { dockerfile: 'Dockerfile', contextFilesRead: [] },
    nixpkgs: { channel: null, rev: null, sha256: null },
    base: { kind: 'scratch', replaced: null },
    stages: [],
    packages: [],
    python: null,
    builders: [],
    copies: [],
    config: emptyImageConfig(),
    rootfsOps: [],
    implicitNeeds: [],
    instructions: [],
    findings: [],
    placeholders: [],
    needsPerson: [],
  };
}
