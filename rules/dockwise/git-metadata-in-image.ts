import {
  finalImageIsToolbox,
  finalStageIsDevTarget,
  defineRule,
  dockerignoreExcludes,
  commandsRunning,
  effectiveCommand,
  parseArgs,
  pathBasename,
  ships,
  wordRange,
  type EffectiveCommand,
  type InstructionNode,
  type ShellWord,
  type SimpleCommand,
} from '../../src/rule-api.js';

const CLONE_VALUES = ['-b', '--branch', '--depth', '-o', '--origin', '-j', '--jobs', '--reference', '--separate-git-dir', '-u', '--upload-pack', '--template', '-c', '--config', '--filter', '--shallow-since', '--shallow-exclude', '--revision', '--server-option'];

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, '');
}

/** `git clone <url> [dir]`: the directory the clone creates (relative as written), or null. */
function cloneDir(cmd: SimpleCommand, eff: EffectiveCommand = effectiveCommand(cmd)): { url: ShellWord; dir: string | null } | null {
  if (eff.name === null || pathBasename(eff.name) !== 'git') return null;
  const sub = parseArgs(eff, { values: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path'] }).positionals[0];
  if (!sub || sub.value !== 'clone') return null;
  const i = eff.args.indexOf(sub);
  const { flags, positionals } = parseArgs({ ...eff, args: eff.args.slice(i + 1) }, { values: CLONE_VALUES });
  if (flags.some((f) => f.name === '--bare' || f.name === '--mirror' || f.name === '--separate-git-dir')) return null;
  const url = positionals[0];
  if (!url) return null;
  const dirWord = positionals[1];
  if (dirWord) return { url, dir: dirWord.value === null ? null : dirWord.value.replace(/\/+$/, '') };
  const u = url.value;
  return { url, dir: u === null ? null : pathBasename(u.replace(/\/+$/, '')).replace(/\.git$/, '') };
}

/** True when a later command of the RUN deletes the clone or its `.git`. */
function cloneCleaned(node: InstructionNode, cmd: SimpleCommand, dir: string | null): boolean {
  for (const c of node.run?.commands ?? []) {
    if (c.start <= cmd.start) continue;
    const eff = effectiveCommand(c);
    if (eff.name === null) continue;
    const name = pathBasename(eff.name);
    const args = eff.args.map((a) => unquote(a.value ?? a.text));
    if (name === 'rm' && args.some((a) => !a.startsWith('-') && (pathBasename(a.replace(/\/+$/, '')) === '.git' || (dir !== null && (a.replace(/\/+$/, '') === dir || pathBasename(a.replace(/\/+$/, '')) === pathBasename(dir)))))) return true;
    if (name === 'find' && args.includes('.git') && (args.includes('-exec') || args.includes('-delete'))) return true;
  }
  return false;
}

export default defineRule({
  code: 'DW2008',
  name: 'git-metadata-in-image',
  severity: 'info',
  category: 'build-only-artifact',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Keep `.git` directories out of the final image',
    what:
      'Flags, in the final image: a COPY or ADD of a `.git` directory; `COPY . <dest>` when the build context has a `.dockerignore` that does not exclude `.git` (only when dockwise lints files from disk); `ADD --keep-git-dir=true` of a git repository; and `git clone` in a RUN that does not delete the clone or its `.git` in the same RUN (not in builder and development images).',
    why:
      'A `.git` directory holds the full history of the sources: often larger than the checkout itself, and it can leak code, deleted secrets and internal URLs. The program never needs it; version information can be passed as a build argument or a label.',
    examples: [
      { bad: 'FROM alpine:3.20\nCOPY .git /app/.git\nCOPY app /app', good: 'FROM alpine:3.20\nCOPY app /app' },
      { bad: 'FROM alpine:3.20\nCOPY . /app\nCMD ["/app/run"]', good: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app/run"]', dockerignore: 'node_modules\n' },
      {
        bad: 'FROM debian:12-slim\nRUN git clone --depth 1 --branch v1.2.3 https://github.com/example/tool.git /opt/tool\nCMD ["/opt/tool/run"]',
        good: 'FROM debian:12-slim\nRUN git clone --depth 1 --branch v1.2.3 https://github.com/example/tool.git /opt/tool && rm -rf /opt/tool/.git\nCMD ["/opt/tool/run"]',
      },
    ],
    exceptions:
      '`COPY . .` is not flagged when linting text without its build context, when the context has no `.dockerignore` (dockwise cannot tell whether the context is the root of a git checkout; a Dockerfile in a subdirectory usually has no `.git` in its context), or when the `.dockerignore` excludes `.git`. Builder stages are not flagged, nor clones in toolbox images (see DW2001).',
    references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files'],
  },
  check({ model, settings, report }) {
    if (finalStageIsDevTarget(model)) return;
    const ignore = settings.context;
    for (const node of model.nodes) {
      if (node.onbuild || !ships(model, node)) continue;
      const c = node.copy;
      if (c && c.heredocs.length === 0) {
        for (const s of c.sources) {
          const v = unquote(node.resolve(s.value) ?? s.value).replace(/\/+$/, '');
          if (c.from === null && pathBasename(v) === '.git') {
            report({ message: `\`${v}\` copies the git history into the final image: leave it out (pass the commit as a build argument or label if the program needs it)`, range: s.range });
          } else if (c.from === null && (v === '.' || v === '' || v === '*') && typeof ignore?.dockerignore === 'string') {
            if (dockerignoreExcludes(ignore.dockerignore, '.git')) continue;
            report({ message: `\`${node.keyword} ${unquote(s.value)}\` copies the whole build context and the .dockerignore does not exclude \`.git\`: if the context is a git checkout, its history ships in the final image. Add \`.git\` to .dockerignore`, range: s.range });
          } else if (c.kind === 'ADD' && /(?:^git@|\.git(?:$|#|\?))/.test(v) && c.flags.some((f) => f.name.toLowerCase() === 'keep-git-dir' && (f.value === null || f.value.toLowerCase() === 'true'))) {
            report({ message: `\`ADD --keep-git-dir\` keeps the repository's \`.git\` in the final image: drop the flag unless the program reads its own history`, range: s.range });
          }
        }
      }
    }
    // A clone in a builder or development image is usually its purpose.
    if (finalImageIsToolbox(model)) return;
    // Every git command of the RUNs (cloneDir accepts no other program), in file order.
    for (const { node, cmd, eff } of commandsRunning(model, ['git'])) {
      if (node.onbuild || !ships(model, node)) continue;
      const clone = cloneDir(cmd, eff);
      if (!clone || cloneCleaned(node, cmd, clone.dir)) continue;
      report({
        message: `\`git clone\` leaves \`${clone.dir ?? 'the clone'}/.git\` in the final image: delete it in the same RUN (\`rm -rf ${clone.dir ?? '<dir>'}/.git\`), or clone and build in a separate stage`,
        range: wordRange(node, clone.url),
      });
    }
  },
});
