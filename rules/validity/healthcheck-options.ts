import { defineRule, nodesOf } from '../../src/rule-api.js';

const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_FLAGS = ['interval', 'timeout', 'start-period', 'start-interval'];

/** Go's time.ParseDuration, in milliseconds; a string error when it fails. */
function parseDuration(s: string): number | string {
  let i = 0;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? -1 : 1;
    i = 1;
  }
  if (s.slice(i) === '0') return 0;
  if (i === s.length) return `invalid duration "${s}"`;
  let total = 0;
  while (i < s.length) {
    const numStart = i;
    while (i < s.length && /[0-9.]/.test(s[i] ?? '')) i++;
    const num = s.slice(numStart, i);
    if (num === '' || num === '.' || (num.match(/\./g) ?? []).length > 1) return `invalid duration "${s}"`;
    const unitStart = i;
    while (i < s.length && !/[0-9.]/.test(s[i] ?? '')) i++;
    const unit = s.slice(unitStart, i);
    if (unit === '') return `missing unit in duration "${s}" (use ns, us, ms, s, m or h)`;
    const f = UNITS[unit];
    if (f === undefined) return `unknown unit "${unit}" in duration "${s}" (use ns, us, ms, s, m or h)`;
    total += Number(num) * f;
  }
  return sign * total;
}

export default defineRule({
  code: 'DW5011',
  name: 'healthcheck-options',
  severity: 'error',
  category: 'correctness',
  source: 'dockerfile-utils',
  fixable: false,
  docs: {
    summary: 'Invalid HEALTHCHECK type, duration or retries',
    what: 'Flags a HEALTHCHECK whose type is not CMD or NONE, a `--interval`/`--timeout`/`--start-period`/`--start-interval` that is not a Go duration (`30s`, `1m30s`, `500ms`; a number needs a unit) or is negative or between 0 and 1 ms, a variable in those flags (they are not expanded), and a `--retries` that is not a whole number or is negative. `--retries=0` is reported as a warning: it means "use the default" to BuildKit and is rejected by the legacy builder.',
    why: 'The builder fails on each ("time: missing unit in duration", "Interval \\"interval\\" cannot be less than 1ms", "Unknown type \\"CHECK\\" in HEALTHCHECK (try CMD)"). A zero duration is allowed and means the default.',
    examples: [
      { bad: 'FROM nginx:1.27\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/', good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/' },
      { bad: 'FROM nginx:1.27\nHEALTHCHECK --retries=2.5 CMD curl -f http://localhost/', good: 'FROM nginx:1.27\nHEALTHCHECK --retries=3 CMD curl -f http://localhost/' },
      { bad: 'FROM nginx:1.27\nHEALTHCHECK curl -f http://localhost/', good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/' },
    ],
    exceptions: 'Flags of `HEALTHCHECK NONE` are ignored by the builder and not checked. dockerfile-utils also flags `0s` and `--retries=0`; BuildKit accepts both.',
    equivalents: ['dockerfile-utils FLAG_INVALID_DURATION', 'dockerfile-utils FLAG_MISSING_DURATION', 'dockerfile-utils FLAG_UNKNOWN_UNIT', 'dockerfile-utils FLAG_LESS_THAN_1MS', 'dockerfile-utils INVALID_SYNTAX', 'dockerfile-utils FLAG_AT_LEAST_ONE', 'dockerfile-utils UNKNOWN_TYPE', 'dockerfilelint invalid_format'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'HEALTHCHECK')) {
      const s = node.syntax;
      const type = s.args[0];
      if (!type) continue;
      const t = type.value.toUpperCase();
      if (t === 'NONE') continue;
      if (t !== 'CMD') {
        const hint = type.value.startsWith('[') ? ' (write HEALTHCHECK CMD [...])' : ' (try CMD)';
        report({ message: `Unknown type "${type.value}" in HEALTHCHECK${hint}`, range: type.range });
      }
      for (const f of s.flags) {
        if (f.value === null || f.value === '') continue;
        const range = f.valueRange ?? f.range;
        if (DURATION_FLAGS.includes(f.name)) {
          if (f.value.includes('$')) {
            report({ message: `--${f.name}: variables are not expanded in HEALTHCHECK flags ("${f.value}")`, range });
            continue;
          }
          const d = parseDuration(f.value);
          if (typeof d === 'string') report({ message: `--${f.name}: ${d}`, range });
          else if (d !== 0 && d < 1) report({ message: `--${f.name} cannot be ${d < 0 ? 'negative' : 'less than 1ms'} ("${f.value}")`, range });
        } else if (f.name === 'retries') {
          if (!/^[+-]?\d+$/.test(f.value) || Math.abs(Number(f.value)) > 2147483647) report({ message: `--retries: parsing "${f.value}": invalid syntax (expected a whole number)`, range });
          else if (Number(f.value) < 0) report({ message: `--retries cannot be negative (${f.value})`, range });
          else if (Number(f.value) === 0) report({ message: '--retries=0 means the default (3) with BuildKit and fails the legacy builder ("must be at least 1"); write the number you want', range, severity: 'warning' });
        }
      }
    }
  },
});
