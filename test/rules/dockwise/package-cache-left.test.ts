import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

const CMD = '\nCMD ["/app"]';

describe('DW2004 package-cache-left', () => {
  it('flags caches left in layers of the final image', () =>
    checkRule('DW2004', {
      valid: [
        `FROM node:22-slim\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev${CMD}`,
        `FROM node:22-slim\nCOPY . .\nRUN npm ci --omit=dev && npm cache clean --force${CMD}`,
        `FROM node:22-slim\nCOPY . .\nRUN npm ci --omit=dev && rm -rf ~/.npm${CMD}`,
        `FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app${CMD}`,
        `FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod go build -o /app .${CMD}`,
        `FROM golang:1.22\nCOPY . .\nRUN go build -o /app . && go clean -cache -modcache${CMD}`,
        `FROM golang:1.22\nCOPY . .\nRUN export GOCACHE="$PWD/.cache" GOMODCACHE="$PWD/.mod" && go build -o /app .${CMD}`,
        `FROM golang:1.22\nENV GOCACHE=/tmp/gocache GOMODCACHE=/tmp/gomod\nCOPY . .\nRUN go build -o /app . && rm -rf /tmp/gocache /tmp/gomod${CMD}`,
        `FROM ruby:3.3-slim\nCOPY . .\nRUN bundle install && rm -rf /usr/local/bundle/cache/*.gem${CMD}`,
        `FROM composer:2\nCOPY . .\nRUN composer install --no-dev --no-cache${CMD}`,
        `FROM python:3.12-slim\nCOPY . .\nRUN uv pip install --system --no-cache -r requirements.txt${CMD}`,
        `FROM python:3.12-slim\nENV UV_NO_CACHE=1\nCOPY . .\nRUN uv sync --locked${CMD}`,
        'FROM node:22-slim\nRUN npm install -g pm2@5.4.2',
        `FROM mambaorg/micromamba:1.5.10\nRUN micromamba install -y numpy=1.26.4 && micromamba clean --all --yes${CMD}`,
        `FROM node:22-slim\nRUN yarn install --frozen-lockfile${CMD}`,
        `FROM stefanscherer/node-windows:10\nRUN npm install -g nodemon@3.1.7${CMD}`,
      ],
      invalid: [
        { code: `FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev${CMD}`, at: [[3, 5, 3, 22]], message: /npm download cache.*npm cache clean --force/ },
        { code: `FROM golang:1.22\nCOPY . .\nRUN go build -o /app .${CMD}`, count: 2 },
        { code: `FROM golang:1.22\nCOPY . .\nRUN go mod download${CMD}`, count: 1, message: /Go module cache/ },
        { code: `FROM golang:1.22\nENV GOCACHE=/tmp/gocache\nCOPY . .\nRUN go build -o /app . && go clean -modcache${CMD}`, count: 1, message: /`\/tmp\/gocache`/ },
        { code: `FROM rust:1.82 AS base\nCOPY . .\nRUN cargo build --release\nFROM base${CMD}`, message: /Cargo registry.*\/usr\/local\/cargo\/registry/ },
        { code: `FROM ruby:3.3-slim\nCOPY . .\nRUN bundle install${CMD}`, message: /gem cache/ },
        { code: `FROM composer:2\nCOPY . .\nRUN composer install --no-dev${CMD}`, message: /Composer cache/ },
        { code: `FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y numpy=1.26.4${CMD}`, message: /conda clean/ },
        { code: `FROM python:3.12-slim\nCOPY . .\nRUN uv sync --locked${CMD}`, message: /uv cache/ },
        { code: `FROM node:22-slim\nRUN pnpm install --frozen-lockfile${CMD}`, message: /pnpm store/ },
      ],
    }));
});
