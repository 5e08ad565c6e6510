/**
 * What a base image gave the Dockerfile: its runtime (python, node, a JRE ...), CA certificates,
 * time zone data, accounts. Read from the knowledge data (src/knowledge) plus a small table of
 * language/server images whose runtime has a nixpkgs attribute in the package map.
 */
import { resolveBaseImage, repositoryKey, type BaseImageInfo, type PackageFamily } from '../../knowledge/index.js';
import type { ImageRef as ModelImageRef, Stage } from '../../model/model.js';
import type { ImageRef, PackageManager, UserAccount } from '../plan.js';

export interface BaseRuntime {
  /** nixpkgs attribute (must be in the package map or the known helper list); null: none known. */
  attr: string | null;
  /** What it is, for messages ("Python", "Node.js"). */
  label: string;
  /** Programs the image put on PATH that this attribute provides. */
  programs: readonly string[];
  /** Only a build toolchain (golang, rust): never shipped. */
  toolchain?: boolean;
  /** Something a person has to know when this runtime replaces the image's. */
  review?: string;
}

const PY: BaseRuntime = { attr: 'python3', label: 'Python', programs: ['python', 'python3', 'pip', 'pip3'] };
const NODE: BaseRuntime = { attr: 'nodejs', label: 'Node.js', programs: ['node', 'nodejs', 'npm', 'npx', 'corepack'] };
const JAVA: BaseRuntime = { attr: 'jre_headless', label: 'Java runtime', programs: ['java', 'keytool', 'jshell', 'javac', 'jar'] };

/** Repository (Docker Hub name) -> runtime. */
const RUNTIMES: Readonly<Record<string, BaseRuntime>> = {
  python: PY,
  node: NODE,
  'eclipse-temurin': JAVA,
  openjdk: JAVA,
  amazoncorretto: JAVA,
  'ibm-semeru-runtimes': JAVA,
  sapmachine: JAVA,
  ibmjava: JAVA,
  ruby: { attr: 'ruby', label: 'Ruby', programs: ['ruby', 'gem', 'bundle', 'bundler', 'irb', 'rake'] },
  php: { attr: 'php', label: 'PHP', programs: ['php'] },
  nginx: {
    attr: 'nginx',
    label: 'nginx',
    programs: ['nginx'],
    review: 'nixpkgs nginx reads its own ${pkgs.nginx}/conf/nginx.conf, not /etc/nginx/nginx.conf of the official image, and needs writable /var/log/nginx and /var/cache/nginx: pass `-c` with a config that serves the copied files, and create those directories',
  },
  httpd: {
    attr: 'apacheHttpd',
    label: 'Apache httpd',
    programs: ['httpd', 'apachectl'],
    review: 'nixpkgs apacheHttpd reads ${pkgs.apacheHttpd}/conf/httpd.conf, not the official image\'s /usr/local/apache2/conf: pass `-f` with a config that serves the copied files',
  },
  golang: { attr: 'go', label: 'Go toolchain', programs: ['go', 'gofmt'], toolchain: true },
  rust: { attr: null, label: 'Rust toolchain', programs: ['cargo', 'rustc', 'rustup'], toolchain: true },
  gcc: { attr: null, label: 'GCC toolchain', programs: ['gcc', 'g++', 'make'], toolchain: true },
  maven: { attr: null, label: 'Maven', programs: ['mvn', 'java'], toolchain: true },
  gradle: { attr: null, label: 'Gradle', programs: ['gradle', 'java'], toolchain: true },
  postgres: { attr: 'postgresql', label: 'PostgreSQL', programs: ['postgres', 'psql', 'pg_ctl', 'initdb'] },
  mariadb: { attr: 'mariadb', label: 'MariaDB', programs: ['mariadbd', 'mysqld', 'mariadb', 'mysql'] },
  pypy: { attr: null, label: 'PyPy', programs: ['pypy', 'pypy3', 'python'] },
  mysql: { attr: null, label: 'MySQL', programs: ['mysqld', 'mysql'] },
  redis: { attr: null, label: 'Redis', programs: ['redis-server', 'redis-cli'] },
  memcached: { attr: null, label: 'memcached', programs: ['memcached'] },
  haproxy: { attr: null, label: 'HAProxy', programs: ['haproxy'] },
  tomcat: { attr: null, label: 'Tomcat', programs: ['catalina.sh', 'java'] },
  mongo: { attr: null, label: 'MongoDB', programs: ['mongod', 'mongosh'] },
  rabbitmq: { attr: null, label: 'RabbitMQ', programs: ['rabbitmq-server'] },
  elasticsearch: { attr: null, label: 'Elasticsearch', programs: ['elasticsearch'] },
  julia: { attr: null, label: 'Julia', programs: ['julia'] },
  docker: { attr: 'docker', label: 'Docker', programs: ['docker', 'dockerd'] },
  wordpress: { attr: null, label: 'WordPress (PHP + Apache)', programs: ['apache2-foreground', 'php'] },
  drupal: { attr: null, label: 'Drupal (PHP + Apache)', programs: ['apache2-foreground', 'php'] },
};

