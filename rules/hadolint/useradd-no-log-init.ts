import { defineRule, commandsRunning, basename, hasFlag, flagOccurrences, insertAfterWord, unquote, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3046',
  name: 'useradd-no-log-init',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: '`useradd` without flag `-l` and high UID will result in excessively large Image',
    what: 'Flags `useradd -u <uid>` (or `--uid`) with a UID of more than five digits and without `-l`/`--no-log-init`, in RUN and ONBUILD RUN.',
    why: 'useradd records the user in `/var/log/lastlog` and `/var/log/faillog`, sparse files indexed by UID. Docker does not keep the sparse holes, so a UID like 1000000 turns them into hundreds of megabytes (or gigabytes) of zeros in the layer.',
    examples: [{ bad: 'FROM debian:12\nRUN useradd -u 1000000 app', good: 'FROM debian:12\nRUN useradd -l -u 1000000 app' }],
    exceptions: 'A UID given through an ARG or ENV variable is checked with its value; one whose value cannot be known is not flagged.',
    equivalents: ['hadolint DL3046'],
  },
  check({ model, report }) {
    for (const { node, eff } of commandsRunning(model, ['useradd'])) {
      if (eff.name === null || basename(eff.name) !== 'useradd' || !eff.nameWord) continue;
      if (hasFlag(eff, '-l', '--no-log-init')) continue;
      for (const f of flagOccurrences(eff, '-u', '--uid')) {
        const w = f.valueWord;
        if (!w) continue;
        const raw = f.value ?? node.resolve(w.text);
        if (raw === null) continue;
        const uid = unquote(raw);
        if (!/^\d+$/.test(uid) || uid.length <= 5) continue;
        report({
          message: `\`useradd\` without flag \`-l\` and high UID will result in excessively large Image: UID ${uid} makes /var/log/lastlog huge`,
          range: wordRange(node, w),
          fix: { title: 'Add -l (--no-log-init)', safety: 'safe', edits: [insertAfterWord(node, eff.nameWord, ' -l')] },
        });
      }
    }
  },
});
