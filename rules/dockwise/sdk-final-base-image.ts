import { defineRule, finalImageIsToolbox, finalLineage, pathBasename, resolveBaseImage, type DockerfileModel, type ImageRef, type Severity } from '../../src/rule-api.js';

interface Sdk {
  what: string;
  advice: string;
  severity: Severity;
}

const JDK_REPOS = new Set(['openjdk', 'eclipse-temurin', 'amazoncorretto', 'sapmachine', 'ibm-semeru-runtimes', 'ibmjava', 'azul/zulu-openjdk', 'azul/zulu-openjdk-alpine', 'azul/zulu-openjdk-debian', 'bellsoft/liberica-openjdk-debian', 'bellsoft/liberica-openjdk-alpine', 'bellsoft/liberica-openjdk-alpine-musl', 'bellsoft/liberica-openjdk-centos', 'openjdk/jdk', 'microsoft/openjdk/jdk']);

/** The repository without Docker Hub's `library/` and registry, lower-cased (`mcr.microsoft.com/dotnet/sdk` keeps its registry). */
function repoKey(img: ImageRef): string {
  const repo = img.repository.toLowerCase().replace(/^library\//, '');
  const reg = img.registry?.toLowerCase() ?? null;
  return reg === null || reg === 'docker.io' || reg === 'index.docker.io' ? repo : `${reg}/${repo}`;
}

/** `21-jdk-jammy` -> `21-jre-jammy`; `21` -> `21-jre`. */
function jreTag(tag: string): string {
  if (/jdk/.test(tag)) return tag.replace('jdk', 'jre');
  const m = /^(\d[\w.]*)(.*)$/.exec(tag);
  return m ? `${m[1] ?? ''}-jre${m[2] ?? ''}` : `${tag}-jre`;
}

/**
 * `3.12` -> `3.12-slim`, `3.12-bookworm` -> `3.12-slim-bookworm` (python, ruby); the node images
 * put the suite first: `22-bookworm` -> `22-bookworm-slim`.
 */
function slimTag(repo: string, tag: string): string | null {
  if (/slim|alpine/.test(tag)) return null;
  if (tag === 'latest') return 'slim';
  const m = /^(\d[\w.]*)(?:-(bookworm|bullseye|trixie|buster|jammy|noble|focal))?$/.exec(tag);
  if (!m) return null;
  if (!m[2]) return `${m[1] ?? ''}-slim`;
  return repo === 'node' ? `${m[1] ?? ''}-${m[2]}-slim` : `${m[1] ?? ''}-slim-${m[2]}`;
}

function classify(img: ImageRef, runsJava: boolean): Sdk | null {
  const key = repoKey(img);
  const tag = (img.tag ?? 'latest').toLowerCase();
  const ref = `${key}:${tag}`;
  const multiStage = (build: string, runtime: string): string => `build in a \`FROM ${ref} AS build\` stage and copy only the result into a runtime image (${runtime}) with \`COPY --from=build\`${build}`;
  if (key === 'golang') return { what: 'the Go SDK (compiler, toolchain and module cache)', advice: multiStage('', '`gcr.io/distroless/static`, `alpine` or `scratch` for a static binary'), severity: 'warning' };
  if (key === 'rust' || key === 'rustlang/rust') return { what: 'the Rust toolchain (rustc, cargo)', advice: multiStage('', '`debian:*-slim` or `gcr.io/distroless/cc`'), severity: 'warning' };
  if (key === 'maven' || key === 'gradle' || key === 'sbtscala/scala-sbt') return { what: `${key === 'maven' ? 'Maven' : key === 'gradle' ? 'Gradle' : 'sbt'} with a full JDK`, advice: multiStage(' of the packaged jar', 'a JRE such as `eclipse-temurin:21-jre`'), severity: 'warning' };
  if (key === 'mcr.microsoft.com/dotnet/sdk') return { what: 'the .NET SDK', advice: multiStage(' of `dotnet publish` output', '`mcr.microsoft.com/dotnet/aspnet` or `mcr.microsoft.com/dotnet/runtime`'), severity: 'warning' };
  if (key === 'buildpack-deps' || key === 'gcc') return { what: 'a C toolchain with development headers (gcc, make, *-dev)', advice: multiStage('', 'the matching `debian:*-slim`'), severity: 'warning' };
  if (key === 'swift' && !tag.includes('slim')) return { what: 'the Swift toolchain', advice: `use \`swift:${tag}-slim\` (runtime only) for the final stage, building in a \`${ref}\` stage`, severity: 'warning' };
  if (JDK_REPOS.has(key) && !tag.includes('jre') && runsJava) {
    const jre = key === 'openjdk' ? '`eclipse-temurin:<version>-jre` (the openjdk images are deprecated)' : `\`${key}:${jreTag(tag)}\``;
    return { what: 'a full JDK (javac, jlink, jdeps...)', advice: `running a program needs only a JRE: use ${jre} for the final stage (build in a JDK stage if you compile), unless you rely on JDK tools such as jcmd in production`, severity: 'info' };
  }
  const info = resolveBaseImage({ ...(img.registry ? { registry: img.registry } : {}), repository: img.repository, tag: img.tag ?? 'latest' });
  if (info && (info.commands.has('gcc') || info.commands.has('cc'))) {
    const slim = slimTag(key, tag);
    const fix = slim ? `\`${key}:${slim}\`` : 'the `-slim` variant';
    return { what: `a full image built on buildpack-deps, with gcc, make and development headers (${info.id})`, advice: `use ${fix} for the final stage; if native modules need a compiler, build them in a separate stage`, severity: 'info' };
  }
  return null;
}

/**
 * Whether the final image runs a Java program of its own: its CMD/ENTRYPOINT starts `java`, it copies a
 * `.jar`/`.war`, or it builds one. (A JDK image that only hosts a server such as Tomcat may be a
 * deliberate JDK variant.)
 */
function runsJavaApp(model: DockerfileModel): boolean {
  for (const stage of finalLineage(model)) {
    for (const n of stage.instructions) {
      if (n.onbuild) continue;
      if (n.keyword === 'CMD' || n.keyword === 'ENTRYPOINT') {
        const first = (n.syntax.json ?? n.syntax.args)[0]?.value.replace(/^["']|["']$/g, '') ?? '';
        if (pathBasename(first) === 'java') return true;
      }
      if (n.copy?.sources.some((w) => /\.(?:jar|war)["']?$/i.test(w.value))) return true;
      if (n.run?.commands.some((c) => /^(?:mvn|mvnw|gradle|gradlew|javac)$/.test(pathBasename(c.name ?? '')))) return true;
    }
  }
  return false;
}

export default defineRule({
  code: 'DW2002',
  name: 'sdk-final-base-image',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Do not ship an SDK image as the final base',
    what:
      'Flags the base image of the final image (the final stage, or the stage it is built on through `FROM <stage>`) when it is an SDK: `golang`, `rust`, `maven`, `gradle`, `mcr.microsoft.com/dotnet/sdk`, `buildpack-deps`, `gcc`, `swift` (not `-slim`), or a JDK image (`openjdk`, `eclipse-temurin`, `amazoncorretto`, ... without `jre` in the tag) when the image runs a Java program of its own (its command starts `java`, or it copies or builds a `.jar`/`.war`). As info, it also flags full variants that dockwise\'s base-image knowledge shows to contain gcc (`python:3.12`, `node:22`, `ruby:3.3` are built on buildpack-deps) and suggests the `-slim` tag. Image names are read after ARG substitution.',
    why:
      'An SDK image is five to twenty times larger than the runtime the program needs, and ships compilers and package managers into production. A multi-stage build compiles in the SDK image and copies only the binary, jar or bundle into a small runtime image (`dockwise migrate` can also produce one).',
    examples: [
      {
        bad: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]',
        good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]',
      },
      { bad: 'FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]', good: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]' },
    ],
    exceptions:
      'Toolbox images (see DW2001: development targets, images without CMD and ENTRYPOINT, builder and dev-container images, and images that start only a shell or interpreter such as `python3` or `jshell`) are SDK or development images on purpose and are not flagged. Images dockwise does not know and images named by an unknown variable are not flagged.',
  },
  check({ model, report }) {
    const root = finalLineage(model)[0];
    if (!root || root.base.kind !== 'image') return;
    if (finalImageIsToolbox(model)) return;
    const img = root.base.image;
    const sdk = classify(img, runsJavaApp(model));
    if (!sdk) return;
    report({
      message: `The final image is built on \`${img.resolved ?? img.raw}\`, ${sdk.what}, which the running program does not need: ${sdk.advice}`,
      range: img.range,
      severity: sdk.severity,
    });
  },
});
