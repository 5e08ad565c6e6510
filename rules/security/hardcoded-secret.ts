import {
  defineRule,
  commandsRunning,
  parseArgs,
  recogniseDownload,
  shellRange,
  wordRange,
  type DockerfileModel,
  type EffectiveCommand,
  type InstructionNode,
  type Range,
  type ShellWord,
  type SimpleCommand,
} from '../../src/rule-api.js';

interface Hit {
  message: string;
  range: Range;
}

// ------------------------------------------------------------------ token formats


/** Formats that identify a credential by themselves (anchored, applied to one token or dot-separated part). */
const PART_FORMATS: readonly { re: RegExp; what: string }[] = [
  { re: /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/, what: 'an AWS access key ID' },
  { re: /^gh[pousr]_[A-Za-z0-9]{36,251}$/, what: 'a GitHub token' },
  { re: /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/, what: 'a GitHub fine-grained token' },
  { re: /^glpat-[A-Za-z0-9_-]{20,64}$/, what: 'a GitLab personal access token' },
  { re: /^xox[baprs]-[0-9]{6,}-[A-Za-z0-9-]{6,}$/, what: 'a Slack token' },
  { re: /^(?:sk|rk)_live_[A-Za-z0-9]{20,}$/, what: 'a Stripe live secret key' },
  { re: /^AIza[A-Za-z0-9_-]{35}$/, what: 'a Google API key' },
  { re: /^npm_[A-Za-z0-9]{36}$/, what: 'an npm access token' },
  { re: /^pypi-AgE[A-Za-z0-9_-]{50,}$/, what: 'a PyPI API token' },
  { re: /^sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{40,}$/, what: 'an Anthropic API key' },
  { re: /^dckr_pat_[A-Za-z0-9_-]{20,}$/, what: 'a Docker Hub access token' },
  { re: /^hf_[A-Za-z]{34}$/, what: 'a Hugging Face token' },
  { re: /^do[por]_v1_[a-f0-9]{64}$/, what: 'a DigitalOcean token' },
];

/** Formats that span dots, applied to the whole token. */
const TOKEN_FORMATS: readonly { re: RegExp; what: string }[] = [
  { re: /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/, what: 'a JSON Web Token' },
  { re: /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/, what: 'a SendGrid API key' },
];

/** Documentation keys and obvious fillers (`AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`). */
function fillerToken(tok: string): boolean {
  if (/example|sample|dummy|placeholder|your|redacted|fake|test/i.test(tok)) return true;
  const body = tok.replace(/^[a-z]+[_-]/i, '');
  if (/(.)\1{7}/.test(body)) return true;
  return /0123456789|123456789|abcdefgh/i.test(body);
}

function tokenFormat(tok: string): string | null {
  for (const f of TOKEN_FORMATS) if (f.re.test(tok)) return fillerToken(tok) ? null : f.what;
  if (tok.startsWith('sk-') && tok.includes('T3BlbkFJ') && /^sk-[A-Za-z0-9_-]{20,}$/.test(tok)) return fillerToken(tok) ? null : 'an OpenAI API key';
  return null;
}

function partFormat(part: string): string | null {
  for (const f of PART_FORMATS) if (f.re.test(part)) return fillerToken(part) ? null : f.what;
  return null;
}

/** First characters of the credential formats (every format is anchored on a literal prefix). */
const TOKEN_FIRST = new Set(['e', 'S', 's']);
const PART_FIRST = new Set(['A', 'g', 'x', 's', 'r', 'n', 'p', 'd', 'h']);

/** The characters of a candidate token, `[A-Za-z0-9_.-]`, by ASCII code (1 = part of a token). */
const TOKEN_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 ? 1 : 0;
  return t;
})();

function tokenChar(c: number): boolean {
  return c < 128 && TOKEN_CHAR[c] === 1;
}

/** Known-format tokens in `text` between offsets `from` and `to`: offsets relative to `from`. */
function formatHits(text: string, from: number, to: number): { start: number; end: number; what: string }[] {
  const out: { start: number; end: number; what: string }[] = [];
  // Candidate tokens: maximal runs of word characters, dots and dashes (a linear scan over char
  // codes of the file text itself, no copy; only tokens long enough to be a credential are sliced).
  let i = from;
  while (i < to) {
    if (!tokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && tokenChar(text.charCodeAt(i))) i++;
    // Tokens longer than any credential format are skipped (and keep the per-token tests cheap).
    if (i - start < 20 || i - start > 2048) continue;
    const tok = text.slice(start, i);
    const at = start - from;
    // Every format starts with a fixed letter: tokens starting otherwise cannot match one.
    const whole = TOKEN_FIRST.has(tok.charAt(0)) ? tokenFormat(tok) : null;
    if (whole !== null) {
      out.push({ start: at, end: at + tok.length, what: whole });
      continue;
    }
    let offset = 0;
    for (const part of tok.split('.')) {
      const what = part.length >= 20 && PART_FIRST.has(part.charAt(0)) ? partFormat(part) : null;
      if (what !== null) out.push({ start: at + offset, end: at + offset + part.length, what });
      offset += part.length + 1;
    }
  }
  return out;
}

