import { commandsRunning, defineRule, effectiveCommandsOf, nodesOf, parseArgs, ships, wordRange, type InstructionNode, type ShellWord } from '../../src/rule-api.js';

/**
 * True when a chmod mode makes files writable by others without the sticky bit: octal modes
 * whose last digit has the write bit (`777`, `0666`), symbolic modes granting `w` to `o` or `a`
 * (`a+rwx`, `o+w`, `ugo=rwx`). A sticky bit (`1777`, `+t`) exempts the mode: that is the /tmp
 * pattern for directories shared by arbitrary UIDs. Unknown forms (`o=u`, variables) give false.
 */
function worldWritable(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const others = Number(mode[mode.length - 1]);
    const special = mode.length === 4 ? Number(mode[0]) : 0;
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  let writable = false;
  for (const clause of mode.split(',')) {
    let i = 0;
    let who = '';
    while (i < clause.length && 'ugoa'.includes(clause[i] ?? '')) who += clause[i++] ?? '';
    if (i >= clause.length) return false;
    while (i < clause.length) {
      const op = clause[i] ?? '';
      if (!'+-='.includes(op)) return false;
      i++;
      let perms = '';
      while (i < clause.length && !'+-='.includes(clause[i] ?? '')) perms += clause[i++] ?? '';
      if (!/^[rwxXst]*$/.test(perms)) return false;
      if (op === '-') continue;
      if (perms.includes('t')) return false;
      if (perms.includes('w') && (who.includes('o') || who.includes('a'))) writable = true;
    }
  }
  return writable;
}

/** Paths removed by an `rm` later in the same RUN (compared by their text without quotes). */
function removedLater(node: InstructionNode, after: number): Set<string> {
  const out = new Set<string>();
  const cmds = node.run?.commands ?? [];
  const effs = effectiveCommandsOf(node);
  for (let i = 0; i < cmds.length; i++) {
    const c = cmds[i];
    const eff = effs[i];
    if (c === undefined || eff === undefined || c.start <= after) continue;
    if (eff.name !== 'rm' && eff.name !== '/bin/rm') continue;
    for (const p of parseArgs(eff).positionals) out.add(bare(p));
  }
  return out;
}

function bare(w: ShellWord): string {
  return w.text.replace(/["']/g, '').replace(/\/+$/, '');
}

export default defineRule({
  code: 'DW4004',
  name: 'world-writable',
  severity: 'warning',
  category: 'security',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Do not make files in the image writable by every user',
    what: 'Flags modes that give write permission to "others" without the sticky bit: `chmod 777`, `chmod 666`, `chmod a+rwx`, `chmod o+w` (also `mkdir -m`, `install -m`, and `COPY`/`ADD --chmod`), in stages that reach the final image.',
    why: 'A world-writable file or directory can be changed by any user in the container: an unprivileged process (or an attacker who got one) can replace scripts and binaries that root runs later, or plant files in shared directories. Give ownership to the user that needs to write (`chown app`, `COPY --chown=app`) and keep modes like 755 / 644.',
    examples: [
      { bad: 'FROM debian:12\nRUN mkdir /data && chmod 777 /data', good: 'FROM debian:12\nRUN mkdir /data && chown app:app /data && chmod 755 /data' },
      { bad: 'FROM alpine:3.20\nCOPY --chmod=777 entrypoint.sh /usr/local/bin/', good: 'FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/' },
    ],
    exceptions: 'Modes with the sticky bit (`chmod 1777 /run/app`, `+t`) are not flagged: that is the standard way to share a directory between arbitrary UIDs (OpenShift-style random users), as /tmp does. Paths that the same RUN deletes later (a temporary directory) and stages that do not reach the final image are not flagged either. Neither Trivy nor Checkov has this check.',
    references: ['https://cwe.mitre.org/data/definitions/732.html'],
  },
  check({ model, report }) {
    const flag = (mode: string, range: Parameters<typeof report>[0]['range'], what: string): void => {
      report({ message: `${what} mode ${mode} makes the files writable by every user; grant write access to the owning user or group instead`, range });
    };
    // (The name test below matches only among these: see commandsRunning.)
    for (const { node, cmd, eff } of commandsRunning(model, ['chmod', 'mkdir', 'install'])) {
      if (!ships(model, node) || !node.run) continue;
      const name = eff.name?.replace(/^.*\//, '') ?? null;
      if (name === 'chmod') {
        const { positionals } = parseArgs(eff, { values: ['--reference'] });
        const [mode, ...paths] = positionals;
        if (!mode || mode.value === null || paths.length === 0 || !worldWritable(mode.value)) continue;
        const removed = removedLater(node, cmd.start);
        if (paths.every((p) => removed.has(bare(p)))) continue;
        flag(mode.value, wordRange(node, mode), 'chmod');
      } else if (name === 'mkdir' || name === 'install') {
        const { flags, positionals } = parseArgs(eff, { values: ['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix', '-Z', '--context'] });
        for (const f of flags) {
          if ((f.name !== '-m' && f.name !== '--mode') || f.value === null || !worldWritable(f.value)) continue;
          const removed = removedLater(node, cmd.start);
          if (positionals.length > 0 && positionals.every((p) => removed.has(bare(p)))) continue;
          flag(f.value, wordRange(node, f.valueWord ?? f.word), name);
        }
      }
    }
    for (const node of nodesOf(model, ['COPY', 'ADD'])) {
      if (!ships(model, node)) continue;
      for (const f of node.syntax.flags) {
        if (f.name.toLowerCase() !== 'chmod' || f.value === null || !worldWritable(f.value)) continue;
        flag(f.value, f.valueRange ?? f.range, `${node.keyword} --chmod`);
      }
    }
  },
});
