import { BUILDER_FLAGS, closestMatch, defineRule, knownFlags, nodesWithBuilderFlags } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5002',
  name: 'unknown-flag',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Unknown or misspelt instruction flag',
    what: 'Flags a `--flag` that the instruction does not accept: a typo (`--platfrom`), the wrong case (`--Chown`; flag names are case-sensitive), a flag of another instruction (`ADD --from`, `COPY --mount`), or any `--word` right after an instruction that takes no flags (`ENV --x=1`, `CMD --help`). Known flags follow BuildKit\'s current reference: FROM `--platform`; RUN `--mount`, `--network`, `--security`, `--device`; COPY `--from`, `--chown`, `--chmod`, `--link`, `--parents`, `--exclude`; ADD `--chown`, `--chmod`, `--link`, `--keep-git-dir`, `--checksum`, `--exclude`, `--unpack`; HEALTHCHECK `--interval`, `--timeout`, `--start-period`, `--start-interval`, `--retries`.',
    why: 'BuildKit reads every leading `--word` of an instruction as a flag and fails the build on one it does not know ("unknown flag: platfrom"). The rest of the file is still linted; the finding only marks the flag.',
    examples: [
      { bad: 'FROM --platfrom=linux/amd64 alpine:3.20', good: 'FROM --platform=linux/amd64 alpine:3.20' },
      { bad: 'FROM alpine:3.20\nADD --from=builder /out /app', good: 'FROM alpine:3.20\nCOPY --from=builder /out /app' },
      { bad: 'FROM alpine:3.20\nCMD --help', good: 'FROM alpine:3.20\nCMD ["app", "--help"]' },
    ],
    exceptions: 'Flags of `HEALTHCHECK NONE` are not read by the builder and are not checked. Some flags (`RUN --device`, `RUN --security`) need the labs channel of the Dockerfile frontend; they are known, not flagged.',
    equivalents: ['dockerfile-utils UNKNOWN_ADD_FLAG', 'dockerfile-utils UNKNOWN_COPY_FLAG', 'dockerfile-utils UNKNOWN_FROM_FLAG', 'dockerfile-utils UNKNOWN_HEALTHCHECK_FLAG', 'hadolint DL1000 (fatal parse error)'],
  },
  check({ model, report }) {
    // Only instructions with flags can have a flag problem (a per-model list shared by the flag rules).
    for (const { node, flags } of nodesWithBuilderFlags(model)) {
      const s = node.syntax;
      if (s.keyword === 'HEALTHCHECK' && s.args[0]?.value.toUpperCase() === 'NONE') continue;
      const known = knownFlags(s.keyword);
      for (const f of flags) {
        if (f.name === '' && f.value === null) continue; // a bare `--` ends the flags
        if (Object.prototype.hasOwnProperty.call(known, f.name)) continue;
        // (Listed only for an unknown flag: most instructions have none.)
        const names = Object.keys(known);
        let hint = '';
        const exact = names.find((n) => n === f.name.toLowerCase());
        if (exact) hint = ` (flag names are case-sensitive: use --${exact})`;
        else {
          const guess = closestMatch(f.name, names);
          if (guess) hint = ` (did you mean --${guess}?)`;
          else {
            const owner = Object.keys(BUILDER_FLAGS).find((k) => Object.prototype.hasOwnProperty.call(BUILDER_FLAGS[k], f.name.toLowerCase()));
            if (owner) hint = ` (--${f.name.toLowerCase()} is a flag of ${owner})`;
            else if (names.length === 0) hint = ` (${s.keyword} takes no flags)`;
          }
        }
        const end = f.name === '' ? f.range.end : f.nameRange.end;
        report({ message: `Unknown flag for ${s.keyword}: --${f.name}${hint}`, range: { start: f.range.start, end } });
      }
    }
  },
});
