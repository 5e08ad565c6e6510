import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW1006 node-lockfile-not-enforced', () => {
  it('flags installs that may resolve new versions', () =>
    checkRule('DW1006', {
      valid: [
        'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci',
        'FROM node:22-slim\nRUN npm install -g typescript@5.6.3',
        'FROM node:22-slim\nRUN npm install express@4.19.2',
        'FROM node:22-slim\nRUN yarn install --frozen-lockfile',
        'FROM node:22-slim\nRUN yarn install --immutable',
        'FROM node:22-slim\nENV YARN_ENABLE_IMMUTABLE_INSTALLS=true\nRUN yarn install',
        'FROM node:22-slim\nRUN pnpm install --frozen-lockfile --prod',
        'FROM node:22-slim\nRUN yarn build',
      ],
      invalid: [
        { code: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm install', at: [[3, 9, 3, 16]], message: /npm ci/ },
        { code: 'FROM node:22-slim\nCOPY package.json ./\nRUN npm install --omit=dev', message: /No `package-lock\.json` was copied/ },
        { code: 'FROM node:22-slim\nCOPY . .\nRUN yarn', at: [[3, 5, 3, 9]], message: /--frozen-lockfile/ },
        { code: 'FROM node:22-slim\nRUN yarn install --production', count: 1 },
        { code: 'FROM node:22-slim\nRUN pnpm install', count: 1 },
        { code: 'FROM node:22-slim\nRUN npm update', message: /npm update/ },
        { code: 'FROM node:22-slim AS build\nCOPY . .\nRUN npm i && npm run build\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html', count: 1 },
      ],
    }));

  it('fixes npm install to npm ci only when a lockfile was copied by name', async () => {
    const [f] = await findingsOf('DW1006', 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm install');
    expect(f?.fix?.edits[0]?.newText).toBe('ci');
    const [g] = await findingsOf('DW1006', 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install');
    expect(g?.fix).toBeUndefined();
    const [h] = await findingsOf('DW1006', 'FROM node:22-slim\nRUN yarn install');
    expect(h?.fix?.edits[0]?.newText).toBe(' --frozen-lockfile');
  });
});
