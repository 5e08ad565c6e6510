import { commandRange, defineRule, insertAfterWord, packageInstalls, stageChain, stageOf, subcommandEndWord, type DockerfileModel, type InstructionNode } from '../../src/rule-api.js';

/**
 * microdnf 3 (UBI, RHEL, Oracle Linux and CentOS minimal images) never asks: its `-y` "does
 * nothing, we always assume yes". Only on Fedora 39 and later is `microdnf` dnf5, which does ask.
 */
function microdnfMayAsk(model: DockerfileModel, node: InstructionNode): boolean {
  const stage = stageOf(model, node);
  if (!stage) return true;
  return stageChain(model, stage).some((s) => s.base.kind === 'image' && /(?:^|\/)fedora[^/]*$/.test(s.base.image.repository));
}

export default defineRule({
  code: 'DL3038',
  name: 'dnf-yes',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'Use the -y switch to avoid manual input `dnf install -y <package>`',
    what: 'Flags `dnf install` or (on Fedora) `microdnf install` (also `groupinstall`, `localinstall`, `reinstall`, `group install`, `module install`, and dnf5/tdnf) without `-y` or `--assumeyes`, in RUN and ONBUILD RUN.',
    why: 'A build cannot answer dnf\'s "Is this ok [y/N]" prompt: without `-y` the install aborts as soon as dnf asks.',
    examples: [{ bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all' }],
    exceptions: '`microdnf install` is only flagged in images built on Fedora: elsewhere microdnf (version 3, in UBI, RHEL, Oracle Linux and CentOS minimal images) never asks and ignores `-y`, while on Fedora 39 and later `microdnf` is dnf5, which asks. hadolint flags every `microdnf install` without `-y`.',
    equivalents: ['hadolint DL3038'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if ((install.manager !== 'dnf' && install.manager !== 'microdnf') || install.assumeYes) continue;
      if (install.manager === 'microdnf' && !microdnfMayAsk(model, node)) continue;
      const sub = subcommandEndWord(install);
      report({
        message: `Use the -y switch to avoid manual input \`${install.tool} ${install.subcommand} -y <package>\``,
        range: commandRange(node, install.command),
        ...(sub ? { fix: { title: 'Add -y', safety: 'safe' as const, edits: [insertAfterWord(node, sub, ' -y')] } } : {}),
      });
    }
  },
});
