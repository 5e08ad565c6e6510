import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW1005 python-lock-not-enforced', () => {
  it('flags installs that may re-resolve', () =>
    checkRule('DW1005', {
      valid: [
        'FROM python:3.12-slim\nRUN uv sync --locked',
        'FROM python:3.12-slim\nRUN uv sync --frozen --no-dev',
        'FROM python:3.12-slim\nENV UV_LOCKED=1\nRUN uv sync',
        'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv UV_FROZEN=true uv sync',
        'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root',
        'FROM python:3.12-slim\nCOPY . .\nRUN poetry install',
        'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install',
        'FROM python:3.12-slim\nRUN pipenv install --deploy --system',
        'FROM python:3.12-slim\nRUN pipenv sync',
        'FROM python:3.12-slim\nRUN pipenv install requests==2.32.3',
        'FROM python:3.12-slim\nRUN uv pip sync requirements.txt',
      ],
      invalid: [
        { code: 'FROM python:3.12-slim\nRUN uv sync --no-dev', at: [[2, 8, 2, 12]], message: /--locked/ },
        { code: 'FROM python:3.12-slim\nCOPY pyproject.toml ./\nRUN poetry install --no-root', at: [[3, 12, 3, 19]], message: /poetry\.lock/ },
        { code: 'FROM python:3.12-slim\nRUN pipenv install --system', message: /--deploy/ },
        { code: 'FROM python:3.12-slim\nRUN poetry update', count: 1 },
        { code: 'FROM python:3.12-slim\nRUN uv lock --upgrade', count: 1 },
        { code: 'FROM python:3.12-slim\nRUN <<EOF\nset -e\nuv sync\nEOF', at: [[4, 4, 4, 8]] },
      ],
    }));

  it('offers --locked for uv sync', async () => {
    const [f] = await findingsOf('DW1005', 'FROM python:3.12-slim\nRUN uv sync --no-dev');
    expect(f?.fix?.edits[0]?.newText).toBe(' --locked');
  });
});
