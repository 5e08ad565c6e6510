import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW1003',
  name: 'python-package-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Pin the Python packages that hadolint DL3013 does not check',
    what:
      'Flags Python packages named without a version where hadolint DL3013 does not look: `uv pip install`, `uv tool install` and `uv add`, `pipx install` (also `--spec`), and the packages named next to `-r requirements.txt` or a local path (`pip install -r requirements.txt gunicorn`, `pip install . uvicorn`), which DL3013 skips for the whole command. VCS URLs without an `@ref` count as unpinned.',
    why:
      'An unpinned package installs the newest release on every build, so the same Dockerfile produces different images, and a broken or compromised release lands without any change to the file. A requirements file next to it does not pin the extra names.',
    examples: [
      { bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt gunicorn', good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt gunicorn==22.0.0' },
      { bad: 'FROM python:3.12-slim\nRUN pipx install poetry', good: 'FROM python:3.12-slim\nRUN pipx install poetry==1.8.3' },
      { bad: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nRUN uv tool install ruff', good: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nRUN uv tool install ruff==0.6.9' },
    ],
    exceptions:
      'Not flagged: a command with `-c`/`--constraint` (the constraints pin the names), packages given through variables whose value is unknown, local files and paths, and plain `pip install <pkg>` (hadolint DL3013 reports those).',
    equivalents: ['hadolint DL3013 (plain pip only)'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'pip' && install.manager !== 'uv' && install.manager !== 'pipx') continue;
      if (install.constraintFiles.length > 0) continue;
      if (install.manager === 'pip') {
        const skippedByDl3013 = install.requirementFiles.length > 0 || install.packages.some((p) => p.source === 'path');
        if (!skippedByDl3013) continue;
      }
      const tool = install.manager === 'pip' ? `${install.tool} install` : `${install.tool} ${install.subcommand}`;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        if (p.source !== 'registry' && p.source !== 'vcs') continue;
        const fix = p.source === 'vcs' ? `\`${p.name}@<tag or commit>\`` : `\`${p.name}==<version>\``;
        const context = install.manager === 'pip' ? ' (the requirements file or path beside it does not pin it)' : '';
        report({ message: `\`${tool} ${p.name}\` installs whatever version is newest at build time${context}: use ${fix}`, range: wordRange(node, p.word) });
      }
    }
  },
});
