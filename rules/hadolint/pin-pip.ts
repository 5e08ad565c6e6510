import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3013',
  name: 'pin-pip',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Pin versions in pip install',
    what: 'Flags each package of `pip install` (pip, pip3, `python -m pip`) given without a version specifier (`==`, `>=`, `~=`, ...).',
    why: 'An unpinned package installs whatever PyPI has that day, so two builds of the same Dockerfile can ship different code and a new major version can break the image silently.',
    examples: [{ bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask', good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3' }],
    exceptions: 'As in hadolint, a `pip install` with `-r`/`--requirement`, `-c`/`--constraint` or a local path (`.`) is not flagged, nor are wheel/archive files and VCS URLs with a ref. Packages given through unknown variables are not flagged.',
    equivalents: ['hadolint DL3013'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'pip') continue;
      if (install.requirementFiles.length > 0 || install.constraintFiles.length > 0) continue;
      if (install.packages.some((p) => p.source === 'path')) continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic) continue;
        report({ message: `Pin versions in pip install: instead of \`${p.name}\` use \`${p.name}==<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
