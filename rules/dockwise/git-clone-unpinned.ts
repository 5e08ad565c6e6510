import {
  defineRule,
  commandsRunning,
  effectiveCommand,
  expandWord,
  imageNodesAfter,
  isFixedGitRef,
  parseArgs,
  pathBasename,
  wordRange,
  type EffectiveCommand,
  type InstructionNode,
  type ShellWord,
  type SimpleCommand,
} from '../../src/rule-api.js';

const GLOBAL_VALUES = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path'];
const CLONE_VALUES = ['-b', '--branch', '--depth', '-o', '--origin', '-j', '--jobs', '--reference', '--reference-if-able', '--separate-git-dir', '-u', '--upload-pack', '--template', '-c', '--config', '--filter', '--shallow-since', '--shallow-exclude', '--revision', '--server-option', '--bundle-uri'];

/** `git [global options] <sub> args`: the subcommand and the words after it. */
function gitSub(cmd: SimpleCommand, eff: EffectiveCommand = effectiveCommand(cmd)): { sub: string; args: ShellWord[] } | null {
  if (eff.name === null || pathBasename(eff.name) !== 'git') return null;
  const { positionals } = parseArgs(eff, { values: GLOBAL_VALUES });
  const first = positionals[0];
  if (!first || first.value === null) return null;
  return { sub: first.value, args: eff.args.slice(eff.args.indexOf(first) + 1) };
}

/** Whether a ref word names a fixed revision (a variable of unknown value counts, unless it is called *BRANCH*). */
function fixedRef(node: InstructionNode, cmd: SimpleCommand, w: ShellWord): boolean {
  if (w.text.includes('$(') || w.text.includes('`')) return false;
  // PowerShell's `$env:NAME` (Windows images): the ARG or ENV of that name.
  const ps = /^["']?\$env:(\w+)["']?$/i.exec(w.text);
  if (ps) {
    const name = ps[1] ?? '';
    const v = node.state.env.get(name) ?? node.state.args.get(name);
    return v === undefined || v === null ? !/branch/i.test(name) : isFixedGitRef(v);
  }
  const values = expandWord(node, cmd, w);
  if (values === null) return !/branch/i.test(w.text);
  const v = values[0] ?? '';
  return isFixedGitRef(v.replace(/^(?:origin\/)?tags\//, ''));
}

/** A later `git checkout|switch --detach|reset --hard <fixed ref>` (or `git fetch <fixed ref>` + `checkout FETCH_HEAD`). */
function checksOutFixed(node: InstructionNode, cmds: readonly SimpleCommand[]): boolean {
  let fetchedFixed = false;
  for (const c of cmds) {
    const g = gitSub(c);
    if (!g) continue;
    const { flags, positionals } = parseWords(g.args);
    if (g.sub === 'fetch') {
      const refs = positionals.slice(1);
      if (refs.some((r) => fixedRef(node, c, r))) fetchedFixed = true;
      continue;
    }
    if (g.sub !== 'checkout' && g.sub !== 'switch' && g.sub !== 'reset') continue;
    if (g.sub === 'reset' && !flags.includes('--hard')) continue;
    if (flags.includes('-b') || flags.includes('-B') || flags.includes('-c') || flags.includes('-C')) continue;
    const ref = positionals[0];
    if (!ref) continue;
    if (ref.value === 'FETCH_HEAD' && fetchedFixed) return true;
    if (fixedRef(node, c, ref)) return true;
  }
  return false;
}

function parseWords(words: readonly ShellWord[]): { flags: string[]; positionals: ShellWord[] } {
  const flags: string[] = [];
  const positionals: ShellWord[] = [];
  let rest = false;
  for (const w of words) {
    const v = w.value ?? '';
    if (!rest && v === '--') {
      rest = true;
      continue;
    }
    if (!rest && v.startsWith('-') && v.length > 1) flags.push(v.split('=')[0] ?? v);
    else positionals.push(w);
  }
  return { flags, positionals };
}

export default defineRule({
  code: 'DW1015',
  name: 'git-clone-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Clone a tag or a commit, not a branch',
    what:
      'Flags `git clone <url>` that checks out the default branch, or a branch given with `--branch`/`-b`, when no `git checkout`/`git reset --hard`/`git switch --detach` of a tag or commit follows in the same RUN or a later RUN of the same stage. A ref counts as fixed when it is a commit id or a tag-like name with a version number (`v1.2.3`, `curl-8_5_0`); a variable of unknown value counts too, unless its name says it is a branch.',
    why:
      'A branch moves: the image is built from whatever was pushed last, so two builds of the same Dockerfile compile different code, and nothing in the Dockerfile records which.',
    examples: [
      { bad: 'FROM debian:12 AS build\nRUN git clone https://github.com/jqlang/jq.git /src', good: 'FROM debian:12 AS build\nRUN git clone --depth 1 --branch jq-1.7.1 https://github.com/jqlang/jq.git /src' },
      {
        bad: 'FROM debian:12 AS build\nRUN git clone -b master https://github.com/jqlang/jq.git /src && make -C /src',
        good: 'FROM debian:12 AS build\nRUN git clone https://github.com/jqlang/jq.git /src && git -C /src checkout 71c2ab509a8628dbbad4bc7b3f98a64aa90d3297 && make -C /src',
      },
    ],
    exceptions: 'Tags can be moved too; for full reproducibility check out a commit id. `git clone --revision=<commit>` (git 2.49) counts as fixed.',
  },
  check({ model, report }) {
    // Every git command of every RUN, in file order (gitSub accepts no other program).
    for (const { node, cmd, eff } of commandsRunning(model, ['git'])) {
      const cmds = node.run?.commands ?? [];
      const g = gitSub(cmd, eff);
      if (!g || g.sub !== 'clone') continue;
      const { flags, positionals } = parseArgs({ ...eff, args: g.args }, { values: CLONE_VALUES });
      const url = positionals[0];
      if (!url) continue;
      const branch = flags.find((f) => f.name === '-b' || f.name === '--branch' || f.name === '--revision');
      if (branch?.valueWord && fixedRef(node, cmd, branch.valueWord)) continue;
      const after = cmds.filter((c) => c.start > cmd.start);
      const later = imageNodesAfter(model, node).filter((n) => n.stageIndex === node.stageIndex).flatMap((n) => n.run?.commands ?? []);
      if (checksOutFixed(node, [...after, ...later])) continue;
      const what = branch?.valueWord ? `the branch \`${branch.valueWord.value ?? branch.valueWord.text}\`` : 'the default branch';
      report({
        message: `\`git clone ${url.value ?? url.text}\` builds from ${what}, which moves between builds: clone a tag (\`--branch v1.2.3 --depth 1\`) or \`git checkout <commit>\` after cloning`,
        range: wordRange(node, url),
      });
    }
  },
});
