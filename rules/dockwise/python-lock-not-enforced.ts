import {
  commandEnv,
  copiedBefore,
  defineRule,
  commandsRunning,
  insertAfterWord,
  isTruthy,
  parseArgs,
  pathBasename,
  wordRange,
} from '../../src/rule-api.js';

export default defineRule({
  code: 'DW1005',
  name: 'python-lock-not-enforced',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: true,
  docs: {
    summary: 'Install Python projects from their lockfile, and fail when it is stale',
    what:
      'Flags Python project installs that may resolve versions afresh: `uv sync` without `--locked` or `--frozen` (or `UV_LOCKED`/`UV_FROZEN`), `poetry install` when no `poetry.lock` was copied into the image before it, `pipenv install` without `--deploy` or `--ignore-pipfile`, and `poetry update`, `pipenv update` and `uv lock --upgrade`, which re-resolve on purpose.',
    why:
      '`uv sync` silently re-locks when `uv.lock` does not match `pyproject.toml`, and `pipenv install` does the same with `Pipfile.lock`; without a lockfile, Poetry resolves the newest versions allowed. Each build can then install a different set of packages. `--locked` / `--deploy` make the build fail instead, so the lockfile stays the single source of versions.',
    examples: [
      { bad: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-dev', good: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev' },
      { bad: 'FROM python:3.12-slim\nCOPY pyproject.toml ./\nRUN poetry install --no-root', good: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root' },
      { bad: 'FROM python:3.12-slim\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system', good: 'FROM python:3.12-slim\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy' },
    ],
    exceptions:
      '`poetry install` is accepted when a `poetry.lock` may have been copied (by name, or with a directory, `.` or a glob); Poetry refuses a lockfile that no longer matches `pyproject.toml`. `uv pip sync` and `pipenv sync` install exactly the lockfile and are not flagged.',
    references: ['https://docs.astral.sh/uv/concepts/projects/sync/#checking-if-the-lockfile-is-up-to-date', 'https://pipenv.pypa.io/en/latest/commands.html#install'],
  },
  check({ model, report }) {
    for (const { node, cmd, eff } of commandsRunning(model, ['uv', 'poetry', 'pipenv'])) {
      if (eff.name === null) continue;
      const tool = pathBasename(eff.name);
      // Only these tools are looked at below: skip parsing the arguments of every other command.
      if (tool !== 'uv' && tool !== 'poetry' && tool !== 'pipenv') continue;
      const { flags, positionals } = parseArgs(eff, { values: ['--python', '-p', '--package', '--extra', '--group', '--directory', '--project', '--only-group', '--no-group', '--with', '--without', '--only', '-E', '--extras', '-C'] });
      const sub = positionals[0];
      if (!sub || sub.value === null) continue;
      const has = (...names: string[]): boolean => flags.some((f) => names.includes(f.name));
      if (tool === 'uv' && sub.value === 'sync') {
        if (has('--locked', '--frozen')) continue;
        if (isTruthy(commandEnv(node, cmd, 'UV_LOCKED')) || isTruthy(commandEnv(node, cmd, 'UV_FROZEN'))) continue;
        report({
          message: '`uv sync` re-locks when `uv.lock` is out of date with `pyproject.toml`, so the build may install versions nobody reviewed: add `--locked` (fail on a stale lock) or `--frozen` (install the lock as is)',
          range: wordRange(node, sub),
          fix: { title: 'Add --locked', safety: 'unsafe', edits: [insertAfterWord(node, sub, ' --locked')] },
        });
      } else if (tool === 'uv' && sub.value === 'lock' && has('--upgrade', '-U', '--upgrade-package', '-P')) {
        report({ message: '`uv lock --upgrade` re-resolves every version at build time: lock outside the build and copy `uv.lock` in', range: wordRange(node, sub) });
      } else if (tool === 'poetry' && sub.value === 'install') {
        if (copiedBefore(model, node, (n) => n === 'poetry.lock') !== 'no') continue;
        report({
          message: '`poetry install` runs without a `poetry.lock` in the image (none was copied before it), so Poetry resolves the newest versions `pyproject.toml` allows: copy `poetry.lock` next to `pyproject.toml` first',
          range: wordRange(node, sub),
        });
      } else if ((tool === 'poetry' || tool === 'pipenv') && sub.value === 'update') {
        report({ message: `\`${tool} update\` re-resolves every version at build time: update the lockfile outside the build and install from it`, range: wordRange(node, sub) });
      } else if (tool === 'pipenv' && sub.value === 'install') {
        if (positionals.length > 1) continue;
        if (has('--deploy', '--ignore-pipfile')) continue;
        if (isTruthy(commandEnv(node, cmd, 'PIPENV_DEPLOY'))) continue;
        report({
          message: '`pipenv install` re-locks when `Pipfile.lock` is out of date (or missing), so the build may install unreviewed versions: add `--deploy` (fail on a stale lock) or use `pipenv sync`',
          range: wordRange(node, sub),
          fix: { title: 'Add --deploy', safety: 'unsafe', edits: [insertAfterWord(node, sub, ' --deploy')] },
        });
      }
    }
  },
});
