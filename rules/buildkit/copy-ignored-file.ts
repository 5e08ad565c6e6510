import { cleanPath, defineRule, nodesOf, parseDockerignore, processWord, rangeText } from '../../src/rule-api.js';

/**
 * The documentation example, with the `.dockerignore` it assumes. (Declared apart so that the
 * `dockerignore` field passes type checking until RuleExample declares it.)
 */
const EXAMPLE = {
  bad: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt',
  good: 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt',
  dockerignore: '*/tmp/*\ntmp',
};

function isRemote(src: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(src) || /^git@/.test(src) || /^github\.com\//.test(src);
}

export default defineRule({
  code: 'CopyIgnoredFile',
  name: 'copy-ignored-file',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  fixable: false,
  docs: {
    summary: 'Attempting to Copy file that is excluded by .dockerignore',
    what: 'Flags a COPY or ADD source from the build context that the context\'s `.dockerignore` excludes (the path or one of its parent directories matches a pattern). Patterns follow Docker\'s rules: `*` and `?` stay within one path component, `**` spans any number of them, and `[...]` is a character class.',
    why: 'Files that match `.dockerignore` are never sent to the builder. Copying one fails the build with "not found", or, with a wildcard, silently copies nothing.',
    examples: [EXAMPLE],
    exceptions: 'Only runs when the `.dockerignore` next to the Dockerfile is known (linting files, not standard input). As in BuildKit, nothing is checked when `.dockerignore` has `!` exceptions (whether an excluded directory holds a re-included file cannot be known statically), and `COPY .` is only flagged when a pattern (`*`, `**` or `**/*`) excludes everything. `COPY --from`, URLs, git sources, heredocs and ONBUILD triggers are skipped. An absolute source (`/src`) is matched as relative to the context root. The example assumes a `.dockerignore` containing `*/tmp/*` and `tmp`.',
    equivalents: ['BuildKit CopyIgnoredFile'],
    references: ['https://docs.docker.com/reference/build-checks/copy-ignored-file/'],
  },
  check({ model, settings, report }) {
    const content = settings.context?.dockerignore;
    if (content === undefined || content === null) return;
    const matcher = parseDockerignore(content);
    if (matcher.patterns.length === 0 || matcher.exclusions) return;
    const rootIgnored = matcher.patterns.some((p) => !p.exclusion && (p.text === '*' || p.text === '**' || p.text === '**/*'));
    for (const node of nodesOf(model, ['COPY', 'ADD'], { onbuild: false })) {
      const copy = node.copy;
      if (!copy || copy.from !== null) continue;
      const cmd = copy.kind === 'ADD' ? 'Add' : 'Copy';
      for (const w of copy.sources) {
        const raw = rangeText(model, w.range).text;
        const resolved = raw.includes('$') ? node.resolve(raw) : raw;
        if (resolved === null) continue;
        const r = processWord(resolved, () => undefined, model.escapeChar);
        if (!r || r.result === '' || isRemote(r.result)) continue;
        let src = cleanPath(r.result);
        if (src === '.' || src === '/') {
          if (!rootIgnored) continue;
        } else if (src.startsWith('/')) {
          src = src.slice(1);
        }
        if (!matcher.matches(src)) continue;
        report({ message: `Attempting to ${cmd} file ${JSON.stringify(src)} that is excluded by .dockerignore`, range: w.range });
      }
    }
  },
});
