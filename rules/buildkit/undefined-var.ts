import {
  argDefinitions,
  defineRule,
  editDistance,
  processWord,
  rangeText,
  suggestName,
  type DockerfileModel,
  type InstructionNode,
  type Range,
  type Stage,
} from '../../src/rule-api.js';

/** Official images whose configuration sets no environment variable besides PATH. */
const ENVLESS_IMAGES = new Set(['alpine', 'busybox', 'debian', 'ubuntu']);
/** Build arguments BuildKit reads itself and never puts in the environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** True when every variable the stage inherits from its base image is known (none but PATH). */
function baseEnvKnown(model: DockerfileModel, stage: Stage, seen: Set<number> = new Set()): boolean {
  const base = stage.base;
  switch (base.kind) {
    case 'scratch':
      return true;
    case 'stage': {
      const parent = model.stages[base.stageIndex];
      if (!parent || seen.has(parent.index)) return false;
      seen.add(stage.index);
      return baseEnvKnown(model, parent, seen);
    }
    case 'image': {
      const img = base.image;
      const hub = img.registry === null || img.registry === 'docker.io' || img.registry === 'index.docker.io';
      const repo = img.repository.startsWith('library/') ? img.repository.slice('library/'.length) : img.repository;
      return hub && ENVLESS_IMAGES.has(repo);
    }
    default:
      return false;
  }
}

/**
 * For one file text, whether the text between two offsets contains a `$`. The first `$` found is
 * remembered, so that questions asked in file order (as the rule asks them: instruction by
 * instruction, range by range) read the text once with the native indexOf, and questions in
 * another order search again.
 */
function dollarFinder(text: string): (start: number, end: number) => boolean {
  /** Where the last search started, and the first `$` at or after it (-1: none). */
  let from = Infinity;
  let at = -1;
  return (start, end) => {
    if (start < from || (at !== -1 && at < start)) {
      from = start;
      at = text.indexOf('$', start);
    }
    return at !== -1 && at < end;
  };
}

