import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1010 composer-package-unpinned', () => {
  it('flags unpinned composer requires, updates and lockless installs', () =>
    checkRule('DW1010', {
      valid: [
        'FROM composer:2\nRUN composer global require phpstan/phpstan:1.12.7',
        'FROM composer:2\nRUN composer require "monolog/monolog:^3.7"',
        'FROM composer:2\nRUN composer require monolog/monolog 3.7.0',
        'FROM php:8.3-cli\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev',
        'FROM php:8.3-cli\nCOPY . .\nRUN composer install --no-dev',
        'FROM php:8.3-cli\nCOPY composer.* ./\nRUN composer install',
      ],
      invalid: [
        { code: 'FROM composer:2\nRUN composer global require phpstan/phpstan', at: [[2, 29, 2, 44]], message: /phpstan\/phpstan:<version>/ },
        { code: 'FROM php:8.3-cli\nCOPY composer.json ./\nRUN composer install --no-dev', at: [[3, 14, 3, 21]], message: /composer\.lock/ },
        { code: 'FROM php:8.3-cli\nRUN composer update --no-dev', message: /ignores composer\.lock/ },
        { code: 'FROM php:8.3-cli\nRUN composer require laravel/framework symfony/console', count: 2 },
      ],
    }));
});
