import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

const CMD = '\nCMD ["node", "server.js"]';

describe('DW2003 node-dev-dependencies', () => {
  it('flags installs of devDependencies in the final image', () =>
    checkRule('DW2003', {
      valid: [
        `FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .${CMD}`,
        `FROM node:22-slim\nENV NODE_ENV=production\nCOPY package*.json ./\nRUN npm ci\nCOPY . .${CMD}`,
        `FROM node:22-slim\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev${CMD}`,
        `FROM node:22-slim\nCOPY . .\nRUN yarn install --frozen-lockfile --production${CMD}`,
        `FROM node:22-slim\nCOPY . .\nRUN pnpm install --frozen-lockfile --prod${CMD}`,
        `FROM node:22-slim\nRUN npm install -g pm2@5.4.2\nCOPY . .${CMD}`,
        `FROM node:22-slim AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /dist /dist${CMD}`,
        'FROM node:22-slim\nCOPY . .\nRUN npm ci',
      ],
      invalid: [
        { code: `FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .${CMD}`, at: [[3, 9, 3, 11]], message: /--omit=dev/ },
        { code: `FROM node:22-slim\nCOPY . .\nRUN npm ci && npm run build${CMD}`, message: /`npm run build` needs them: run the build in a separate stage/ },
        { code: `FROM node:22-slim\nCOPY . .\nRUN yarn install --frozen-lockfile${CMD}`, message: /--production/ },
        { code: `FROM node:22-slim\nCOPY . .\nRUN npm ci\nRUN npm prune --omit=dev${CMD}`, message: /later layer/ },
        { code: `FROM node:22-slim AS deps\nCOPY . .\nRUN npm install\nFROM deps${CMD}`, count: 1 },
      ],
    }));

  it('offers --omit=dev when no build step needs the dev dependencies', async () => {
    const [f] = await findingsOf('DW2003', `FROM node:22-slim\nCOPY . .\nRUN npm ci${CMD}`);
    expect(f?.fix?.edits[0]?.newText).toBe(' --omit=dev');
    const [g] = await findingsOf('DW2003', `FROM node:22-slim\nCOPY . .\nRUN npm ci && npm run build${CMD}`);
    expect(g?.fix).toBeUndefined();
  });
});
