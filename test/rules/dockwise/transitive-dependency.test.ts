import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW3003 transitive-dependency', () => {
  it('flags programs that only arrive as a dependency of another installed package', () =>
    checkRule('DW3003', {
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip\nRUN python3 -m pip --version',
        // metapackages count as asking for their parts
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y build-essential && gcc --version && make --version',
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y gnupg && gpg --version && gpgconf --kill all',
        // the base image already has it
        'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nRUN python3 -V',
        // a later build from source may have replaced it
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y ruby && curl -o r.tgz https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.0.tar.gz && tar -xzf r.tgz && cd ruby-3.3.0 && ./configure && make install && gem --version',
        // Alpine dependencies are not known
        'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && python3 -V',
      ],
      invalid: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nCMD ["python3", "-m", "http.server"]', at: [[3, 6, 3, 15]], message: /`python3` is only installed as a dependency of python3-pip \(line 2/ },
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nRUN python3 -c "print(1)" && python3 -V', count: 1 },
        { code: 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nFROM base\nRUN python3 -V', count: 1 },
      ],
    }));
});
