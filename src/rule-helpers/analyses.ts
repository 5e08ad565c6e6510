/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */
import type { PackageInstall as PackageInstallT } from '../shell/types.js';
import type { DockerfileModel, InstructionNode, Stage } from '../model/model.js';
import type { SimpleCommand, ShellWord } from '../shell/types.js';
import { parseDockerignore } from '../context/dockerignore.js';
import { effectiveCommand as effectiveCommandOf } from '../shell/queries.js';
import { recognisePackageRemoval as recognisePackageRemovalOf } from '../shell/packages.js';
import type { PackageRemoval as PackageRemovalT } from '../shell/types.js';
import { basename, stageOf, memoByModel } from './core.js';
import { pathBasename } from './hadolint.js';

// ---------------------------------------------------------------------------------------------
// Helpers for the unpinned-version (DW1xxx) and build-only-artifact (DW2xxx) analyses
// (rules/dockwise). Pure functions over the model and the shell recognisers.
// ---------------------------------------------------------------------------------------------
export { resolveBaseImage } from '../knowledge/index.js';
export type { BaseImageInfo } from '../knowledge/index.js';

/** A stage and the stages it is built on through `FROM <stage>`, root first. */
export function stageLineage(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.unshift(s);
    s = s.parentIndex === null ? undefined : model.stages[s.parentIndex];
  }
  return out;
}

/** The stages whose instructions make up the final image (the final stage's lineage), root first. */
export function finalLineage(model: DockerfileModel): Stage[] {
  return model.finalStage ? stageLineage(model, model.finalStage) : [];
}

/**
 * Instructions that run before `node` in the image `node` builds: every instruction of the stages
 * its stage is built on, then those of its own stage before it. ONBUILD triggers are left out.
 */
export function imageNodesBefore(model: DockerfileModel, node: InstructionNode): InstructionNode[] {
  const stage = stageOf(model, node);
  if (!stage) return [];
  const out: InstructionNode[] = [];
  for (const s of stageLineage(model, stage)) {
    for (const n of s.instructions) {
      if (n.onbuild) continue;
      if (s.index === stage.index && n.index >= node.index) break;
      out.push(n);
    }
  }
  return out;
}

/**
 * Instructions that run after `node` on top of its layer: the rest of its stage and, when the stage
 * is part of the final image, the stages of the final image built on it. ONBUILD triggers are left out.
 */
export function imageNodesAfter(model: DockerfileModel, node: InstructionNode): InstructionNode[] {
  const stage = stageOf(model, node);
  if (!stage) return [];
  const out = stage.instructions.filter((n) => !n.onbuild && n.index > node.index);
  if (stage.inFinalImage) {
    for (const s of finalLineage(model)) {
      if (s.index === stage.index || !stageLineage(model, s).some((x) => x.index === stage.index)) continue;
      for (const n of s.instructions) if (!n.onbuild) out.push(n);
    }
  }
  return out;
}

const TRUE_VALUE = /^(?:1|true|yes|on|y)$/i;

