import { copiedBefore, defineRule, packageCommands, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW1010',
  name: 'composer-package-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Pin Composer packages, and install from `composer.lock`',
    what:
      'Flags `composer require <vendor/package>` (also `global require`) without a version constraint, `composer update` (which ignores the lock), and `composer install` when no `composer.lock` was copied into the image before it.',
    why:
      'Without a constraint `composer require` takes the newest release; `composer update` and an install without a lockfile resolve every dependency afresh, so two builds of the same Dockerfile ship different code. `composer install` with a committed `composer.lock` installs exactly the locked versions.',
    examples: [
      { bad: 'FROM composer:2\nRUN composer global require phpstan/phpstan', good: 'FROM composer:2\nRUN composer global require phpstan/phpstan:1.12.7' },
      { bad: 'FROM php:8.3-cli\nCOPY composer.json ./\nRUN composer install --no-dev', good: 'FROM php:8.3-cli\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev' },
    ],
    exceptions: '`composer install` is accepted when a `composer.lock` may have been copied (by name, or with a directory, `.` or a glob). Packages given through unknown variables are not flagged.',
    references: ['https://getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'composer') continue;
      const verb = install.global ? install.subcommand.slice('global '.length) : install.subcommand;
      if (verb === 'require') {
        for (const p of install.packages) {
          if (p.pinned || p.dynamic || p.source !== 'registry' || !p.name.includes('/')) continue;
          report({ message: `\`composer require ${p.name}\` takes the newest release at build time: give a constraint, \`${p.name}:<version>\``, range: wordRange(node, p.word) });
        }
      } else if (verb === 'install' && install.bare && !install.global) {
        if (copiedBefore(model, node, (n) => n === 'composer.lock') !== 'no') continue;
        const at = install.subcommandWord;
        if (!at) continue;
        report({ message: '`composer install` runs without a `composer.lock` in the image (none was copied before it), so every dependency resolves afresh: copy `composer.lock` with `composer.json`', range: wordRange(node, at) });
      }
    }
    for (const { node, pc } of packageCommands(model)) {
      if (pc.manager !== 'composer' || !pc.subcommandWord) continue;
      if (pc.subcommand !== 'update' && pc.subcommand !== 'upgrade' && pc.subcommand !== 'global update') continue;
      report({ message: `\`composer ${pc.subcommand}\` ignores composer.lock and resolves every dependency afresh: update the lock outside the build and run \`composer install\``, range: wordRange(node, pc.subcommandWord) });
    }
  },
});
