/**
 * A small query vocabulary over `SimpleCommand`, in the spirit of hadolint's Shell.hs
 * (`cmdHasArgs`, `getArgsNoFlags`, `dropFlagArg`, `hasFlag`), so that rules read like sentences.
 *
 * Flag syntax understood everywhere:
 * - `--name` and `--name=value` (long); a long flag listed as taking a value consumes the next word
 *   when written without `=`.
 * - `-abc` is a cluster of the short flags a, b, c (getopt). When a short flag is listed as taking a
 *   value, the rest of the cluster is its value (`-ofile`), or the next word when it ends the cluster
 *   (`-o file`, `-qO -`). `-q=2` is the short flag q with value 2 (apt accepts this form).
 * - Flags written with one dash and several letters (`-nv` for wget, `-ldflags` for go) are matched
 *   as one flag when they are listed in `ArgSpec.singleDash`, or always with `ArgSpec.goStyle`.
 * - `--` ends the flags; `-` alone is a positional (stdin).
 * - A word with an expansion counts as a flag when its text without quotes starts with `-`
 *   (`--prefix=$P`, `"--prefix=$P"`), else as a positional.
 */
import { basename } from './text.js';
import { memoByCommand } from './memo.js';
import type { CommandFlag, ShellWord, SimpleCommand } from './types.js';

/** One flag occurrence. `name` is normalised to `-x` or `--long` (without `=value`). */
export type ParsedFlag = CommandFlag;

export interface ParsedArgs {
  flags: ParsedFlag[];
  /** Words that are not flags nor flag values, in order. */
  positionals: ShellWord[];
}

export interface ArgSpec {
  /** Flags that take a value, written `-x` / `--long` (also single-dash long ones like `-ldflags`). */
  values?: readonly string[];
  /** Single-dash flags longer than one letter (`-nv`), matched whole instead of as a cluster. */
  singleDash?: readonly string[];
  /** Go's flag package: every `-name` / `--name` is one flag (no clusters). */
  goStyle?: boolean;
  /** Stop reading flags at the first positional (like POSIX getopt or `sudo`); the rest is positional. */
  stopAtPositional?: boolean;
}

/** Text used to classify a word: its static value, or its raw text when it has an expansion. */
export function wordText(w: ShellWord): string {
  return w.value ?? w.text;
}

/** Static values of the arguments (null for dynamic words). */
export function argValues(cmd: SimpleCommand): (string | null)[] {
  return cmd.args.map((a) => a.value);
}

/** Split a command's arguments into flags and positionals. */
export function parseArgs(cmd: SimpleCommand, spec: ArgSpec = NO_SPEC): ParsedArgs {
  return parseWords(cmd.args, spec);
}

interface CompiledSpec {
  values: ReadonlySet<string>;
  singleDash: ReadonlySet<string>;
}

/**
 * The flag lists of a spec as Sets, built once per spec object (specs are mostly module constants,
 * asked about for every command of every file). A cache keyed by the spec: it changes no result.
 */
const compiledSpecs = new WeakMap<ArgSpec, CompiledSpec>();
const NO_SPEC: ArgSpec = {};

function compileSpec(spec: ArgSpec): CompiledSpec {
  let c = compiledSpecs.get(spec);
  if (!c) {
    c = { values: new Set(spec.values ?? []), singleDash: new Set(spec.singleDash ?? []) };
    compiledSpecs.set(spec, c);
  }
  return c;
}

