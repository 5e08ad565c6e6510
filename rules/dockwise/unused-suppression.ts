import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW5901',
  name: 'unused-suppression',
  severity: 'info',
  category: 'maintainability',
  source: 'dockwise',
  fixable: false,
  phase: 'post',
  docs: {
    summary: 'Remove ignore pragmas that silence nothing',
    what: 'Flags a rule code in a `# hadolint ignore=` / `# dockwise ignore=` pragma that silenced no finding on the instruction after it, a code in a `# hadolint global ignore=` / `# dockwise global ignore=` pragma that silenced nothing in the whole file, and an ignore pragma that no instruction follows. The range is the code in the pragma (the whole comment for a pragma that no instruction follows).',
    why: 'A stale pragma hides the next real finding of that rule on the same instruction, and it tells readers about a problem that is no longer there. Pragmas outlive the code they were written for: the instruction was fixed or moved, or the pragma was put above the wrong line.',
    examples: [
      { bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n# hadolint ignore=DL3018', good: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl' },
    ],
    exceptions: 'Only codes of rules that ran are judged: a rule switched off in the configuration (`ignored`, or an opt-in rule not enabled), a BuildKit check skipped by `# check=skip=`, a ShellCheck code (`SC2086`) or a hadolint rule dockwise does not implement may well be needed by another tool, and is not reported (unknown codes are DW5902\'s finding). Codes of DW5901 and DW5902 themselves are not judged. Nothing is reported under `disable-ignore-pragma`. A code can be silenced for dockwise but needed by hadolint when the two tools disagree about an instruction; keep such pragmas and ignore DW5901 for them with `# dockwise global ignore=DW5901`.',
    equivalents: ['ESLint --report-unused-disable-directives', 'Ruff RUF100 (unused-noqa)'],
    references: ['https://eslint.org/docs/latest/use/command-line-interface#--report-unused-disable-directives', 'https://docs.astral.sh/ruff/rules/unused-noqa/'],
  },
  check({ suppressionInfo, report }) {
    if (!suppressionInfo || !suppressionInfo.pragmasHonoured) return;
    for (const u of suppressionInfo.unused) {
      if (u.pragma.kind === 'ignore' && u.pragma.targetLine < 0) continue;
      const where = u.pragma.kind === 'global-ignore' ? 'anywhere in this file' : 'on the instruction after this pragma';
      report({ message: `Unused suppression: ${u.code} reports nothing ${where}; remove ${u.code} from the pragma`, range: u.range });
    }
    for (const p of suppressionInfo.dangling) {
      report({ message: 'Unused suppression: no instruction follows this ignore pragma, so it silences nothing; remove it or move it above the instruction it is meant for', range: p.range });
    }
  },
});
