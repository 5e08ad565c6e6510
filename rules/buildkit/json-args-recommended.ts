import { argumentText, defineRule, nodesOf, type DockerfileModel, type InstructionNode } from '../../src/rule-api.js';

/** True when a SHELL instruction runs before `node` in its stage or in a stage it is built on. */
function shellSet(model: DockerfileModel, node: InstructionNode): boolean {
  if (node.stageIndex === null) return false;
  const seen = new Set<number>();
  let stage = model.stages[node.stageIndex];
  let limit = node.index;
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    if (stage.instructions.some((n) => n.keyword === 'SHELL' && !n.onbuild && n.index < limit)) return true;
    limit = Infinity;
    stage = stage.parentIndex !== null ? model.stages[stage.parentIndex] : undefined;
  }
  return false;
}

/** Exec form as BuildKit decides it: the joined argument text parses as a JSON array of strings. */
function isExecForm(model: DockerfileModel, node: InstructionNode): boolean {
  if (node.syntax.json !== null) return true;
  const text = argumentText(model, node.syntax).text.trim();
  if (!text.startsWith('[')) return false;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

export default defineRule({
  code: 'JSONArgsRecommended',
  name: 'json-args-recommended',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  duplicates: ['DL3025'],
  fixable: false,
  docs: {
    summary: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
    what: 'Flags a CMD or ENTRYPOINT in shell form (`CMD my-app start`) while the stage has not set a SHELL. ONBUILD CMD/ENTRYPOINT triggers are checked too.',
    why: 'In shell form the program runs as a child of `/bin/sh -c`, and the shell does not pass on signals: `docker stop` sends SIGTERM to the shell, the program never sees it, and the container is killed after the timeout instead of shutting down cleanly. The exec form (`CMD ["my-app", "start"]`) runs the program as PID 1.',
    examples: [
      { bad: 'FROM alpine:3.20\nENTRYPOINT my-program start', good: 'FROM alpine:3.20\nENTRYPOINT ["my-program", "start"]' },
      { bad: 'FROM alpine:3.20\nCMD echo "hello world"', good: 'FROM alpine:3.20\nRUN apk add bash\nSHELL ["/bin/bash", "-c"]\nCMD echo "hello world"' },
    ],
    exceptions: 'A stage (or a stage it is built on) that sets SHELL chose a shell on purpose and is not flagged. A JSON array that is not valid JSON (single quotes) is shell form and is flagged.',
    equivalents: ['BuildKit JSONArgsRecommended', 'hadolint DL3025'],
    references: ['https://docs.docker.com/reference/build-checks/json-args-recommended/'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, ['CMD', 'ENTRYPOINT'])) {
      const s = node.syntax;
      if (s.argsRange === null || isExecForm(model, node)) continue;
      if (shellSet(model, node)) continue;
      report({ message: `JSON arguments recommended for ${s.rawKeyword} to prevent unintended behavior related to OS signals`, range: s.argsRange });
    }
  },
});