export function parseWords(words: readonly ShellWord[], spec: ArgSpec = NO_SPEC): ParsedArgs {
  const { values, singleDash } = compileSpec(spec);
  const flags: ParsedFlag[] = [];
  const positionals: ShellWord[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) continue;
    if (onlyPositionals) {
      positionals.push(w);
      continue;
    }
    const isStatic = w.value !== null;
    // A dynamic word is classified by its text without quotes: `"--prefix=$P"` is a flag.
    const t = w.value ?? w.text.replace(/["']/g, '');
    if (isStatic && t === '--') {
      onlyPositionals = true;
      continue;
    }
    if (t.length < 2 || !t.startsWith('-')) {
      positionals.push(w);
      if (spec.stopAtPositional === true) onlyPositionals = true;
      continue;
    }
    const eq = t.indexOf('=');
    const whole = eq < 0 ? t : t.slice(0, eq);
    const isLong = t.startsWith('--');
    if (isLong || spec.goStyle === true || singleDash.has(whole)) {
      const name = spec.goStyle === true && isLong ? whole.slice(1) : whole;
      if (eq >= 0) {
        flags.push({ name, value: isStatic ? t.slice(eq + 1) : null, valueWord: attached(w, eq + 1), word: w });
      } else if (values.has(name) && i + 1 < words.length) {
        const next = words[i + 1];
        i++;
        flags.push({ name, value: next?.value ?? null, valueWord: next ?? null, word: w });
      } else {
        flags.push({ name, value: null, valueWord: null, word: w });
      }
      continue;
    }
    // Short cluster.
    if (t.length > 2 && t[2] === '=') {
      flags.push({ name: t.slice(0, 2), value: isStatic ? t.slice(3) : null, valueWord: attached(w, 3), word: w });
      continue;
    }
    for (let j = 1; j < t.length; j++) {
      const name = '-' + (t[j] ?? '');
      if (values.has(name)) {
        if (j + 1 < t.length) {
          flags.push({ name, value: isStatic ? t.slice(j + 1) : null, valueWord: attached(w, j + 1), word: w });
        } else if (i + 1 < words.length) {
          const next = words[i + 1];
          i++;
          flags.push({ name, value: next?.value ?? null, valueWord: next ?? null, word: w });
        } else {
          flags.push({ name, value: null, valueWord: null, word: w });
        }
        break;
      }
      flags.push({ name, value: null, valueWord: null, word: w });
    }
  }
  return { flags, positionals };
}

/**
 * The part of a word from `offset` on (the value in `--x=value` / `-xvalue`): a sub-word with its
 * own range when the word is written without quotes or escapes, else the whole word.
 */
function attached(w: ShellWord, offset: number): ShellWord {
  if (w.value === null || w.text !== w.value) return w;
  const text = w.text.slice(offset);
  return { text, value: text, start: w.start + offset, end: w.end };
}

/**
 * True when the command has any of the flags. Flags are written `-y`, `--yes` (or `-nv` for a
 * single-dash multi-letter flag, matched whole). Without knowing which flags take values, short
 * clusters are split into letters (`-qy` has -q and -y), as hadolint does.
 */
export function hasFlag(cmd: SimpleCommand, ...flags: string[]): boolean {
  const singleDash = flags.filter((f) => f.length > 2 && !f.startsWith('--'));
  const { flags: found } = parseArgs(cmd, { singleDash });
  return found.some((f) => flags.includes(f.name));
}

/** All occurrences of the given value-taking flags (`-r a -r b`), with their values. */
export function flagOccurrences(cmd: SimpleCommand, ...flags: string[]): ParsedFlag[] {
  const singleDash = flags.filter((f) => f.length > 2 && !f.startsWith('--'));
  return parseArgs(cmd, { values: flags, singleDash }).flags.filter((f) => flags.includes(f.name));
}

/** Value of the first occurrence of any of the given value-taking flags; null when absent or dynamic. */
export function flagValue(cmd: SimpleCommand, ...flags: string[]): string | null {
  const first = flagOccurrences(cmd, ...flags)[0];
  return first === undefined ? null : first.value;
}

/**
 * Arguments that are neither flags nor the values of `flagsWithValues` (hadolint's
 * `getArgsNoFlags . dropFlagArg`).
 */
export function positionalArgs(cmd: SimpleCommand, flagsWithValues: readonly string[] = []): ShellWord[] {
  const singleDash = flagsWithValues.filter((f) => f.length > 2 && !f.startsWith('--'));
  return parseArgs(cmd, { values: flagsWithValues, singleDash }).positionals;
}

/** True when some argument's static value equals `value`. */
export function hasArg(cmd: SimpleCommand, ...values: string[]): boolean {
  return cmd.args.some((a) => a.value !== null && values.includes(a.value));
}

/** Basename of the command's static name (`/usr/bin/apt-get` -> apt-get), null when dynamic or absent. */
export function commandName(cmd: SimpleCommand): string | null {
  return cmd.name === null ? null : basename(cmd.name);
}

/**
 * True when the effective command (see `effectiveCommand`) is one of `names`, compared by basename:
 * `isCommand(cmd, 'apt-get')` matches `apt-get`, `/usr/bin/apt-get` and `sudo apt-get`.
 */
export function isCommand(cmd: SimpleCommand, ...names: string[]): boolean {
  const n = commandName(effectiveCommand(cmd));
  return n !== null && names.includes(n);
}

/**
 * hadolint's `cmdHasArgs`: the effective command is `name` and one of `args` appears among its
 * arguments.
 */
export function cmdHasArgs(cmd: SimpleCommand, name: string | readonly string[], args: readonly string[]): boolean {
  const eff = effectiveCommand(cmd);
  const n = commandName(eff);
  if (n === null || !(typeof name === 'string' ? n === name : name.includes(n))) return false;
  return eff.args.some((a) => a.value !== null && args.includes(a.value));
}

/** A command seen through its wrappers. */
export interface EffectiveCommand extends SimpleCommand {
  /** Wrappers removed, outermost first (`sudo env X=1 apt-get` -> ['sudo', 'env']). */
  wrappers: string[];
}

interface WrapperSpec {
  spec: ArgSpec;
  /** Leading `NAME=value` words are environment assignments (env, sudo). */
  assignments?: boolean;
  /** Positionals to skip before the command (`timeout 10 cmd`, `gosu user cmd`). */
  skip?: number;
  /** Flags meaning the wrapper does not run a command (`command -v`, `sudo -l`). */
  noCommand?: readonly string[];
}

/**
 * Wrappers that run their arguments as a command. `command -v/-V` only looks a command up;
 * `env -S` splits a string and is not unwrapped. `xargs` is unwrapped too: the command it runs also
 * receives words from stdin (check `wrappers.includes('xargs')`).
 */
const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    spec: {
      values: ['-u', '--user', '-g', '--group', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user', '-R', '--chroot', '--host'],
      stopAtPositional: true,
    },
    assignments: true,
    noCommand: ['-v', '--validate', '-l', '--list', '-k', '-K', '--reset-timestamp', '--remove-timestamp', '-e', '--edit', '-V', '--version', '-h', '--help'],
  },
  doas: { spec: { values: ['-u', '-C'], stopAtPositional: true }, noCommand: ['-C', '-L'] },
  env: {
    spec: { values: ['-u', '--unset', '-C', '--chdir'], stopAtPositional: true },
    assignments: true,
    noCommand: ['-S', '--split-string', '--help', '--version'],
  },
  command: { spec: { stopAtPositional: true }, noCommand: ['-v', '-V'] },
  exec: { spec: { values: ['-a'], stopAtPositional: true } },
  nice: { spec: { values: ['-n', '--adjustment'], stopAtPositional: true } },
  nohup: { spec: { stopAtPositional: true } },
  time: { spec: { values: ['-f', '--format', '-o', '--output'], stopAtPositional: true } },
  timeout: { spec: { values: ['-s', '--signal', '-k', '--kill-after'], stopAtPositional: true }, skip: 1 },
  xargs: {
    spec: {
      values: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '--max-lines', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'],
      stopAtPositional: true,
    },
  },
  eatmydata: { spec: { stopAtPositional: true } },
  fakeroot: { spec: { values: ['-l', '--lib', '--faked', '-s', '-i'], stopAtPositional: true } },
  stdbuf: { spec: { values: ['-i', '--input', '-o', '--output', '-e', '--error'], stopAtPositional: true } },
  gosu: { spec: { stopAtPositional: true }, skip: 1 },
  'su-exec': { spec: { stopAtPositional: true }, skip: 1 },
  busybox: { spec: { stopAtPositional: true } },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The command that actually runs, with wrappers removed: `sudo [-u x] cmd`, `env [-i] [A=1] cmd`,
 * `command cmd`, `exec cmd`, `nice [-n 5] cmd`, `nohup cmd`, `time cmd`, `timeout 5 cmd`,
 * `xargs [-r] cmd`, `eatmydata cmd`, `fakeroot cmd`, `stdbuf -oL cmd`, `gosu user cmd`,
 * `su-exec user cmd`, `busybox applet`. Nested wrappers are removed too. `env A=1` assignments are
 * added to `assignments`. Returns the command itself (with `wrappers: []`) when it is not wrapped,
 * or when a wrapper runs nothing (`command -v x`, `sudo -l`, `env` alone). A dynamic wrapped
 * command (`sudo $CMD`) gives a view with name null.
 * Ranges (start/end, connector, flags) are those of the whole original command.
 */
export const effectiveCommand = memoByCommand(effectiveCommandUncached);

function effectiveCommandUncached(cmd: SimpleCommand): EffectiveCommand {
  let current: EffectiveCommand = 'wrappers' in cmd && Array.isArray(cmd.wrappers) ? (cmd as EffectiveCommand) : { ...cmd, wrappers: [] };
  for (let depth = 0; depth < 8; depth++) {
    const n = commandName(current);
    if (n === null) break;
    const w = WRAPPERS[n];
    if (w === undefined) break;
    const next = unwrap(current, n, w);
    if (next === null) break;
    current = next;
  }
  return current;
}

function unwrap(cmd: EffectiveCommand, name: string, w: WrapperSpec): EffectiveCommand | null {
  const { flags, positionals } = parseArgs(cmd, w.spec);
  if (w.noCommand !== undefined && flags.some((f) => w.noCommand?.includes(f.name) === true)) return null;
  const assignments = [...cmd.assignments];
  let i = 0;
  if (w.assignments === true) {
    // Positionals are consecutive words at the end of args (stopAtPositional), so `A=1 cmd` is seen here.
    while (i < positionals.length) {
      const p = positionals[i];
      if (p === undefined) break;
      const m = ASSIGNMENT.exec(wordText(p));
      if (m === null) break;
      const nameLen = m[0].length;
      const valueText = p.text.slice(nameLen);
      assignments.push({
        name: m[0].slice(0, -1),
        value: valueText.length === 0 ? null : { text: valueText, value: p.value === null ? null : p.value.slice(nameLen), start: p.start + nameLen, end: p.end },
        start: p.start,
        end: p.end,
      });
      i++;
    }
  }
  i += w.skip ?? 0;
  const nameWord = positionals[i];
  if (nameWord === undefined) return null;
  return {
    ...cmd,
    name: nameWord.value,
    nameWord,
    args: positionals.slice(i + 1),
    assignments,
    wrappers: [...cmd.wrappers, name],
  };
}
