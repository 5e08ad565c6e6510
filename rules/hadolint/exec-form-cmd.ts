import { defineRule, nodesOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3025',
  name: 'exec-form-cmd',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
    what: 'Flags CMD, ENTRYPOINT and `HEALTHCHECK CMD` written in shell form (`CMD node server.js`) instead of exec form (`CMD ["node", "server.js"]`).',
    why: 'In shell form the program runs as a child of `/bin/sh -c`, so it is not PID 1 and does not receive SIGTERM on `docker stop`: the container is killed after the timeout instead of shutting down cleanly. Shell form also depends on the image having a shell.',
    examples: [{ bad: 'FROM node:22-slim\nCMD node server.js', good: 'FROM node:22-slim\nCMD ["node", "server.js"]' }],
    exceptions: 'When you need shell features (variable expansion, `&&`), use exec form with an explicit shell (`["sh", "-c", "..."]`) or `exec` the program in a script. BuildKit\'s `JSONArgsRecommended` is silent after a SHELL instruction; hadolint and dockwise are not.',
    equivalents: ['hadolint DL3025', 'BuildKit JSONArgsRecommended'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, ['CMD', 'ENTRYPOINT'])) {
      const s = node.syntax;
      if (s.json || s.args.length === 0 || !s.argsRange) continue;
      report({ message: `Use arguments JSON notation for ${node.keyword} arguments`, range: s.argsRange });
    }
    for (const node of nodesOf(model, 'HEALTHCHECK')) {
      const s = node.syntax;
      const first = s.args[0];
      if (!first || first.value.toUpperCase() !== 'CMD') continue;
      const rest = s.args.slice(1);
      const r0 = rest[0];
      const rl = rest[rest.length - 1];
      if (!r0 || !rl || r0.value.startsWith('[')) continue;
      report({ message: 'Use arguments JSON notation for HEALTHCHECK CMD arguments', range: { start: r0.range.start, end: rl.range.end } });
    }
  },
});