// ------------------------------------------------------------------ private keys

/** PEM private keys with a literal body (a header followed by base64, not by `$KEY`). */
function privateKeyHits(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // Every header contains this text: most instructions need no regex scan at all.
  if (!text.includes('PRIVATE KEY')) return out;
  const header = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g;
  for (let m = header.exec(text); m !== null; m = header.exec(text)) {
    let i = m.index + m[0].length;
    let body = 0;
    const limit = Math.min(text.length, i + 400);
    while (i < limit) {
      const c = text[i] ?? '';
      if (/[A-Za-z0-9+/=]/.test(c)) body++;
      else if (c === '\\' && (text[i + 1] === 'n' || text[i + 1] === '\n' || text[i + 1] === '\r')) i++;
      else if (!/[\s"']/.test(c)) break;
      i++;
    }
    if (body < 40) continue;
    // The END line, looked for within 20,000 characters (keeps the scan linear).
    const window = text.slice(i, i + 20000);
    const endMarker = window.indexOf('PRIVATE KEY');
    const dashes = endMarker >= 0 ? window.indexOf('-----', endMarker) : -1;
    const endDashes = dashes >= 0 ? i + dashes : -1;
    out.push({ start: m.index, end: endDashes >= 0 ? endDashes + 5 : i });
    header.lastIndex = Math.max(header.lastIndex, endDashes >= 0 ? endDashes + 5 : i);
  }
  return out;
}

// ------------------------------------------------------------------ passwords

const PLACEHOLDER_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'secret', 'token', 'key', 'apikey', 'api_key', 'changeme', 'change_me', 'change-me', 'changeit',
  'example', 'placeholder', 'redacted', 'dummy', 'fake', 'foo', 'bar', 'baz', 'xxx', 'none', 'null', 'empty', 'mypassword', 'yourpassword',
  'your_password', 'your-password', 'user', 'username', 'admin_password', 'db_password', 'secretpassword',
]);

