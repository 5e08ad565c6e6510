import { analyseProvenance, defineRule } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW3005',
  name: 'unknown-base-image',
  severity: 'info',
  category: 'implicit-dependency',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'The base image is unknown, so its implicit dependencies cannot be checked',
    what:
      'Reported once per file, at the first stage whose base image dockwise has no data for (a private or third-party image, an rpm-based or Windows image, or `FROM ${IMAGE}` with no known value) and that runs programs: where those programs come from cannot be told, so DW3001, DW3002 and DW3004 stay quiet for that stage.',
    why:
      'Says what was not checked, instead of a silent pass. Giving the ARG a default, or building from an official image that dockwise knows, makes the check possible.',
    examples: [
      {
        bad: 'ARG BASE\nFROM ${BASE}\nRUN curl -fsSL https://example.com',
        good: 'ARG BASE=debian:bookworm-slim\nFROM ${BASE}\nRUN apt-get update && apt-get install -y --no-install-recommends curl && curl -fsSL https://example.com',
      },
    ],
    exceptions: '`scratch` is known (empty). Stages that run no program, Windows stages (non-POSIX shells), and `FROM ${TARGETOS}`-style references that pick a stage per platform are not reported.',
  },
  check({ model, report }) {
    const p = analyseProvenance(model);
    // `FROM ${TARGETOS}` and friends pick a stage per platform: not an image dockwise could know.
    const perPlatform = (ref: string): boolean => /\$\{?(?:TARGET|BUILD)(?:OS|ARCH|VARIANT|PLATFORM)\b/.test(ref);
    const first = p.uses.find((u) => u.base.kind === 'unknown' && u.source.kind === 'unknown-base' && !perPlatform(u.base.reference));
    if (!first || first.base.kind !== 'unknown') return;
    const base = first.base;
    const root = model.stages[base.rootStage];
    const n = new Set(p.uses.filter((u) => u.base === base && u.source.kind === 'unknown-base').map((u) => u.program)).size;
    report({
      message: `dockwise does not know the base image \`${base.reference}\` (${base.reason}): where ${n === 1 ? 'the program' : `${n} programs`} it runs come${n === 1 ? 's' : ''} from cannot be checked`,
      range: base.range ?? root?.from.keywordRange ?? first.range,
    });
  },
});
