import { defineRule, nodesOf } from '../../src/rule-api.js';

export default defineRule({
  code: 'DL4000',
  name: 'maintainer-deprecated',
  severity: 'error',
  category: 'maintainability',
  source: 'hadolint',
  fixable: true,
  docs: {
    summary: 'MAINTAINER is deprecated',
    what: 'Flags every MAINTAINER instruction.',
    why: 'MAINTAINER has been deprecated since Docker 1.13. A label (`LABEL org.opencontainers.image.authors=...`) carries the same information in a form tools read.',
    examples: [{ bad: 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>', good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"' }],
    equivalents: ['hadolint DL4000', 'BuildKit MaintainerDeprecated', 'Trivy DS-0022', 'Checkov CKV_DOCKER_6'],
  },
  check({ model, report }) {
    for (const node of nodesOf(model, 'MAINTAINER')) {
      const s = node.syntax;
      const who = s.args.map((a) => a.value).join(' ');
      report({
        message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors instead',
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
