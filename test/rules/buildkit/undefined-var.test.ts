import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('UndefinedVar', () => {
  it('flags variables that are not in scope', async () => {
    await checkRule('UndefinedVar', {
      valid: [
        'FROM alpine:3.20 AS base\nARG foo\nCOPY $foo .',
        'FROM alpine:3.20\nENV PATH=$PATH:/app/bin',
        'FROM alpine:3.20\nENV A=1\nENV B=$A',
        'FROM alpine:3.20\nARG A=1 B=$A\nCOPY $B /x',
        'FROM alpine:3.20\nRUN echo $UNDEFINED_IN_SHELL',
        'FROM alpine:3.20\nCMD echo $X',
        "FROM alpine:3.20\nENV A='$NOT_EXPANDED'",
        'FROM alpine:3.20\nENV A=\\$NOT_EXPANDED',
        'FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP',
        'FROM eclipse-temurin:21\nENV PATH=$JAVA_HOME/bin:$PATH',
        'FROM golang:1.22\nCOPY . $GOPATH/src/app',
        'ARG VERSION=1\nFROM alpine:$VERSION',
        'FROM alpine:3.20\nONBUILD COPY $X /x',
        'FROM alpine:3.20\nEXPOSE $PORT',
        'FROM tomcat:10\nENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib',
        'FROM node:22\nENV NODE=1\nWORKDIR $HOME/app',
        '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV A=C:\\x',
      ],
      invalid: [
        { code: 'FROM alpine:3.20 AS base\nCOPY $foo .', at: [[2, 6, 2, 10]], message: /^Usage of undefined variable '\$foo'$/ },
        { code: 'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin', at: [[2, 10, 2, 15]], message: /Usage of undefined variable '\$PAHT' \(did you mean \$PATH\?\)/ },
        { code: 'ARG VERSION=1.2\nFROM eclipse-temurin:21\nCOPY app-$VERSION.jar /app/', at: [[3, 10, 3, 18]], count: 1 },
        { code: 'FROM alpine:3.20\nENV A=1 B=$A', at: [[2, 11, 2, 13]] },
        { code: 'FROM alpine:3.20\nENV A=${B:-default}', count: 1 },
        { code: 'FROM scratch\nCOPY ${X} ${Y} /', count: 2 },
        { code: 'FROM node:22 AS build\nARG APP_VERSION=1\nFROM node:22\nLABEL version=$APP_VERSION', at: [[4, 15, 4, 27]] },
        { code: 'FROM node:22\nARG APP_VERSION=1\nLABEL version=$APP_VERSON', message: /did you mean \$APP_VERSION\?/ },
        { code: 'FROM alpine:3.20\nUSER $UID:$GID', count: 2 },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=$CACHE echo', count: 1 },
        { code: 'FROM alpine:3.20\nWORKDIR $HOME/app', count: 1 },
        { code: 'FROM alpine:3.20\nENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib', count: 1 },
        { code: 'FROM tomcat:10\nENV A=$B\nENV B=1', at: [[2, 7, 2, 9]] },
        { code: 'FROM alpine:3.20\nENV A="x \\\n  $B"', at: [[3, 3, 3, 5]] },
      ],
    });
  });
});
