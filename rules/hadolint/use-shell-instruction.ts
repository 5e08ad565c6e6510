import { basename, commandsRunning, defineRule, parseArgs, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL4005',
  name: 'use-shell-instruction',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Use SHELL to change the default shell',
    what: 'Flags `ln` that replaces `/bin/sh` (the link it creates is `/bin/sh`), in RUN and ONBUILD RUN.',
    why: 'Relinking `/bin/sh` changes the shell of every script and package maintainer script in the image, not just the Dockerfile\'s RUNs, and it breaks silently when the base image changes. The SHELL instruction changes the shell of the RUNs only.',
    examples: [{ bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh', good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]' }],
    exceptions: 'Only the link name counts: `ln -s /bin/sh /usr/local/bin/sh` does not replace `/bin/sh` and is not flagged (hadolint flags any `ln` that mentions `/bin/sh`).',
    equivalents: ['hadolint DL4005'],
  },
  check({ model, report }) {
    for (const { node, eff } of commandsRunning(model, ['ln'])) {
      if (eff.name === null || basename(eff.name) !== 'ln') continue;
      const { flags, positionals } = parseArgs(eff, { values: ['-S', '--suffix', '-t', '--target-directory'] });
      const targetDir = flags.find((f) => f.name === '-t' || f.name === '--target-directory')?.value ?? null;
      const link = targetDir === null ? positionals[positionals.length - 1] : undefined;
      const replaced = targetDir !== null ? targetDir.replace(/\/+$/, '') === '/bin' && positionals.some((p) => (p.value ?? '').endsWith('/sh')) : positionals.length >= 2 && link?.value === '/bin/sh';
      if (!replaced) continue;
      const w = link ?? eff.nameWord;
      if (!w) continue;
      report({ message: 'Use SHELL to change the default shell', range: wordRange(node, w) });
    }
  },
});
