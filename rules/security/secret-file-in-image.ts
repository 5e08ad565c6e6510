import {
  argDefinitions,
  defineRule,
  commandsRunning,
  nodesOf,
  parseArgs,
  ships,
  unquote,
  wordsRange,
  type DockerfileModel,
  type InstructionNode,
  type Range,
} from '../../src/rule-api.js';

/** Files that hold credentials whatever their content. */
function alwaysSecret(path: string, asDestination = false): string | null {
  const p = path.replace(/\/+$/, '');
  const base = p.slice(p.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (/^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(base)) return 'an SSH private key';
  if (lower === '.ssh') return 'an SSH directory (private keys)';
  if (lower === '.gnupg') return 'a GnuPG home (private keys)';
  if (lower === '.git-credentials') return 'git credentials';
  if (lower === '.netrc' || lower === '_netrc') return 'a .netrc file (passwords)';
  if (lower === '.pgpass') return 'a PostgreSQL password file';
  // A Docker client config is often only settings (credsStore, detachKeys) when written as a destination.
  if (!asDestination && (lower === '.dockercfg' || /(?:^|\/)\.docker\/config\.json$/.test(p))) return 'Docker registry credentials';
  if (/(?:^|\/)\.aws\/credentials$/.test(p) || lower === '.aws') return 'AWS credentials';
  if (/^\.env(?:\.(?!(?:example|sample|template|dist|defaults?|schema|test|ci|docker)$)[A-Za-z0-9_-]+)?$/.test(base)) return 'a .env file (application secrets)';
  if (/(?:^|[._-])(?:priv(?:ate)?[._-]?key|privkey|key)\.pem$/i.test(base)) return 'a private key';
  if (/(?:^|[._-])(?:private|priv|tls|ssl|server|client)\.key$/i.test(base)) return 'a private key';
  if (/\.(?:p12|pfx)$/i.test(base)) return 'a PKCS#12 key store (private keys)';
  if (/^(?:credentials|client_secrets?(?:[._-][A-Za-z0-9._-]*)?|service[._-]?account(?:[._-][A-Za-z0-9._-]*)?)\.json$/i.test(base)) return 'a cloud credentials file';
  return null;
}

/** Files that often hold registry tokens; flagged when the Dockerfile deletes them again later. */
const MAYBE_SECRET = new Set(['.npmrc', '.yarnrc', '.yarnrc.yml', '.pypirc', 'pip.conf', 'pip.ini', 'auth.json', 'settings.xml', '.gitconfig', 'nuget.config', '.gem']);

/** Variables naming a credentials file (Trivy DS-0031). */
const SECRET_FILE_VARS = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'HF_TOKEN_PATH']);

