import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1003 python-package-unpinned', () => {
  it('flags names DL3013 does not check', () =>
    checkRule('DW1003', {
      valid: [
        'FROM python:3.12-slim\nRUN pip install flask',
        'FROM python:3.12-slim\nRUN pip install -r requirements.txt',
        'FROM python:3.12-slim\nRUN pip install -r requirements.txt gunicorn==22.0.0',
        'FROM python:3.12-slim\nRUN pip install -r requirements.txt -c constraints.txt gunicorn',
        'FROM python:3.12-slim\nRUN pipx install poetry==1.8.3',
        'FROM python:3.12-slim\nRUN pipx install --spec poetry==1.8.3 poetry',
        'FROM python:3.12-slim\nRUN uv pip install --system "ruff>=0.6,<0.7"',
        'FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt',
        'FROM python:3.12-slim\nARG PKG\nRUN uv pip install --system $PKG',
        'FROM python:3.12-slim\nRUN uv tool install ./tools/mytool',
      ],
      invalid: [
        { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt gunicorn', at: [[2, 52, 2, 60]], message: /gunicorn==<version>/ },
        { code: 'FROM python:3.12-slim\nRUN pip install . uvicorn', count: 1 },
        { code: 'FROM python:3.12-slim\nRUN pip install -U pip -r requirements.txt', count: 1, message: /pip==<version>/ },
        { code: 'FROM python:3.12-slim\nRUN pipx install poetry', at: [[2, 18, 2, 24]] },
        { code: 'FROM python:3.12-slim\nRUN uv tool install ruff', message: /uv tool install ruff/ },
        { code: 'FROM python:3.12-slim\nRUN uv pip install --system httpie', count: 1 },
        { code: 'FROM python:3.12-slim\nRUN uv pip install --system git+https://github.com/psf/requests.git', message: /<tag or commit>/ },
        { code: 'FROM python:3.12-slim\nRUN <<EOF\nuv pip install --system rich\nEOF', at: [[3, 25, 3, 29]] },
        { code: 'FROM python:3.12-slim AS build\nRUN pipx install black\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local', count: 1 },
      ],
    }));
});
