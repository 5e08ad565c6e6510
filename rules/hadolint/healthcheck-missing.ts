import { defineRule, imageStages, stageChain, type Stage } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3057',
  name: 'healthcheck-missing',
  severity: 'info',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  optIn: true,
  docs: {
    summary: '`HEALTHCHECK` instruction missing',
    what: 'Flags an image (the final stage, or another stage that nothing builds on or copies from and that sets CMD or ENTRYPOINT) that has no HEALTHCHECK and does not inherit one from a stage it is built FROM. Off by default, as in hadolint.',
    why: 'Without a HEALTHCHECK, Docker and Swarm only know whether the main process runs, not whether it serves: a hung server stays "up" and is never restarted.',
    examples: [
      { bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/', good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1' },
    ],
    exceptions: 'Off by default. `HEALTHCHECK NONE` counts as a decision and passes. Builder stages whose content is only copied into another stage, and export or lint targets without CMD/ENTRYPOINT, are not flagged (hadolint flags every stage). A HEALTHCHECK defined by the base image cannot be seen; silence the rule for such images. Orchestrators such as Kubernetes ignore HEALTHCHECK and use their own probes.',
    equivalents: ['hadolint DL3057', 'Trivy DS-0026', 'Checkov CKV_DOCKER_2'],
  },
  check({ model, report }) {
    const has = (s: Stage): boolean => s.instructions.some((n) => n.keyword === 'HEALTHCHECK' && !n.onbuild);
    for (const stage of imageStages(model)) {
      if (stageChain(model, stage).some(has)) continue;
      report({ message: '`HEALTHCHECK` instruction missing', range: stage.from.keywordRange });
    }
  },
});
