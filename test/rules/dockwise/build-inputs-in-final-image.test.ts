import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW2007 build-inputs-in-final-image', () => {
  it('flags sources and manifests that only a build in the final image reads', () =>
    checkRule('DW2007', {
      valid: [
        'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]',
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]',
        'FROM golang:1.22\nWORKDIR /src\nCOPY config.yaml /etc/app/config.yaml\nCOPY . .\nRUN go build -o /app .',
        'FROM golang:1.22\nWORKDIR /src\nRUN --mount=type=bind,target=. go build -o /app .\nCMD ["/app"]',
        'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "main.py"]',
        'FROM python:3.12-slim\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt pip install -r /tmp/requirements.txt\nCMD ["python"]',
        'FROM golang:1.22\nWORKDIR /src\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY app /src/app\nRUN go version\nCMD ["/app"]',
      ],
      invalid: [
        { code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\nCMD ["app"]', at: [[3, 6, 3, 7]], message: /`go build` on line 4/ },
        { code: 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY cmd ./cmd\nRUN go build -o /app ./cmd\nCMD ["/app"]', count: 2 },
        { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src ./src\nRUN npm run build\nCMD ["node", "dist/main.js"]', count: 2, message: /npm run build/ },
        { code: 'FROM debian:12-slim\nCOPY src /usr/src/tool\nRUN make -C /usr/src/tool install\nCMD ["tool"]', count: 1 },
        { code: 'FROM maven:3.9-eclipse-temurin-21 AS base\nWORKDIR /build\nCOPY pom.xml .\nCOPY src src\nFROM base\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]', count: 2 },
        { code: 'FROM python:3.12-slim\nCOPY requirements.txt /tmp/\nRUN pip install --no-cache-dir -r /tmp/requirements.txt\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]', at: [[2, 6, 2, 22]], message: /bind-mount/ },
      ],
    }));
});
