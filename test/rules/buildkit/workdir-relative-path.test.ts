import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('WorkdirRelativePath', () => {
  it('flags a relative first WORKDIR', async () => {
    await checkRule('WorkdirRelativePath', {
      valid: [
        'FROM alpine:3.20\nWORKDIR /app',
        'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src',
        'FROM alpine:3.20\nWORKDIR "/srv/app"',
        'FROM alpine:3.20\nENV APP=/app\nWORKDIR $APP/src',
        'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src',
        'FROM eclipse-temurin:21\nWORKDIR $JAVA_HOME',
        '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app',
        'FROM alpine:3.20\nONBUILD WORKDIR src',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nWORKDIR app', at: [[2, 9, 2, 12]], message: /^Relative workdir "app" can have unexpected results if the base image changes$/ },
        { code: 'FROM alpine:3.20\nWORKDIR app\nWORKDIR more', count: 1 },
        { code: 'FROM alpine:3.20 AS base\nRUN true\nFROM base\nWORKDIR src', at: [[4, 9, 4, 12]] },
        { code: 'FROM alpine:3.20\nARG DIR=app\nWORKDIR $DIR', message: /"app"/ },
        { code: 'FROM alpine:3.20 AS a\nWORKDIR /a\nFROM alpine:3.20\nWORKDIR b', count: 1 },
      ],
    });
  });
});
