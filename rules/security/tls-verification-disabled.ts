import {
  defineRule,
  commandsRunning,
  commandsWithAssignments,
  downloadCommands,
  effectiveCommand,
  packageCommands,
  flagRange,
  nodesOf,
  parseArgs,
  recogniseDownload,
  recognisePackageCommand,
  shellRange,
  wordRange,
  wordsRange,
  argDefinitions,
  type EffectiveCommand,
  type InstructionNode,
  type Range,
  type ShellWord,
  type SimpleCommand,
} from '../../src/rule-api.js';

const FALSY = /^(?:false|no|off|0)$/i;

/** True for a plain-http URL to a host other than the local machine. */
function plainHttp(url: string): boolean {
  const m = /^http:\/\/(?:[^/@\s]*@)?([^/:\s]+)/i.exec(url);
  if (!m) return false;
  const host = (m[1] ?? '').toLowerCase();
  return !(host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host === '0.0.0.0' || host === 'host.docker.internal');
}

/**
 * Environment variables that switch TLS verification off, with the test on their value
 * (Checkov CKV2_DOCKER_5, 6, 12, 14, 16, 18).
 */
const ENV_CHECKS: Readonly<Record<string, { bad: (v: string) => boolean; what: string }>> = {
  PYTHONHTTPSVERIFY: { bad: (v) => v === '0', what: 'turns off certificate verification in Python\'s urllib/http.client' },
  NODE_TLS_REJECT_UNAUTHORIZED: { bad: (v) => v === '0', what: 'makes Node.js accept any TLS certificate' },
  NPM_CONFIG_STRICT_SSL: { bad: (v) => FALSY.test(v), what: 'makes npm accept any TLS certificate' },
  YARN_ENABLE_STRICT_SSL: { bad: (v) => FALSY.test(v), what: 'makes Yarn accept any TLS certificate' },
  YARN_STRICT_SSL: { bad: (v) => FALSY.test(v), what: 'makes Yarn accept any TLS certificate' },
  GIT_SSL_NO_VERIFY: { bad: (v) => v !== '', what: 'makes git skip certificate verification (any value does)' },
  GOINSECURE: { bad: (v) => v !== '', what: 'lets Go fetch modules over plain HTTP or unverified HTTPS' },
  PIP_TRUSTED_HOST: { bad: (v) => v !== '', what: 'makes pip skip certificate verification for these hosts' },
  PIP_INDEX_URL: { bad: plainHttp, what: 'makes pip download packages over plain HTTP' },
  PIP_EXTRA_INDEX_URL: { bad: (v) => v.split(/\s+/).some(plainHttp), what: 'makes pip download packages over plain HTTP' },
  UV_INDEX_URL: { bad: plainHttp, what: 'makes uv download packages over plain HTTP' },
  UV_DEFAULT_INDEX: { bad: plainHttp, what: 'makes uv download packages over plain HTTP' },
  UV_EXTRA_INDEX_URL: { bad: (v) => v.split(/\s+/).some(plainHttp), what: 'makes uv download packages over plain HTTP' },
  NPM_CONFIG_REGISTRY: { bad: plainHttp, what: 'makes npm download packages over plain HTTP' },
  GOFLAGS: { bad: (v) => /(?:^|\s)-insecure(?:$|[\s=])/.test(v), what: 'lets `go get` use plain HTTP' },
};

function envCheck(name: string): { bad: (v: string) => boolean; what: string } | undefined {
  // Own keys only: `constructor` or `toString` are variable names like any other.
  if (Object.hasOwn(ENV_CHECKS, name)) return ENV_CHECKS[name];
  if (name === 'npm_config_strict_ssl') return ENV_CHECKS.NPM_CONFIG_STRICT_SSL;
  if (name === 'npm_config_registry') return ENV_CHECKS.NPM_CONFIG_REGISTRY;
  return undefined;
}

