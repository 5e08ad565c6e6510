import type { ShellParser, SimpleCommand } from '../../src/shell/types.js';

/** The only command of `source` named `name` (throws otherwise). */
export function commandNamed(parser: ShellParser, source: string, name: string): SimpleCommand {
  const found = parser.parse(source).commands.filter((c) => c.name === name);
  if (found.length !== 1 || found[0] === undefined) throw new Error(`expected one ${name} in ${source}, got ${found.length}`);
  return found[0];
}

/** The first command of `source` (throws when there is none). */
export function firstCommand(parser: ShellParser, source: string): SimpleCommand {
  const c = parser.parse(source).commands[0];
  if (c === undefined) throw new Error(`no command in ${source}`);
  return c;
}

/** Static argument values, dynamic ones as `<text>`. */
export function argsOf(c: SimpleCommand): string[] {
  return c.args.map((a) => a.value ?? `<${a.text}>`);
}

/** Compact view of a script's commands for structural assertions. */
export function summary(parser: ShellParser, source: string): string[] {
  return parser.parse(source).commands.map((c) => {
    const flags = [
      c.inPipeline ? 'pipe' : '',
      c.pipelineLast ? 'last' : '',
      c.conditional ? 'cond' : '',
      c.inSubstitution ? 'subst' : '',
      c.inSubshell ? 'subshell' : '',
      c.negated === true ? 'neg' : '',
      c.inHeredocScript === true ? 'heredoc' : '',
    ].filter((f) => f !== '');
    return [c.name ?? '-', ...argsOf(c)].join(' ') + ` [${c.connector ?? ''}]` + (flags.length > 0 ? ` {${flags.join(',')}}` : '');
  });
}
