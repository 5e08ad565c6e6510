import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW3002 implicit-runtime-dependency', () => {
  it('flags programs the final image runs that only the base image happens to have', () =>
    checkRule('DW3002', {
      valid: [
        'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]',
        'FROM node:20\nCMD ["node", "server.js"]',
        'FROM node:20\nCMD node server.js',
        'FROM nginx:1.27\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
        // a builder stage's CMD does not run
        'FROM node:20 AS build\nCMD ["python3", "x.py"]\nFROM node:20-slim\nCMD ["node", "x.js"]',
        // CMD as arguments of an ENTRYPOINT program
        'FROM node:20\nENTRYPOINT ["node", "cli.js"]\nCMD ["python3"]',
        // RUN-time use is DW3001's
        'FROM node:20\nRUN python3 --version',
        'FROM registry.example.com/nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/',
      ],
      invalid: [
        { code: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1', at: [[3, 17, 3, 21]], message: /HEALTHCHECK runs `curl`.*nginx:1\.27 \(package curl\)/ },
        { code: 'FROM node:20\nHEALTHCHECK CMD ["python3", "/check.py"]', at: [[2, 18, 2, 27]] },
        { code: 'FROM node:20\nCMD ["python3", "-m", "http.server"]', count: 1, message: /the CMD runs `python3`/ },
        { code: 'FROM node:20\nCMD ["sh", "-c", "git pull && node server.js"]', at: [[2, 19, 2, 22]] },
        { code: 'FROM node:20 AS base\nFROM base\nENTRYPOINT ["tini", "--"]\nCMD ["python3", "app.py"]', count: 1, message: /the CMD runs `python3`/ },
      ],
    }));
});
