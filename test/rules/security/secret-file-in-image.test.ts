import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW4007 secret-file-in-image', () => {
  it('flags credentials files copied into shipping stages', () =>
    checkRule('DW4007', {
      valid: [
        'FROM node:20\nCOPY package.json .npmrc.example /app/',
        'FROM node:20\nCOPY .npmrc /root/.npmrc\nRUN npm ci',
        'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys',
        'FROM alpine:3.20\nCOPY .env.example /app/.env.example',
        'FROM alpine:3.20\nCOPY certs/cert.pem /etc/ssl/certs/app.pem',
        'FROM alpine:3.20\nCOPY ca.crt /usr/local/share/ca-certificates/',
        'FROM alpine:3.20\nCOPY credentials credentials',
        'FROM alpine:3.20\nCOPY 15-local-resolvers.envsh /docker-entrypoint.d',
        'FROM alpine:3.20 AS build\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@host:x.git /src\nFROM alpine:3.20\nCOPY --from=build /src /src',
        'FROM alpine:3.20\nCOPY --from=build /root/.ssh/id_rsa /tmp/x',
        'FROM alpine:3.20\nCOPY truststore.jks /app/',
        'FROM python:3.12\nCOPY . /\nENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json',
        'FROM python:3.12\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp.json',
        'FROM amazon/aws-cli\nRUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws configure set aws_access_key_id x',
        'FROM amazon/aws-cli\nRUN aws configure set region eu-west-1',
        'FROM docker:27\nRUN docker logout',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa', at: [[2, 6, 2, 12]], message: /SSH private key/ },
        { code: 'FROM alpine:3.20\nCOPY --chown=app .ssh /home/app/.ssh', count: 1 },
        { code: 'FROM alpine:3.20\nADD .git-credentials /root/', count: 1 },
        { code: 'FROM node:20\nCOPY .env /app/', count: 1 },
        { code: 'FROM node:20\nCOPY .env.production /app/.env', count: 1 },
        { code: 'FROM node:20\nCOPY config/prod.txt /app/.env', count: 1 },
        { code: 'FROM alpine:3.20\nCOPY tls/privkey.pem tls/server-key.pem /etc/ssl/private/', count: 2 },
        { code: 'FROM alpine:3.20\nCOPY server.key /etc/ssl/private/', count: 1 },
        { code: 'FROM alpine:3.20\nCOPY keystore.p12 /app/', count: 1 },
        { code: 'FROM python:3.12\nCOPY credentials.json service-account-prod.json /app/', count: 2 },
        { code: 'FROM amazon/aws-cli\nCOPY aws/credentials /root/.aws/credentials', count: 1 },
        { code: 'FROM node:20\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc', at: [[2, 6, 2, 12]], message: /deleting it in a later RUN does not remove it/ },
        { code: 'FROM python:3.12\nCOPY pip.conf /etc/pip.conf\nRUN pip install -r req.txt\nRUN rm -f /etc/pip.conf', count: 1 },
        { code: 'FROM node:20 AS base\nCOPY .env /app/\nFROM base', count: 1 },
        { code: 'FROM python:3.12\nCOPY . /app\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/key.json', at: [[3, 36, 3, 49]] },
        { code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nARG GOOGLE_APPLICATION_CREDENTIALS=./sa.json', count: 1 },
        { code: 'FROM python:3.12\nCOPY key.json $GOOGLE_APPLICATION_CREDENTIALS', count: 1 },
        { code: 'FROM amazon/aws-cli\nARG KEY\nRUN aws configure set aws_secret_access_key "$KEY"', at: [[3, 5, 3, 44]] },
        { code: 'FROM google/cloud-sdk\nRUN gcloud auth activate-service-account --key-file=/tmp/k.json', count: 1 },
        { code: 'FROM docker:27\nARG PW\nRUN echo "$PW" | docker login -u ci --password-stdin registry.example.com', count: 1 },
      ],
    }));

  it('reads 100 KB of adversarial paths quickly', async () => {
    const text = `FROM alpine:3.20\nCOPY ${'.env.'.repeat(20_000)}x ${'a-'.repeat(20_000)}key.json /app/\nENV GOOGLE_APPLICATION_CREDENTIALS=${'/a'.repeat(20_000)}\n`;
    const t0 = performance.now();
    await findingsOf('DW4007', text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
