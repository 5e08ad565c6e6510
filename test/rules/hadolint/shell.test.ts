/**
 * hadolint rules that read RUN scripts or variable names: DL3001, DL3010, DL3046, DL3047, DL3059,
 * DL3064, DL4001, DL4005, with ONBUILD variants, heredocs and fixes.
 */
import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DL3001 pointless-commands', () => {
  it('cases', () =>
    checkRule('DL3001', {
      valid: ['FROM a:1\nRUN echo ssh', 'FROM a:1\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts', 'FROM a:1\nRUN apt-get install -y vim'],
      invalid: [
        { code: 'FROM a:1\nRUN service nginx start', at: [[2, 5, 2, 12]], count: 1 },
        { code: 'FROM a:1\nRUN sudo /usr/bin/vim x && ps aux', count: 2 },
        { code: 'FROM a:1\nONBUILD RUN top -b -n 1', count: 1 },
        { code: 'FROM a:1\nRUN <<EOF\nmount -a\nEOF', count: 1 },
      ],
    }));
});

describe('DL3010 add-to-extract', () => {
  it('cases', () =>
    checkRule('DL3010', {
      valid: [
        'FROM a:1\nCOPY app.tar.gz /tmp/',
        'FROM a:1\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip',
        'FROM a:1\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz',
        'FROM a:1 AS b\nFROM a:1\nCOPY --from=b /app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz',
        'FROM a:1\nCOPY app.tar.gz /tmp/\nFROM a:1\nRUN tar -xzf /tmp/app.tar.gz',
        'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -czf /tmp/other.tar.gz /tmp/app.tar.gz',
      ],
      invalid: [
        { code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt', at: [[2, 6, 2, 16]], count: 1 },
        { code: 'FROM a:1\nCOPY ./dist/app.tgz /tmp/\nRUN cd /opt && tar xzf /tmp/app.tgz', count: 1 },
        { code: 'FROM a:1\nCOPY src /tmp/app.tar.xz\nRUN tar --extract --file=/tmp/app.tar.xz', count: 1 },
        { code: 'FROM a:1\nCOPY a.tar.gz b.tar.bz2 /tmp/\nRUN gunzip /tmp/a.tar.gz && tar -xjf /tmp/b.tar.bz2', count: 2 },
      ],
    }));
});

describe('DL3046 useradd-no-log-init', () => {
  it('cases', () =>
    checkRule('DL3046', {
      valid: [
        'FROM a:1\nRUN useradd -u 1000 app',
        'FROM a:1\nRUN useradd -l -u 1000000 app',
        'FROM a:1\nRUN useradd --no-log-init --uid 1000000 app',
        'FROM a:1\nRUN useradd -lu 1000000 app',
        'FROM a:1\nARG UID\nRUN useradd -u $UID app',
      ],
      invalid: [
        { code: 'FROM a:1\nRUN useradd -u 1000000 app', at: [[2, 16, 2, 23]], count: 1 },
        { code: 'FROM a:1\nRUN useradd --uid=123456 -m app', count: 1 },
        { code: 'FROM a:1\nARG UID=1000000\nRUN useradd -u ${UID} app', count: 1 },
        { code: 'FROM a:1\nONBUILD RUN useradd -u 1000000 app', count: 1 },
      ],
    }));
  it('fix inserts -l after useradd', async () => {
    const [f] = await findingsOf('DL3046', 'FROM a:1\nRUN useradd -u 1000000 app');
    expect(f?.fix).toEqual({ title: 'Add -l (--no-log-init)', safety: 'safe', edits: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, newText: ' -l' }] });
  });
});

describe('DL3047 wget-progress', () => {
  it('cases', () =>
    checkRule('DL3047', {
      valid: [
        'FROM a:1\nRUN wget -q https://x/y',
        'FROM a:1\nRUN wget --progress=dot:giga https://x/y',
        'FROM a:1\nRUN wget -nv https://x/y',
        'FROM a:1\nRUN wget -o /dev/null https://x/y',
        'FROM a:1\nRUN wget -qO- https://x/y | sh',
        'FROM a:1\nRUN curl -fsSLO https://x/y',
      ],
      invalid: [
        { code: 'FROM a:1\nRUN wget https://x/y', at: [[2, 5, 2, 9]], count: 1 },
        { code: 'FROM a:1\nRUN wget -O /tmp/y https://x/y', count: 1 },
        { code: 'FROM a:1\nONBUILD RUN wget https://x/y', count: 1 },
      ],
    }));
  it('fix adds --progress=dot:giga (unsafe)', async () => {
    const [f] = await findingsOf('DL3047', 'FROM a:1\nRUN wget https://x/y');
    expect(f?.fix).toMatchObject({ safety: 'unsafe', edits: [{ newText: ' --progress=dot:giga' }] });
  });
});

