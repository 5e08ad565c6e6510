import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('UndefinedArgInFrom', () => {
  it('flags undeclared variables in FROM', async () => {
    await checkRule('UndefinedArgInFrom', {
      valid: [
        'ARG NODE_VERSION=22\nFROM node:$NODE_VERSION',
        'ARG TAG\nFROM alpine:${TAG:-3.20}',
        'FROM --platform=$BUILDPLATFORM golang:1.22',
        'FROM --platform=${TARGETPLATFORM} alpine:3.20',
        'ARG A=1 B=alpine\nFROM $B:$A',
        'FROM alpine:3.20',
      ],
      invalid: [
        { code: 'FROM node:$NODE_VERSION', at: [[1, 11, 1, 24]], message: /^FROM argument 'NODE_VERSION' is not declared$/ },
        { code: 'ARG VERSION=3.20\nFROM alpine:${VERSON}', at: [[2, 13, 2, 22]], message: /FROM argument 'VERSON' is not declared \(did you mean VERSION\?\)/ },
        { code: 'FROM alpine:3.20\nARG TAG=1\nFROM alpine:$TAG', at: [[3, 13, 3, 17]] },
        { code: 'FROM --platform=$PLATFORM alpine:3.20', at: [[1, 17, 1, 26]] },
        { code: 'FROM alpine:${TAG:-3.20}', count: 1 },
        { code: 'FROM $A:$B', count: 2 },
      ],
    });
  });
});
