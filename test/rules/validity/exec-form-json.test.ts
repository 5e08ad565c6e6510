import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW5012 exec-form-json', () => {
  it('flags exec forms that are not valid JSON', async () => {
    await checkRule('DW5012', {
      valid: [
        'FROM node:22-slim\nCMD ["node", "server.js"]',
        'FROM node:22-slim\nCMD node server.js',
        'FROM node:22-slim\nRUN [ -f /etc/os-release ] && echo ok',
        'FROM node:22-slim\nRUN [ -d /x ]',
        'FROM node:22-slim\nRUN [ "$(uname -m)" = "x86_64" ]',
        'FROM node:22-slim\nCMD ["node", \\\n     "server.js"]',
        'FROM node:22-slim\nCOPY ["a b", "/c d/"]',
        'FROM node:22-slim\nCMD []',
        'FROM node:22-slim\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]',
        'FROM node:22-slim\nCMD ["C:\\\\app\\\\run.exe"]',
        'FROM node:22-slim\nRUN <<EOF\n[\'a\']\nEOF',
      ],
      invalid: [
        { code: "FROM node:22-slim\nCMD ['node', 'server.js']", at: [[2, 5, 2, 26]], message: /single quotes/ },
        { code: 'FROM node:22-slim\nENTRYPOINT ["node", "server.js",]', at: [[2, 12, 2, 34]], message: /trailing comma/ },
        { code: 'FROM node:22-slim\nCMD ["C:\\app\\run.exe"]', message: /single backslash/ },
        { code: 'FROM node:22-slim\nCMD [node, server.js]', message: /unquoted elements/ },
        { code: "FROM node:22-slim\nRUN ['apt-get', 'update']", message: /RUN looks like exec form/ },
        { code: "FROM node:22-slim\nVOLUME ['/data']", message: /splits it on whitespace/ },
        { code: "FROM node:22-slim\nCOPY ['a', '/b/']", count: 1 },
        { code: "FROM node:22-slim\nHEALTHCHECK CMD ['curl', '-f', 'http://localhost/']", at: [[2, 17, 2, 52]], message: /HEALTHCHECK CMD/ },
        { code: "FROM node:22-slim\nCMD ['node', \\\n     'server.js']", at: [[2, 5, 3, 18]] },
        { code: 'FROM node:22-slim\nCMD ["sleep", 10]', message: /non-string elements/ },
      ],
    });
  });

  it('reports non-string arrays as errors', async () => {
    const fs = await findingsOf('DW5012', 'FROM node:22-slim\nCMD ["sleep", 10]');
    expect(fs.map((f) => f.severity)).toEqual(['error']);
  });
});
