import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3028',
  name: 'pin-gem',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Pin versions in gem install',
    what: 'Flags each gem of `gem install` given without `:version`, unless `-v`/`--version` is given.',
    why: 'An unpinned gem installs the newest release on each build, so the image changes without a change to the Dockerfile.',
    examples: [{ bad: 'FROM ruby:3.3-slim\nRUN gem install bundler', good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22' }],
    equivalents: ['hadolint DL3028'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'gem' || install.tool !== 'gem') continue;
      if (install.versionFlag !== null) continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        report({ message: `Pin versions in gem install: instead of \`gem install ${p.name}\` use \`gem install ${p.name}:<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
