import { defineRule, nodesOf, stageChain, stageOf, unquote, type DockerfileModel, type Stage } from '../../src/rule-api.js';

function isAbsolute(dest: string): boolean {
  return dest.startsWith('/') || dest.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(dest);
}

/** True when the stage (through `FROM <stage>`) starts from `scratch`, whose working directory is `/`. */
function fromScratch(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.base.kind === 'scratch');
}

export default defineRule({
  code: 'DL3045',
  name: 'copy-relative-needs-workdir',
  severity: 'warning',
  category: 'correctness',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: '`COPY` to a relative destination without `WORKDIR` set',
    what: 'Flags a COPY whose destination is a relative path while no WORKDIR has been set in the stage or in the stages it is built FROM.',
    why: 'A relative destination is resolved against the working directory, which then comes from the base image and can change with it: the files may land in `/` today and somewhere else after a base-image update.',
    examples: [{ bad: 'FROM node:22-slim\nCOPY package.json .', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .' }],
    exceptions: 'Absolute destinations (`/app`, `C:\\app`) pass. A destination with a variable is checked after ARG/ENV substitution, and not at all when its value cannot be known (hadolint exempts every destination that starts with `$`). ADD and ONBUILD COPY are not checked, as in hadolint. Stages built from `scratch` are not flagged either: their working directory is always `/` (hadolint flags them). dockwise cannot see a WORKDIR that the base image sets.',
    equivalents: ['hadolint DL3045'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'COPY', { onbuild: false })) {
      const dest = node.copy?.dest;
      const stage = stageOf(model, node);
      if (!dest || !stage || node.state.workdir !== null || fromScratch(model, stage)) continue;
      const resolved = node.resolve(dest.value);
      if (resolved === null) continue;
      const d = unquote(resolved);
      if (d === '' || isAbsolute(d)) continue;
      report({ message: `\`COPY\` to a relative destination without \`WORKDIR\` set: "${d}" depends on the base image's working directory`, range: dest.range });
    }
  },
});
