import { defineRule, globalArgScope, processWord, rangeText, suggestName, type Range } from '../../src/rule-api.js';

export default defineRule({
  code: 'UndefinedArgInFrom',
  name: 'undefined-arg-in-from',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  fixable: false,
  docs: {
    summary: 'FROM command must use declared ARGs',
    what: 'Flags a variable in a FROM image reference or `--platform` value that is neither declared by an ARG before the first FROM nor one of the automatic platform arguments (`TARGETPLATFORM`, `BUILDARCH`, …). When a declared name is close, the message suggests it.',
    why: 'FROM only sees global ARGs. An undeclared variable expands to an empty string, so `FROM alpine:$VERSION` silently becomes `FROM alpine:` (an error) or `FROM $IMAGE` pulls something unexpected; a typo in the name has the same effect.',
    examples: [
      { bad: 'FROM node:$NODE_VERSION', good: 'ARG NODE_VERSION=22\nFROM node:$NODE_VERSION' },
      { bad: 'ARG VERSION=3.20\nFROM alpine:${VERSON}', good: 'ARG VERSION=3.20\nFROM alpine:${VERSION}' },
    ],
    exceptions: 'An ARG declared inside a stage does not count for FROM lines. A reference with a default (`${TAG:-latest}`) is still reported when `TAG` is not declared, as BuildKit does.',
    equivalents: ['BuildKit UndefinedArgInFrom'],
    references: ['https://docs.docker.com/reference/build-checks/undefined-arg-in-from/'],
  },
  check({ model, report }) {
    const { values, declared } = globalArgScope(model);
    const options = [...declared];
    const checkWord = (range: Range): void => {
      const lt = rangeText(model, range);
      const r = processWord(lt.text, (n) => values.get(n), model.escapeChar);
      if (!r) return;
      const done = new Set<string>();
      for (const ref of r.unmatched) {
        if (declared.has(ref.name) || done.has(ref.name)) continue;
        done.add(ref.name);
        const suggestion = suggestName(ref.name, options);
        report({
          message: `FROM argument '${ref.name}' is not declared${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
          range: lt.range(ref.start, ref.end),
        });
      }
    };
    for (const stage of model.stages) {
      const image = stage.from.args[0];
      if (image && image.value.includes('$')) checkWord(image.range);
      const platform = stage.platform;
      if (platform?.valueRange && (platform.value ?? '').includes('$')) checkWord(platform.valueRange);
    }
  },
});
