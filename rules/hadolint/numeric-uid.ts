import { defineRule, stageChain, unquote, type DockerfileModel, type Stage } from '../../src/rule-api.js';

const WINDOWS_IMAGE = /(?:^|\/)(?:windows|nanoserver|servercore|windowsservercore)(?:[/:@-]|$)/i;
const NON_POSIX_SHELL = /(?:^|[\\/])(?:powershell|pwsh|cmd)(?:\.exe)?$/i;

/** A Windows stage: its root image is a Windows image, or it runs a Windows shell. Windows has no numeric user ids. */
function isWindowsStage(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => (s.base.kind === 'image' && WINDOWS_IMAGE.test(s.base.image.repository)) || NON_POSIX_SHELL.test(s.endState.shell[0] ?? ''));
}

export default defineRule({
  code: 'DL3066',
  name: 'numeric-uid',
  severity: 'info',
  category: 'security',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Non-numeric user-id may not be resolvable by host system',
    what: 'Flags the last USER of each stage when its user part (before `:`) is a name rather than a numeric id.',
    why: 'A user name only means something inside the image\'s `/etc/passwd`. Orchestrators that enforce non-root containers (Kubernetes `runAsNonRoot`, OpenShift) cannot tell whether `USER app` is root and refuse to start the container; a numeric id such as `USER 10001` can be checked.',
    examples: [{ bad: 'FROM node:22-slim\nUSER node', good: 'FROM node:22-slim\nUSER 1000:1000' }],
    exceptions: 'A USER built from a variable is checked with its ARG/ENV value, and not at all when the value cannot be known (hadolint exempts any reference to a declared ARG). `root` is always user id 0 and is not flagged (DL3002 covers a final root user). Earlier USER instructions of a stage, which a later one overrides, are not flagged, and neither are Windows stages (Windows has no numeric user ids), where hadolint flags `USER ContainerUser`.',
    equivalents: ['hadolint DL3066'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const users = stage.instructions.filter((n) => n.keyword === 'USER' && !n.onbuild);
      const last = users[users.length - 1];
      const word = last?.syntax.args[0];
      if (!last || !word || isWindowsStage(model, stage)) continue;
      const resolved = last.resolve(word.value);
      if (resolved === null) continue;
      const user = unquote(resolved).split(':')[0] ?? '';
      if (user === '' || user === 'root' || /^\d+$/.test(user)) continue;
      const rawUser = word.value.split(':')[0] ?? word.value;
      const oneLine = word.range.start.line === word.range.end.line;
      const range = oneLine ? { start: word.range.start, end: { line: word.range.start.line, character: word.range.start.character + rawUser.length } } : word.range;
      report({ message: `Non-numeric user-id may not be resolvable by host system: use the numeric id of "${user}"`, range });
    }
  },
});
