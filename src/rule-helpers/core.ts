/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */
import type { Range } from '../core/types.js';
import { recogniseDownload as recogniseDownloadImpl, recogniseIndexUpdate as recogniseIndexUpdateImpl, recognisePackageInstall as recognisePackageInstallImpl } from '../shell/packages.js';
import type { Download as DownloadT, IndexUpdate as IndexUpdateT, PackageInstall as PackageInstallT } from '../shell/types.js';
import type { DockerfileModel, InstructionNode, Stage } from '../model/model.js';
import type { SimpleCommand, ShellWord } from '../shell/types.js';
import { effectiveCommand as effectiveCommandOf, type EffectiveCommand } from '../shell/queries.js';
import { memoOnObject } from '../shell/memo.js';

export interface NodeFilter {
  /** Include ONBUILD triggers (default true, as hadolint's `onbuild` combinator). */
  onbuild?: boolean;
}

/** Instruction nodes with one of the keywords, in file order (a shared list: do not modify it). */
export function nodesOf(model: DockerfileModel, keywords: string | readonly string[], filter: NodeFilter = {}): readonly InstructionNode[] {
  const index = keywordIndex(model);
  const withOnbuild = filter.onbuild ?? true;
  // The common question (one keyword, ONBUILD triggers included) is a lookup, with no query key to build.
  if (typeof keywords === 'string' && withOnbuild) return index.byKeyword.get(keywords) ?? NO_NODES;
  const key = `${typeof keywords === 'string' ? keywords : keywords.join(',')}|${withOnbuild ? 1 : 0}`;
  let v = index.byQuery.get(key);
  if (v === undefined) {
    const ks = typeof keywords === 'string' ? [keywords] : keywords;
    v = model.nodes.filter((n) => ks.includes(n.keyword) && (withOnbuild || !n.onbuild));
    index.byQuery.set(key, v);
  }
  return v;
}

const NO_NODES: readonly InstructionNode[] = [];

/**
 * Per model, its nodes by keyword (ONBUILD triggers included, file order), built in one pass, and
 * the answers of the other `nodesOf` queries (several keywords, or without ONBUILD triggers) by
 * query. About fifty rules ask for the nodes of one or two keywords. The maps are a cache, not
 * state: they change no result and are freed with the model (see memoByObject).
 */
const keywordIndex = memoByObject((model: DockerfileModel) => {
  const byKeyword = new Map<string, InstructionNode[]>();
  for (const n of model.nodes) {
    const list = byKeyword.get(n.keyword);
    if (list) list.push(n);
    else byKeyword.set(n.keyword, [n]);
  }
  return { byKeyword, byQuery: new Map<string, readonly InstructionNode[]>() };
});

/**
 * Memoise a pure function of one immutable object (a model, an instruction, a node): each answer
 * is computed once per object. The answer is kept on the object (not in a WeakMap, which V8's
 * young-generation collector treats as strong: see src/shell/memo.ts); it is a cache, not state:
 * it changes no result and is freed with the object. Callers share the answer, so it must not be
 * modified.
 */
export function memoByObject<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  return memoOnObject(compute);
}

/**
 * Per-model memo of pure derived data (lists many rules walk), one answer with ONBUILD triggers
 * and one without (see memoByObject).
 */
export function memoByModel<T>(compute: (model: DockerfileModel, withOnbuild: boolean) => T): (model: DockerfileModel, filter?: NodeFilter) => T {
  const withOnbuild = memoByObject((model: DockerfileModel) => compute(model, true));
  const without = memoByObject((model: DockerfileModel) => compute(model, false));
  return (model, filter = {}) => ((filter.onbuild ?? true) ? withOnbuild(model) : without(model));
}

/** Each simple command of each RUN (and ONBUILD RUN), with its node, in file order. */
export const runCommands: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; cmd: SimpleCommand }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; cmd: SimpleCommand }[] = [];
  for (const node of model.nodes) {
    if (node.keyword !== 'RUN' || !node.run || (!withOnbuild && node.onbuild)) continue;
    for (const cmd of node.run.commands) out.push({ node, cmd });
  }
  return out;
});

