import { argDefinitions, defineRule, nodesOf, type Range } from '../../src/rule-api.js';

/** hadolint's list of well-known secret variables (compared upper-case). */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN',
  'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY',
  'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME',
  'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);

/** hadolint's suspicious name parts. */
const SUSPICIOUS = ['password', 'secret', 'token', 'username', 'private'];
/** Words that make a name a reference to a secret rather than the secret itself. */
const REFERENCE_WORDS = new Set(['file', 'path', 'dir', 'public']);

/** Why a variable name looks like a secret, or null. */
function secretLike(name: string): string | null {
  if (KNOWN.has(name.toUpperCase())) return 'a well-known secret variable';
  const lower = name.toLowerCase();
  // Every finding below needs one of these in the name (most names have none: no word split).
  if (!SUSPICIOUS.some((s) => lower.includes(s)) && !(lower.includes('key') && (lower.includes('api') || lower.includes('client')))) return null;
  const words = lower.split(/[^a-z0-9]+/).filter((w) => w !== '');
  if (words.some((w) => REFERENCE_WORDS.has(w))) return null;
  // A bare `USERNAME` names the image's user (dev containers), not a credential.
  if (words.join('_') === 'username' || words.join('_') === 'user_name') return null;
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i] ?? ''}_${words[i + 1] ?? ''}`;
    if (pair === 'api_key' || pair === 'client_key') return `it contains "${pair}"`;
  }
  for (const w of words) {
    for (const s of SUSPICIOUS) {
      // Whole words, plurals and compounds ending in the word (`dbpassword`); not `tokenizers`.
      if (w === s || w === `${s}s` || w.endsWith(s) || (s !== 'token' && w.startsWith(s))) return `it contains "${s}"`;
    }
  }
  return null;
}

export default defineRule({
  code: 'DL3064',
  name: 'secrets-in-arg-env',
  severity: 'warning',
  category: 'security',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands',
    what: 'Flags an ARG or ENV (also in ONBUILD) whose name is a well-known secret variable (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NPM_TOKEN`, ...) or contains `password`, `secret`, `token`, `username`, `private`, `api_key` or `client_key`.',
    why: 'ARG and ENV values are stored in the image: `docker history` and `docker inspect` show them to anyone who can pull it, and ENV values also stay in every container. Pass secrets with `RUN --mount=type=secret` instead.',
    examples: [
      { bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci', good: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci' },
      { bad: 'FROM postgres:16\nENV POSTGRES_PASSWORD=example', good: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/postgres-password' },
    ],
    exceptions: 'Name parts are matched as words (split on `_` and other separators), so `TOKENIZERS_PARALLELISM` is not flagged where hadolint flags it. Names that point to a secret rather than hold one (with a `FILE`, `PATH`, `DIR` or `PUBLIC` word, such as `POSTGRES_PASSWORD_FILE`) are not flagged either, nor is a bare `USERNAME` (the image user of dev containers, while `DOCKER_USERNAME` is still flagged); hadolint flags them.',
    equivalents: ['hadolint DL3064', 'BuildKit SecretsUsedInArgOrEnv', 'Trivy DS-0031'],
  },
  check({ model, report }) {
    const flag = (keyword: string, name: string, range: Range): void => {
      const why = secretLike(name);
      if (why === null) return;
      report({ message: `Potentially sensitive data should not be used in the \`ARG\` or \`ENV\` commands: ${keyword} "${name}" looks like a secret (${why})`, range });
    };
    for (const node of nodesOf(model, ['ARG', 'ENV'])) {
      if (node.keyword === 'ARG') {
        for (const def of argDefinitions(model, node.syntax)) flag('ARG', def.name, def.nameRange);
      } else {
        for (const p of node.syntax.properties) flag('ENV', p.name, p.nameRange);
      }
    }
  },
});
