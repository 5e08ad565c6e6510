import { defineRule, nodesOf, processWord, rangeText } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3044',
  name: 'env-self-reference',
  severity: 'error',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Do not refer to an environment variable within the same `ENV` statement where it is defined',
    what: 'Flags a `$X` or `${X}` in an ENV value when `X` is set by another pair of the same ENV instruction and was not defined before by ARG or ENV.',
    why: 'All pairs of one ENV are expanded with the environment as it was before the instruction: in `ENV A=1 B=$A`, `B` gets the old (here empty) value of `A`, not `1`. Split the instruction in two.',
    examples: [{ bad: 'FROM debian:12\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin', good: 'FROM debian:12\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin' }],
    exceptions: 'A variable that refers to itself (`ENV PATH=$PATH:/opt/bin`) is fine, and so is one already set by an earlier ARG or ENV in scope. References in single quotes are not expanded and are not flagged.',
    equivalents: ['hadolint DL3044', 'BuildKit UndefinedVar (partly)'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'ENV')) {
      const props = node.syntax.properties;
      if (props.length < 2) continue;
      const names = new Set(props.map((p) => p.name));
      props.forEach((p, i) => {
        if (!p.valueRange) return;
        const lt = rangeText(model, p.valueRange);
        const r = processWord(lt.text, () => undefined, model.escapeChar);
        if (!r) return;
        const reported = new Set<string>();
        for (const ref of r.unmatched) {
          if (ref.name === p.name || !names.has(ref.name) || reported.has(ref.name)) continue;
          if (props.findIndex((q) => q.name === ref.name) === i) continue;
          if (node.state.env.has(ref.name) || node.state.args.has(ref.name)) continue;
          reported.add(ref.name);
          report({ message: `Do not refer to an environment variable within the same \`ENV\` statement where it is defined: \`${ref.name}\` is set by this ENV`, range: lt.range(ref.start, ref.end) });
        }
      });
    }
  },
});
