import { defineRule } from '../../src/rule-api.js';
import type { Instruction, Range, Word } from '../../src/rule-api.js';

/** Instructions that BuildKit accepts without arguments. */
const MAY_BE_EMPTY = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
/** Keywords whose argument checks live in other rules (or that are unknown). */
const KNOWN = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** Arguments of an instruction without heredoc bodies and terminators. */
function wordsOutsideHeredocs(s: Instruction): Word[] {
  if (s.heredocs.length === 0) return s.args;
  return s.args.filter((w) =>
    s.heredocs.every((h) => {
      const from = h.contentRange?.start ?? h.endRange?.start;
      if (!from) return true;
      const to = h.endRange?.end ?? h.contentRange?.end ?? from;
      return before(w.range.start, from) || before(to, w.range.start);
    }),
  );
}

function span(ws: readonly Word[]): Range | null {
  const a = ws[0];
  const b = ws[ws.length - 1];
  return a && b ? { start: a.range.start, end: b.range.end } : null;
}

export default defineRule({
  code: 'DW5006',
  name: 'instruction-arity',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Wrong number of arguments for an instruction',
    what: 'Flags an instruction without arguments (`EXPOSE`, `WORKDIR`, `ENV`, `VOLUME []` …), a FROM with other than one or three words or whose second word is not `AS`, a COPY or ADD with fewer than a source and a destination, `HEALTHCHECK NONE` followed by anything, `HEALTHCHECK CMD` without a command, and an empty path in `VOLUME [""]`.',
    why: 'The builder rejects each of these ("FROM requires either one or three arguments", "COPY requires at least two arguments", "HEALTHCHECK NONE takes no arguments"). A FROM like `FROM node:22 builder` usually lost its `AS`.',
    examples: [
      { bad: 'FROM node:22 builder', good: 'FROM node:22 AS builder' },
      { bad: 'FROM alpine:3.20\nCOPY app.tar.gz', good: 'FROM alpine:3.20\nCOPY app.tar.gz /tmp/' },
      { bad: 'FROM alpine:3.20\nHEALTHCHECK NONE CMD true', good: 'FROM alpine:3.20\nHEALTHCHECK NONE' },
    ],
    exceptions: 'RUN, CMD and ENTRYPOINT may be empty for BuildKit and are not flagged. USER, WORKDIR, STOPSIGNAL and MAINTAINER take the rest of the line as one value, so spaces there are not extra arguments (dockerfilelint\'s extra_args is wrong about that). ENV, LABEL and ARG pairs are checked by DW5019.',
    equivalents: ['dockerfile-utils ARGUMENT_MISSING', 'dockerfile-utils ARGUMENT_REQUIRES_AT_LEAST_TWO', 'dockerfile-utils ARGUMENT_REQUIRES_ONE_OR_THREE', 'dockerfile-utils INVALID_AS', 'dockerfile-utils ARGUMENT_UNNECESSARY', 'dockerfile-utils HEALTHCHECK_CMD_ARGUMENT_MISSING', 'dockerfilelint required_params', 'dockerfilelint missing_args'],
  },
  check({ model, report }) {
    for (const node of model.nodes) {
      const s = node.syntax;
      const k = s.keyword;
      if (!KNOWN.has(k) || MAY_BE_EMPTY.has(k)) continue;
      const args = s.json ?? wordsOutsideHeredocs(s);
      if (args.length === 0 && s.heredocs.length === 0) {
        const flagsOnly = s.flags.length > 0 ? ' after its flags' : '';
        const what = k === 'COPY' || k === 'ADD' ? 'at least two arguments (sources and a destination)' : 'at least one argument';
        report({ message: `${k} requires ${what}${flagsOnly}`, range: s.json ? (s.argsRange ?? s.keywordRange) : s.keywordRange });
        continue;
      }
      switch (k) {
        case 'FROM': {
          const [, second] = s.args;
          if (s.args.length === 3 && second && second.value.toLowerCase() !== 'as') {
            report({ message: `Second argument of FROM should be AS, not "${second.value}"`, range: second.range });
          } else if (s.args.length !== 1 && s.args.length !== 3) {
            const extra = span(s.args.slice(1));
            const hint = s.args.length === 2 && second && second.value.toLowerCase() === 'as' ? ': the stage name after AS is missing' : s.args.length === 2 ? ' (is AS missing before the stage name?)' : '';
            report({ message: `FROM requires either one or three arguments${hint}`, range: extra ?? s.keywordRange });
          }
          break;
        }
        case 'COPY':
        case 'ADD':
          if (args.length < 2) {
            report({ message: `${k} requires at least two arguments: one or more sources and a destination`, range: (s.json ? s.argsRange : span(args)) ?? s.keywordRange });
          }
          break;
        case 'HEALTHCHECK': {
          const [type, ...rest] = s.args;
          if (!type) break;
          const t = type.value.toUpperCase();
          if (t === 'NONE' && rest.length > 0) report({ message: 'HEALTHCHECK NONE takes no arguments', range: span(rest) ?? type.range });
          else if (t === 'CMD' && rest.length === 0) report({ message: 'Missing command after HEALTHCHECK CMD', range: type.range });
          break;
        }
        case 'VOLUME':
          if (s.json) {
            for (const w of s.json) if (w.value.trim() === '') report({ message: 'VOLUME paths can not be empty strings', range: w.range });
          }
          break;
        default:
          break;
      }
    }
  },
});
