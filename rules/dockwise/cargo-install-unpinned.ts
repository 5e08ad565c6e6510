import { defineRule, insertAfterWord, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW1009',
  name: 'cargo-install-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: true,
  docs: {
    summary: 'Pin `cargo install` to a version and its lockfile',
    what:
      'Flags `cargo install <crate>` without `--version` or `<crate>@<version>`, and `--git` installs without `--rev` or `--tag` (warning); and, as info, any `cargo install` (also `--path`) without `--locked`, which lets the dependencies float even when the crate itself is pinned.',
    why:
      'Without a version cargo installs the newest release. Without `--locked` it ignores the crate\'s `Cargo.lock` and resolves every dependency afresh, so the same command builds different code from one day to the next; a semver-compatible but broken dependency release then breaks the image.',
    examples: [
      { bad: 'FROM rust:1.82 AS build\nRUN cargo install ripgrep', good: 'FROM rust:1.82 AS build\nRUN cargo install --locked ripgrep@14.1.1' },
      { bad: 'FROM rust:1.82 AS build\nRUN cargo install --version 0.2.3 cargo-chef', good: 'FROM rust:1.82 AS build\nRUN cargo install --locked --version 0.2.3 cargo-chef' },
    ],
    exceptions: 'Crates given through a variable whose value is unknown are only checked for `--locked`.',
    references: ['https://doc.rust-lang.org/cargo/commands/cargo-install.html#dealing-with-the-lockfile'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'cargo') continue;
      let unpinned = false;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        unpinned = true;
        const hint = p.source === 'vcs' ? '`--tag <tag>` or `--rev <commit>`' : `\`${p.name}@<version>\` (or \`--version <version>\`)`;
        report({ message: `\`cargo install ${p.name}\` installs whatever is newest at build time: use ${hint}, together with \`--locked\``, range: wordRange(node, p.word) });
      }
      if (unpinned || install.locked) continue;
      const sub = install.subcommandWord;
      const first = install.packages[0];
      if (!sub || !first) continue;
      report({
        message: `\`cargo install ${first.name}\` without \`--locked\` ignores the crate's Cargo.lock and resolves its dependencies afresh on every build: add \`--locked\``,
        range: wordRange(node, sub),
        severity: 'info',
        fix: { title: 'Add --locked', safety: 'unsafe', edits: [insertAfterWord(node, sub, ' --locked')] },
      });
    }
  },
});
