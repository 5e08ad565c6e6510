import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('InvalidDefinitionDescription', () => {
  it('flags description comments that do not start with the name', async () => {
    await checkRule('InvalidDefinitionDescription', {
      valid: [
        '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1',
        '# a non-descriptive comment\n\nFROM scratch AS base\n\n# another non-descriptive comment\n\nARG VERSION=1',
        '# a comment\n#\nFROM scratch AS base',
        '# just a comment\nFROM scratch',
        '# syntax=docker/dockerfile:1\nFROM scratch AS base',
        '# hadolint ignore=DL3006\nFROM alpine AS base',
        'FROM scratch\n# B the second one\nARG A=1 B=2',
        '# Base image for the build\nFROM scratch AS base',
      ],
      invalid: [
        { code: '# a non-descriptive comment\nFROM scratch AS base', at: [[1, 1, 1, 28]], message: /^Comment for FROM should follow the format: `# base <description>`$/ },
        { code: 'FROM scratch\n# the version to install\nARG VERSION=1', at: [[2, 1, 2, 25]], message: /`# VERSION <description>`/ },
        { code: 'FROM scratch\n# the versions\nARG A=1 B=2', message: /`# <arg_key> <description>`/ },
        { code: '# the version\nARG VERSION=1\nFROM scratch', count: 1 },
      ],
    });
  });
});
