import { defineRule, downloadCommands, effectiveCommand, pathBasename, wordRange, type InstructionNode, type SimpleCommand } from '../../src/rule-api.js';

/** Programs that run the code they read: shells, script interpreters, `eval`, `source`. */
const RUNNERS = /^(?:sh|bash|dash|ash|zsh|ksh|mksh|fish|python[\d.]*|pypy[\d.]*|perl|ruby|node|php|eval|source|\.)$/;

function runnerName(cmd: SimpleCommand): string | null {
  const eff = effectiveCommand(cmd);
  if (eff.name === null) return null;
  const name = pathBasename(eff.name);
  return RUNNERS.test(name) ? name : null;
}

/** The command that runs the download's output: the next stage of its pipeline, or the command a `$(curl ...)` / `<(curl ...)` is an argument of. */
function runnerOf(node: InstructionNode, d: SimpleCommand): { name: string } | null {
  const cmds = node.run?.commands ?? [];
  if (d.inPipeline && d.pipelineId !== undefined && d.pipelineId !== null && d.pipelineIndex !== undefined && d.pipelineIndex !== null) {
    const next = cmds.find((c) => c.pipelineId === d.pipelineId && c.pipelineIndex === (d.pipelineIndex ?? 0) + 1);
    const name = next ? runnerName(next) : null;
    if (name !== null) return { name };
  }
  if (d.inSubstitution) {
    const outer = cmds.filter((c) => c !== d && c.start <= d.start && d.end <= c.end && !(c.start === d.start && c.end === d.end));
    const innermost = outer.sort((a, b) => b.start - a.start)[0];
    const name = innermost ? runnerName(innermost) : null;
    if (name !== null) return { name };
  }
  return null;
}

export default defineRule({
  code: 'DW1012',
  name: 'download-piped-to-shell',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Do not pipe a download into a shell',
    what:
      'Flags `curl ... | sh` and `wget -O- ... | bash` (also into python, perl, ruby, node or php), and `sh -c "$(curl ...)"`, `bash <(curl ...)`, `eval "$(curl ...)"`: a script fetched over the network and run without being saved or checked.',
    why:
      'The script is whatever the server returns at build time: it changes between builds without any change to the Dockerfile, and a compromised or truncated download runs as root in the image. Download it to a file, check its checksum or signature, then run it, or install a pinned release instead.',
    examples: [
      {
        bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh',
        good: 'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/v1.2.3/install.sh \\\n && echo "0f1d1bb8f7b0e6e7b6d5f1a3c1e2d4b5a6978877665544332211000ffeeddcc  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh',
      },
    ],
    exceptions: 'Downloads piped into other programs (`tar`, `gpg --dearmor`, `jq`) are not this rule; unverified archives are DW1013.',
    equivalents: ['Trivy DS-0019 / Checkov CKV2_DOCKER_2..3 (partly)'],
  },
  check({ model, report }) {
    // The downloads of every RUN, in file order (the only commands looked at).
    for (const { node, cmd, download: d } of downloadCommands(model)) {
      if (!d.toStdout) continue;
      const runner = runnerOf(node, cmd);
      if (!runner) continue;
      const url = d.urls[0];
      const what = url ? `\`${url.value ?? url.text}\`` : 'the download';
      report({
        message: `${what} is piped into \`${runner.name}\` and runs unchecked: the script can change between builds. Download it to a file, verify it (\`sha256sum -c\`, \`gpg --verify\`), then run it, or install a pinned release`,
        range: url ? wordRange(node, url) : wordRange(node, cmd.nameWord ?? { text: '', value: null, start: cmd.start, end: cmd.end }),
      });
    }
  },
});
