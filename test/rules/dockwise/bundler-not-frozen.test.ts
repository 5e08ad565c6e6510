import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1008 bundler-not-frozen', () => {
  it('flags bundle install that may re-resolve', () =>
    checkRule('DW1008', {
      valid: [
        'FROM ruby:3.3-slim\nENV BUNDLE_FROZEN=true\nRUN bundle install',
        'FROM ruby:3.3-slim\nRUN bundle install --frozen',
        'FROM ruby:3.3-slim\nRUN bundle install --deployment',
        'FROM ruby:3.3-slim\nRUN bundle config set --local deployment true && bundle install',
        'FROM ruby:3.3-slim\nRUN bundle config --global frozen 1\nRUN bundle install',
        'FROM ruby:3.3-slim AS base\nENV BUNDLE_DEPLOYMENT=1\nFROM base\nRUN bundle install',
        'FROM ruby:3.3-slim\nRUN BUNDLE_FROZEN=true bundle install',
        'FROM ruby:3.3-slim\nRUN bundle add rails --version 7.2.1',
        'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.21',
      ],
      invalid: [
        { code: 'FROM ruby:3.3-slim\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install', at: [[3, 12, 3, 19]], message: /BUNDLE_FROZEN/ },
        { code: 'FROM ruby:3.3-slim\nRUN bundle config set without "development test" && bundle install --jobs=3', count: 1 },
        { code: 'FROM ruby:3.3-slim\nRUN bundle update', message: /bundle update/ },
        { code: 'FROM ruby:3.3-slim\nRUN bundle add rails', at: [[2, 16, 2, 21]] },
        { code: 'FROM ruby:3.3-slim\nARG FROZEN=false\nENV BUNDLE_FROZEN=$FROZEN\nRUN bundle install', count: 1 },
      ],
    }));
});
