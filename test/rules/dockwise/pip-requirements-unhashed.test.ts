import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1004 pip-requirements-unhashed', () => {
  it('flags requirements files without hashes or constraints', () =>
    checkRule('DW1004', {
      valid: [
        'FROM python:3.12-slim\nRUN pip install flask==3.0.3',
        'FROM python:3.12-slim\nRUN pip install --require-hashes -r requirements.txt',
        'FROM python:3.12-slim\nRUN pip install -r requirements.txt -c constraints.txt',
        'FROM python:3.12-slim\nENV PIP_REQUIRE_HASHES=1\nRUN pip install -r requirements.txt',
        'FROM python:3.12-slim\nRUN pip install -r requirements.lock',
        'FROM python:3.12-slim\nRUN poetry export -f requirements.txt -o requirements.txt && pip install -r requirements.txt',
        'FROM python:3.12-slim AS base\nRUN uv export --frozen > requirements.txt\nFROM base\nRUN pip install -r requirements.txt',
      ],
      invalid: [
        { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt', at: [[3, 35, 3, 51]], message: /cannot tell/ },
        { code: 'FROM python:3.12-slim\nRUN python3 -m pip install -r req/base.txt -r req/prod.txt', count: 2 },
        { code: 'FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt', count: 1 },
        { code: 'FROM python:3.12-slim\nARG REQ=requirements/prod.txt\nRUN pip install -r "$REQ"', message: /requirements\/prod\.txt/ },
      ],
    }));
});
