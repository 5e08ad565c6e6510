import { commandEnv, defineRule, effectiveCommand, imageNodesBefore, isTruthy, packageCommands, pathBasename, wordRange, type InstructionNode, type SimpleCommand } from '../../src/rule-api.js';

/** `bundle config [set] [--local|--global] frozen|deployment true` (or `BUNDLE_FROZEN` via `bundle config`). */
function configuresFrozen(cmd: SimpleCommand): boolean {
  const eff = effectiveCommand(cmd);
  if (eff.name === null || !['bundle', 'bundler'].includes(pathBasename(eff.name))) return false;
  const a = eff.args.map((w) => (w.value ?? '').replace(/^["']|["']$/g, '').toLowerCase()).filter((v) => !v.startsWith('--'));
  if (a[0] !== 'config') return false;
  const rest = a[1] === 'set' ? a.slice(2) : a.slice(1);
  const key = rest[0] ?? '';
  const value = rest[1] ?? '';
  return (key === 'frozen' || key === 'deployment' || key === 'bundle_frozen' || key === 'bundle_deployment') && isTruthy(value);
}

function frozenEarlier(nodes: readonly InstructionNode[], node: InstructionNode, before: number): boolean {
  for (const n of nodes) for (const c of n.run?.commands ?? []) if (configuresFrozen(c)) return true;
  return (node.run?.commands ?? []).some((c) => c.start < before && configuresFrozen(c));
}

export default defineRule({
  code: 'DW1008',
  name: 'bundler-not-frozen',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Run `bundle install` frozen to `Gemfile.lock`',
    what:
      'Flags `bundle install` without `--frozen` or `--deployment`, when neither `BUNDLE_FROZEN` nor `BUNDLE_DEPLOYMENT` is set (ENV, ARG or on the command) and no earlier `bundle config set frozen true` / `deployment true` ran; also `bundle update` and `bundle add <gem>` without `--version`.',
    why:
      'Without frozen mode Bundler re-resolves whenever the Gemfile and `Gemfile.lock` disagree (or the lock is missing) and writes a new lock inside the image, so the build can install gems nobody reviewed. Frozen mode makes that an error.',
    examples: [
      { bad: 'FROM ruby:3.3-slim\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install', good: 'FROM ruby:3.3-slim\nENV BUNDLE_FROZEN=true\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install' },
      { bad: 'FROM ruby:3.3-slim\nRUN bundle update', good: 'FROM ruby:3.3-slim\nRUN bundle config set frozen true && bundle install' },
    ],
    exceptions: '`gem install` is hadolint DL3028. `bundle install --deployment` counts as frozen.',
    references: ['https://bundler.io/man/bundle-config.1.html'],
  },
  check({ model, report }) {
    for (const { node, pc } of packageCommands(model)) {
      if (pc.manager !== 'bundle' || !pc.subcommandWord) continue;
      const sub = pc.subcommand;
      if (sub === 'update') {
        report({ message: '`bundle update` re-resolves every gem at build time: update `Gemfile.lock` outside the build and run `bundle install` frozen', range: wordRange(node, pc.subcommandWord) });
        continue;
      }
      if (sub === 'add') {
        if (pc.flags.some((f) => f.name === '--version')) continue;
        for (const w of pc.operands) {
          if (w.value === null) continue;
          report({ message: `\`bundle add ${w.value}\` adds the newest release at build time: give \`--version <version>\`, or add it to the Gemfile and lock it outside the build`, range: wordRange(node, w) });
        }
        continue;
      }
      if (sub !== 'install') continue;
      if (pc.flags.some((f) => f.name === '--frozen' || f.name === '--deployment')) continue;
      const env = (n: string): boolean => isTruthy(commandEnv(node, pc.command, n));
      if (env('BUNDLE_FROZEN') || env('BUNDLE_DEPLOYMENT')) continue;
      if (frozenEarlier(imageNodesBefore(model, node), node, pc.command.start)) continue;
      report({
        message: '`bundle install` is not frozen: Bundler re-resolves and rewrites `Gemfile.lock` when it does not match the Gemfile. Set `ENV BUNDLE_FROZEN=true` (or run `bundle config set frozen true` first) so a stale lock fails the build',
        range: wordRange(node, pc.subcommandWord),
      });
    }
  },
});
