import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW3001 implicit-base-dependency', () => {
  it('flags RUN-time programs that only the base image adds on top of its distribution', () =>
    checkRule('DW3001', {
      valid: [
        // base system, builtins, the image's purpose
        'FROM node:20\nRUN set -e && mkdir -p /app && sed -i s/a/b/ /etc/x && node -v && npm ci',
        'FROM python:3.12\nRUN python -m venv /venv && pip install --no-cache-dir flask==3.0.0',
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && curl -fsSL https://x',
        // installed explicitly
        'FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends git && git clone https://x/y.git',
        'FROM node:20 AS base\nRUN apt-get update && apt-get install -y --no-install-recommends git\nFROM base\nRUN git --version',
        // built from source by the Dockerfile itself (official-image pattern)
        'FROM buildpack-deps:bookworm\nCOPY Python-3.12.1.tar.xz /tmp/\nRUN tar -xJf /tmp/Python-3.12.1.tar.xz -C /usr/local --strip-components=1 && python3 --version\nCMD ["python3"]',
        // unknown base images
        'FROM registry.example.com/node:20\nRUN git --version',
        'ARG BASE\nFROM ${BASE}\nRUN git --version',
        // the final image is DW3002's
        'FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
      ],
      invalid: [
        { code: 'FROM node:20\nRUN git clone --depth 1 https://github.com/example/app.git /app', at: [[2, 5, 2, 8]], message: /`git`.*node:20 \(package git, added by buildpack-deps:.*apt-get install -y --no-install-recommends git/ },
        { code: 'FROM golang:1.22 AS build\nRUN make build && make test\nRUN make install\nFROM scratch\nCOPY --from=build /out /', count: 1, message: /`make`.*golang:1.22/ },
        { code: 'ARG GO=1.22\nFROM golang:${GO}\nRUN curl -fsSLo /tmp/x https://x', count: 1, message: /golang:1\.22/ },
        { code: 'FROM python:3.12\nRUN gcc --version', count: 1, message: /`gcc`/ },
        { code: 'FROM php:8.2-apache\nRUN curl -fsSL https://getcomposer.org/installer | php', count: 1, message: /php:8\.2-apache \(package curl\)/ },
        // each stage separately
        { code: 'FROM node:20 AS a\nRUN git --version\nFROM node:20\nRUN git --version', count: 2 },
      ],
    }));
});
