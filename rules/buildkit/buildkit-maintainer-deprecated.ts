import { defineRule, nodesOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'MaintainerDeprecated',
  name: 'buildkit-maintainer-deprecated',
  severity: 'warning',
  category: 'maintainability',
  source: 'buildkit',
  duplicates: ['DL4000'],
  fixable: true,
  docs: {
    summary: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
    what: 'Flags every MAINTAINER instruction.',
    why: 'MAINTAINER has been deprecated since Docker 1.13. The `org.opencontainers.image.authors` label carries the same information in the form registries and tools read.',
    examples: [{ bad: 'FROM alpine:3.20\nMAINTAINER moby@example.com', good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="moby@example.com"' }],
    equivalents: ['BuildKit MaintainerDeprecated', 'hadolint DL4000', 'dockerfile-utils DEPRECATED_MAINTAINER', 'Trivy DS-0022', 'Checkov CKV_DOCKER_6'],
    references: ['https://docs.docker.com/reference/build-checks/maintainer-deprecated/'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'MAINTAINER', { onbuild: false })) {
      const s = node.syntax;
      const who = s.args.map((a) => a.value).join(' ');
      report({
        message: 'Maintainer instruction is deprecated in favor of using label',
        range: s.keywordRange,
        fix: {
          title: 'Replace with LABEL org.opencontainers.image.authors',
          safety: 'safe',
          edits: [{ range: s.range, newText: `LABEL org.opencontainers.image.authors=${JSON.stringify(who)}` }],
        },
      });
    }
  },
});
