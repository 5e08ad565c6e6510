import { closestMatch, defineRule, knownFlags, nodesWithBuilderFlags } from '../../src/rule-api.js';

const NETWORK_MODES = ['default', 'none', 'host'];
const SECURITY_MODES = ['sandbox', 'insecure'];
const DIGEST_HEX: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** Problem with an ADD --checksum value, or null. */
function checksumProblem(value: string): string | null {
  const colon = value.indexOf(':');
  if (colon < 0) {
    // A git commit for git sources (`ADD --checksum=<commit> https://…git`).
    return /^[0-9a-f]{7,64}$/.test(value) ? null : 'expected <algorithm>:<hex digest>, e.g. sha256:…';
  }
  const algo = value.slice(0, colon);
  const hex = value.slice(colon + 1);
  const want = DIGEST_HEX[algo];
  if (want === undefined) return `unsupported digest algorithm "${algo}" (use sha256, sha384 or sha512)`;
  if (!/^[0-9a-f]*$/.test(hex)) return 'the digest must be lowercase hexadecimal';
  if (hex.length !== want) return `a ${algo} digest has ${want} hex characters, not ${hex.length}`;
  return null;
}

export default defineRule({
  code: 'DW5004',
  name: 'flag-value',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Flag without a value or with an invalid value',
    what: 'Flags a value flag written without `=value` (`COPY --chown app /app`), a boolean flag with an empty or non-boolean value (`--link=yes`; only `true`/`false` or no value), an unsupported `RUN --network` (default, none, host) or `RUN --security` (sandbox, insecure) mode, and an `ADD --checksum` that is not `sha256:`/`sha384:`/`sha512:` plus a digest of the right length (or a git commit).',
    why: 'BuildKit fails the build on each of these ("Missing a value on flag", "Expecting boolean value for flag link, not: yes", "unsupported network mode"). A flag without `=` is easy to write by analogy with command-line tools, where `--chown app` would take the next word as its value.',
    examples: [
      { bad: 'FROM alpine:3.20\nCOPY --chown app /src /app', good: 'FROM alpine:3.20\nCOPY --chown=app /src /app' },
      { bad: 'FROM alpine:3.20\nCOPY --link=yes /src /app', good: 'FROM alpine:3.20\nCOPY --link /src /app' },
      { bad: 'FROM alpine:3.20\nRUN --network=off wget -q https://example.com', good: 'FROM alpine:3.20\nRUN --network=none ./offline-test.sh' },
    ],
    exceptions: 'Values that hold a variable (`--checksum=$SUM`) are not checked. HEALTHCHECK durations and `--mount` options have their own rules (DW5011, DW5005).',
    equivalents: ['dockerfile-utils FLAG_MISSING_VALUE', 'dockerfile-utils FLAG_EXPECTED_BOOLEAN_VALUE', 'dockerfilelint healthcheck_options_missing_args'],
  },
  check({ model, report }) {
    // Only instructions with flags can have a flag problem (a per-model list shared by the flag rules).
    for (const { node, flags } of nodesWithBuilderFlags(model)) {
      const s = node.syntax;
      if (s.keyword === 'HEALTHCHECK' && s.args[0]?.value.toUpperCase() === 'NONE') continue;
      const known = knownFlags(s.keyword);
      for (const f of flags) {
        const kind = Object.prototype.hasOwnProperty.call(known, f.name) ? known[f.name] : undefined;
        if (kind === undefined) continue;
        const valueRange = f.valueRange ?? f.range;
        if (kind === 'bool') {
          if (f.value === '') report({ message: `Missing a value on flag: --${f.name} (write --${f.name} or --${f.name}=true)`, range: f.range });
          else if (f.value !== null && !['true', 'false'].includes(f.value.toLowerCase())) {
            report({ message: `Expecting boolean value for flag --${f.name}, not: ${f.value}`, range: valueRange });
          }
          continue;
        }
        if (f.value === null) {
          report({ message: `Missing a value on flag: --${f.name} (write --${f.name}=<value>)`, range: f.nameRange });
          continue;
        }
        const value = f.value;
        if (value.includes('$')) continue;
        if (s.keyword === 'RUN' && f.name === 'network' && !NETWORK_MODES.includes(value)) {
          const guess = closestMatch(value, NETWORK_MODES);
          report({ message: `Unsupported network mode "${value}" (use ${NETWORK_MODES.join(', ')})${guess ? `; did you mean ${guess}?` : ''}`, range: valueRange });
        } else if (s.keyword === 'RUN' && f.name === 'security' && !SECURITY_MODES.includes(value)) {
          report({ message: `Unsupported security mode "${value}" (use sandbox or insecure)`, range: valueRange });
        } else if (s.keyword === 'ADD' && f.name === 'checksum' && value !== '') {
          const problem = checksumProblem(value);
          if (problem) report({ message: `Invalid --checksum "${value}": ${problem}`, range: valueRange });
        }
      }
    }
  },
});
