import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW4009 update-without-install', () => {
  it('flags an index refresh without an install in the same RUN', () =>
    checkRule('DW4009', {
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
        'FROM debian:12\nRUN apt-get update && apt-get -y upgrade',
        'FROM debian:12\nRUN apt update\\\n && apt install -y curl',
        'FROM debian:12\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*',
        'FROM debian:12\nRUN apt-get update && xx-apt-get install -y gcc',
        'FROM debian:12\nRUN apt-get update && ./install-deps.sh',
        'FROM debian:12\nRUN apt-get update && bash /tmp/setup.sh',
        'FROM debian:12\nRUN apt-get update && $INSTALL curl',
        'FROM debian:12\nRUN apt-get update; apt-get dist-clean',
        'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*',
        'FROM alpine:3.20\nRUN apk update && apk add curl',
        'FROM alpine:3.20\nRUN apk add --update curl',
        'FROM fedora:40\nRUN dnf makecache && dnf install -y curl',
        'FROM centos:7\nRUN yum update -y',
        'FROM opensuse/leap:15\nRUN zypper refresh && zypper install -y curl',
        'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF',
        'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl', at: [[2, 5, 2, 19]], message: /`apt-get update` is not followed by `apt-get install`/ },
        { code: 'FROM debian:12\nRUN apt-get install -y curl && apt-get update', count: 1 },
        { code: 'FROM debian:12\nRUN apt-get update && apt-get purge -y imagemagick', count: 1 },
        { code: 'FROM alpine:3.20\nRUN apk update', at: [[2, 5, 2, 15]], message: /`apk update` is not followed by `apk add`/ },
        { code: 'FROM debian:12\nRUN apt-get update && apk add curl', count: 1 },
        { code: 'FROM fedora:40\nRUN dnf makecache', count: 1 },
        { code: 'FROM opensuse/leap:15\nRUN zypper ref', count: 1 },
        { code: 'FROM debian:12\nONBUILD RUN apt-get update', count: 1 },
        { code: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF', at: [[3, 1, 3, 15]] },
      ],
    }));
});
