import { argDefinitions, defineRule, type Range } from '../../src/rule-api.js';

const PRAGMA = /^(hadolint|dockwise)\s/i;

export default defineRule({
  code: 'InvalidDefinitionDescription',
  name: 'invalid-definition-description',
  severity: 'warning',
  category: 'style',
  source: 'buildkit',
  fixable: false,
  optIn: true,
  docs: {
    summary: 'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`',
    what: 'Flags the comment line directly above `FROM … AS <name>` or `ARG <name>` when its first word is not that name. Such comments are the descriptions `docker build --call=outline` and `--call=targets` print. Off by default (BuildKit marks the check experimental); enable it with `InvalidDefinitionDescription`.',
    why: 'A comment right above a stage or argument is taken as its description. If it does not start with the name, it is either a description in the wrong form (and shows up oddly in the outline) or an unrelated comment that should be separated by an empty line.',
    examples: [
      { bad: '# a non-descriptive comment\nFROM alpine:3.20 AS base', good: '# a non-descriptive comment\n\nFROM alpine:3.20 AS base' },
      { bad: 'FROM alpine:3.20\n# the version to install\nARG VERSION=1', good: 'FROM alpine:3.20\n# VERSION the version to install\nARG VERSION=1' },
    ],
    exceptions: 'Only the nearest comment line counts; an empty line or an empty `#` line in between means there is no description (as BuildKit\'s documentation describes; its parser currently still carries comments across empty lines). FROM without `AS` is not checked. Unlike BuildKit, parser directives and `# hadolint`/`# dockwise` pragmas are not taken for descriptions. For an ARG declaring several names, any of them may start the comment.',
    equivalents: ['BuildKit InvalidDefinitionDescription'],
    references: ['https://docs.docker.com/reference/build-checks/invalid-definition-description/'],
  },
  check({ model, report }) {
    const occupied = new Set<number>();
    for (const inst of model.syntax.instructions) for (let l = inst.range.start.line; l <= inst.range.end.line; l++) occupied.add(l);
    const directiveLines = new Set(model.syntax.directives.map((d) => d.range.start.line));
    const comments = new Map<number, { content: string; range: Range }>();
    for (const c of model.syntax.comments) {
      if (occupied.has(c.range.start.line) || directiveLines.has(c.range.start.line)) continue;
      comments.set(c.range.start.line, c);
    }
    const check = (line: number, instruction: 'FROM' | 'ARG', keys: string[], caseInsensitive: boolean): void => {
      const c = comments.get(line - 1);
      if (!c || keys.length === 0) return;
      const content = c.content.trim();
      if (content === '' || PRAGMA.test(content)) return;
      const first = content.split(' ')[0] ?? '';
      const match = keys.some((k) => (caseInsensitive ? k.toLowerCase() === first.toLowerCase() : k === first));
      if (match) return;
      const key = keys.length > 1 ? '<arg_key>' : (keys[0] ?? '');
      report({ message: `Comment for ${instruction} should follow the format: \`# ${key} <description>\``, range: c.range });
    };
    for (const stage of model.stages) {
      if (stage.rawName !== null) check(stage.from.range.start.line, 'FROM', [stage.rawName], true);
    }
    for (const node of model.nodes) {
      if (node.keyword !== 'ARG' || node.onbuild) continue;
      check(node.syntax.range.start.line, 'ARG', argDefinitions(model, node.syntax).map((d) => d.name), false);
    }
  },
});
