import { describe, expect, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';
import { isValidImageReference } from '../../../rules/buildkit/invalid-default-arg-in-from.js';

describe('InvalidDefaultArgInFrom', () => {
  it('flags FROM references that are invalid with ARG defaults only', async () => {
    await checkRule('InvalidDefaultArgInFrom', {
      valid: [
        'ARG TAG=latest\nFROM busybox:${TAG}',
        'ARG VARIANT\nFROM busybox:stable${VARIANT}',
        'ARG TAG\nFROM alpine:${TAG:-3.14}',
        'ARG REGISTRY=registry.example.com:5000\nFROM $REGISTRY/team/app:1.0',
        'FROM alpine:3.20 AS build\nARG X\nFROM build',
        'ARG BASE=build\nFROM alpine:3.20 AS build\nFROM ${BASE}',
        'FROM alpine:3.20 AS Build\nFROM Build',
        'ARG DIGEST=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM alpine@${DIGEST}',
      ],
      invalid: [
        { code: 'ARG TAG\nFROM busybox:${TAG}', at: [[2, 6, 2, 20]], message: /^Default value for ARG busybox:\$\{TAG\} results in empty or invalid base image name$/ },
        { code: 'ARG IMAGE\nFROM ${IMAGE}', at: [[2, 6, 2, 14]] },
        { code: 'ARG IMAGE=Alpine\nFROM $IMAGE', count: 1 },
        { code: 'ARG REPO=team//\nFROM ${REPO}app', count: 1 },
        { code: 'FROM cgr.dev/ORG/app:1', at: [[1, 6, 1, 23]] },
      ],
    });
  });

  it('validates references like distribution/reference', () => {
    for (const ok of ['alpine', 'alpine:3.20', 'library/alpine', 'docker.io/library/alpine:3', 'localhost:5000/a/b', 'ghcr.io/o/r@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'a__b', 'a-----b', 'scratch']) {
      expect(isValidImageReference(ok), ok).toBe(true);
    }
    for (const bad of ['', 'Alpine', 'alpine:', ':3', 'a/', '/a', 'a..b', 'a_-b', 'alpine@sha256:xyz', '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']) {
      expect(isValidImageReference(bad), bad).toBe(false);
    }
  });
});