/**
 * Each simple command of each RUN (and ONBUILD RUN) with its effective command (`effectiveCommand`:
 * wrappers such as `sudo` or `env` seen through), in file order. Rules that look at every command
 * read `eff` here instead of each asking `effectiveCommand` (a memo lookup) per command.
 */
export const effectiveRunCommands: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; cmd: SimpleCommand; eff: EffectiveCommand }[] = memoByModel((model, withOnbuild) =>
  runCommands(model, { onbuild: withOnbuild }).map(({ node, cmd }) => ({ node, cmd, eff: effectiveCommandOf(cmd) })),
);

/** The effective command of each of `node.run.commands`, index for index (empty for other nodes). */
export const effectiveCommandsOf: (node: InstructionNode) => readonly EffectiveCommand[] = memoByObject((node: InstructionNode) =>
  (node.run?.commands ?? []).map((c) => effectiveCommandOf(c)),
);

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


export {
  recognisePackageCommand,
  recognisePackageInstall,
  recogniseIndexUpdate,
  recognisePackageRemoval,
  recogniseCleanup,
  recogniseDownload,
  recogniseVerification,
} from '../shell/packages.js';
export { hasFlag, flagValue, flagOccurrences, positionalArgs, hasArg, commandName, isCommand, cmdHasArgs, effectiveCommand, parseArgs } from '../shell/queries.js';
export type { EffectiveCommand } from '../shell/queries.js';
export type { PackageInstall, PackageSpec, AptInstall, ApkInstall, PipInstall, NodeInstall, GemInstall, RpmInstall, Cleanup, CacheKind, Download, Verification, PackageRemoval } from '../shell/types.js';

/** True when a RUN has a cache or tmpfs mount whose target is (or contains) one of `dirs`. */
export function hasCacheMount(node: InstructionNode, dirs: readonly string[]): boolean {
  const mounts = node.run?.mounts ?? [];
  return mounts.some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const t = (m.target ?? '').replace(/\/+$/, '');
    return dirs.some((d) => {
      const dd = d.replace(/\/+$/, '');
      return t === dd || dd.startsWith(`${t}/`) || t.endsWith(dd.replace(/^~/, ''));
    });
  });
}

/** The installs recognised in every RUN (with ONBUILD triggers), with their nodes. */
export const packageInstalls: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; install: PackageInstallT }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; install: PackageInstallT }[] = [];
  for (const { node, cmd } of runCommands(model, { onbuild: withOnbuild })) {
    const install = recognisePackageInstallImpl(cmd);
    if (install) out.push({ node, install });
  }
  return out;
});

/**
 * The downloads (`recogniseDownload`) of every RUN (with ONBUILD triggers), with their nodes and
 * commands, in file order: the few commands that download, for rules that look at nothing else.
 */
export const downloadCommands: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; cmd: SimpleCommand; download: DownloadT }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; cmd: SimpleCommand; download: DownloadT }[] = [];
  for (const { node, cmd } of runCommands(model, { onbuild: withOnbuild })) {
    const download = recogniseDownloadImpl(cmd);
    if (download) out.push({ node, cmd, download });
  }
  return out;
});

/** The package-index refreshes (`recogniseIndexUpdate`) of every RUN (with ONBUILD triggers), in file order. */
export const indexUpdates: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; cmd: SimpleCommand; update: IndexUpdateT }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; cmd: SimpleCommand; update: IndexUpdateT }[] = [];
  for (const { node, cmd } of runCommands(model, { onbuild: withOnbuild })) {
    const update = recogniseIndexUpdateImpl(cmd);
    if (update) out.push({ node, cmd, update });
  }
  return out;
});

/** A fix edit inserting `text` right after a shell word (e.g. a flag after `install`). */
export function insertAfterWord(node: InstructionNode, w: ShellWord, text: string): { range: Range; newText: string } {
  const end = wordRange(node, w).end;
  return { range: { start: end, end }, newText: text };
}
