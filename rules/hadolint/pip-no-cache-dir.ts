import { commandRange, defineRule, hasCacheMount, insertAfterWord, packageInstalls } from '../../src/rule-api.js';

const TRUTHY = /^(?:1|true|yes|on)$/i;

export default defineRule({
  code: 'DL3042',
  name: 'pip-no-cache-dir',
  severity: 'warning',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`',
    what: 'Flags `pip install` (pip, pip3, `python -m pip`) without `--no-cache-dir`.',
    why: "pip keeps every downloaded wheel in `~/.cache/pip`; in an image that cache is dead weight shipped in the layer.",
    examples: [{ bad: 'FROM python:3.12-slim\nRUN pip install flask==3.0.3', good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3' }],
    exceptions: 'Not flagged when `PIP_NO_CACHE_DIR` is set to a true value (by ENV, inherited from a parent stage, or on the command line), when a cache mount covers `~/.cache/pip`, or for pipx and uv (which have their own caches).',
    equivalents: ['hadolint DL3042'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'pip' || install.noCacheDir) continue;
      const envValue = node.state.env.get('PIP_NO_CACHE_DIR');
      if (envValue && TRUTHY.test(envValue)) continue;
      if (install.command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR' && TRUTHY.test(a.value?.value ?? ''))) continue;
      if (hasCacheMount(node, ['/root/.cache/pip', '/root/.cache', '~/.cache/pip', '.cache/pip'])) continue;
      const sub = install.subcommandWord;
      report({
        message: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`',
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add --no-cache-dir', safety: 'safe' as const, edits: [insertAfterWord(node, sub, ' --no-cache-dir')] } } : {}),
      });
    }
  },
});
