import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf, lint } from '../../helpers/lint.js';

describe('DW4006 root-final-image', () => {
  it('flags a final image that never sets USER on a root-by-default base', () =>
    checkRule('DW4006', {
      valid: [
        'FROM python:3.12-slim\nUSER app\nCMD ["python"]',
        'FROM python:3.12-slim AS base\nUSER 1000\nFROM base\nCMD ["python"]',
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app',
        'FROM gcr.io/distroless/base-debian12:debug-nonroot\nCOPY app /app',
        'FROM cgr.dev/chainguard/static:latest\nCOPY app /app',
        'FROM jenkins/jenkins:lts\nRUN jenkins-plugin-cli --plugins git',
        'FROM bitnami/redis:7.2\nCOPY redis.conf /opt/bitnami/redis/conf/',
        'ARG BASE\nFROM ${BASE}\nCMD ["app"]',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]',
        'FROM openjdk:8-windowsservercore\nCMD ["java"]',
        'FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]',
        'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nCMD ["app"]',
        'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]',
        'FROM php:8.3-apache\nCOPY . /var/www/html',
        'FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html',
        'FROM golang:1.23 AS build\nUSER root\nFROM build\nUSER nobody',
      ],
      invalid: [
        { code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]', at: [[1, 6, 1, 22]], message: /runs as root/ },
        { code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app', at: [[3, 6, 3, 13]] },
        { code: 'FROM golang:1.23 AS build\nUSER nobody\nRUN go build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app', count: 1 },
        { code: 'FROM docker.io/library/debian:12 AS base\nRUN true\nFROM base\nCMD ["bash"]', at: [[3, 6, 3, 10]] },
        { code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/app.dll"]', count: 1 },
        { code: 'FROM debian:12\nONBUILD USER app\nCMD ["app"]', count: 1 },
        { code: 'ARG BASE=debian:12\nFROM ${BASE}\nCMD ["app"]', at: [[2, 6, 2, 13]] },
      ],
    }));

  it('is opt-in', async () => {
    const fs = await lint('FROM python:3.12-slim\nCMD ["python"]\n');
    expect(fs.map((f) => f.rule)).not.toContain('DW4006');
    expect(await findingsOf('DW4006', 'FROM python:3.12-slim\nCMD ["python"]\n')).toHaveLength(1);
  });

  it('does not repeat hadolint DL3002 for an explicit USER root', async () => {
    expect(await findingsOf('DW4006', 'FROM python:3.12-slim\nUSER root\nCMD ["python"]\n')).toEqual([]);
  });

  it('reads 100 KB of adversarial instruction text quickly', async () => {
    const text = `FROM debian:12\nCMD ["${'gosux'.repeat(20_000)}", "${'-'.repeat(20_000)}"]\n`;
    const t0 = performance.now();
    const fs = await findingsOf('DW4006', text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(fs).toHaveLength(1);
  });
});
