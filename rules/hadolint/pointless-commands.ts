import { basename, commandsRunning, defineRule, wordRange } from '../../src/rule-api.js';

const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);
/** The same programs, as the list commandsRunning takes (built once, not per file). */
const POINTLESS_PROGRAMS: readonly string[] = [...POINTLESS];

export default defineRule({
  code: 'DL3001',
  name: 'pointless-commands',
  severity: 'info',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'For some bash commands it makes no sense running them in a Docker container',
    what: 'Flags a RUN (or ONBUILD RUN) that calls `free`, `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`, `top` or `vim`.',
    why: 'These commands inspect or manage a running system. During a build they see a throwaway container: `service x start` starts nothing that survives the layer, `vim` waits for a terminal, `ps` and `top` show build processes. They usually mean the Dockerfile treats the image like a virtual machine.',
    examples: [{ bad: 'FROM debian:12\nRUN service nginx start', good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]' }],
    exceptions: 'Commands are matched by name through wrappers such as `sudo`, also in heredoc scripts. hadolint\'s message also names `ifconfig`, but hadolint does not check it, and neither does dockwise.',
    equivalents: ['hadolint DL3001'],
  },
  check({ model, report }) {
    for (const { node, eff } of commandsRunning(model, POINTLESS_PROGRAMS)) {
      if (eff.name === null || !eff.nameWord) continue;
      const name = basename(eff.name);
      if (!POINTLESS.has(name)) continue;
      report({ message: `For some bash commands it makes no sense running them in a Docker container like \`${name}\``, range: wordRange(node, eff.nameWord) });
    }
  },
});
