import { commandRange, commandsRunning, defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3003',
  name: 'use-workdir',
  severity: 'warning',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Use WORKDIR to switch to a directory',
    what: 'Flags `cd` in a RUN instruction.',
    why: 'A `cd` only lasts for the RUN it is in, so later instructions silently run somewhere else. WORKDIR changes the directory for every later instruction and documents where the image works.',
    examples: [{ bad: 'FROM debian:12\nRUN cd /usr/src/app && make', good: 'FROM debian:12\nWORKDIR /usr/src/app\nRUN make' }],
    exceptions: 'A `cd` into a directory that exists only during this RUN (a temporary build directory, `cd "$(mktemp -d)"`) is a legitimate use; silence the finding with `# hadolint ignore=DL3003` above the RUN.',
    equivalents: ['hadolint DL3003', 'Trivy DS-0013'],
  },
  check({ model, report }) {
    for (const { node, cmd, eff } of commandsRunning(model, ['cd'])) {
      if (eff.name !== 'cd') continue;
      report({ message: 'Use WORKDIR to switch to a directory', range: commandRange(node, cmd) });
    }
  },
});