/** True when a password value is a placeholder or not a literal at all. */
function placeholderSecret(value: string): boolean {
  const v = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (v.length < 2) return true;
  if (/[$`]|\{\{|%s|%\(|^<.*>$|^\[.*\]$|^\{.*\}$/.test(v)) return true;
  if (/^(?:\*+|x+|\.+|_+|-+|#+)$/i.test(v)) return true;
  if (v.startsWith('/') || v.startsWith('./')) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  return /example|placeholder|changeme|change_me|your[_-]?(?:pass|token|key|secret)|redacted|dummy|\.\.\./i.test(v);
}

function localHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h.startsWith('127.') || h === '0.0.0.0' || h === '[::1]';
}

const USER_STOP = new Set([' ', '\t', '\n', '\r', ':', '/', '@', "'", '"', '`', '?', '#', '\\', '(', ')', ';', '|', '&', '<', '>']);
const PASS_STOP = new Set([' ', '\t', '\n', '\r', '/', '@', "'", '"', '`', '?', '#', '\\', '(', ')', ';', '|', '&', '<', '>']);

/** `scheme://user:password@host` with a literal password: offsets of the password. */
function urlCredentialHits(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let i = at + 3;
    const userStart = i;
    while (i < text.length && i - userStart < 256 && !USER_STOP.has(text[i] ?? ' ')) i++;
    if (text[i] !== ':') continue;
    const user = text.slice(userStart, i);
    const passStart = ++i;
    while (i < text.length && i - passStart < 256 && !PASS_STOP.has(text[i] ?? ' ')) i++;
    if (text[i] !== '@' || i === passStart) continue;
    const password = text.slice(passStart, i);
    let h = i + 1;
    while (h < text.length && h - i < 256 && /[A-Za-z0-9.\-[\]:_]/.test(text[h] ?? ' ')) h++;
    const host = text.slice(i + 1, h).replace(/:\d+$/, '');
    if (placeholderSecret(password) || password.toLowerCase() === user.toLowerCase() || localHost(host) || user.includes('$')) continue;
    out.push({ start: passStart, end: i });
  }
  return out;
}

// ------------------------------------------------------------------ commands

const MYSQL_CLIENTS = new Set(['mysql', 'mysqladmin', 'mysqldump', 'mysqlimport', 'mysqlshow', 'mysqlcheck', 'mariadb', 'mariadb-admin', 'mariadb-dump', 'mysqlsh']);
const LOGIN_TOOLS = new Set(['docker', 'podman', 'buildah', 'nerdctl', 'skopeo', 'oras', 'helm', 'crane', 'regctl']);

/** The value part of a word: the text after `prefix` when the word is written plainly, else the whole word. */
function valueRange(node: InstructionNode, w: ShellWord, prefixLength: number): Range {
  if (w.value !== null && w.value === w.text) return shellRange(node, w.start + prefixLength, w.end);
  return wordRange(node, w);
}

/** The programs commandHits looks at. */
const COMMAND_PROGRAMS: readonly string[] = ['sshpass', ...LOGIN_TOOLS, ...MYSQL_CLIENTS, 'htpasswd', 'chpasswd', 'curl', 'wget'];

function commandHits(node: InstructionNode, cmd: SimpleCommand, eff: EffectiveCommand, all: readonly SimpleCommand[]): Hit[] {
  const hits: Hit[] = [];
  const name = eff.name === null ? null : eff.name.replace(/^.*\//, '');
  if (name === null) return hits;
  const literal = (v: string | null): v is string => v !== null && !placeholderSecret(v);

  if (name === 'sshpass') {
    const { flags } = parseArgs(eff, { values: ['-p', '-f', '-d', '-P'], stopAtPositional: true });
    for (const f of flags) if (f.name === '-p' && literal(f.value)) hits.push({ message: 'sshpass -p puts an SSH password in the Dockerfile and the image history', range: wordRange(node, f.valueWord ?? f.word) });
  } else if (LOGIN_TOOLS.has(name)) {
    const { flags, positionals } = parseArgs(eff, { values: ['-p', '--password', '-u', '--username', '--authfile', '--cert-dir'] });
    const sub = positionals.map((p) => p.value);
    if (sub[0] === 'login' || (sub[0] === 'registry' && sub[1] === 'login') || sub[0] === 'auth') {
      for (const f of flags) {
        if ((f.name === '-p' || f.name === '--password') && literal(f.value)) hits.push({ message: `${name} login with a literal password puts the registry password in the Dockerfile and the image history`, range: wordRange(node, f.valueWord ?? f.word) });
      }
    }
  } else if (MYSQL_CLIENTS.has(name)) {
    for (const w of eff.args) {
      const v = w.value;
      if (v === null) continue;
      if (v.startsWith('--password=') && literal(v.slice(11))) hits.push({ message: `${name} --password with a literal password puts it in the Dockerfile and the image history`, range: valueRange(node, w, 11) });
      else if (/^-p./.test(v) && literal(v.slice(2))) hits.push({ message: `${name} -p with a literal password puts it in the Dockerfile and the image history`, range: valueRange(node, w, 2) });
    }
  } else if (name === 'htpasswd') {
    const { flags, positionals } = parseArgs(eff, { values: ['-C', '-r'] });
    const batch = flags.some((f) => f.name === '-b');
    const stdout = flags.some((f) => f.name === '-n');
    const pw = positionals[stdout ? 1 : 2];
    if (batch && positionals.length === (stdout ? 2 : 3) && pw && literal(pw.value)) hits.push({ message: 'htpasswd -b with a literal password puts it in the Dockerfile and the image history', range: wordRange(node, pw) });
  } else if (name === 'chpasswd') {
    hits.push(...chpasswdHits(node, cmd, eff, all));
  } else if (name === 'curl' || name === 'wget') {
    const dl = recogniseDownload(cmd);
    for (const f of dl?.flags ?? []) {
      if (f.value === null) continue;
      let password: string | null = null;
      let prefix = 0;
      if (name === 'curl' && (f.name === '-u' || f.name === '--user' || f.name === '-U' || f.name === '--proxy-user')) {
        const colon = f.value.indexOf(':');
        if (colon < 0) continue;
        password = f.value.slice(colon + 1);
        if (password.toLowerCase() === f.value.slice(0, colon).toLowerCase()) continue;
        prefix = colon + 1;
      } else if (name === 'wget' && ['--password', '--http-password', '--ftp-password', '--proxy-password'].includes(f.name)) {
        password = f.value;
      }
      if (!literal(password)) continue;
      const urls = dl?.urls.map((u) => u.value ?? '') ?? [];
      if (urls.length > 0 && urls.every((u) => /^[a-z]+:\/\/(?:[^/@]*@)?(?:localhost|127\.[0-9.]+)(?::|\/|$)/i.test(u))) continue;
      const vw = f.valueWord ?? f.word;
      const exact = vw.value !== null && vw.value === vw.text && vw.value.endsWith(f.value);
      hits.push({ message: `${name} ${f.name} with a literal password puts it in the Dockerfile and the image history`, range: exact ? shellRange(node, vw.end - f.value.length + prefix, vw.end) : wordRange(node, vw) });
    }
  }
  return hits;
}

/** `echo 'root:pw' | chpasswd`, `chpasswd <<< 'root:pw'`, and heredocs with literal `user:password` lines. */
function chpasswdHits(node: InstructionNode, cmd: SimpleCommand, eff: EffectiveCommand, all: readonly SimpleCommand[]): Hit[] {
  const hits: Hit[] = [];
  const encrypted = eff.args.some((a) => a.value === '-e' || a.value === '--encrypted');
  const what = encrypted ? 'a password hash' : 'a password';
  const pairs = (w: ShellWord): boolean => {
    if (w.value === null) return false;
    const lines = w.value.split(/\\n|\n/).filter((l) => l.trim() !== '');
    return lines.length > 0 && lines.every((l) => {
      const colon = l.indexOf(':');
      return colon > 0 && !placeholderSecret(l.slice(colon + 1));
    });
  };
  if (cmd.pipelineId !== null && cmd.pipelineId !== undefined && (cmd.pipelineIndex ?? 0) > 0) {
    for (const c of all) {
      if (c.pipelineId !== cmd.pipelineId || (c.pipelineIndex ?? 0) >= (cmd.pipelineIndex ?? 0)) continue;
      const n = c.name === null ? null : c.name.replace(/^.*\//, '');
      if (n !== 'echo' && n !== 'printf') continue;
      for (const w of c.args) {
        if (w.value !== null && w.value.startsWith('-')) continue;
        if (pairs(w)) hits.push({ message: `chpasswd sets ${what} written in the Dockerfile: it is readable in the image history`, range: wordRange(node, w) });
      }
    }
  }
  for (const r of cmd.redirects) {
    if (r.operator === '<<<' && r.target && pairs(r.target)) hits.push({ message: `chpasswd sets ${what} written in the Dockerfile: it is readable in the image history`, range: wordRange(node, r.target) });
  }
  for (const h of cmd.heredocs) {
    if (!h.quoted && h.body.includes('$')) continue;
    const body: ShellWord = { text: h.body, value: h.body, start: h.bodyStart, end: h.bodyEnd };
    if (pairs(body)) hits.push({ message: `chpasswd sets ${what} written in the Dockerfile: it is readable in the image history`, range: shellRange(node, h.bodyStart, Math.max(h.bodyStart, h.bodyEnd - 1)) });
  }
  return hits;
}

/** Text hits (formats, private keys, URL passwords) in one instruction's text. */
function textHits(model: DockerfileModel, start: number, end: number): Hit[] {
  const text = model.text.slice(start, end);
  const hits: Hit[] = [];
  const at = (s: number, e: number): Range => model.lines.rangeAt(start + s, start + e);
  const taken = formatHits(model.text, start, end);
  for (const h of taken) hits.push({ message: `This looks like ${h.what}: a credential written in the Dockerfile ships in the image metadata or history; pass it with a build secret instead`, range: at(h.start, h.end) });
  for (const h of privateKeyHits(text)) hits.push({ message: 'A private key is written in the Dockerfile: it ships in the image history; mount it with RUN --mount=type=secret or --mount=type=ssh instead', range: at(h.start, h.end) });
  for (const h of urlCredentialHits(text)) if (!taken.some((t) => t.start < h.end && h.start < t.end)) hits.push({ message: 'A password is written in this URL: it ships in the image metadata or history; pass credentials with a build secret instead', range: at(h.start, h.end) });
  return hits;
}

/**
 * A cheap necessary condition for any text hit, native regex and substring tests over the whole
 * file text: the literal prefix of a credential format at the start of a token or of a dot-separated
 * part (every format is anchored on one), a private-key header, or `://user:password@`. Most files
 * have none, and need no scan instruction by instruction.
 */
export function mayHaveTextHits(text: string): boolean {
  return FORMAT_PREFIX.test(text) || text.includes('PRIVATE KEY') || URL_CREDENTIAL.test(text);
}

/** The prefixes of PART_FORMATS (at a token start or after a dot) and of the whole-token formats. */
const FORMAT_PREFIX =
  /(?<![A-Za-z0-9_-])(?:AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|[sr]k_live_|AIza|npm_|pypi-AgE|sk-ant-|dckr_pat_|hf_|do[por]_v1_)|(?<![A-Za-z0-9_.-])(?:eyJ|SG\.|sk-)/;
/** `://`, a user (no USER_STOP character), `:`, a password (no PASS_STOP character), `@`. */
const URL_CREDENTIAL = /:\/\/[^ \t\n\r:/@'"`?#\\()|;&<>]*:[^ \t\n\r/@'"`?#\\()|;&<>]+@/;

/** Text hits of every instruction (formats, private keys, URL passwords). */
export function instructionTextHits(model: DockerfileModel): Hit[] {
  const out: Hit[] = [];
  for (const inst of model.syntax.instructions) for (const h of textHits(model, inst.start, inst.end)) out.push(h);
  return out;
}

export default defineRule({
  code: 'DW4001',
  name: 'hardcoded-secret',
  severity: 'error',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'Do not write credentials into the Dockerfile',
    what: 'Flags literal credentials anywhere in an instruction (ENV, ARG, LABEL, RUN and the others, heredocs included): tokens with a recognisable format (AWS access key IDs `AKIA…`, GitHub `ghp_…`/`github_pat_…`, GitLab `glpat-…`, Slack `xox…`, Stripe `sk_live_…`, Google `AIza…`, npm `npm_…`, PyPI `pypi-…`, OpenAI, Anthropic, Docker Hub `dckr_pat_…`, Hugging Face `hf_…`, DigitalOcean, SendGrid keys and JSON Web Tokens), PEM private keys with their body, passwords in URLs (`https://user:password@host`), and literal passwords given to `sshpass -p`, `docker login -p`, `mysql -p…`/`--password=`, `htpasswd -b`, `curl -u user:password`, `wget --password=` and `chpasswd`. The range is the secret itself.',
    why: 'A Dockerfile is committed to version control and its instructions are stored in the image: ENV and LABEL values in the image configuration, ARG values and RUN command lines in `docker history`. Anyone with access to the repository or the image can read the credential, and removing it later does not remove it from old commits and images. Pass secrets at build time with `RUN --mount=type=secret` and at run time through the orchestrator.',
    examples: [
      { bad: 'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAZ7Q3LRM2WQXJ5N4P', good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp s3://bucket/file /file' },
      { bad: 'FROM alpine:3.20\nRUN git clone https://ci-bot:s3cr3tPassw0rd@git.example.org/org/repo.git', good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=git,env=GIT_TOKEN git clone https://ci-bot:${GIT_TOKEN}@git.example.org/org/repo.git' },
      { bad: "FROM debian:12\nRUN echo 'root:Tr0ub4dor&3' | chpasswd", good: 'FROM debian:12\nRUN --mount=type=secret,id=rootpw,required=true chpasswd < /run/secrets/rootpw' },
    ],
    exceptions: 'Placeholders are not flagged: variable references (`${TOKEN}`, `$(cat /run/secrets/x)`), empty values, `<token>`, `{{ .Password }}`, `changeme`, `password`, `xxx`, `***`, paths such as `/run/secrets/db`, documentation keys (`AKIAIOSFODNN7EXAMPLE`) and repeated or sequential fillers. URL credentials to `localhost`, and those whose password equals the user name (default accounts such as `guest:guest`), are not flagged. Secret-looking variable names without a recognisable value are BuildKit\'s SecretsUsedInArgOrEnv finding.',
    equivalents: ['Checkov CKV_DOCKER_1005 (secret patterns in ENV/ARG)', 'Checkov CKV2_DOCKER_17 (chpasswd)', 'Trivy secret scanning (aws-access-key-id, github-pat, private-key, …)'],
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/'],
  },
  check({ model, report }) {
    if (mayHaveTextHits(model.text)) for (const h of instructionTextHits(model)) report(h);
    // Only these programs can give command hits (commandHits re-checks the name).
    for (const { node, cmd, eff } of commandsRunning(model, COMMAND_PROGRAMS)) {
      for (const h of commandHits(node, cmd, eff, node.run?.commands ?? [])) report(h);
    }
  },
});
