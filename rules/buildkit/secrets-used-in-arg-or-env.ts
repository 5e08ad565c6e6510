import { argDefinitions, defineRule, nodesOf, unquote, type Range } from '../../src/rule-api.js';

const DENY = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
const ALLOW = new Set(['public', 'file', 'version']);
const DENY_WORDS: readonly string[] = [...DENY];

/** BuildKit's check: one of the `_`-separated words of the name is a secret word, none an allowed one. */
function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  // A secret word is in the name as text too (most names have none: no word split).
  if (!DENY_WORDS.some((d) => lower.includes(d))) return false;
  const words = lower.split('_');
  return words.some((w) => DENY.has(w)) && !words.some((w) => ALLOW.has(w));
}

/**
 * A GPG key id or fingerprint (`GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305`, also several, or
 * in groups of four) under a GPG/PGP name: a public identifier used to verify downloads, not a secret.
 */
function isKeyFingerprint(name: string, value: string | null): boolean {
  if (value === null) return false;
  const words = name.toLowerCase().split('_');
  if (!words.includes('gpg') && !words.includes('pgp')) return false;
  // Only the key itself: `GPG_PASSWORD`, `GPG_KEY_TOKEN` stay secret.
  if (!words.filter((w) => DENY.has(w)).every((w) => w === 'key')) return false;
  const tokens = unquote(value).trim().split(/\s+/);
  const hex = tokens.map((t) => (t.startsWith('0x') || t.startsWith('0X') ? t.slice(2) : t));
  return hex.every((t) => /^[0-9A-Fa-f]+$/.test(t)) && hex.join('').length >= 8;
}

export default defineRule({
  code: 'SecretsUsedInArgOrEnv',
  name: 'secrets-used-in-arg-or-env',
  severity: 'warning',
  category: 'security',
  source: 'buildkit',
  duplicates: ['DL3064'],
  fixable: false,
  docs: {
    summary: 'Sensitive data should not be used in the ARG or ENV commands',
    what: 'Flags an ARG or ENV whose name, split on `_`, contains one of the words apikey, auth, credential(s), key, password, pword, passwd, secret or token (any case), unless it also contains public, file or version. ONBUILD triggers are checked too.',
    why: 'ENV values are stored in the image configuration and ARG values in the build history, so anyone who can pull the image can read them. Pass secrets with `RUN --mount=type=secret` instead.',
    examples: [
      { bad: 'FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY', good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=aws,env=AWS_SECRET_ACCESS_KEY aws s3 ls' },
      { bad: 'FROM alpine:3.20\nENV GITHUB_TOKEN=abc', good: 'FROM alpine:3.20\nENV GPG_KEY_FILE=/etc/key.asc' },
    ],
    exceptions: 'The name is judged, not the value. ARGs declared before the first FROM are not flagged: they are only visible to FROM lines and do not reach the image history (as in BuildKit). Names such as `PUBLIC_KEY`, `KEY_FILE` or `TOKEN_VERSION` are allowed. Unlike BuildKit, dockwise does not flag a GPG or PGP key whose value is a key id or fingerprint (`ENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305`, as in the docker-library images): it is public, used to verify downloads.',
    equivalents: ['BuildKit SecretsUsedInArgOrEnv', 'hadolint DL3064', 'Trivy DS-0031'],
    references: ['https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/'],
  },
  check({ model, report }) {
    const flag = (kind: 'ARG' | 'ENV', name: string, value: string | null, range: Range): void => {
      if (!looksSecret(name) || isKeyFingerprint(name, value)) return;
      report({ message: `Do not use ARG or ENV instructions for sensitive data (${kind} ${JSON.stringify(name)})`, range });
    };
    for (const node of nodesOf(model, ['ARG', 'ENV'])) {
      if (node.stageIndex === null) continue;
      if (node.keyword === 'ENV') {
        for (const p of node.syntax.properties) flag('ENV', p.name, p.value, p.nameRange);
      } else {
        for (const d of argDefinitions(model, node.syntax)) flag('ARG', d.name, d.value, d.nameRange);
      }
    }
  },
});
