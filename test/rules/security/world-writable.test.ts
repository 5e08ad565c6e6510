import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW4004 world-writable', () => {
  it('flags world-writable modes without the sticky bit', () =>
    checkRule('DW4004', {
      valid: [
        'FROM debian:12\nRUN chmod 755 /app',
        'FROM debian:12\nRUN chmod 1777 /run/app',
        'FROM debian:12\nRUN chmod -R 1777 "$GOPATH"',
        'FROM debian:12\nRUN chmod a+rwxt /shared',
        'FROM debian:12\nRUN chmod o-w /app',
        'FROM debian:12\nRUN chmod +x /entrypoint.sh',
        'FROM debian:12\nRUN chmod g+w /app',
        'FROM debian:12\nRUN chmod 775 /app',
        'FROM debian:12\nRUN chmod $MODE /app',
        'FROM debian:12\nRUN d="$(mktemp -d)" && chmod 777 "$d" && make -C "$d" && rm -rf "$d"',
        'FROM debian:12 AS build\nRUN chmod 777 /out\nFROM scratch\nCOPY --from=build /out/app /app',
        'FROM debian:12\nCOPY --chmod=755 app /app',
        'FROM debian:12\nRUN mkdir -m 1777 /shared',
        'FROM debian:12\nRUN echo chmod 777 /x',
        'FROM debian:12\nRUN chmod o=u /x',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN chmod 777 /data', at: [[2, 11, 2, 14]], message: /chmod mode 777/ },
        { code: 'FROM debian:12\nRUN chmod -R 0777 /data', count: 1 },
        { code: 'FROM debian:12\nRUN chmod 666 /etc/app.conf', count: 1 },
        { code: 'FROM debian:12\nRUN chmod a+rwx /data', count: 1 },
        { code: 'FROM debian:12\nRUN chmod -R u+rw,o+w /data', count: 1 },
        { code: 'FROM debian:12\nRUN chmod ugo=rwx /data', count: 1 },
        { code: 'FROM debian:12\nRUN chmod 777 /tmp', count: 1 },
        { code: 'FROM debian:12\nRUN mkdir -m 777 /data', at: [[2, 14, 2, 17]] },
        { code: 'FROM debian:12\nRUN install -d -m 0777 /data', count: 1 },
        { code: 'FROM alpine:3.20\nCOPY --chmod=777 app /app', at: [[2, 14, 2, 17]], message: /COPY --chmod mode 777/ },
        { code: 'FROM debian:12\nRUN sudo chmod 777 /data', count: 1 },
        { code: 'FROM debian:12\nRUN chmod 777 /a /b && rm -rf /a', count: 1 },
        { code: 'FROM debian:12 AS base\nRUN chmod 777 /data\nFROM base', count: 1 },
      ],
    }));

  it('reads 100 KB of adversarial mode text quickly', async () => {
    const text = `FROM debian:12\nRUN chmod ${'a+w,'.repeat(25_000)}o+ /x && chmod ${'ugo'.repeat(33_000)}+ /y\n`;
    const t0 = performance.now();
    const fs = await findingsOf('DW4004', text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(fs.length).toBe(1);
  });
});
