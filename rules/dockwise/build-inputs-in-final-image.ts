import {
  finalImageIsToolbox,
  commandsRunning,
  compileStep,
  COMPILE_STEP_PROGRAMS,
  defineRule,
  effectiveCommandsOf,
  finalLineage,
  imageNodesBefore,
  packageInstalls,
  pathBasename,
  ships,
  type DockerfileModel,
  type InstructionNode,
  type Range,
} from '../../src/rule-api.js';

/** Files that only a build reads: manifests, lockfiles, build scripts, sources. */
const BUILD_FILE =
  /^(?:go\.(?:mod|sum|work)|Cargo\.(?:toml|lock)|pom\.xml|mvnw|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|gradle\.properties|gradlew|package(?:-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|tsconfig(?:\.[\w-]+)?\.json|(?:vite|webpack|rollup|babel)\.config\.[cm]?[jt]s|Makefile|GNUmakefile|CMakeLists\.txt|configure|.*\.(?:csproj|fsproj|sln|go|rs|c|cc|cpp|h|hpp|java|kt|scala|ts|tsx))$/;
const REQUIREMENTS = /^(?:requirements|constraints)[\w.-]*\.(?:txt|in)$/;

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, '');
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function join(dir: string | null, p: string): string {
  return p.startsWith('/') ? normalise(p) : normalise(`${dir ?? '/'}/${p}`);
}

/** A destination inside the build directory (`/` as a build directory only matches `/` itself). */
function within(p: string, dir: string): boolean {
  return p === dir || (dir !== '/' && p.startsWith(`${dir}/`));
}

/** The source-tree part of a COPY from the build context: `.`, directories and build files. */
function buildSources(node: InstructionNode): { text: string; range: Range }[] {
  const c = node.copy;
  if (!c || c.from !== null || c.heredocs.length > 0) return [];
  const out: { text: string; range: Range }[] = [];
  for (const s of c.sources) {
    const v = unquote(node.resolve(s.value) ?? s.value);
    if (/^(?:https?|ftp|git):\/\/|^git@/.test(v)) continue;
    const name = pathBasename(v.replace(/\/+$/, ''));
    const dir = v === '.' || v === './' || v.endsWith('/') || (!name.includes('.') && !/^(?:configure|Makefile|GNUmakefile|gradlew|mvnw)$/.test(name) && name !== '*');
    if (dir || BUILD_FILE.test(name)) out.push({ text: v, range: s.range });
  }
  return out;
}

/** Directories a RUN builds in: its WORKDIR, `cd` targets and `-C` arguments. */
function buildDirs(node: InstructionNode): string[] {
  const dirs = [node.state.workdir ?? '/'];
  for (const eff of effectiveCommandsOf(node)) {
    const name = eff.name === null ? '' : pathBasename(eff.name);
    const target = name === 'cd' || name === 'pushd' ? eff.args[0] : eff.args[eff.args.findIndex((a) => a.value === '-C') + 1];
    if ((name === 'cd' || name === 'pushd' || eff.args.some((a) => a.value === '-C')) && target?.value) dirs.push(join(node.state.workdir, target.value));
  }
  return dirs;
}

interface Step {
  node: InstructionNode;
  what: string;
}

/**
 * Each RUN of the final image (its stage lineage, root first, which is file order) with the first
 * of its commands that compiles.
 */
function compileSteps(model: DockerfileModel): Step[] {
  const out: Step[] = [];
  const lineage = new Set(finalLineage(model).map((s) => s.index));
  let done: InstructionNode | null = null;
  for (const { node, cmd } of commandsRunning(model, COMPILE_STEP_PROGRAMS)) {
    if (node === done || node.onbuild || node.stageIndex === null || !lineage.has(node.stageIndex)) continue;
    const what = compileStep(cmd);
    if (what === null) continue;
    // The first command that compiles decides for its RUN.
    done = node;
    if (what) out.push({ node, what });
  }
  return out;
}

