import { defineRule, nodesOf, removeQuotes } from '../../src/rule-api.js';

/** Signal names Linux containers know (moby's SignalMap), without the SIG prefix. */
const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR',
  'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'UNUSED', 'URG', 'USR1', 'USR2', 'VTALRM',
  'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

export default defineRule({
  code: 'DW5010',
  name: 'stopsignal-syntax',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid signal in STOPSIGNAL',
    what: 'Flags a STOPSIGNAL (after ARG/ENV substitution) that is neither a positive signal number nor a known signal name. Names are matched as the engine does: case-insensitive, with or without the `SIG` prefix (`SIGTERM`, `term`, `RTMIN+3`).',
    why: 'The builder rejects an unknown signal ("Invalid signal"). Because STOPSIGNAL takes the rest of the line as one value, `STOPSIGNAL SIG TERM` is one invalid signal, not two arguments.',
    examples: [
      { bad: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUITT', good: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT' },
      { bad: 'FROM nginx:1.27\nSTOPSIGNAL 0', good: 'FROM nginx:1.27\nSTOPSIGNAL 3' },
    ],
    exceptions: 'A variable whose value is unknown is skipped. dockerfile-utils requires the `SIG` prefix; the engine does not, and neither does this rule.',
    equivalents: ['dockerfile-utils INVALID_SIGNAL'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'STOPSIGNAL')) {
      const s = node.syntax;
      const first = s.args[0];
      const last = s.args[s.args.length - 1];
      if (!first || !last) continue;
      const raw = s.args.map((a) => a.value).join(' ');
      const resolved = node.resolve(raw);
      if (resolved === null) continue;
      const value = removeQuotes(resolved, model.escapeChar);
      let ok: boolean;
      if (/^[+-]?\d+$/.test(value)) ok = Number(value) !== 0;
      else {
        const up = value.toUpperCase();
        ok = SIGNALS.has(up.startsWith('SIG') ? up.slice(3) : up);
      }
      if (!ok) {
        const shown = value === raw ? `"${raw}"` : `"${raw}" (= "${value}")`;
        report({ message: `Invalid signal: ${shown}`, range: { start: first.range.start, end: last.range.end } });
      }
    }
  },
});
