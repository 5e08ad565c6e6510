import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1007 node-package-unpinned', () => {
  it('flags yarn and pnpm packages without a version', () =>
    checkRule('DW1007', {
      valid: [
        'FROM node:22-slim\nRUN yarn global add serve@14.2.3',
        'FROM node:22-slim\nRUN pnpm add -g typescript@5.6.3 @types/node@22.7.4',
        'FROM node:22-slim\nRUN npm install -g typescript',
        'FROM node:22-slim\nRUN yarn add ./local-pkg',
        'FROM node:22-slim\nARG PKG\nRUN yarn add $PKG',
        'FROM node:22-slim\nRUN yarn add user/repo#v1.0.0',
      ],
      invalid: [
        { code: 'FROM node:22-slim\nRUN yarn global add serve', at: [[2, 21, 2, 26]], message: /serve@<version>/ },
        { code: 'FROM node:22-slim\nRUN pnpm add -g typescript @types/node@22.7.4', count: 1 },
        { code: 'FROM node:22-slim\nRUN yarn add @scope/pkg lodash', count: 2 },
        { code: 'FROM node:22-slim\nRUN yarn add github:user/repo', message: /#<tag or commit>/ },
      ],
    }));
});