/** `sslverify=0` as written in yum/dnf repo files and `--setopt` values. */
const SSLVERIFY_OFF = /(?:^|[^A-Za-z0-9_])sslverify\s*=\s*["']?(?:0|false|no)(?![A-Za-z0-9])/i;

interface Hit {
  message: string;
  range: Range;
}

function stripQuotes(s: string): string {
  return s.replace(/^(["'])(.*)\1$/, '$2');
}

/** Programs commandHits looks at by name (besides downloads and package-manager commands). */
const CHECKED_PROGRAMS: readonly string[] = ['export', 'declare', 'typeset', 'readonly', 'yum-config-manager', 'dnf-config-manager', 'git', 'echo', 'printf'];

/** Findings for one simple command of a RUN. */
function commandHits(node: InstructionNode, cmd: SimpleCommand, eff: EffectiveCommand): Hit[] {
  const hits: Hit[] = [];

  // Environment assignments: `PYTHONHTTPSVERIFY=0 python x`, `env A=1 cmd`, `export A=1`.
  // (The range is computed only for an assignment that is reported.)
  const assignment = (aName: string, value: string | null, range: () => Range): void => {
    const check = envCheck(aName);
    if (check && value !== null && check.bad(value)) hits.push({ message: `${aName}=${value} ${check.what}`, range: range() });
  };
  for (const a of eff.assignments) assignment(a.name, a.value === null ? '' : a.value.value, () => shellRange(node, a.start, a.end));
  const name = eff.name === null ? null : eff.name.replace(/^.*\//, '');
  if ((name === 'export' || name === 'declare' || name === 'typeset' || name === 'readonly') && eff.args.length > 0) {
    for (const w of eff.args) {
      const v = w.value;
      if (v === null) continue;
      const eq = v.indexOf('=');
      if (eq > 0) assignment(v.slice(0, eq), v.slice(eq + 1), () => wordRange(node, w));
    }
  }
  if (name === null) return hits;

  // curl -k / --insecure, wget --no-check-certificate (Checkov CKV2_DOCKER_2, CKV2_DOCKER_3).
  const dl = recogniseDownload(cmd);
  if (dl) {
    for (const f of dl.flags) {
      if (dl.tool === 'curl' && (f.name === '-k' || f.name === '--insecure' || f.name === '--proxy-insecure')) {
        hits.push({ message: `curl ${f.name} turns off certificate verification: anyone on the network path can replace the download`, range: flagRange(node, f) });
      } else if (dl.tool === 'wget' && f.name === '--no-check-certificate') {
        hits.push({ message: 'wget --no-check-certificate turns off certificate verification: anyone on the network path can replace the download', range: flagRange(node, f) });
      }
    }
    return hits;
  }

  const pc = recognisePackageCommand(cmd);
  if (pc) {
    // pip --trusted-host and plain-http indexes (Checkov CKV2_DOCKER_4).
    if (pc.manager === 'pip' || pc.manager === 'uv' || pc.manager === 'pipx') {
      for (const f of pc.flags) {
        if (f.name === '--trusted-host') {
          const end = f.valueWord ?? f.word;
          hits.push({ message: `${pc.tool} --trusted-host turns off certificate verification for ${f.value ?? 'that host'}`, range: wordsRange(node, f.word, end.end >= f.word.end ? end : f.word) });
        } else if (['-i', '--index-url', '--extra-index-url', '--index', '--default-index'].includes(f.name) && f.value !== null && plainHttp(f.value)) {
          hits.push({ message: `${pc.tool} ${f.name} ${f.value} downloads packages over plain HTTP, without any integrity protection`, range: wordRange(node, f.valueWord ?? f.word) });
        }
      }
      // pip config set global.trusted-host x / global.index-url http://...
      const ops = pc.operands;
      if (pc.subcommand === 'config' && ops[0]?.value === 'set' && ops[1]?.value && ops[2]) {
        const key = ops[1].value.toLowerCase();
        const value = ops[2].value ?? '';
        if (/(?:^|\.)trusted-host$/.test(key) || (/(?:^|\.)(?:extra-)?index-url$/.test(key) && plainHttp(value))) {
          hits.push({ message: `${pc.tool} config set ${ops[1].value} turns off the protection of package downloads`, range: wordsRange(node, ops[1], ops[2]) });
        }
      }
    }
    // npm / yarn / pnpm config set strict-ssl false (Checkov CKV2_DOCKER_13).
    if (pc.manager === 'npm' || pc.manager === 'yarn' || pc.manager === 'pnpm') {
      for (const f of pc.flags) {
        if ((f.name === '--strict-ssl' && f.value !== null && FALSY.test(f.value)) || f.name === '--no-strict-ssl') {
          hits.push({ message: `${pc.tool} ${f.name} turns off certificate verification for the registry`, range: flagRange(node, f) });
        }
      }
      let words: ShellWord[] = [];
      if (pc.subcommand === 'set') words = pc.operands;
      else if ((pc.subcommand === 'config' || pc.subcommand === 'c') && pc.operands[0]?.value === 'set') words = pc.operands.slice(1);
      const keyWord = words[0];
      if (keyWord?.value) {
        const eq = keyWord.value.indexOf('=');
        const key = (eq < 0 ? keyWord.value : keyWord.value.slice(0, eq)).toLowerCase();
        const valueWord = eq < 0 ? words[1] : keyWord;
        const value = eq < 0 ? (words[1]?.value ?? null) : keyWord.value.slice(eq + 1);
        if (valueWord && value !== null) {
          const v = stripQuotes(value);
          if ((key === 'strict-ssl' || key === 'strict_ssl' || key === 'enablestrictssl') && FALSY.test(v)) {
            hits.push({ message: `${pc.tool} config ${key}=${v} turns off certificate verification for the registry`, range: wordsRange(node, keyWord, valueWord) });
          } else if ((key === 'registry' || key === 'npmregistryserver') && plainHttp(v)) {
            hits.push({ message: `${pc.tool} registry ${v} downloads packages over plain HTTP`, range: wordRange(node, valueWord) });
          }
        }
      }
    }
    // composer config [-g] disable-tls true / secure-http false.
    if (pc.manager === 'composer' && pc.subcommand === 'config') {
      const [key, value] = pc.operands;
      const k = key?.value?.toLowerCase();
      const v = value?.value;
      if (key && value && v && ((k === 'disable-tls' && /^(?:true|1)$/i.test(v)) || (k === 'secure-http' && FALSY.test(v)))) {
        hits.push({ message: `composer config ${key.value ?? ''} ${v} lets Composer download packages without TLS`, range: wordsRange(node, key, value) });
      }
    }
    // dnf/yum --setopt=sslverify=0 (Checkov CKV2_DOCKER_15).
    for (const f of pc.flags) {
      if (f.name === '--setopt' && f.value !== null && SSLVERIFY_OFF.test(f.value)) {
        hits.push({ message: `${pc.tool} --setopt=${f.value} turns off certificate verification for the repository`, range: wordRange(node, f.valueWord ?? f.word) });
      }
    }
    return hits;
  }

  // yum-config-manager / dnf config-manager --setopt=...sslverify=0 (Checkov CKV2_DOCKER_15).
  if (name === 'yum-config-manager' || name === 'dnf-config-manager') {
    const { flags } = parseArgs(eff, { values: ['--setopt'] });
    for (const f of flags) {
      if (f.name === '--setopt' && f.value !== null && SSLVERIFY_OFF.test(f.value)) {
        hits.push({ message: `${name} --setopt=${f.value} turns off certificate verification for the repository`, range: wordRange(node, f.valueWord ?? f.word) });
      }
    }
  }

  // git -c http.sslVerify=false ..., git config [--global] http.sslVerify false.
  if (name === 'git') {
    const args = eff.args;
    let i = 0;
    for (; i < args.length; i++) {
      const w = args[i];
      const v = w?.value ?? null;
      if (!w || v === null || !v.startsWith('-')) break;
      if (v === '-c' || v === '-C' || v === '--git-dir' || v === '--work-tree' || v === '--namespace') {
        const next = args[i + 1];
        if (v === '-c' && next?.value) {
          const eq = next.value.indexOf('=');
          if (eq > 0 && /^http\.(?:.*\.)?sslverify$/i.test(next.value.slice(0, eq)) && FALSY.test(next.value.slice(eq + 1))) {
            hits.push({ message: `git -c ${next.value} turns off certificate verification`, range: wordRange(node, next) });
          }
        }
        i++;
      }
    }
    if (args[i]?.value === 'config') {
      const rest = args.slice(i + 1);
      const { positionals } = parseArgs({ ...eff, args: rest }, { values: ['-f', '--file', '--blob', '--type', '--default', '--comment'] });
      const pos = positionals[0]?.value === 'set' ? positionals.slice(1) : positionals;
      const [key, value] = pos;
      if (key?.value && value?.value !== undefined && value.value !== null && /^http\.(?:.*\.)?sslverify$/i.test(key.value) && FALSY.test(value.value)) {
        hits.push({ message: `git config ${key.value} ${value.value} turns off certificate verification for git`, range: wordsRange(node, key, value) });
      }
    }
  }

  // echo 'sslverify=0' >> /etc/yum.conf (and the same written with printf).
  if (name === 'echo' || name === 'printf') {
    for (const w of eff.args) {
      if (w.value !== null && SSLVERIFY_OFF.test(w.value)) hits.push({ message: 'sslverify=0 turns off certificate verification for the repository', range: wordRange(node, w) });
    }
  }
  return hits;
}

export default defineRule({
  code: 'DW4002',
  name: 'tls-verification-disabled',
  severity: 'warning',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'Do not turn off TLS certificate verification',
    what: 'Flags ways of downloading without certificate checks, in RUN (any stage, ONBUILD included) and in ENV/ARG defaults: `curl -k`/`--insecure`, `wget --no-check-certificate`, `pip --trusted-host` or a plain-`http://` index (`-i`, `--index-url`, `--extra-index-url`, `pip config set`), `npm`/`yarn`/`pnpm config set strict-ssl false` (or a plain-http registry), `git config http.sslVerify false` and `git -c http.sslVerify=false`, `--setopt=sslverify=0` for yum/dnf (and `sslverify=0` echoed into repo files), `composer config disable-tls true` / `secure-http false`, and the variables `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY`, `GOINSECURE`, `PIP_TRUSTED_HOST`, `GOFLAGS=-insecure` and plain-http `PIP_INDEX_URL`/`UV_INDEX_URL`/`NPM_CONFIG_REGISTRY`.',
    why: 'Without certificate verification anyone between the build and the server (a proxy, a hijacked DNS answer, a rogue Wi-Fi) can serve different bytes, and the build installs them: the image then runs attacker code. A variable set with ENV also weakens every program in the running container. Fix the trust store instead (install `ca-certificates`, or COPY the corporate CA and run `update-ca-certificates`).',
    examples: [
      { bad: 'FROM debian:12\nRUN curl -fsSLk https://example.com/install.sh -o /tmp/install.sh', good: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh' },
      { bad: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0', good: 'FROM node:20\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt' },
      { bad: 'FROM python:3.12\nRUN pip install --trusted-host pypi.internal -r requirements.txt', good: 'FROM python:3.12\nRUN pip install --cert /etc/ssl/certs/ca-certificates.crt -r requirements.txt' },
    ],
    exceptions: 'Plain-http URLs to the local machine (`localhost`, `127.x`) are not flagged. ARGs before the first FROM and ARGs without a default are not flagged (their value does not reach RUN). A variable reference (`curl $CURL_OPTS`) is not evaluated.',
    equivalents: [
      'Checkov CKV2_DOCKER_2 (curl)',
      'Checkov CKV2_DOCKER_3 (wget)',
      'Checkov CKV2_DOCKER_4 (pip --trusted-host)',
      'Checkov CKV2_DOCKER_5 (PYTHONHTTPSVERIFY)',
      'Checkov CKV2_DOCKER_6 (NODE_TLS_REJECT_UNAUTHORIZED)',
      'Checkov CKV2_DOCKER_12 (NPM_CONFIG_STRICT_SSL)',
      'Checkov CKV2_DOCKER_13 (npm/yarn strict-ssl)',
      'Checkov CKV2_DOCKER_14 (GIT_SSL_NO_VERIFY)',
      'Checkov CKV2_DOCKER_15 (yum/dnf sslverify)',
      'Checkov CKV2_DOCKER_16 (PIP_TRUSTED_HOST)',
      'Checkov CKV2_DOCKER_18 (GOINSECURE)',
    ],
    references: ['https://curl.se/docs/sslcerts.html', 'https://docs.docker.com/build/building/best-practices/'],
  },
  check({ model, report }) {
    // commandHits finds nothing in a command without assignments that is neither a download, nor
    // a package-manager command, nor one of CHECKED_PROGRAMS: only those are looked at (each once).
    // Their findings come in another order than file order, which the engine's sort settles.
    const seen = new Set<SimpleCommand>();
    const visit = (node: InstructionNode, cmd: SimpleCommand, eff: EffectiveCommand): void => {
      if (seen.has(cmd)) return;
      seen.add(cmd);
      for (const h of commandHits(node, cmd, eff)) report(h);
    };
    for (const { node, cmd, eff } of commandsWithAssignments(model)) visit(node, cmd, eff);
    for (const { node, cmd, eff } of commandsRunning(model, CHECKED_PROGRAMS)) visit(node, cmd, eff);
    for (const { node, cmd } of downloadCommands(model)) visit(node, cmd, effectiveCommand(cmd));
    for (const { node, pc } of packageCommands(model)) visit(node, pc.command, effectiveCommand(pc.command));
    for (const node of nodesOf(model, ['ENV', 'ARG'])) {
      if (node.stageIndex === null) continue;
      const defs =
        node.keyword === 'ENV'
          ? node.syntax.properties.map((p) => ({ name: p.name, value: p.value, range: p.range }))
          : argDefinitions(model, node.syntax).map((d) => ({ name: d.name, value: d.value === null ? null : stripQuotes(d.value), range: d.range }));
      for (const d of defs) {
        const check = envCheck(d.name);
        if (!check || d.value === null) continue;
        const value = d.value.includes('$') ? node.resolve(d.value) : d.value;
        if (value === null || !check.bad(value)) continue;
        report({ message: `${node.keyword} ${d.name}=${value} ${check.what}`, range: d.range });
      }
    }
  },
});
