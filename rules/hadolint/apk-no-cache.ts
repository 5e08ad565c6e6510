import { commandRange, defineRule, hasCacheMount, insertAfterWord, packageInstalls } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3019',
  name: 'apk-no-cache',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/*',
    what: 'Flags `apk add` without `--no-cache`, unless the RUN has a cache or tmpfs mount on `/var/cache/apk`.',
    why: 'Without `--no-cache`, apk keeps its index in `/var/cache/apk` and the layer ships it: build-only data in the final image.',
    examples: [{ bad: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2' }],
    exceptions: '`apk add --no-network` (which docker-library images use to mark already-installed libraries as runtime dependencies) downloads no index and leaves no cache, so it is not flagged; hadolint flags it.',
    equivalents: ['hadolint DL3019', 'Trivy DS-0025', 'dockerfilelint apkadd-missing_nocache_or_updaterm'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'apk' || install.noCache) continue;
      // `--no-network` fetches no index, so there is no cache to leave behind.
      if (install.flags.some((f) => f.name === '--no-network')) continue;
      if (hasCacheMount(node, ['/var/cache/apk', '/etc/apk/cache'])) continue;
      const sub = install.subcommandWord;
      report({
        message: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add --no-cache', safety: 'safe' as const, edits: [insertAfterWord(node, sub, ' --no-cache')] } } : {}),
      });
    }
  },
});
