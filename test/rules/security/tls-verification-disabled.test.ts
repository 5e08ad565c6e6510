import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW4002 tls-verification-disabled', () => {
  it('flags download and package-manager options that skip certificate checks', () =>
    checkRule('DW4002', {
      valid: [
        'FROM debian:12\nRUN curl -fsSL https://example.com/x -o /x',
        'FROM debian:12\nRUN curl --cacert /etc/ssl/ca.pem https://example.com/x',
        'FROM debian:12\nRUN wget -q https://example.com/x',
        'FROM debian:12\nRUN echo curl -k https://example.com',
        'FROM python:3.12\nRUN pip install --index-url https://pypi.internal/simple app==1.0',
        'FROM python:3.12\nRUN pip install -i http://localhost:3141/simple app==1.0',
        'FROM node:20\nRUN npm config set strict-ssl true',
        'FROM node:20\nRUN npm config set registry https://registry.npmjs.org/',
        'FROM alpine/git\nRUN git config --global http.sslVerify true',
        'FROM alpine/git\nRUN git config --global user.name ci',
        'FROM fedora:40\nRUN dnf install -y --setopt=sslverify=1 curl',
        'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1',
        'FROM python:3.12\nENV PYTHONHTTPSVERIFY=1',
        'FROM golang:1.23\nENV GOINSECURE=',
        'FROM golang:1.23\nARG GOINSECURE',
        'ARG NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:20',
        'FROM python:3.12\nENV PIP_INDEX_URL=https://pypi.internal/simple',
        'FROM debian:12\nRUN echo "sslverify=1" >> /etc/yum.conf',
        // Variables named like members of Object.prototype are names like any other (no internal error).
        'FROM debian:12\nENV constructor=1 toString=0 __proto__=x',
        'FROM debian:12\nRUN toString=1 hasOwnProperty=0 echo hi',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN curl -fsSLk https://example.com/x -o /x', at: [[2, 15, 2, 16]], message: /curl -k turns off certificate verification/ },
        { code: 'FROM debian:12\nRUN curl --insecure https://example.com/x', at: [[2, 10, 2, 20]] },
        { code: 'FROM debian:12\nRUN wget --no-check-certificate https://example.com/x', at: [[2, 10, 2, 32]] },
        { code: 'FROM debian:12\nRUN sudo curl -k https://x/y | sh', count: 1 },
        { code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.internal app==1.0', at: [[2, 17, 2, 45]], message: /--trusted-host/ },
        { code: 'FROM python:3.12\nRUN pip3 install --trusted-host=pypi.internal app==1.0', count: 1 },
        { code: 'FROM python:3.12\nRUN python3 -m pip install -i http://pypi.internal/simple app==1.0', at: [[2, 31, 2, 58]] },
        { code: 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.internal', count: 1 },
        { code: 'FROM python:3.12\nRUN uv pip install --extra-index-url http://mirror.example/simple app', count: 1 },
        { code: 'FROM node:20\nRUN npm config set strict-ssl false', at: [[2, 20, 2, 36]], message: /strict-ssl=false/ },
        { code: 'FROM node:20\nRUN npm set strict-ssl=false', count: 1 },
        { code: 'FROM node:20\nRUN yarn config set strict-ssl "false"', count: 1 },
        { code: 'FROM node:20\nRUN yarn config set enableStrictSsl false', count: 1 },
        { code: 'FROM node:20\nRUN npm install --strict-ssl=false', count: 1 },
        { code: 'FROM node:20\nRUN npm config set registry http://registry.internal/', count: 1 },
        { code: 'FROM alpine/git\nRUN git config --global http.sslVerify false', at: [[2, 25, 2, 45]] },
        { code: 'FROM alpine/git\nRUN git config --system http.https://git.internal/.sslverify 0', count: 1 },
        { code: 'FROM alpine/git\nRUN git -c http.sslVerify=false clone https://git.internal/x.git', count: 1 },
        { code: 'FROM fedora:40\nRUN dnf install -y --setopt=sslverify=0 curl', count: 1 },
        { code: 'FROM centos:7\nRUN yum-config-manager --save --setopt=epel.sslverify=false', count: 1 },
        { code: 'FROM centos:7\nRUN echo "sslverify=0" >> /etc/yum.conf', count: 1 },
        { code: 'FROM composer:2\nRUN composer config -g secure-http false', count: 1 },
        { code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0', at: [[2, 5, 2, 35]], message: /ENV NODE_TLS_REJECT_UNAUTHORIZED=0/ },
        { code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0', count: 1 },
        { code: 'FROM python:3.12\nARG PYTHONHTTPSVERIFY=0', count: 1 },
        { code: 'FROM node:20\nENV NPM_CONFIG_STRICT_SSL=false', count: 1 },
        { code: 'FROM node:20\nENV npm_config_strict_ssl=false', count: 1 },
        { code: 'FROM alpine/git\nENV GIT_SSL_NO_VERIFY=1', count: 1 },
        { code: 'FROM golang:1.23\nENV GOINSECURE=git.internal/*', count: 1 },
        { code: 'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal', count: 1 },
        { code: 'FROM python:3.12\nENV PIP_INDEX_URL=http://pypi.internal/simple', count: 1 },
        { code: 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci', at: [[2, 5, 2, 35]] },
        { code: 'FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci', count: 1 },
        { code: 'FROM alpine/git\nRUN env GIT_SSL_NO_VERIFY=true git clone https://git.internal/x.git', count: 1 },
        { code: 'FROM debian:12\nONBUILD RUN curl -k https://x/y', count: 1 },
        { code: 'FROM node:20 AS build\nARG V=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=$V\nFROM scratch', count: 1 },
      ],
    }));

  it('reads 100 KB of adversarial text quickly', async () => {
    const text = `FROM debian:12\nRUN echo "${'sslverify= '.repeat(10_000)}" && pip install -i http://${'a'.repeat(50_000)}\nENV PIP_EXTRA_INDEX_URL="${'http:// '.repeat(10_000)}"\n`;
    const t0 = performance.now();
    const fs = await findingsOf('DW4002', text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(fs.length).toBe(1);
  });
});
