import { defineRule, parseImageRef, scanDirectives, type Range } from '../../src/rule-api.js';

/** A fully fixed frontend version: `1.7.1`, `1.7.1-labs`. */
const FIXED = /^\d+\.\d+\.\d+(?:-labs)?$/;

export default defineRule({
  code: 'DW1002',
  name: 'syntax-directive-version',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: true,
  docs: {
    summary: 'Give the `# syntax=` frontend image a version',
    what:
      'Flags a `# syntax=` parser directive whose frontend image has no tag, or the tag `latest` or `labs`: BuildKit then pulls the newest Dockerfile frontend on every build. With `strict-pinning: true` it also flags (as info) every frontend reference without a digest, including the moving channel tags `1`, `1.7` and `1-labs`.',
    why:
      'The frontend decides how the whole Dockerfile is parsed and built. Without a version a new major release can change the build without any change to the file. `docker/dockerfile:1` is Docker\'s documented channel: it follows backwards-compatible 1.x releases, so it is accepted by default; strict pinning asks for a fixed version and a digest.',
    examples: [
      { bad: '# syntax=docker/dockerfile\nFROM alpine:3.20', good: '# syntax=docker/dockerfile:1\nFROM alpine:3.20' },
      { bad: '# syntax=docker/dockerfile:latest\nFROM alpine:3.20', good: '# syntax=docker/dockerfile:1.7.1\nFROM alpine:3.20' },
      {
        bad: '# syntax=docker/dockerfile:1\nFROM alpine:3.20',
        good: '# syntax=docker/dockerfile:1.7.1@sha256:a57df69d0ea827fb7266491f2813635de6f17269be881f696fbfdf2d83dda33e\nFROM alpine:3.20',
        settings: { strictPinning: true },
      },
    ],
    exceptions:
      'A reference with a digest is always accepted. Only the directive BuildKit honours (at the top of the file) is read; a `# syntax=` comment further down is a plain comment.',
    references: ['https://docs.docker.com/build/buildkit/frontend/#stable-channel'],
  },
  check({ model, settings, report }) {
    const d = scanDirectives(model).honored.find((x) => x.name === 'syntax');
    if (!d) return;
    const value = d.value.trim();
    const ref = parseImageRef(value);
    if (ref.digest !== null) return;
    const range: Range = d.valueRange;
    if (ref.tag === null || ref.tag === 'latest' || ref.tag === 'labs') {
      const base = ref.tag === null ? value : value.slice(0, value.length - ref.tag.length - 1);
      const suggestion = `${base}:${ref.tag === 'labs' ? '1-labs' : '1'}`;
      const what = ref.tag === null ? 'has no version' : `uses \`:${ref.tag}\``;
      report({
        message: `The syntax directive's frontend \`${value}\` ${what}: every build pulls the newest frontend. Use \`${suggestion}\` (the stable 1.x channel) or a fixed version such as \`${base}:1.x.y\``,
        range,
        fix: { title: `Use ${suggestion}`, safety: 'unsafe', edits: [{ range, newText: suggestion }] },
      });
      return;
    }
    if (!settings.strictPinning) return;
    const moving = !FIXED.test(ref.tag);
    report({
      message: moving
        ? `The syntax directive's frontend \`${value}\` uses the moving tag \`:${ref.tag}\` (strict pinning is on): pin a fixed version and its digest, \`${value.slice(0, value.length - ref.tag.length)}<x.y.z>@sha256:<digest>\``
        : `The syntax directive's frontend \`${value}\` has no digest (strict pinning is on): add \`@sha256:<digest>\``,
      range,
      severity: 'info',
    });
  },
});
