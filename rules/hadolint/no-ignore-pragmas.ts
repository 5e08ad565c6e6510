import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL1001',
  name: 'no-ignore-pragmas',
  severity: 'info',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  optIn: true,
  docs: {
    summary: 'Please refrain from using inline ignore pragmas',
    what: 'Flags every inline suppression comment: `# hadolint ignore=...`, `# hadolint global ignore=...` and the same with `dockwise`. Off by default; teams that do not allow suppressions switch it on.',
    why: 'An inline pragma silences a finding where nobody reviews it. Teams that want every exception to go through the shared configuration (`ignored:` in `.dockwise.yaml` or `.hadolint.yaml`) can enforce that with this rule.',
    examples: [{ bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y --no-install-recommends curl', good: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8' }],
    exceptions: 'Off by default, as in hadolint. `# hadolint shell=...` pragmas are not suppressions and are not flagged. `--disable-ignore-pragma` makes every pragma ineffective instead of reporting it.',
    equivalents: ['hadolint DL1001'],
  },
  check({ model, report }) {
    for (const p of model.pragmas) {
      if (p.kind !== 'ignore' && p.kind !== 'global-ignore') continue;
      const codes = p.codes.map((c) => c.code).join(',');
      report({ message: `Please refrain from using inline ignore pragmas \`# ${p.tool}${p.kind === 'global-ignore' ? ' global' : ''} ignore=${codes}\``, range: p.range });
    }
  },
});
