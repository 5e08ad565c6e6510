import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('SecretsUsedInArgOrEnv', () => {
  it('flags secret-looking ARG and ENV names', async () => {
    await checkRule('SecretsUsedInArgOrEnv', {
      valid: [
        'FROM alpine:3.20\nENV GPG_KEY_FILE=/k',
        'FROM alpine:3.20\nARG PUBLIC_KEY',
        'FROM alpine:3.20\nENV TOKEN_VERSION=2',
        'FROM alpine:3.20\nENV KEYBOARD=us MONKEY=1 TOKENS=3',
        'ARG GITHUB_TOKEN\nFROM alpine:3.20',
        'FROM alpine:3.20\nENV PATH=/bin',
        // review of issue 3 (docker-library/python, wordpress, jenkins): a GPG fingerprint is public
        'FROM alpine:3.20\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305',
        'FROM alpine:3.20\nARG WORDPRESS_CLI_GPG_KEY=63AF7AA15067C05616FDDD88A3A2E8F226F0BC06',
        'FROM alpine:3.20\nENV JENKINS_GPG_KEY="0x5BA31D57EF5975CA C9E9 416F 76E6 10DB"',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY', at: [[2, 5, 2, 26]], message: /^Do not use ARG or ENV instructions for sensitive data \(ARG "AWS_SECRET_ACCESS_KEY"\)$/ },
        { code: 'FROM alpine:3.20\nENV GITHUB_TOKEN=abc', at: [[2, 5, 2, 17]], message: /\(ENV "GITHUB_TOKEN"\)/ },
        { code: 'FROM alpine:3.20\nENV password secret', count: 1 },
        { code: 'FROM alpine:3.20\nARG A=1 DB_PASSWORD=x', at: [[2, 9, 2, 20]] },
        { code: 'FROM alpine:3.20\nENV a=1 api_Key=2 AUTH=3', count: 2 },
        { code: 'FROM alpine:3.20\nONBUILD ARG NPM_TOKEN', at: [[2, 13, 2, 22]] },
        { code: 'FROM alpine:3.20\nENV GPG_KEY=/run/secrets/signing.key', count: 1 },
        { code: 'FROM alpine:3.20\nARG GPG_PASSWORD=0123abcd', count: 1 },
      ],
    });
  });
});