/** Bases that are an operating system, nothing more: no runtime to carry over. */
const DISTRO_REPOS: ReadonlySet<string> = new Set([
  'debian',
  'ubuntu',
  'alpine',
  'busybox',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'archlinux',
  'oraclelinux',
  'photon',
  'clearlinux',
  'opensuse/leap',
  'opensuse/tumbleweed',
  'buildpack-deps',
  'scratch',
]);

export interface BaseFacts {
  /** The model's reference (null for scratch / unknown). */
  ref: ModelImageRef | null;
  /** Reference as written, after ARG substitution. */
  refText: string | null;
  info: BaseImageInfo | null;
  runtime: BaseRuntime | null;
  /** An operating-system-only base (or scratch, distroless static/base). */
  distro: boolean;
  /** Package manager whose names the image's packages use. */
  manager: PackageManager;
  packageFamily: PackageFamily | null;
  /** The base image shipped CA certificates / tzdata / netbase. */
  hadCaCerts: boolean;
  hadTzdata: boolean;
  scratch: boolean;
  /** Python 2 runtime (EOL). */
  python2: boolean;
  /** The image had a shell at /bin/sh. */
  hadShell: boolean;
  /** A Windows base image (servercore, nanoserver ...): no Linux image can replace it. */
  windows: boolean;
}

function runtimeFor(key: string, tag: string | null): { runtime: BaseRuntime | null; distro: boolean } {
  const direct = RUNTIMES[key];
  if (direct !== undefined) return { runtime: direct, distro: false };
  if (DISTRO_REPOS.has(key)) return { runtime: null, distro: true };
  const last = key.slice(key.lastIndexOf('/') + 1);
  // gcr.io/distroless/<runtime>-debianNN, cgr.dev/chainguard/<name>
  if (key.startsWith('gcr.io/distroless/') || key.startsWith('cgr.dev/chainguard/') || key.startsWith('chainguard/')) {
    if (/^python/.test(last)) return { runtime: PY, distro: false };
    if (/^node/.test(last)) return { runtime: NODE, distro: false };
    if (/^(java|jre|jdk)/.test(last)) return { runtime: JAVA, distro: false };
    if (/^(static|base|cc|wolfi-base|glibc-dynamic)/.test(last)) return { runtime: null, distro: true };
  }
  if (key === 'ghcr.io/astral-sh/uv' && tag !== null && /python/.test(tag)) return { runtime: PY, distro: false };
  if (key.startsWith('registry.access.redhat.com/ubi') || key.startsWith('redhat/ubi')) return { runtime: null, distro: true };
  return { runtime: null, distro: false };
}

/** Windows container images (they need a Windows host; dockerTools builds Linux images). */
export function isWindowsImage(key: string, tag: string | null): boolean {
  return (
    /^mcr\.microsoft\.com\/(windows|powershell|dotnet\/framework)/.test(key) ||
    /(^|\/)(windowsservercore|nanoserver|servercore)(\/|$)/.test(key) ||
    (tag !== null && /(windowsservercore|nanoserver|servercore|ltsc20\d\d|windows-)/.test(tag))
  );
}

export function managerForFamily(family: string | null): PackageManager {
  return family === 'alpine' ? 'apk' : family === 'debian' || family === 'ubuntu' || family === 'distroless' ? 'apt' : 'apt';
}

