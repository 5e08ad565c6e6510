import { defineRule, downloadCommands, recogniseDownload, wordRange, effectiveCommand, type InstructionNode, type SimpleCommand } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL4001',
  name: 'curl-or-wget',
  severity: 'warning',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Either use Wget or Curl but not both',
    what: 'Flags a stage that runs both curl and wget: once both have been used, each RUN that uses either of them is reported.',
    why: 'Two download tools do the same job and both end up in the image, with their libraries and their vulnerabilities. Pick one.',
    examples: [
      {
        bad: 'FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz',
        good: 'FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz',
      },
    ],
    exceptions: 'Each stage is checked on its own. Calls that only run conditionally (`command -v curl && curl ... || wget ...`, or inside `if`) are not counted: a script that falls back from one tool to the other needs only one of them. ONBUILD triggers are not counted, as in hadolint.',
    equivalents: ['hadolint DL4001', 'Trivy DS-0014'],
  },
  check({ model, report }) {
    // A stage can only use both when the file has downloads by two different tools.
    const tools = new Set(downloadCommands(model).map((d) => d.download.tool));
    if (tools.size < 2) return;
    for (const stage of model.stages) {
      const used = new Set<string>();
      for (const node of stage.instructions) {
        if (node.keyword !== 'RUN' || node.onbuild || !node.run) continue;
        const calls: SimpleCommand[] = node.run.commands.filter((c) => !c.conditional && recogniseDownload(c) !== null);
        if (calls.length === 0) continue;
        for (const c of calls) used.add(recogniseDownload(c)?.tool ?? '');
        if (used.size < 2) continue;
        const first = calls[0];
        if (first) reportAt(node, first);
      }
    }
    function reportAt(node: InstructionNode, cmd: SimpleCommand): void {
      const w = effectiveCommand(cmd).nameWord;
      report({ message: 'Either use Wget or Curl but not both', range: w ? wordRange(node, w) : node.syntax.keywordRange });
    }
  },
});
