import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW2002 sdk-final-base-image', () => {
  it('flags SDK images as the final base', () =>
    checkRule('DW2002', {
      valid: [
        'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]',
        'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
        'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
        'FROM golang:1.22',
        'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.2',
        'FROM python:3.12\nCMD ["python3"]',
        'FROM example.com/unknown/image:1.0\nCOPY . /app\nCMD ["/app/run"]',
        'ARG BASE\nFROM $BASE\nCOPY . /app\nCMD ["/app/run"]',
        'FROM golang:1.22 AS test\nCOPY . .\nCMD ["go", "test", "./..."]',
      ],
      invalid: [
        { code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]', at: [[1, 6, 1, 17]], message: /Go SDK/ },
        { code: 'ARG GO=1.22\nFROM golang:${GO}-alpine\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]', message: /golang:1\.22-alpine/ },
        { code: 'FROM golang:1.22 AS base\nCOPY . .\nFROM base\nRUN go build -o /app .\nCMD ["/app"]', at: [[1, 6, 1, 17]] },
        { code: 'FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]', message: /Maven/ },
        { code: 'FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]', message: /eclipse-temurin:21-jre/ },
        { code: 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]', message: /python:3\.12-slim/ },
        { code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -o /out\nENTRYPOINT ["dotnet", "/out/app.dll"]', message: /\.NET SDK/ },
      ],
    }));

  it('uses info for JDK and full variants, warning for compilers', async () => {
    expect((await findingsOf('DW2002', 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]'))[0]?.severity).toBe('info');
    expect((await findingsOf('DW2002', 'FROM node:22\nCOPY . .\nCMD ["node", "server.js"]'))[0]?.severity).toBe('info');
    expect((await findingsOf('DW2002', 'FROM rust:1.82\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/app"]'))[0]?.severity).toBe('warning');
  });
});
