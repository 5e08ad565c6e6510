import { commandRange, defineRule, basename, nodesOf, type SimpleCommand } from '../../src/rule-api.js';

const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh', 'busybox']);

function shellHasPipefail(shell: readonly string[]): boolean {
  const prog = basename(shell[0] ?? '');
  if (!PIPEFAIL_SHELLS.has(prog)) return false;
  for (let i = 1; i < shell.length; i++) {
    const a = shell[i] ?? '';
    if (a === '-o' && shell[i + 1] === 'pipefail') return true;
    if (/^-[a-z]*o$/.test(a) && shell[i + 1] === 'pipefail') return true;
  }
  return false;
}

export default defineRule({
  code: 'DL4006',
  name: 'pipefail',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Set the SHELL option -o pipefail before RUN with a pipe in it',
    what: 'Flags a RUN whose shell script has a pipe (`a | b`) when neither the stage\'s SHELL passes `-o pipefail` to bash/zsh/ash nor the script runs `set -o pipefail` before its first pipe.',
    why: 'A pipeline\'s exit status is that of its last command: `curl -fsSL $URL | tar -xz` succeeds even when the download fails, and the build goes on with a broken image.',
    examples: [
      { bad: 'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | sh', good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/install.sh | sh' },
      { bad: 'FROM debian:12\nRUN cat /etc/os-release | grep ID', good: 'FROM debian:12\nRUN set -o pipefail && cat /etc/os-release | grep ID' },
    ],
    exceptions: 'RUNs under a non-POSIX SHELL (powershell, cmd) are not checked. Unlike hadolint, dockwise accepts a `set -o pipefail` at the start of the RUN (hadolint requires the SHELL instruction). Note that `/bin/sh` on Debian (dash) has no pipefail before Debian 13; use bash there.',
    equivalents: ['hadolint DL4006'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'RUN')) {
      const run = node.run;
      if (!run || !run.posix || run.form !== 'shell' || !run.shell) continue;
      if (shellHasPipefail(node.state.shell)) continue;
      if (run.shell.script.setsPipefail) continue;
      const piped = run.commands.filter((c: SimpleCommand) => c.inPipeline && !c.inHeredocScript);
      const first = piped[0];
      if (!first) continue;
      const id = first.pipelineId;
      const last = [...piped].reverse().find((c) => c.pipelineId === id) ?? first;
      const r = commandRange(node, first);
      report({ message: 'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check', range: { start: r.start, end: commandRange(node, last).end } });
    }
  },
});