describe('DL3059 consolidate-runs', () => {
  it('cases', () =>
    checkRule('DL3059', {
      valid: [
        'FROM a:1\nRUN a\nWORKDIR /x\nRUN b',
        'FROM a:1\nRUN a && b && c\nRUN d',
        'FROM a:1\nRUN --mount=type=secret,id=x a\nRUN b',
        'FROM a:1\nRUN a\nFROM b:1\nRUN b',
        'FROM a:1\nRUN <<EOF\na\nEOF\nRUN b',
        'FROM a:1\nRUN a\nONBUILD RUN b',
        'FROM w:1\nSHELL ["powershell", "-Command"]\nRUN a; b; c\nRUN d',
      ],
      invalid: [
        { code: 'FROM a:1\nRUN a\nRUN b', at: [[3, 1, 3, 4]], count: 1 },
        { code: 'FROM a:1\nRUN a\n# comment\n\nRUN b', count: 1 },
        { code: 'FROM a:1\nRUN a\nRUN b\nRUN c', count: 2, message: /line (2|3)$/ },
        { code: 'FROM w:1\nSHELL ["powershell", "-Command"]\nRUN a; "x;y"\nRUN d', count: 1 },
        { code: 'FROM a:1\nRUN --mount=type=cache,target=/x a\nRUN --mount=type=cache,target=/x b', count: 1 },
      ],
    }));
  it('fix joins the two RUNs when nothing but blanks separates them', async () => {
    const [f] = await findingsOf('DL3059', 'FROM a:1\nRUN mkdir /app\nRUN chown 1 /app');
    expect(f?.fix).toEqual({
      title: 'Join with the previous RUN',
      safety: 'unsafe',
      edits: [{ range: { start: { line: 1, character: 14 }, end: { line: 2, character: 4 } }, newText: ' \\\n    && ' }],
    });
    const [g] = await findingsOf('DL3059', 'FROM a:1\nRUN a\n# why\nRUN b');
    expect(g?.fix).toBeUndefined();
    const [h] = await findingsOf('DL3059', 'FROM a:1\nRUN a;\nRUN b');
    expect(h?.fix).toBeUndefined();
  });
});

describe('DL3064 secrets-in-arg-env', () => {
  it('cases', () =>
    checkRule('DL3064', {
      valid: [
        'FROM a:1\nENV TOKENIZERS_PARALLELISM=false',
        'FROM a:1\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pg',
        'FROM a:1\nARG NODE_VERSION=22',
        'FROM a:1\nENV NEXT_PUBLIC_API_TOKEN=x',
        'FROM a:1\nENV GPG_KEY=ABC',
        'FROM a:1\nARG USERNAME=vscode',
      ],
      invalid: [
        { code: 'FROM a:1\nARG GITHUB_TOKEN', at: [[2, 5, 2, 17]], count: 1 },
        { code: 'FROM a:1\nENV DB_PASSWORD=x APP_SECRET_KEY=y', count: 2 },
        { code: 'ARG NPM_TOKEN\nFROM a:1', count: 1 },
        { code: 'FROM a:1\nARG A=1 MY_API_KEY', count: 1 },
        { code: 'FROM a:1\nENV mysqlpassword=x', count: 1 },
        { code: 'FROM a:1\nARG DOCKER_USERNAME', count: 1 },
        { code: 'FROM a:1\nONBUILD ARG aws_secret_access_key', count: 1 },
      ],
    }));
});

describe('DL4001 curl-or-wget', () => {
  it('cases', () =>
    checkRule('DL4001', {
      valid: [
        'FROM a:1\nRUN curl -fsSLO https://x/y',
        'FROM a:1\nRUN curl -fsSLO https://x/y\nFROM b:1\nRUN wget -q https://x/y',
        'FROM a:1\nRUN if command -v curl; then curl -fsSLO https://x/y; else wget -q https://x/y; fi',
        'FROM a:1\nRUN apt-get install -y curl wget',
      ],
      invalid: [
        { code: 'FROM a:1\nRUN curl -fsSLO https://x/y\nRUN wget -q https://x/z', at: [[3, 5, 3, 9]], count: 1 },
        { code: 'FROM a:1\nRUN curl -fsSLO https://x/y && wget -q https://x/z\nRUN curl -fsSLO https://x/w', count: 2 },
      ],
    }));
});

describe('DL4005 use-shell-instruction', () => {
  it('cases', () =>
    checkRule('DL4005', {
      valid: ['FROM a:1\nRUN ln -s /bin/sh /usr/local/bin/sh', 'FROM a:1\nRUN ln -sf /usr/bin/python3 /usr/bin/python', 'FROM a:1\nRUN echo /bin/sh'],
      invalid: [
        { code: 'FROM a:1\nRUN ln -sf /bin/bash /bin/sh', at: [[2, 22, 2, 29]], count: 1 },
        { code: 'FROM a:1\nRUN rm /bin/sh && ln -s bash /bin/sh', count: 1 },
        { code: 'FROM a:1\nONBUILD RUN ln -sf /bin/bash /bin/sh', count: 1 },
      ],
    }));
});
