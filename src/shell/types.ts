/**
 * Shell analysis types. The shell module works purely on strings: offsets are UTF-16 indexes
 * into the string that was parsed. The model maps them back to Dockerfile positions.
 */

/** A word of a simple command (command name or argument). */
export interface ShellWord {
  /** Raw source text of the word, quotes included. */
  text: string;
  /**
   * The word's value after quote removal when it is fully static (no $VAR, $(...), globs are kept
   * as literal text), else null. `"curl"` -> curl; `'a b'` -> a b; `$PKG` -> null; `foo=${V}` -> null.
   */
  value: string | null;
  /** Start offset (inclusive) in the parsed string. */
  start: number;
  /** End offset (exclusive) in the parsed string. */
  end: number;
}

/** What joins a command to the one after it in the same list. */
export type Connector = '&&' | '||' | ';' | '|' | '|&' | '&' | 'newline' | null;

export interface SimpleCommand {
  /** Command name as a static value ("apt-get"), null when dynamic ($CMD) or absent. */
  name: string | null;
  /** The command-name word (absent for a bare assignment like `A=1`). */
  nameWord: ShellWord | null;
  /** Arguments after the name, in order, redirections excluded. */
  args: ShellWord[];
  /** Variable assignments prefixing the command (`DEBIAN_FRONTEND=noninteractive apt-get ...`). */
  assignments: { name: string; value: ShellWord | null; start: number; end: number }[];
  /** Redirections attached to the command (`> /dev/null`, `2>&1`, `<<EOF`). */
  redirects: { operator: string; target: ShellWord | null; start: number; end: number }[];
  /** Range of the whole simple command (name through last argument / redirect). */
  start: number;
  end: number;
  /** Operator following this command at its level, or null when it is the last one. */
  connector: Connector;
  /** True when this command is one stage of a pipeline `a | b` (any position). */
  inPipeline: boolean;
  /** True for the last command of a pipeline whose earlier stages exist (`a | b`: b). */
  pipelineLast: boolean;
  /**
   * True when the command runs only conditionally: inside if/while/for/case bodies or conditions,
   * after `||` or `&&` whose left side may fail is NOT counted (those are normal chains); inside a
   * function definition body; or on the right of `||`.
   */
  conditional: boolean;
  /** Nesting: inside $(...), `...`, <(...) (command substitution or process substitution). */
  inSubstitution: boolean;
  /** Inside ( ... ) subshell. */
  inSubshell: boolean;
  /** Heredoc bodies attached to this command (for `cat <<EOF > file`, `python3 <<EOF`). */
  heredocs: { delimiter: string; body: string; bodyStart: number; bodyEnd: number; quoted: boolean }[];
}

export interface ShellScript {
  /** Every simple command in source order, including nested ones (substitutions, subshells, bodies). */
  commands: SimpleCommand[];
  /** True when the grammar reported an ERROR or MISSING node anywhere. */
  hasErrors: boolean;
  /** True when `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`, ...) runs at top level before any pipeline. */
  setsPipefail: boolean;
}

export interface ShellParser {
  parse(source: string): ShellScript;
}
