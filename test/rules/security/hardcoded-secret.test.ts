import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

/** Deterministic pseudo-random strings, so that no credential-shaped literal sits in the sources. */
function rand(seed: number, length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[(x >>> 16) % alphabet.length] ?? 'a';
  }
  return out;
}

const AWS = `AKIA${rand(1, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
const GHP = `ghp_${rand(2, 36)}`;
const PAT = `github_pat_${rand(3, 22)}_${rand(4, 59)}`;
const GLPAT = `glpat-${rand(5, 20)}`;
const GOOGLE = `AIza${rand(6, 35)}`;
const NPM = `npm_${rand(7, 36)}`;
const JWT = `eyJ${rand(8, 20)}.eyJ${rand(9, 30)}.${rand(10, 43)}`;
const KEY_BODY = rand(11, 64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

describe('DW4001 hardcoded-secret', () => {
  it('flags credential values in any instruction', () =>
    checkRule('DW4001', {
      valid: [
        'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
        'FROM alpine:3.20\nARG GITHUB_TOKEN\nENV GITHUB_TOKEN=${GITHUB_TOKEN}',
        'FROM alpine:3.20\nENV TOKEN=<token>',
        'FROM alpine:3.20\nENV TOKEN=""',
        `FROM alpine:3.20\nENV NOT_A_KEY=xAKIA${rand(1, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
        'FROM alpine:3.20\nENV GH=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'FROM alpine:3.20\nRUN git clone https://${GIT_USER}:${GIT_TOKEN}@git.example.org/x.git',
        'FROM alpine:3.20\nRUN git clone https://oauth2:$(cat /run/secrets/token)@git.example.org/x.git',
        'FROM alpine:3.20\nENV DATABASE_URL=postgres://postgres:postgres@db:5432/app',
        'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:hunter22@localhost:5432/app',
        'FROM alpine:3.20\nENV DATABASE_URL=postgres://user:password@db/app',
        'FROM alpine:3.20\nENV URL=https://user:changeme@example.com',
        'FROM alpine:3.20\nENV PROXY=http://proxy.example.com:3128',
        'FROM alpine:3.20\nRUN git clone git@github.com:org/repo.git',
        'FROM alpine:3.20\nRUN echo "-----BEGIN OPENSSH PRIVATE KEY-----" > /k && echo "$SSH_KEY" >> /k',
        'FROM alpine:3.20\nRUN mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "select 1"',
        'FROM alpine:3.20\nRUN mysql -uroot -p -e "select 1"',
        'FROM alpine:3.20\nRUN docker login -u ci --password-stdin < /run/secrets/pw',
        'FROM alpine:3.20\nRUN echo "root:$ROOT_PASSWORD" | chpasswd',
        'FROM alpine:3.20\nRUN chpasswd < /run/secrets/users',
        'FROM alpine:3.20\nRUN curl -u "$USER:$PASS" https://example.com/x',
        'FROM alpine:3.20\nRUN curl -u admin:admin http://localhost:8080/api',
        'FROM alpine:3.20\nRUN htpasswd -b /etc/htpasswd admin "$PW"',
        '# key ghp_ in a comment is not an instruction\nFROM alpine:3.20',
      ],
      invalid: [
        { code: `FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=${AWS}`, at: [[2, 23, 2, 43]], message: /AWS access key ID/ },
        { code: `FROM alpine:3.20\nARG TOKEN=${GHP}`, at: [[2, 11, 2, 51]], message: /GitHub token/ },
        { code: `FROM alpine:3.20\nLABEL token="${PAT}"`, count: 1 },
        { code: `FROM alpine:3.20\nRUN git clone https://oauth2:${GLPAT}@gitlab.com/x.git`, count: 1, message: /GitLab/ },
        { code: `ARG KEY=${GOOGLE}\nFROM alpine:3.20`, count: 1 },
        { code: `FROM node:20\nRUN echo "//registry.npmjs.org/:_authToken=${NPM}" > ~/.npmrc`, count: 1 },
        { code: `FROM alpine:3.20\nENV JWT=${JWT}`, count: 1, message: /JSON Web Token/ },
        { code: `FROM alpine:3.20\nRUN echo "-----BEGIN RSA PRIVATE KEY-----\\n${KEY_BODY}\\n-----END RSA PRIVATE KEY-----" > /root/.ssh/id_rsa`, at: [[2, 11, 2, 139]], message: /private key/ },
        { code: `FROM alpine:3.20\nCOPY <<EOF /root/.ssh/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_BODY}\n-----END OPENSSH PRIVATE KEY-----\nEOF`, at: [[3, 1, 5, 34]] },
        { code: 'FROM alpine:3.20\nRUN git clone https://ci-bot:s3cr3tPassw0rd@git.example.org/org/repo.git', at: [[2, 30, 2, 44]], message: /password is written in this URL/ },
        { code: 'FROM alpine:3.20\nENV http_proxy=http://corp:Wint3r2024@proxy.example.com:3128', count: 1 },
        { code: 'FROM alpine:3.20\nRUN sshpass -p Sup3rS3cret ssh host true', count: 1 },
        { code: 'FROM docker:27\nRUN docker login -u ci -p Sup3rS3cret registry.example.com', count: 1 },
        { code: 'FROM mysql:8\nRUN mysql -uroot -pSup3rS3cret -e "select 1"', at: [[2, 20, 2, 31]] },
        { code: 'FROM mysql:8\nRUN mysqladmin --password=Sup3rS3cret status', count: 1 },
        { code: 'FROM httpd:2.4\nRUN htpasswd -cb /etc/htpasswd admin Sup3rS3cret', count: 1 },
        { code: "FROM debian:12\nRUN echo 'root:Tr0ub4dor' | chpasswd", at: [[2, 10, 2, 26]] },
        { code: "FROM debian:12\nRUN echo 'root:root' | chpasswd", count: 1 },
        { code: "FROM debian:12\nRUN chpasswd <<< 'app:Tr0ub4dor'", count: 1 },
        { code: 'FROM debian:12\nRUN chpasswd <<EOF\nroot:Tr0ub4dor\nEOF', at: [[3, 1, 3, 15]] },
        { code: 'FROM alpine:3.20\nRUN curl -u admin:Sup3rS3cret https://api.example.com/x', at: [[2, 19, 2, 30]] },
        { code: 'FROM alpine:3.20\nRUN wget --password=Sup3rS3cret https://example.com/x', count: 1 },
        { code: `FROM alpine:3.20\nONBUILD ENV TOKEN=${GHP}`, count: 1 },
        { code: `FROM alpine:3.20\nHEALTHCHECK CMD curl -H "Authorization: token ${GHP}" https://api.github.com`, count: 1 },
      ],
    }));

  it('reads 100 KB of adversarial text quickly', async () => {
    const cases = [
      `FROM alpine:3.20\nENV A=${'AKIA'.repeat(25_000)}\n`,
      `FROM alpine:3.20\nENV A="${'-----BEGIN RSA PRIVATE KEY-----'.repeat(1_000)}${'A'.repeat(60_000)}"\n`,
      `FROM alpine:3.20\nENV A="${'-----BEGIN PRIVATE KEY-----\\n'.repeat(200)}${`${'Ab'.repeat(40)} `.repeat(1_000)}"\n`,
      `FROM alpine:3.20\nENV A="${'://'.repeat(34_000)}"\n`,
      `FROM alpine:3.20\nENV A="${'://a:'.repeat(20_000)}"\n`,
      `FROM alpine:3.20\nENV A="https://${'a'.repeat(50_000)}:${'b'.repeat(50_000)}@"\n`,
      `FROM alpine:3.20\nENV A=${'eyJaaaaaaaaaaaa.'.repeat(6_000)}\n`,
      `FROM alpine:3.20\nENV A=sk-${'T3BlbkFJ'.repeat(12_000)}\n`,
      `FROM alpine:3.20\nRUN echo ${"'r:p' ".repeat(15_000)}| chpasswd\n`,
    ];
    for (const text of cases) {
      const t0 = performance.now();
      await findingsOf('DW4001', text);
      expect(performance.now() - t0, text.slice(0, 60)).toBeLessThan(3000);
    }
  });
});