/** Ranges of the parts of an instruction BuildKit expands before running it (ARG aside). */
function expandedRanges(node: InstructionNode): Range[] {
  const s = node.syntax;
  const out: Range[] = [];
  const flagValues = (...names: string[]): void => {
    for (const f of s.flags) if (names.includes(f.name.toLowerCase()) && f.valueRange) out.push(f.valueRange);
  };
  switch (node.keyword) {
    case 'ENV':
      for (const p of s.properties) if (p.valueRange) out.push(p.valueRange);
      break;
    case 'LABEL':
      for (const p of s.properties) {
        out.push(p.nameRange);
        if (p.valueRange) out.push(p.valueRange);
      }
      break;
    case 'COPY':
    case 'ADD': {
      flagValues('chown', ...(node.keyword === 'ADD' ? ['checksum'] : []));
      const words = node.copy ? [...node.copy.sources, ...(node.copy.dest ? [node.copy.dest] : [])] : (s.json ?? s.args);
      for (const w of words) out.push(w.range);
      break;
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      if (s.argsRange) out.push(s.argsRange);
      break;
    case 'VOLUME':
      for (const w of s.json ?? s.args) out.push(w.range);
      break;
    case 'RUN':
      flagValues('mount');
      break;
    default:
      break;
  }
  return out;
}

export default defineRule({
  code: 'UndefinedVar',
  name: 'undefined-var',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  fixable: false,
  docs: {
    summary: 'Variables should be defined before their use',
    what: 'Flags a `$var` in an instruction the builder expands (ENV, ARG defaults, LABEL, COPY, ADD, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN `--mount` options) when no ARG or ENV of that name is in scope in the stage. A global ARG must be redeclared inside the stage to be in scope. When a name in scope is close, the message suggests it.',
    why: 'An undefined variable expands to an empty string without any error: `COPY app-$VERSON.jar /app/` copies `app-.jar`, and `ENV PATH=$PAHT:/app/bin` wipes PATH. The build may break much later, or not at all and ship a broken image.',
    examples: [
      { bad: 'FROM alpine:3.20 AS base\nCOPY $foo .', good: 'FROM alpine:3.20 AS base\nARG foo\nCOPY $foo .' },
      { bad: 'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin', good: 'FROM alpine:3.20\nENV PATH=$PATH:/app/bin' },
      { bad: 'ARG VERSION=1.2\nFROM eclipse-temurin:21\nCOPY app-$VERSION.jar /app/', good: 'ARG VERSION=1.2\nFROM eclipse-temurin:21\nARG VERSION\nCOPY app-$VERSION.jar /app/' },
    ],
    exceptions: 'Shell-form RUN, CMD and ENTRYPOINT are not checked: the shell expands those, and variables may come from anywhere. PATH is always defined. BuildKit also accepts variables set by the base image; a linter cannot see those, so in a stage built on an image other than scratch, alpine, busybox, debian or ubuntu only two cases are reported: a name that another instruction of this Dockerfile declares (typically a global ARG not redeclared in the stage, or a variable of another stage), and a likely typo of a name in scope. ONBUILD triggers are not checked, since they run in another build.',
    equivalents: ['BuildKit UndefinedVar', 'hadolint DL3044 (narrower)'],
    references: ['https://docs.docker.com/reference/build-checks/undefined-var/'],
  },
  check({ model, report }) {
    // Every name the file declares, with the instructions that declare it (built only when an
    // undefined reference needs it: most files have none).
    let declaredByMemo: Map<string, Set<InstructionNode>> | null = null;
    const declaredBy = (): Map<string, Set<InstructionNode>> => {
      if (declaredByMemo !== null) return declaredByMemo;
      const out = new Map<string, Set<InstructionNode>>();
      const declare = (name: string, node: InstructionNode): void => {
        const set = out.get(name) ?? new Set<InstructionNode>();
        set.add(node);
        out.set(name, set);
      };
      for (const node of model.nodes) {
        if (node.keyword === 'ARG') for (const d of argDefinitions(model, node.syntax)) declare(d.name, node);
        else if (node.keyword === 'ENV') for (const p of node.syntax.properties) declare(p.name, node);
      }
      declaredByMemo = out;
      return out;
    };
    /** Declared by an instruction other than `node` (`ENV X=${X:+$X:}/lib` may extend the base image's X). */
    const declaredElsewhere = (name: string, node: InstructionNode): boolean => [...(declaredBy().get(name) ?? [])].some((n) => n !== node);
    const hasDollarBetween = dollarFinder(model.text);
    const scopeAtEnd: Set<string>[] = [];
    for (const stage of model.stages) {
      const scope = new Set<string>(stage.parentIndex !== null ? (scopeAtEnd[stage.parentIndex] ?? []) : []);
      // Whether the base image's environment is known: looked up only for an undefined reference (rare).
      let known: boolean | null = null;
      const checkRange = (node: InstructionNode, range: Range, reported: Set<string>): void => {
        // Without a `$` in the file text of the range there is no reference to look at.
        if (!hasDollarBetween(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end))) return;
        const lt = rangeText(model, range);
        const r = processWord(lt.text, (n) => (n === 'PATH' || scope.has(n) ? '' : undefined), model.escapeChar);
        if (!r) return;
        for (const ref of r.unmatched) {
          const name = ref.name;
          if (reported.has(name) || NON_ENV_ARGS.has(name) || !/^[A-Za-z_]/.test(name)) continue;
          const suggestion = suggestName(name, [...scope, 'PATH']);
          // With an unknown base environment, only a close typo of a declared name is evidence enough.
          const typoOfDeclared = suggestion !== null && suggestion !== 'PATH' && editDistance(name, suggestion) <= (name.length < 6 ? 1 : 2);
          known ??= baseEnvKnown(model, stage);
          if (!known && !declaredElsewhere(name, node) && !typoOfDeclared) continue;
          reported.add(name);
          report({
            message: `Usage of undefined variable '$${name}'${suggestion ? ` (did you mean $${suggestion}?)` : ''}`,
            range: lt.range(ref.start, ref.end),
          });
        }
      };
      for (const node of stage.instructions) {
        if (node.onbuild) continue;
        // Without a `$` anywhere in the instruction, none of its ranges references a variable.
        const mayReference = hasDollarBetween(node.syntax.start, node.syntax.end);
        const reported = new Set<string>();
        if (node.keyword === 'ARG') {
          for (const d of argDefinitions(model, node.syntax)) {
            if (d.valueRange && mayReference) checkRange(node, d.valueRange, reported);
            scope.add(d.name);
          }
          continue;
        }
        if (mayReference) for (const range of expandedRanges(node)) checkRange(node, range, reported);
        if (node.keyword === 'ENV') for (const p of node.syntax.properties) scope.add(p.name);
      }
      scopeAtEnd[stage.index] = scope;
    }
  },
});
