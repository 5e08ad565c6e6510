/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */
import type { Range } from '../core/types.js';
import type { DockerfileModel, InstructionNode, Stage } from '../model/model.js';
import type { ShellWord } from '../shell/types.js';
import type { Property as SyntaxProperty } from '../parse/syntax.js';
import type { LabelType as LabelTypeT } from '../engine/rule.js';
import { unquote as unquoteValue } from '../model/vars.js';
import { nodesOf, shellRange, wordRange } from './core.js';

// ---------------------------------------------------------------------------------------------
// Helpers for the security rules (rules/security, DW4xxx) and suppression hygiene (rules/dockwise).
// ---------------------------------------------------------------------------------------------

export type { SuppressionInfo, UnusedSuppression } from '../engine/rule.js';
export type { Pragma, PragmaCode } from '../model/pragmas.js';

/**
 * Range of one flag of a shell command: the flag's own letter inside a cluster of short flags
 * (`-k` in `-fsSLk`), else the whole word it was written in (`--insecure`, `--x=1`).
 */
export function flagRange(node: InstructionNode, flag: { name: string; word: ShellWord }): Range {
  const w = flag.word;
  const isShort = flag.name.length === 2 && flag.name.startsWith('-') && !flag.name.startsWith('--');
  if (isShort && w.value !== null && w.value === w.text && w.text.startsWith('-') && !w.text.startsWith('--') && w.text.length > 2) {
    const at = w.text.indexOf(flag.name.charAt(1), 1);
    if (at > 0) return shellRange(node, w.start + at, w.start + at + 1);
  }
  return wordRange(node, w);
}

/** Range from the start of one shell word to the end of another (`strict-ssl false`). */
export function wordsRange(node: InstructionNode, first: ShellWord, last: ShellWord): Range {
  return shellRange(node, first.start, last.end);
}

/**
 * A LABEL/ENV property's value as the builder sees it: ARG/ENV variables substituted and quotes
 * removed. Null when the value depends on a variable whose value cannot be known.
 */
export function propertyValue(node: InstructionNode, p: SyntaxProperty): string | null {
  const raw = p.unescapedValue ?? '';
  if (!raw.includes('$')) return p.value ?? '';
  const resolved = node.resolve(raw);
  return resolved === null ? null : unquoteValue(resolved);
}

/** Every LABEL key (ONBUILD LABEL included) that the label schema declares, with its type and value. */
export function* schemaLabels(model: DockerfileModel, schema: Readonly<Record<string, LabelTypeT>>): Generator<{ node: InstructionNode; prop: SyntaxProperty; type: LabelTypeT; value: string | null }> {
  for (const node of nodesOf(model, 'LABEL')) {
    for (const prop of node.syntax.properties) {
      if (!Object.prototype.hasOwnProperty.call(schema, prop.name)) continue;
      const type = schema[prop.name];
      if (type === undefined) continue;
      yield { node, prop, type, value: propertyValue(node, prop) };
    }
  }
}

/** The stage and the stages it is built on through `FROM <stage>`, nearest first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.parentIndex !== null ? model.stages[s.parentIndex] : undefined;
  }
  return out;
}
