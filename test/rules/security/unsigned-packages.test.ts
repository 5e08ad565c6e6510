import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW4003 unsigned-packages', () => {
  it('flags options that skip package signature checks', () =>
    checkRule('DW4003', {
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
        'FROM alpine:3.20\nRUN apk add --no-cache curl',
        'FROM alpine:3.20\nCOPY pkgs /tmp/pkgs\nRUN apk add --allow-untrusted /tmp/pkgs/app-1.0-r0.apk',
        'FROM alpine:3.20\nRUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/*.apk',
        'FROM fedora:40\nRUN dnf install -y --nogpgcheck ./app-1.0.rpm',
        'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list',
        'FROM debian:12\nRUN echo "deb [trusted=yes] $REPO stable main" > /etc/apt/sources.list.d/x.list',
        'FROM debian:12\nRUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list',
        'FROM centos:7\nRUN rpm -i --nosignature /tmp/app.rpm',
        'FROM centos:7\nRUN yum install -y --setopt=repo_gpgcheck=0 curl',
        'FROM debian:12\nRUN echo --allow-unauthenticated',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl', at: [[2, 24, 2, 47]], message: /--allow-unauthenticated/ },
        { code: 'FROM debian:12\nRUN apt-get install -y --force-yes curl', count: 1 },
        { code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl', count: 1 },
        { code: 'FROM debian:12\nRUN apt-get update --allow-insecure-repositories', count: 1 },
        { code: "FROM debian:12\nRUN echo 'deb [trusted=yes] http://repo.example.com/debian stable main' > /etc/apt/sources.list.d/x.list", at: [[2, 16, 2, 27]] },
        { code: "FROM debian:12\nRUN echo 'deb [ allow-insecure=yes trusted=yes ] https://repo.example.com/debian stable main' > /etc/apt/sources.list.d/x.list", count: 1 },
        { code: 'FROM debian:12\nRUN cat > /etc/apt/sources.list.d/x.list <<EOF\ndeb [arch=amd64 trusted=yes] https://repo.example.com/debian stable main\nEOF', at: [[3, 17, 3, 28]] },
        { code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted curl', at: [[2, 13, 2, 30]] },
        { code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck curl', count: 1 },
        { code: 'FROM centos:7\nRUN yum install -y --nogpgcheck curl', count: 1 },
        { code: 'FROM centos:7\nRUN yum install -y --setopt=gpgcheck=0 curl', count: 1 },
        { code: 'FROM opensuse/leap:15\nRUN zypper --no-gpg-checks install -y curl', count: 1 },
        { code: 'FROM centos:7\nRUN rpm -ivh --nosignature https://example.com/app.rpm', count: 1 },
        { code: 'FROM debian:12\nONBUILD RUN apt-get install -y --allow-unauthenticated curl', count: 1 },
      ],
    }));

  it('reads 100 KB of adversarial sources text quickly', async () => {
    const text = `FROM debian:12\nRUN echo "${'deb [ '.repeat(10_000)}${'deb [trusted=yes] '.repeat(2_000)}${'a:'.repeat(10_000)}"\n`;
    const t0 = performance.now();
    await findingsOf('DW4003', text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