export default defineRule({
  code: 'DW2007',
  name: 'build-inputs-in-final-image',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Build in a separate stage instead of shipping the sources',
    what:
      'Flags COPY instructions of the final image that bring in a source tree or build files (`.`, directories, `go.mod`, `Cargo.toml`, `pom.xml`, `package.json`, `Makefile`, source files...) into the directory where a later RUN of the final image compiles or bundles (`go build`, `cargo build`, `mvn package`, `gradle build`, `dotnet publish`, `make`, `npm run build`, `tsc`, `gcc`). Also flags a requirements file copied only to be read by `pip install -r` when nothing else of the context follows.',
    why:
      'The final image should hold the program, not what it was built from: sources, manifests and intermediate files ship with it, make it larger, and can leak code or secrets. A build stage compiles, and the final stage copies only the output (`COPY --from=build`). A file read by one RUN can be bind-mounted for that RUN instead of copied.',
    examples: [
      {
        bad: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\nCMD ["app"]',
        good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /usr/local/bin/app /app\nCMD ["/app"]',
      },
      {
        bad: 'FROM python:3.12-slim\nCOPY requirements.txt /tmp/\nRUN pip install --no-cache-dir -r /tmp/requirements.txt\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]',
        good: 'FROM python:3.12-slim\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\\n    pip install --no-cache-dir -r /tmp/requirements.txt\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]',
      },
    ],
    exceptions:
      'Only COPYs into the build directory (the compile RUN\'s WORKDIR, a `cd` target or a `-C` directory) count, so configuration copied elsewhere is not flagged. Interpreted programs that run from their sources (Python, Ruby, plain Node.js) are not flagged unless a build step follows. A requirements file is not flagged when `.` is copied later anyway.',
  },
  check({ model, report }) {
    if (finalImageIsToolbox(model)) return;
    const reported = new Set<number>();
    for (const step of compileSteps(model)) {
      const dirs = buildDirs(step.node);
      for (const n of imageNodesBefore(model, step.node)) {
        if (reported.has(n.index) || !n.copy?.dest) continue;
        const destRaw = unquote(n.resolve(n.copy.dest.value) ?? n.copy.dest.value);
        if (destRaw.includes('$')) continue;
        const dest = join(n.state.workdir, destRaw);
        if (!dirs.some((d) => within(dest, d))) continue;
        const sources = buildSources(n);
        const first = sources[0];
        if (!first) continue;
        reported.add(n.index);
        const list = sources.map((s) => `\`${s.text}\``).join(', ');
        report({
          message: `${list} copied here only feeds \`${step.what}\` on line ${step.node.syntax.range.start.line + 1}, yet ships in the final image: build in a separate stage (\`FROM <sdk> AS build\`) and copy only the output into the final one with \`COPY --from=build\``,
          range: first.range,
        });
      }
    }
    // Requirements files copied only for `pip install -r`.
    const lineage = finalLineage(model).flatMap((s) => s.instructions.filter((n) => !n.onbuild));
    const copiesContext = (after: number): boolean =>
      lineage.some((n) => n.index > after && n.copy !== null && n.copy.from === null && n.copy.sources.some((s) => ['.', './', '*'].includes(unquote(s.value))));
    for (const { node, install } of packageInstalls(model, { onbuild: false })) {
      if ((install.manager !== 'pip' && install.manager !== 'uv') || !ships(model, node)) continue;
      for (const r of install.requirementFiles) {
        const file = r.value;
        if (file === null) continue;
        const target = join(node.state.workdir, file);
        for (const n of imageNodesBefore(model, node)) {
          const c = n.copy;
          if (!c || c.from !== null || !c.dest || reported.has(n.index) || c.heredocs.length > 0) continue;
          if (!c.sources.every((s) => REQUIREMENTS.test(pathBasename(unquote(s.value))))) continue;
          const src = c.sources.find((s) => pathBasename(unquote(s.value)) === pathBasename(file));
          if (!src) continue;
          const destRaw = unquote(n.resolve(c.dest.value) ?? c.dest.value);
          const dest = join(n.state.workdir, destRaw);
          const intoDir = destRaw.endsWith('/') || destRaw === '.' || c.sources.length > 1;
          const lands = intoDir ? `${dest === '/' ? '' : dest}/${pathBasename(unquote(src.value))}` : dest;
          if (lands !== target) continue;
          if (copiesContext(n.index)) continue;
          reported.add(n.index);
          const name = unquote(src.value);
          report({
            message: `\`${name}\` is copied only for \`${install.tool} install -r\` on line ${node.syntax.range.start.line + 1} and stays in the final image: bind-mount it for that RUN instead (\`RUN --mount=type=bind,source=${name},target=/tmp/${pathBasename(name)} ... -r /tmp/${pathBasename(name)}\`)`,
            range: src.range,
          });
        }
      }
    }
  },
});