/** Facts about the root image of a stage chain. */
export function baseFacts(root: Stage): BaseFacts {
  const base = root.base;
  if (base.kind === 'scratch') {
    return { ref: null, refText: 'scratch', info: null, runtime: null, distro: true, manager: 'apt', packageFamily: null, hadCaCerts: false, hadTzdata: false, scratch: true, python2: false, hadShell: false, windows: false };
  }
  if (base.kind !== 'image') {
    return {
      ref: null,
      refText: base.kind === 'unknown' ? base.raw : null,
      info: null,
      runtime: null,
      distro: false,
      manager: 'apt',
      packageFamily: null,
      hadCaCerts: false,
      hadTzdata: false,
      scratch: false,
      python2: false,
      hadShell: true,
      windows: false,
    };
  }
  const img = base.image;
  const lookup: { repository: string; registry?: string; tag?: string; digest?: string } = { repository: img.repository };
  if (img.registry !== null) lookup.registry = img.registry;
  if (img.tag !== null) lookup.tag = img.tag;
  if (img.digest !== null) lookup.digest = img.digest;
  const info = resolveBaseImage(lookup);
  const key = repositoryKey(lookup);
  const { runtime, distro } = runtimeFor(key, img.tag);
  const family = info?.family ?? (img.tag !== null && /alpine/.test(img.tag) ? 'alpine' : null);
  const pkgs = info?.packages ?? [];
  const python2 = runtime === PY && img.tag !== null && /^2(\.|$|-)/.test(img.tag);
  return {
    ref: img,
    refText: img.resolved ?? img.raw,
    info,
    runtime,
    distro: distro || (info !== null && info.parent === null && runtime === null),
    manager: managerForFamily(family),
    packageFamily: info?.packageFamily ?? (family === 'alpine' ? 'alpine' : family === 'debian' || family === 'ubuntu' ? family : null),
    // distroless images carry the CA bundle (/etc/ssl/certs) without a ca-certificates package entry.
    hadCaCerts: pkgs.some((p) => p === 'ca-certificates' || p === 'ca-certificates-bundle') || key.startsWith('gcr.io/distroless/') || (info === null && !distro),
    hadTzdata: pkgs.includes('tzdata'),
    scratch: false,
    python2,
    hadShell: info !== null ? info.shell !== null : !key.startsWith('gcr.io/distroless/'),
    windows: isWindowsImage(key, img.tag),
  };
}

/** The plan's ImageRef for a stage's FROM. */
export function planImageRef(stage: Stage, stageNames: readonly (string | null)[]): ImageRef {
  const line = stage.from.range.start.line + 1;
  const base = stage.base;
  switch (base.kind) {
    case 'image': {
      const img = base.image;
      const ref = img.resolved ?? img.raw;
      return { ref, name: img.registry !== null ? `${img.registry}/${img.repository}` : img.repository, tag: img.tag, digest: img.digest, line };
    }
    case 'scratch':
      return { ref: 'scratch', name: 'scratch', tag: null, digest: null, line };
    case 'stage': {
      const n = stageNames[base.stageIndex] ?? String(base.stageIndex);
      return { ref: n, name: n, tag: null, digest: null, line };
    }
    case 'unknown':
      return { ref: base.raw, name: base.raw, tag: null, digest: null, line };
    default: {
      const never: never = base;
      return never;
    }
  }
}

/** Accounts that official images create, for a USER that names one the Dockerfile did not create. */
const KNOWN_ACCOUNTS: Readonly<Record<string, { uid: number; gid: number; home: string }>> = {
  node: { uid: 1000, gid: 1000, home: '/home/node' },
  nginx: { uid: 101, gid: 101, home: '/nonexistent' },
  'www-data': { uid: 33, gid: 33, home: '/var/www' },
  daemon: { uid: 1, gid: 1, home: '/usr/sbin' },
  postgres: { uid: 999, gid: 999, home: '/var/lib/postgresql' },
  redis: { uid: 999, gid: 999, home: '/data' },
  mysql: { uid: 999, gid: 999, home: '/var/lib/mysql' },
  nonroot: { uid: 65532, gid: 65532, home: '/home/nonroot' },
  guest: { uid: 405, gid: 100, home: '/dev/null' },
};

export function knownAccount(name: string, family: string | null): UserAccount | null {
  if (name === 'www-data' && family === 'alpine') return { name, uid: 82, gid: 82, group: name, home: '/var/www', shell: '/sbin/nologin' };
  const k = KNOWN_ACCOUNTS[name];
  if (k === undefined) return null;
  return { name, uid: k.uid, gid: k.gid, group: name, home: k.home, shell: '/sbin/nologin' };
}

/** Distro packages that mean Python 2 (end of life). */
export function isPython2Package(manager: PackageManager, name: string): boolean {
  if (manager === 'apk') return /^(python2|python|py2-.+|py-pip|python2-dev|python-dev)$/.test(name);
  if (manager === 'apt') return /^(python|python2(\.\d+)?|python-pip|python-dev|python-setuptools|python-virtualenv|python2(\.\d+)?-dev|python-[a-z0-9].*)$/.test(name) && !/^python-is-python3$/.test(name);
  if (manager === 'dnf') return /^python2(-.+)?$/.test(name);
  return false;
}

/** Distro packages that are a Python interpreter (3.x). */
export function isPython3Interpreter(name: string): boolean {
  return /^python3(\.\d+)?(-minimal|-full)?$/.test(name);
}
