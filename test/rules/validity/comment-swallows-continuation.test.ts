import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5023 comment-swallows-continuation', () => {
  it('flags inline shell comments followed by a continuation', async () => {
    await checkRule('DW5023', {
      valid: [
        'FROM debian:12-slim\nRUN apt-get update \\\n    # whole-line comments are removed by the builder \\\n    && apt-get install -y curl',
        'FROM debian:12-slim\nRUN echo "#not a comment" \\\n    && curl -fsSL https://example.com/#anchor \\\n    && sed -i s/#foo/bar/ /etc/x \\\n    && echo done',
        'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl # last line',
        'FROM debian:12-slim\nRUN echo a # single line',
        'FROM debian:12-slim\nRUN <<EOF\necho hi # comment \\\necho there\nEOF',
        'FROM debian:12-slim\nRUN ["sh", "-c", "echo # \\\\"]',
        'FROM debian:12-slim\nRUN echo \\# escaped \\\n  && echo ok',
      ],
      invalid: [
        {
          code: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl # needed for healthchecks \\\n    && rm -rf /var/lib/apt/lists/*',
          at: [[3, 32, 3, 57]],
          message: /next line/,
        },
        { code: 'FROM debian:12-slim\nRUN a # b \\\n  && c \\\n  && d', message: /next 2 lines/ },
      ],
    });
  });
});
