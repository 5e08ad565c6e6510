/**
 * The one module that rules import from: engine types, the model, shell queries and helpers.
 */
import type { Range } from './core/types.js';
import type { DockerfileModel, InstructionNode, Stage } from './model/model.js';
import type { SimpleCommand, ShellWord } from './shell/types.js';

export type { Category, Fix, Range, RuleMeta, Severity, TextEdit } from './core/types.js';
export { defineRule } from './engine/rule.js';
export type { RuleContext, RuleDefinition, RuleSettings, LabelType } from './engine/rule.js';
export type { DockerfileModel, InstructionNode, Stage, StageBase, ImageRef, RunInfo, CopyInfo, Mount } from './model/model.js';
export type { Instruction, Word, Flag, Property } from './parse/syntax.js';
export type { SimpleCommand, ShellWord } from './shell/types.js';
export { parseImageRef } from './model/image.js';
export { substitute, unquote, referencedVariables } from './model/vars.js';

export interface NodeFilter {
  /** Include ONBUILD triggers (default true, as hadolint's `onbuild` combinator). */
  onbuild?: boolean;
}

/** Instruction nodes with one of the keywords, in file order. */
export function nodesOf(model: DockerfileModel, keywords: string | readonly string[], filter: NodeFilter = {}): InstructionNode[] {
  const ks = typeof keywords === 'string' ? [keywords] : keywords;
  const withOnbuild = filter.onbuild ?? true;
  return model.nodes.filter((n) => ks.includes(n.keyword) && (withOnbuild || !n.onbuild));
}

/** Each simple command of each RUN (and ONBUILD RUN), with its node. */
export function* runCommands(model: DockerfileModel, filter: NodeFilter = {}): Generator<{ node: InstructionNode; cmd: SimpleCommand }> {
  for (const node of nodesOf(model, 'RUN', filter)) {
    if (!node.run) continue;
    for (const cmd of node.run.commands) yield { node, cmd };
  }
}

/** Dockerfile range of a shell word or command span of a RUN node. */
export function shellRange(node: InstructionNode, start: number, end: number): Range {
  const ctx = node.run?.shell;
  if (!ctx) return node.syntax.range;
  return ctx.range(start, end);
}

export function wordRange(node: InstructionNode, w: ShellWord): Range {
  return shellRange(node, w.start, w.end);
}

export function commandRange(node: InstructionNode, cmd: SimpleCommand): Range {
  return shellRange(node, cmd.start, cmd.end);
}

/** The stage an instruction belongs to. */
export function stageOf(model: DockerfileModel, node: InstructionNode): Stage | undefined {
  return node.stageIndex === null ? undefined : model.stages[node.stageIndex];
}

/** True for a stage whose content ships (the final stage or an ancestor through FROM <stage>). */
export function ships(model: DockerfileModel, node: InstructionNode): boolean {
  return stageOf(model, node)?.inFinalImage ?? false;
}

/**
 * Stages that matter for "leftover" rules such as hadolint's DL3009/DL3060: the final stage and
 * stages reused as a base by a later FROM.
 */
export function isFinalOrReused(model: DockerfileModel, stage: Stage): boolean {
  return stage.isFinal || model.stages.some((s) => s.parentIndex === stage.index);
}

/** Name of a program without directories: `/usr/bin/apt-get` -> `apt-get`. */
export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/**
 * For each stage, every instruction of `keyword` except the last one (an earlier CMD,
 * ENTRYPOINT or HEALTHCHECK that a later one in the same stage overrides).
 */
export function overriddenInstructions(model: DockerfileModel, keyword: string): { stage: Stage; node: InstructionNode; later: InstructionNode }[] {
  const out: { stage: Stage; node: InstructionNode; later: InstructionNode }[] = [];
  for (const stage of model.stages) {
    const all = stage.instructions.filter((n) => n.keyword === keyword && !n.onbuild);
    const last = all[all.length - 1];
    if (!last) continue;
    for (const n of all.slice(0, -1)) out.push({ stage, node: n, later: last });
  }
  return out;
}
