/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */
import type { Range } from '../core/types.js';
import type { DockerfileModel, InstructionNode, Stage } from '../model/model.js';
import type { SimpleCommand, ShellWord } from '../shell/types.js';
import { effectiveCommand as effectiveCommandOf } from '../shell/queries.js';
import { recognisePackageCommand as recognisePackageCommandOf } from '../shell/packages.js';
import type { PackageCommand as PackageCommandT } from '../shell/types.js';
import type { TextEdit as TextEditT } from '../core/types.js';
import type { EffectiveCommand } from '../shell/queries.js';
import { type NodeFilter, commandRange, effectiveRunCommands, runCommands, memoByModel } from './core.js';
import { stageChain } from './security.js';

// ---------------------------------------------------------------------------------------------
// Helpers for the hadolint rules of rules/hadolint (archives, package commands, fixes, stages).
// ---------------------------------------------------------------------------------------------

export type { PackageCommand, ZypperInstall, GoInstall, CommandFlag } from '../shell/types.js';

/** File extensions hadolint takes for archives that ADD unpacks (its `archiveFileFormatExtensions`). */
export const ARCHIVE_EXTENSIONS: readonly string[] = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

/** `s` without the runs of quotes at its ends (a regex replace only when there are some: hot path). */
function stripEndQuotes(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first !== 34 && first !== 39 && last !== 34 && last !== 39) return s;
  return s.replace(/^["']+|["']+$/g, '');
}

/** True when a path (quotes around it dropped) ends in one of `ARCHIVE_EXTENSIONS`. */
export function isArchivePath(path: string): boolean {
  const p = stripEndQuotes(path);
  return ARCHIVE_EXTENSIONS.some((ext) => p.endsWith(ext));
}

/** Last path component, with `/` and `\` as separators and surrounding quotes dropped. */
export function pathBasename(path: string): string {
  const p = stripEndQuotes(path);
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

/** A command of a RUN (ONBUILD triggers included), with its node and effective command. */
export interface ProgramCommand {
  node: InstructionNode;
  cmd: SimpleCommand;
  eff: EffectiveCommand;
}

interface IndexedCommand extends ProgramCommand {
  /** Position in the model's list of commands (to merge several programs' lists in file order). */
  seq: number;
}

/**
 * The commands of every RUN (ONBUILD triggers included) grouped by the program they run
 * (`pathBasename` of the effective command's name; commands without a static name are left out),
 * and those with environment assignments. Built once per model, so that rules about a few
 * programs (git, chmod, useradd...) look those up instead of each walking every command.
 */
const commandIndex = memoByModel((model) => {
  const byProgram = new Map<string, IndexedCommand[]>();
  const withAssignments: IndexedCommand[] = [];
  let seq = 0;
  for (const { node, cmd, eff } of effectiveRunCommands(model)) {
    const e: IndexedCommand = { node, cmd, eff, seq: seq++ };
    if (eff.assignments.length > 0) withAssignments.push(e);
    if (eff.name === null) continue;
    const k = pathBasename(eff.name);
    const list = byProgram.get(k);
    if (list) list.push(e);
    else byProgram.set(k, [e]);
  }
  return { byProgram, withAssignments };
});

/** The commands of every RUN (ONBUILD triggers included) with environment assignments (`A=1 cmd`, `env A=1 cmd`), in file order. */
export function commandsWithAssignments(model: DockerfileModel): readonly ProgramCommand[] {
  return commandIndex(model).withAssignments;
}

/**
 * The commands of every RUN (ONBUILD triggers included) whose program is one of `programs`, in
 * file order, the program being `pathBasename(eff.name)` (`\` paths too, quotes dropped). For
 * names without quotes and backslashes this includes every command whose `basename(eff.name)` or
 * `eff.name.replace(/^.*\//, '')` is one of them, so rules that compare names their own way find
 * all their matches here, and re-check each.
 */
export function commandsRunning(model: DockerfileModel, programs: readonly string[]): readonly ProgramCommand[] {
  const index = commandIndex(model).byProgram;
  let found: IndexedCommand[] | null = null;
  let several = false;
  for (const p of programs) {
    const list = index.get(p);
    if (!list) continue;
    if (found === null) found = list;
    else {
      found = [...found, ...list];
      several = true;
    }
  }
  if (found === null) return [];
  return several ? found.sort((a, b) => a.seq - b.seq) : found;
}

/** Every recognised package-manager command (install or not) of every RUN, with its node. */
export const packageCommands: (model: DockerfileModel, filter?: NodeFilter) => readonly { node: InstructionNode; pc: PackageCommandT }[] = memoByModel((model, withOnbuild) => {
  const out: { node: InstructionNode; pc: PackageCommandT }[] = [];
  for (const { node, cmd } of runCommands(model, { onbuild: withOnbuild })) {
    const pc = recognisePackageCommandOf(cmd);
    if (pc) out.push({ node, pc });
  }
  return out;
});

/** The word naming the program a command runs, seen through wrappers (`sudo yum` -> `yum`). */
export function programWord(cmd: SimpleCommand): ShellWord | null {
  return effectiveCommandOf(cmd).nameWord;
}

/** The last word of a package command's subcommand (`group install` -> the `install` word). */
export function subcommandEndWord(pc: PackageCommandT): ShellWord | null {
  const first = pc.subcommandWord;
  const parts = pc.subcommand.split(' ');
  if (!first || parts.length < 2) return first;
  const eff = effectiveCommandOf(pc.command);
  const later = eff.args.find((w) => w.start > first.start && w.value === parts[parts.length - 1]);
  return later ?? first;
}

/**
 * A fix edit that chains `text` (such as ` && yum clean all`) right after a command of a
 * shell-form RUN, or null when the command is not a plain step of the RUN's top-level list (in a
 * pipeline, a substitution, a subshell, a condition, a heredoc, or followed by `||`, `|` or `&`).
 */
export function chainAfterCommand(node: InstructionNode, cmd: SimpleCommand, text: string): TextEditT | null {
  const run = node.run;
  if (!run || run.form !== 'shell' || !run.shell || run.heredocs.length > 0) return null;
  if (cmd.inPipeline || cmd.inSubstitution || cmd.inSubshell || cmd.conditional || cmd.inHeredocScript === true || cmd.negated === true) return null;
  if (cmd.heredocs.length > 0) return null;
  if (cmd.connector !== null && cmd.connector !== '&&' && cmd.connector !== ';') return null;
  const end = commandRange(node, cmd).end;
  return { range: { start: end, end }, newText: text };
}

/**
 * The stage a `--from` value (COPY --from, RUN --mount from=) names as seen from `node`: a stage
 * defined so far (the current one included) by name, compared as BuildKit does (case-insensitive),
 * or by index. Null for anything else (an image reference).
 */
export function stageReference(model: DockerfileModel, node: InstructionNode, value: string): Stage | null {
  const current = node.stageIndex ?? -1;
  if (/^\d+$/.test(value)) {
    const i = Number(value);
    return i <= current ? (model.stages[i] ?? null) : null;
  }
  const v = value.toLowerCase();
  return model.stages.find((s) => s.index <= current && s.name === v) ?? null;
}

/**
 * Stages whose image is an output of the build: the final stage, and every other stage that no
 * later stage builds on (`FROM <stage>`) and none copies or mounts from (it can only be an output
 * through `--target`). Intermediate stages are left out. A reference with a variable whose value
 * is unknown (`FROM binary-$TARGETOS`) counts as using every stage whose name it could match.
 */
export function outputStages(model: DockerfileModel): Stage[] {
  const used = new Set<number>();
  const useMatching = (ref: string): void => {
    const resolved = ref.includes('$') ? null : ref.toLowerCase();
    for (const s of model.stages) {
      if (s.name === null) continue;
      if (resolved !== null ? s.name === resolved : matchesWithVariables(ref.toLowerCase(), s.name)) used.add(s.index);
    }
  };
  for (const s of model.stages) {
    if (s.parentIndex !== null) used.add(s.parentIndex);
    else if (s.base.kind === 'unknown' && s.base.raw !== '') useMatching(s.base.raw);
  }
  for (const node of model.nodes) {
    if (node.onbuild) continue;
    const froms: string[] = [];
    if (node.copy?.from) froms.push(node.copy.from);
    for (const m of node.run?.mounts ?? []) if (m.from) froms.push(m.from);
    for (const f of froms) {
      const resolved = node.resolve(f) ?? f;
      if (/^\d+$/.test(resolved)) used.add(Number(resolved));
      else useMatching(resolved);
    }
  }
  return model.stages.filter((s) => s.isFinal || !used.has(s.index));
}

/**
 * True when `name` can be what `ref` expands to, taking each `$VAR` / `${VAR...}` in `ref` as any
 * text (`binary-$TARGETOS` matches `binary-linux`). Literal pieces are matched left to right, once.
 */
function matchesWithVariables(ref: string, name: string): boolean {
  const pieces = ref.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (pieces.length === 1) return ref === name;
  if (!name.startsWith(first) || !name.endsWith(last) || first.length + last.length > name.length) return false;
  let pos = first.length;
  const end = name.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const i = name.indexOf(piece, pos);
    if (i < 0 || i + piece.length > end) return false;
    pos = i + piece.length;
  }
  return true;
}

/**
 * Output stages (see `outputStages`) that are images meant to run: the final stage, and other
 * output stages that set CMD or ENTRYPOINT themselves or through the stages they are built on.
 * Export-only targets (`FROM scratch` + COPY, used with `--output`) and check or lint targets are
 * left out.
 */
export function imageStages(model: DockerfileModel): Stage[] {
  return outputStages(model).filter(
    (s) => s.isFinal || stageChain(model, s).some((c) => c.instructions.some((n) => !n.onbuild && (n.keyword === 'CMD' || n.keyword === 'ENTRYPOINT'))),
  );
}

/** A range extended over the blanks that follow it on its line (to delete a flag cleanly). */
export function withTrailingBlanks(model: DockerfileModel, range: Range): Range {
  let o = model.lines.offsetAt(range.end);
  while (model.text[o] === ' ' || model.text[o] === '\t') o++;
  return { start: range.start, end: model.lines.positionAt(o) };
}

/**
 * The last command of a RUN that `isTarget` accepts when no command that `isFollowUp` accepts
 * comes after it (an install without a later cache cleanup), else null.
 */
export function lastWithoutFollowUp(node: InstructionNode, isTarget: (c: SimpleCommand) => boolean, isFollowUp: (c: SimpleCommand) => boolean): SimpleCommand | null {
  const cmds = node.run?.commands ?? [];
  let last: SimpleCommand | null = null;
  for (const c of cmds) if (isTarget(c)) last = c;
  if (!last) return null;
  const after = last.end;
  return cmds.some((c) => c.start >= after && isFollowUp(c)) ? null : last;
}
