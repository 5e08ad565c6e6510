import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5013 shell-json', () => {
  it('requires a non-empty JSON array of strings', async () => {
    await checkRule('DW5013', {
      valid: [
        'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'FROM debian:12-slim\nSHELL ["powershell", \\\n  "-Command"]',
        'FROM debian:12-slim\nSHELL',
      ],
      invalid: [
        { code: 'FROM debian:12-slim\nSHELL /bin/bash -o pipefail -c', at: [[2, 7, 2, 31]], message: /JSON form/ },
        { code: "FROM debian:12-slim\nSHELL ['/bin/bash', '-c']", message: /double quotes/ },
        { code: 'FROM debian:12-slim\nSHELL []', at: [[2, 7, 2, 9]], message: /at least one argument/ },
        { code: 'FROM debian:12-slim\nSHELL ["/bin/sh", 1]', message: /strings/ },
      ],
    });
  });
});
