import { closestMatch, defineRule } from '../../src/rule-api.js';

/** Every rule code of hadolint 2.15 (71 rules). Pragmas read by hadolint may name them even when dockwise has no such rule. */
const HADOLINT_CODES: ReadonlySet<string> = new Set([
  'DL1001',
  ...['3000', '3001', '3002', '3003', '3004'],
  ...range(3006, 3016),
  ...range(3018, 3030),
  ...range(3032, 3038),
  ...range(3040, 3067),
  ...['4000', '4001', '4003', '4004', '4005', '4006'],
].map((c) => (c.startsWith('DL') ? c : `DL${c}`)));

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

const SHELLCHECK = /^SC\d{4}$/;

export default defineRule({
  code: 'DW5902',
  name: 'unknown-rule-in-suppression',
  severity: 'warning',
  category: 'correctness',
  source: 'dockwise',
  fixable: false,
  phase: 'post',
  docs: {
    summary: 'Ignore pragmas should name rules that exist',
    what: 'Flags a code in a `# hadolint ignore=`, `# dockwise ignore=` or `global ignore=` pragma that names no dockwise rule: a typo (`DL3O08`), a wrong case (`dl3008`), or a rule that does not exist. ShellCheck codes (`SC2086`) are accepted, and so are hadolint\'s own codes in `# hadolint` pragmas.',
    why: 'A pragma with a misspelled code silences nothing, so the finding it was meant for is still reported, or, worse, the author believes a rule is silenced that is not. Rule codes are case-sensitive.',
    examples: [
      { bad: 'FROM alpine:3.20\n# hadolint ignore=DL9999\nRUN apk add --no-cache curl', good: 'FROM alpine:3.20\n# hadolint ignore=SC2086\nRUN apk add --no-cache curl' },
    ],
    exceptions: 'ShellCheck codes (`SC` and four digits) are always accepted, since hadolint users have them in their pragmas. In `# hadolint` pragmas, codes of hadolint 2.15 rules that dockwise does not implement are accepted too; `# dockwise` pragmas must name dockwise rules. Retired hadolint codes (DL3005, DL3017, DL3031, DL3039) are reported: no tool checks them any more.',
    equivalents: ['Ruff RUF102 (invalid-rule-code in noqa)'],
    references: ['https://github.com/hadolint/hadolint#inline-ignores'],
  },
  check({ model, suppressionInfo, report }) {
    if (!suppressionInfo) return;
    const known = suppressionInfo.knownCodes;
    const candidates = [...known];
    const hints = new Map<string, string>();
    const hintFor = (code: string): string => {
      let hint = hints.get(code);
      if (hint === undefined) {
        const exactCase = candidates.find((k) => k.toLowerCase() === code.toLowerCase());
        const suggestion = exactCase ?? (code.length <= 40 ? closestMatch(code, candidates) : null);
        hint = exactCase ? `; rule codes are case-sensitive: did you mean ${exactCase}?` : suggestion ? `; did you mean ${suggestion}?` : '';
        hints.set(code, hint);
      }
      return hint;
    };
    for (const p of model.pragmas) {
      if (p.kind === 'shell') continue;
      for (const c of p.codes) {
        if (known.has(c.code) || SHELLCHECK.test(c.code)) continue;
        if (p.tool === 'hadolint' && HADOLINT_CODES.has(c.code)) continue;
        report({ message: `Unknown rule ${JSON.stringify(c.code)} in ${p.tool} ignore pragma: it silences nothing${hintFor(c.code)}`, range: c.range });
      }
    }
  },
});
