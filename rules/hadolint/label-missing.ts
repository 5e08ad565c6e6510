import { defineRule, imageStages, stageChain, type Stage } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL3049',
  name: 'label-missing',
  severity: 'info',
  category: 'maintainability',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Label is missing',
    what: 'When a label schema is configured (`labelSchema`), flags each schema label that an image (the final stage, or another unused stage with CMD or ENTRYPOINT) neither sets with LABEL nor inherits from a stage it is built FROM.',
    why: 'Teams that rely on labels (source repository, owner, licence, build date) for inventory and provenance want every image to carry them; a missing one shows up only when someone needs it.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app org.opencontainers.image.source=https://example.com/app.git',
        settings: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.source': 'url' } },
      },
    ],
    exceptions: 'Off until `labelSchema` (hadolint `label-schema`) is set; the example assumes a schema with `org.opencontainers.image.title` and `org.opencontainers.image.source`. Only images are checked: the final stage, and other stages that nothing builds on, copies from or mounts and that set CMD or ENTRYPOINT (hadolint also flags intermediate stages used as a base, and export or lint targets). Labels of the base image cannot be seen.',
    equivalents: ['hadolint DL3049'],
  },
  check({ model, settings, report }) {
    const keys = Object.keys(settings.labelSchema);
    if (keys.length === 0) return;
    const own = (s: Stage): Set<string> => new Set(s.instructions.filter((n) => n.keyword === 'LABEL' && !n.onbuild).flatMap((n) => n.syntax.properties.map((p) => p.name)));
    for (const stage of imageStages(model)) {
      const present = new Set(stageChain(model, stage).flatMap((s) => [...own(s)]));
      for (const key of keys) {
        if (present.has(key)) continue;
        report({ message: `Label \`${key}\` is missing`, range: stage.from.keywordRange });
      }
    }
  },
});
