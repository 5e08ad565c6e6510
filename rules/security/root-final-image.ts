import { defineRule, type DockerfileModel, type Range, type Stage } from '../../src/rule-api.js';

/**
 * Programs that switch to another user at start-up (the image starts as root and drops
 * privileges), and init systems that do it per service (s6-overlay).
 */
const PRIVILEGE_DROP = /(?:^|[^A-Za-z0-9_.-])(?:gosu|su-exec|setpriv|runuser|s6-setuidgid|chpst|setuidgid|s6-overlay)(?![A-Za-z0-9_-])/;

/** Servers whose master process starts as root and runs its workers as another user. */
const SELF_DROPPING_SERVER = /(?:^|[^A-Za-z0-9_.-])(?:nginx|httpd|httpd-foreground|apache2|apache2-foreground|apache2ctl|php-fpm[0-9.]*)(?![A-Za-z0-9_-])/;

/** Docker Hub official images that run as root unless a USER is set (distributions and toolchains). */
const ROOT_OFFICIAL = new Set([
  'debian', 'ubuntu', 'alpine', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux',
  'photon', 'clearlinux', 'mageia', 'python', 'node', 'golang', 'ruby', 'perl', 'rust', 'gcc', 'openjdk', 'eclipse-temurin',
  'amazoncorretto', 'ibm-semeru-runtimes', 'ibmjava', 'sapmachine', 'maven', 'gradle', 'buildpack-deps', 'pypy', 'julia', 'erlang',
  'elixir', 'haskell', 'swift', 'dart', 'clojure', 'groovy', 'bash', 'docker', 'tomcat', 'jetty', 'php', 'composer', 'bun', 'deno',
]);

/** Other registries' images known to run as root by default (prefixes of registry/repository). */
const ROOT_PREFIXES = ['mcr.microsoft.com/dotnet/', 'gcr.io/distroless/', 'registry.access.redhat.com/ubi', 'registry.redhat.io/ubi', 'opensuse/', 'public.ecr.aws/amazonlinux/', 'quay.io/centos/', 'mcr.microsoft.com/devcontainers/base'];

/**
 * True when the image is known to run as root when no USER is set. Unknown images (an
 * application image such as `jenkins/jenkins` may well set its own USER) give false, as do
 * tags that say non-root (`:nonroot`, `-rootless`) and web-server variants whose master process
 * drops privileges itself (`-apache`, `-fpm`).
 */
function rootByDefault(registry: string | null, repo: string, tag: string | null): boolean {
  let r = `${registry === null ? '' : `${registry}/`}${repo}`.toLowerCase();
  r = r.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  const t = (tag ?? '').toLowerCase();
  if (/non-?root|rootless|unprivileged/.test(`${r}:${t}`)) return false;
  if (/windows|nanoserver|servercore|ltsc/.test(`${r}:${t}`)) return false;
  if (/apache|fpm|nginx|httpd/.test(t)) return false;
  return ROOT_OFFICIAL.has(r) || ROOT_PREFIXES.some((p) => r.startsWith(p));
}

/** The stages whose content makes up the final image, root ancestor first. */
function finalChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = model.finalStage ?? undefined;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    chain.unshift(s);
    s = s.parentIndex !== null ? model.stages[s.parentIndex] : undefined;
  }
  return chain;
}

export default defineRule({
  code: 'DW4006',
  name: 'root-final-image',
  severity: 'warning',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  optIn: true,
  docs: {
    summary: 'The final image should not run as root',
    what: 'Flags the final stage when neither it nor the stages it is built on (`FROM <stage>`) set a USER, so the container runs as root unless the base image sets another user. Reported at the final FROM. Opt-in: enable it with `enable: [DW4006]`.',
    why: 'A process running as root in the container is root on the host\'s kernel too, kept in check only by namespaces and capabilities; any container-escape bug or mounted host path is then exploited with full privileges. Create an unprivileged user and switch to it with USER before CMD/ENTRYPOINT.',
    examples: [
      { bad: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]', good: 'FROM python:3.12-slim\nRUN useradd --system app\nCOPY app.py /app/\nUSER app\nCMD ["python", "/app/app.py"]' },
      { bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app', good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app' },
    ],
    exceptions: 'Only bases known to run as root are judged: `scratch`, the distribution and language images of Docker Hub (debian, ubuntu, alpine, python, node, golang, openjdk, eclipse-temurin, ...), .NET, Red Hat UBI and distroless images. Other images (`jenkins/jenkins`, `bitnami/*`, `cgr.dev/chainguard/*`, an image built from another Dockerfile) may set their own USER and are not flagged, nor is an unknown base (`FROM ${IMAGE}`). Also not flagged: distroless `:nonroot` tags and other tags or names containing `nonroot`, `rootless` or `unprivileged`; Windows bases; `-apache`/`-fpm`/nginx/httpd variants and images whose CMD/ENTRYPOINT starts nginx, httpd, apache2 or php-fpm, whose master process drops privileges for its workers; and images that drop privileges at start-up with gosu, su-exec, setpriv, runuser, chpst, s6-setuidgid or s6-overlay (the pattern of most official database images). An explicit `USER root` as the last USER is hadolint DL3002\'s finding and is not repeated here. Off by default because most base and toolchain images legitimately run as root.',
    equivalents: ['Trivy DS-0002 (AVD-DS-0002, least-privilege-user)', 'Checkov CKV_DOCKER_3', 'Checkov CKV_DOCKER_8 (with hadolint DL3002)'],
    references: ['https://avd.aquasec.com/misconfig/ds002', 'https://docs.docker.com/build/building/best-practices/#user'],
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final) return;
    const chain = finalChain(model);
    const root = chain[0];
    if (!root) return;
    if (chain.some((s) => s.instructions.some((n) => n.keyword === 'USER' && !n.onbuild))) return;
    if (final.endState.user !== null) return;
    const base = root.base;
    if (base.kind === 'unknown' || base.kind === 'stage') return;
    if (base.kind === 'image' && !rootByDefault(base.image.registry, base.image.repository, base.image.tag)) return;
    for (const s of chain) {
      for (const n of s.instructions) {
        if (!['RUN', 'COPY', 'ADD', 'ENTRYPOINT', 'CMD'].includes(n.keyword)) continue;
        if (n.run && !n.run.posix) return;
        const text = model.text.slice(n.syntax.start, n.syntax.end);
        if (PRIVILEGE_DROP.test(text)) return;
        if ((n.keyword === 'CMD' || n.keyword === 'ENTRYPOINT') && SELF_DROPPING_SERVER.test(text)) return;
      }
    }
    const fb = final.base;
    const range: Range = fb.kind === 'image' ? fb.image.range : fb.kind === 'unknown' ? (fb.range ?? final.from.keywordRange) : fb.range;
    report({ message: 'The final image runs as root: no USER is set in the final stage (or the stages it is built on); add `USER <non-root user>` before CMD/ENTRYPOINT', range });
  },
});