function base(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

function absolute(path: string, workdir: string | null): string {
  const p = path.startsWith('/') ? path : `${(workdir ?? '/').replace(/\/+$/, '')}/${path}`;
  return p.replace(/\/\.(?=\/|$)/g, '').replace(/\/+/g, '/');
}

/** Basenames removed by `rm` in the RUNs of a stage after an instruction. */
function removedAfter(model: DockerfileModel, node: InstructionNode): Set<string> {
  const out = new Set<string>();
  // (`rm` and `/bin/rm` are both among the commands whose basename is `rm`.)
  for (const { node: n, eff } of commandsRunning(model, ['rm'])) {
    if (n.onbuild) continue;
    if (n.stageIndex !== node.stageIndex || n.index <= node.index) continue;
    if (eff.name !== 'rm' && eff.name !== '/bin/rm') continue;
    for (const p of parseArgs(eff).positionals) if (p.value !== null) out.add(base(p.value));
  }
  return out;
}

/** The programs `credentialSetup` recognises. */
const SETUP_PROGRAMS = new Set(['aws', 'gcloud', 'az', 'docker', 'podman', 'buildah', 'nerdctl']);
/** The same programs, as the list commandsRunning takes (built once, not per file). */
const SETUP_PROGRAM_LIST: readonly string[] = [...SETUP_PROGRAMS];

/** Commands that write credentials into the layer (Trivy DS-0031's setup commands, plus docker login). */
function credentialSetup(words: readonly (string | null)[]): number {
  const [a, b, c, d] = words;
  if (a === 'aws' && b === 'configure' && c === 'set' && d !== null && d !== undefined && /^(?:(?:default|profile\.[^.]+)\.)?aws_(?:access_key_id|secret_access_key|session_token)$/i.test(d)) return 4;
  if (a === 'gcloud' && b === 'auth' && c === 'activate-service-account') return 3;
  if (a === 'az' && b === 'login' && words.some((w) => w !== null && /^(?:-p|--password|--password=.*|--federated-token.*)$/.test(w))) return 2;
  if ((a === 'docker' || a === 'podman' || a === 'buildah' || a === 'nerdctl') && b === 'login') return 2;
  return 0;
}

export default defineRule({
  code: 'DW4007',
  name: 'secret-file-in-image',
  severity: 'error',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'Do not copy credentials files into the image',
    what: 'In stages that reach the final image, flags: COPY/ADD of files that hold credentials (SSH private keys `id_rsa`/`id_ed25519`/`.ssh`, `.git-credentials`, `.netrc`, `.pgpass`, `.aws/credentials`, `.docker/config.json`, `.env` files, `*key.pem`, `private.key`/`tls.key`, `.p12`/`.pfx`, `credentials.json`, `client_secret*.json`, `service-account*.json`); COPY of token-bearing config (`.npmrc`, `.pypirc`, `.yarnrc.yml`, `pip.conf`, `auth.json`, `settings.xml`, ...) that a later RUN deletes again; an ENV/ARG `GOOGLE_APPLICATION_CREDENTIALS`, `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` or `HF_TOKEN_PATH` pointing into a copied directory (or a COPY to that variable); and RUNs that store credentials in the layer without a secret mount (`aws configure set aws_secret_access_key`, `gcloud auth activate-service-account`, `az login -p`, `docker login`).',
    why: 'Everything COPY or RUN writes stays in an image layer, and anyone who can pull the image can read it with `docker save` or `docker history`, also after a later `rm`: deleting a file in a later layer only hides it. Mount credentials for the one step that needs them with `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, or `--mount=type=ssh` for SSH keys; provide runtime credentials through the orchestrator\'s secrets or a volume.',
    examples: [
      { bad: 'FROM node:20\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc', good: 'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci' },
      { bad: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:org/private.git', good: 'FROM alpine:3.20\nRUN --mount=type=ssh git clone git@github.com:org/private.git' },
      { bad: 'FROM python:3.12\nCOPY . /app\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/key.json', good: 'FROM python:3.12\nCOPY . /app\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp-key.json' },
    ],
    exceptions: 'Builder stages that do not reach the final image are not checked (their layers are not pushed, though they stay in the build cache). `.env.example`, `.env.sample`, `.env.template` and similar are not secrets. Public keys (`id_rsa.pub`), certificates (`*.crt`, `cert.pem`) and key-store trust stores (`.jks`) are not flagged. A RUN with `--mount=type=secret` is not flagged for credential setup commands.',
    equivalents: ['Trivy DS-0031 (AVD-DS-0031, do-not-pass-secrets)'],
    references: ['https://docs.docker.com/build/building/secrets/', 'https://avd.aquasec.com/misconfig/ds031'],
  },
  check({ model, report }) {
    const copyDests: { dest: string; stage: number | null }[] = [];
    for (const node of nodesOf(model, ['COPY', 'ADD'], { onbuild: false })) {
      if (!ships(model, node) || !node.copy || node.copy.from !== null) continue;
      const dest = node.copy.dest;
      const destValue = dest ? node.resolve(dest.value) : null;
      const varRef = dest ? /^["']?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?["']?$/.exec(dest.value) : null;
      if (dest && varRef && SECRET_FILE_VARS.has(varRef[1] ?? '')) {
        report({ message: `${node.keyword} to $${varRef[1] ?? ''} puts a credentials file into an image layer; mount it at run time instead`, range: dest.range });
      }
      if (dest && destValue !== null) copyDests.push({ dest: absolute(unquote(destValue), node.state.workdir), stage: node.stageIndex });
      let removed: Set<string> | null = null;
      for (const src of node.copy.sources) {
        const resolved = node.resolve(src.value);
        if (resolved === null) continue;
        const path = unquote(resolved);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) continue;
        const destPath = dest && destValue !== null && !unquote(destValue).endsWith('/') && node.copy.sources.length === 1 ? unquote(destValue) : null;
        const what = alwaysSecret(path) ?? (destPath === null ? null : alwaysSecret(destPath, true));
        const b = base(path);
        const destBase = destPath === null ? b : base(destPath);
        if (what === null && !MAYBE_SECRET.has(b.toLowerCase()) && !MAYBE_SECRET.has(destBase.toLowerCase())) continue;
        removed ??= removedAfter(model, node);
        const deleted = removed.has(b) || removed.has(destBase);
        if (what === null && !deleted) continue;
        const kind = what ?? `${b}, which often holds registry tokens,`;
        const message = deleted
          ? `${node.keyword} puts ${kind} into an image layer; deleting it in a later RUN does not remove it from that layer. Use RUN --mount=type=secret for the step that needs it`
          : `${node.keyword} puts ${kind} into an image layer, where anyone who can pull the image can read it; use RUN --mount=type=secret (or --mount=type=ssh), or mount it at run time`;
        report({ message, range: src.range });
      }
    }

    // ENV/ARG naming a credentials file inside a copied directory.
    for (const node of nodesOf(model, ['ENV', 'ARG'], { onbuild: false })) {
      if (!ships(model, node)) continue;
      // Most ENV and ARG instructions set none of these variables: no list of definitions for them.
      const named = node.keyword === 'ENV' ? node.syntax.properties : argDefinitions(model, node.syntax);
      if (!named.some((d) => SECRET_FILE_VARS.has(d.name))) continue;
      const defs: { name: string; value: string | null; range: Range }[] =
        node.keyword === 'ENV'
          ? node.syntax.properties.map((p) => ({ name: p.name, value: p.value, range: p.valueRange ?? p.range }))
          : argDefinitions(model, node.syntax).map((d) => ({ name: d.name, value: d.value === null ? null : unquote(d.value), range: d.valueRange ?? d.range }));
      for (const d of defs) {
        if (!SECRET_FILE_VARS.has(d.name) || d.value === null || d.value === '') continue;
        const v = d.value.includes('$') ? node.resolve(d.value) : d.value;
        if (v === null) continue;
        const p = absolute(v, node.state.workdir);
        const inside = copyDests.some((c) => c.dest !== '/' && (p === c.dest || p.startsWith(`${c.dest.replace(/\/$/, '')}/`)));
        if (!inside) continue;
        report({ message: `${d.name} points at ${p}, which a COPY put into the image: the credentials ship with it; mount them at run time instead`, range: d.range });
      }
    }

    // RUN steps that store credentials in the layer.
    // (The programs credentialSetup knows; see commandsRunning for the name test.)
    for (const { node, eff } of commandsRunning(model, SETUP_PROGRAM_LIST)) {
      if (!ships(model, node) || !node.run) continue;
      if (node.run.mounts.some((m) => m.type === 'secret')) continue;
      if (!eff.nameWord) continue;
      const program = eff.name === null ? null : eff.name.replace(/^.*\//, '');
      // Only these programs store credentials (see credentialSetup): skip building the word list otherwise.
      if (program === null || !SETUP_PROGRAMS.has(program)) continue;
      const words = [program, ...eff.args.map((a) => a.value)];
      const n = credentialSetup(words);
      if (n === 0) continue;
      const last = n > 1 ? (eff.args[n - 2] ?? eff.nameWord) : eff.nameWord;
      report({
        message: `\`${words.slice(0, n).join(' ')}\` stores credentials in the image layer; run it with RUN --mount=type=secret and keep the credentials file on the mount`,
        range: wordsRange(node, eff.nameWord, last),
      });
    }
  },
});