/** True for the values tools read as "on" (`1`, `true`, `yes`, `on`). */
export function isTruthy(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && TRUE_VALUE.test(value.trim().replace(/^["']|["']$/g, ''));
}

/**
 * The value of an environment variable as a command of a RUN sees it: a prefix assignment on the
 * command, an `export NAME=value` / `NAME=value` earlier in the same RUN, or ENV and ARG in scope.
 * Null when set to an unknown value, undefined when not set.
 */
export function commandEnv(node: InstructionNode, cmd: SimpleCommand, name: string): string | null | undefined {
  const own = cmd.assignments.find((a) => a.name === name);
  if (own) return own.value === null ? '' : own.value.value;
  let found: string | null | undefined;
  for (const c of node.run?.commands ?? []) {
    if (c.start >= cmd.start) break;
    if (c.inSubstitution) continue;
    if (c.name === null) {
      for (const a of c.assignments) if (a.name === name) found = a.value === null ? '' : a.value.value;
    } else if (c.name === 'export') {
      for (const w of c.args) {
        const v = w.value;
        if (v !== null && v.startsWith(`${name}=`)) found = v.slice(name.length + 1);
        else if (v === null && w.text.startsWith(`${name}=`)) found = null;
      }
    }
  }
  if (found !== undefined) return found;
  if (node.state.env.has(name)) return node.state.env.get(name) ?? null;
  if (node.state.args.has(name)) return node.state.args.get(name) ?? null;
  return undefined;
}

/** `$NAME`, `${NAME}`, `"$NAME"`, `"${NAME}"`: the variable a word consists of, else null. */
function soleVariable(text: string): string | null {
  const m = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(text);
  if (!m) return null;
  const name = m[1] ?? '';
  const braced = text.includes('{');
  if (braced !== text.includes('}')) return null;
  return name;
}

/**
 * The values a shell word stands for: its static value, or, for a word made of variables, the
 * value after ARG/ENV substitution (or a variable assigned earlier in the same RUN), split on blanks
 * when unquoted. Null when a value cannot be known.
 */
export function expandWord(node: InstructionNode, cmd: SimpleCommand, w: ShellWord): string[] | null {
  if (w.value !== null) return [w.value];
  const quoted = w.text.startsWith('"');
  const split = (s: string): string[] => (quoted ? [s] : s.split(/\s+/).filter((x) => x !== ''));
  const variable = soleVariable(w.text);
  if (variable !== null) {
    const v = commandEnv(node, cmd, variable);
    return v === null || v === undefined ? null : split(v.replace(/^["']|["']$/g, ''));
  }
  if (w.text.includes('$(') || w.text.includes('`')) return null;
  const resolved = node.resolve(w.text);
  return resolved === null ? null : split(resolved.replace(/["']/g, ''));
}

export type BuildToolKind = 'compiler' | 'build tool' | 'headers' | 'SDK';

const COMPILERS = new Set(['gcc', 'g++', 'gcc-c++', 'clang', 'cc', 'c++', 'gfortran', 'tcc', 'build-essential', 'build-base', 'alpine-sdk', 'musl-gcc', 'cpp', 'llvm', 'lld']);
const BUILD_TOOLS = new Set([
  'make', 'cmake', 'cmake3', 'ninja', 'ninja-build', 'meson', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'pkgconfig',
  'bison', 'flex', 'scons', 'dpkg-dev', 'rpm-build', 'rpmdevtools', 'binutils', 'm4', 'swig', 'nasm', 'yasm', 'autoconf-archive', 'gettext-devel', 'patchelf',
]);
const SDKS = new Set(['golang', 'golang-go', 'go', 'rustc', 'cargo', 'rust', 'maven', 'gradle', 'ant', 'default-jdk', 'default-jdk-headless', 'openjdk', 'dotnet-sdk']);

/**
 * What a distro package is, when it is only needed to build software: a compiler, a build tool,
 * development headers (`-dev`, `-devel`, `-headers`), or a language SDK. Null for anything else.
 */
export function classifyBuildPackage(name: string): { kind: BuildToolKind; label: string } | null {
  const n = name.toLowerCase();
  if (COMPILERS.has(n) || /^(?:gcc|g\+\+|clang|cpp|llvm|gfortran)-\d+(?:\.\d+)?$/.test(n) || /^(?:gcc-toolset|devtoolset)-\d+(?:-gcc(?:-c\+\+)?)?$/.test(n)) {
    const meta = n === 'build-essential' || n === 'build-base' || n === 'alpine-sdk';
    return { kind: 'compiler', label: meta ? 'compiler toolchain' : 'compiler' };
  }
  if (BUILD_TOOLS.has(n)) return { kind: 'build tool', label: 'build tool' };
  if (SDKS.has(n) || /^openjdk-?\d+(?:-jdk(?:-headless)?)?$/.test(n) || /^java-[\d.]+-openjdk-devel$/.test(n) || /^(?:temurin|zulu|corretto)-?\d+-jdk$/.test(n) || /^dotnet-sdk-[\d.]+$/.test(n) || /^go\d+(?:\.\d+)*$/.test(n) || /^rust\d+(?:\.\d+)*$/.test(n)) {
    return { kind: 'SDK', label: 'language SDK' };
  }
  // `-dev` is also a release channel of some applications (`microsoft-edge-dev`, `google-chrome-dev`).
  if (n.length > 4 && (n.endsWith('-dev') || n.endsWith('-devel') || n.endsWith('-headers')) && !/^(?:microsoft-edge|google-chrome|chromium|brave-browser|opera|vivaldi|firefox|code|signal-desktop)-dev$/.test(n)) {
    return { kind: 'headers', label: 'development headers' };
  }
  return null;
}

function rpmFamily(m: string): boolean {
  return m === 'yum' || m === 'dnf' || m === 'microdnf';
}

/** Package managers that remove what another one installed (yum and dnf share the rpm database). */
export function sameManagerFamily(a: string, b: string): boolean {
  return a === b || (rpmFamily(a) && rpmFamily(b));
}

/**
 * Whether a removal command removes package `name` (installed by `install`, whose word was `word`):
 * it names the package (statically or through the same variable), the apk `--virtual` group the
 * package was installed into, or is an apt autoremove after `apt-mark auto` (the official images'
 * `savedAptMark` pattern, which removes everything the RUN installed).
 */
export function removalRemoves(
  node: InstructionNode,
  removal: PackageRemovalT,
  install: PackageInstallT,
  name: string,
  word: ShellWord,
  aptMarkAutoBefore: boolean,
): boolean {
  if (!sameManagerFamily(removal.manager, install.manager)) return false;
  if (install.manager === 'apt' && removal.autoremove && aptMarkAutoBefore) return true;
  // `apt-get purge $(diff before after)`: a computed list, taken to remove what the RUN installed.
  if (removal.packages.some((w) => w.text.includes('$(') || w.text.includes('`'))) return true;
  const virtual = install.manager === 'apk' ? install.virtual : null;
  for (const w of removal.packages) {
    if (w.value === null && w.text === word.text) return true;
    const values = expandWord(node, removal.command, w) ?? [];
    for (const v of values) {
      const base = v.split(/[=<>~]/)[0] ?? v;
      if (base === name || (virtual !== null && base === virtual)) return true;
    }
  }
  return false;
}

/** True when the RUN marks packages auto-installed (`apt-mark auto ...`) before offset `before`. */
export function aptMarkAutoBefore(node: InstructionNode, before: number): boolean {
  return (node.run?.commands ?? []).some((c) => {
    if (c.start >= before) return false;
    const e = effectiveCommandOf(c);
    return e.name !== null && basename(e.name) === 'apt-mark' && e.args[0]?.value === 'auto';
  });
}

/**
 * The removal that takes `name` away again within the same RUN, after the install, or null.
 */
export function sameRunRemoval(node: InstructionNode, install: PackageInstallT, name: string, word: ShellWord): PackageRemovalT | null {
  for (const c of node.run?.commands ?? []) {
    if (c.start <= install.command.start) continue;
    const r = recognisePackageRemovalOf(c);
    if (r && removalRemoves(node, r, install, name, word, aptMarkAutoBefore(node, c.start))) return r;
  }
  return null;
}

/**
 * Whether a file whose name passes `test` was copied into the image before `node` (COPY/ADD from
 * the build context in the same stage or the stages it is built on): `yes` when a source names it,
 * `maybe` when a directory, `.` or a glob may hold it (or the base is another stage's image), `no`
 * otherwise.
 */
export function copiedBefore(model: DockerfileModel, node: InstructionNode, test: (name: string) => boolean): 'yes' | 'maybe' | 'no' {
  let maybe = false;
  for (const n of imageNodesBefore(model, node)) {
    const c = n.copy;
    if (!c) continue;
    for (const s of c.sources) {
      const raw = (n.resolve(s.value) ?? s.value).replace(/^["']|["']$/g, '');
      const name = pathBasename(raw.replace(/\/+$/, ''));
      if (test(name)) return 'yes';
      if (raw === '.' || raw === './' || raw.endsWith('/') || raw.includes('*') || raw.includes('?') || raw.includes('[') || !name.includes('.')) maybe = true;
      if (c.from !== null) maybe = true;
    }
  }
  return maybe ? 'maybe' : 'no';
}

/** Branch names that a clone or checkout must not be left on. */
const BRANCH_NAMES = new Set(['main', 'master', 'develop', 'development', 'dev', 'trunk', 'head', 'stable', 'next', 'latest', 'nightly', 'edge', 'default', 'unstable', 'canary', 'release', 'origin/main', 'origin/master', 'fetch_head']);

/**
 * Whether a git ref names a fixed revision: a commit id, or a tag-like name with a version number
 * (`v1.2.3`, `curl-8_5_0`, `release-1.4`). Branch names (`main`, `develop`, `feature-x`) are not.
 */
export function isFixedGitRef(ref: string): boolean {
  const r = ref.trim().replace(/^refs\/tags\//, '');
  if (r === '') return false;
  if (BRANCH_NAMES.has(r.toLowerCase())) return false;
  if (/^[0-9a-f]{7,64}$/i.test(r)) return true;
  return /\d/.test(r) && !/^(?:origin\/)?(?:main|master|develop)\b/i.test(r);
}

/** Programs that run a script read from stdin or `-c`: shells and script interpreters. */
export function isScriptRunner(name: string): boolean {
  return /^(?:sh|bash|dash|ash|zsh|ksh|mksh|fish|busybox|python[\d.]*|perl|ruby|node|php)$/.test(name);
}

/** Whether a `.dockerignore` excludes `path` (relative to the context root, e.g. `.git`) or a parent of it. */
export function dockerignoreExcludes(content: string, path: string): boolean {
  return parseDockerignore(content).matches(path);
}

/** Shells and interactive interpreters: an image whose command is one of these is a toolbox, not an application. */
const TOOLBOX_COMMANDS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'fish', 'python', 'python2', 'python3', 'pypy', 'pypy3', 'node', 'irb', 'jshell', 'ghci', 'iex', 'erl', 'julia', 'R', 'php', 'go', 'gradle', 'mvn', 'cargo', 'rustc', 'dotnet']);

/** The program an exec-form or shell-form CMD/ENTRYPOINT starts (basename), or null. */
function startedProgram(node: InstructionNode): string | null {
  const json = node.syntax.json;
  const first = json ? json[0]?.value : node.syntax.args[0]?.value;
  if (first === undefined) return null;
  return basename(first.replace(/^["']|["']$/g, ''));
}

/** True when a CMD/ENTRYPOINT runs its program with an operand (`python app.py`), not just options (`python3`, `bash -l`). */
function hasOperand(node: InstructionNode): boolean {
  const words = (node.syntax.json ?? node.syntax.args).slice(1).map((w) => w.value.replace(/^["']|["']$/g, ''));
  return words.some((w) => w !== '' && !w.startsWith('-'));
}

/**
 * Whether the final image looks like a toolbox (an SDK, base, builder or development image whose
 * purpose is its tools) rather than an application: its final stage is named as a development
 * target (`dev`, `test`, `builder`...); or it has no CMD and no ENTRYPOINT at all; or its command
 * builds something (`make`, `build`) or keeps a dev container alive (`sleep infinity`,
 * `tail -f /dev/null`); or it
 * starts only a shell or an interactive interpreter (possibly through an entrypoint script) and
 * copies no directory or `.` from the build context.
 */
export const finalImageIsToolbox: (model: DockerfileModel) => boolean = memoByModel((model) => computeFinalImageIsToolbox(model));

function computeFinalImageIsToolbox(model: DockerfileModel): boolean {
  if (finalStageIsDevTarget(model)) return true;
  const lineage = finalLineage(model);
  const nodes = lineage.flatMap((s) => s.instructions.filter((n) => !n.onbuild));
  const last = (k: string): InstructionNode | undefined => [...nodes].reverse().find((n) => n.keyword === k);
  const cmd = last('CMD');
  const entry = last('ENTRYPOINT');
  const words = [entry, cmd].flatMap((n) => (n ? (n.syntax.json ?? n.syntax.args).map((w) => basename(w.value.replace(/^["']|["']$/g, ''))) : []));
  // No program of its own at all: a build environment or base image (nothing tells what would run).
  if (!cmd && !entry) return true;
  // A builder image (its command builds something) or a dev container kept alive with `sleep infinity`.
  // (Raw text: exec-form string values are read from the source as written.)
  const line = [entry, cmd].map((n) => (n ? `${(n.syntax.json ?? []).map((w) => w.value).join(' ')} ${model.text.slice(n.syntax.start, n.syntax.end)}` : '')).join(' ');
  if (words.some((w) => BUILDER_COMMANDS.test(w)) || /\bsleep\s+infinity\b|\btail\s+-f\s+\/dev\/null\b/.test(line)) return true;
  for (const n of nodes) {
    const c = n.copy;
    if (!c || c.from !== null || c.heredocs.length > 0) continue;
    for (const s of c.sources) {
      const v = s.value.replace(/^["']|["']$/g, '');
      if (/^https?:\/\//.test(v)) continue;
      const name = pathBasename(v.replace(/\/+$/, ''));
      if (v === '.' || v === './' || v.endsWith('/') || v === '*' || !name.includes('.')) return false;
    }
  }
  const cmdProgram = cmd ? startedProgram(cmd) : null;
  const entryProgram = entry ? startedProgram(entry) : null;
  const entryIsWrapper = entryProgram === null || /(?:entrypoint|docker-entrypoint|tini|dumb-init)(?:\.sh)?$/.test(entryProgram);
  if (!entryIsWrapper) return false;
  return cmdProgram === null || (TOOLBOX_COMMANDS.has(cmdProgram) && !(cmd && hasOperand(cmd)));
}

/** Programs whose job is to build: an image that runs one of them is a builder image. */
const BUILDER_COMMANDS = /^(?:build|build\.sh|make|compile|compile\.sh|cross-build|bazel)$/;

/** Stage names of development targets: a final stage so named is not a production image. */
const DEV_STAGE = /^(?:dev|devel|develop|development|devcontainer|devenv|test|tests|testing|unit-test|integration-test|lint|linter|validate|validation|ci|debug|shell|toolchain|tools|builder|build|sdk)(?:[-_.][\w.-]*)?$/;

/** Whether the final stage is named as a development target (`dev`, `test`, `lint`, `builder`...). */
export function finalStageIsDevTarget(model: DockerfileModel): boolean {
  const name = model.finalStage?.name ?? null;
  return name !== null && DEV_STAGE.test(name);
}

/**
 * A command that compiles or bundles a source tree (`go build`, `cargo build`, `mvn package`,
 * `gradle build`, `dotnet publish`, `make`, `npm run build`, `tsc`, `gcc` ...): a short description,
 * or null.
 */
/**
 * The programs `compileStep` knows (the cases of its switch): rules that only care about compile
 * steps look these commands up by name instead of asking about every command.
 */
export const COMPILE_STEP_PROGRAMS: readonly string[] = ['go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew', 'dotnet', 'make', 'gmake', 'ninja', 'cmake', 'tsc', 'javac', 'gcc', 'g++', 'cc', 'clang', 'rustc', 'npm', 'yarn', 'pnpm'];
const COMPILE_STEP_SET: ReadonlySet<string> = new Set(COMPILE_STEP_PROGRAMS);

export function compileStep(cmd: SimpleCommand): string | null {
  const eff = effectiveCommandOf(cmd);
  if (eff.name === null) return null;
  const name = basename(eff.name);
  // Only the listed programs have a case below (keep the list and the switch in step).
  if (!COMPILE_STEP_SET.has(name)) return null;
  const args = eff.args.map((a) => a.value ?? '');
  const operands = args.filter((a) => !a.startsWith('-'));
  const first = args.find((a) => !a.startsWith('-')) ?? '';
  switch (name) {
    case 'go':
      if (first === 'build') return 'go build';
      return first === 'install' && (operands.length === 1 || operands.slice(1).some((a) => a.startsWith('.'))) ? 'go install' : null;
    case 'cargo':
      if (first === 'build') return 'cargo build';
      return first === 'install' && args.includes('--path') ? 'cargo install --path' : null;
    case 'mvn':
    case 'mvnw':
      return args.some((a) => ['package', 'install', 'verify', 'compile'].includes(a)) ? `${name} ${args.find((a) => ['package', 'install', 'verify', 'compile'].includes(a)) ?? ''}` : null;
    case 'gradle':
    case 'gradlew': {
      const t = args.find((a) => /^(?::?\w+:)*(?:build|assemble|jar|bootJar|shadowJar|installDist|war)$/.test(a));
      return t ? `${name} ${t}` : null;
    }
    case 'dotnet':
      return first === 'build' || first === 'publish' ? `dotnet ${first}` : null;
    case 'make':
    case 'gmake':
    case 'ninja':
      return args.includes('-v') || args.includes('--version') || args.includes('clean') ? null : name;
    case 'cmake':
      return args.includes('--build') ? 'cmake --build' : null;
    case 'tsc':
    case 'javac':
    case 'gcc':
    case 'g++':
    case 'cc':
    case 'clang':
    case 'rustc':
      return args.length > 0 && !args.includes('--version') && !args.includes('-v') ? name : null;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      const i = args.indexOf('run');
      const script = i >= 0 ? args[i + 1] : first;
      return script === 'build' || script?.startsWith('build:') === true ? `${name} ${i >= 0 ? 'run ' : ''}${script}` : null;
    }
    default:
      return null;
  }
}
