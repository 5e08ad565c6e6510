import {
  commandsRunning,
  defineRule,
  effectiveCommand,
  flagRange,
  nodesOf,
  parseArgs,
  recognisePackageCommand,
  recognisePackageInstall,
  packageCommands,
  wordRange,
  type InstructionNode,
  type Range,
  type ShellWord,
  type SimpleCommand,
} from '../../src/rule-api.js';

interface Hit {
  message: string;
  range: Range;
}

/** apt options (`-o Name=value`) that accept unsigned or unauthenticated repositories. */
const APT_INSECURE_OPTION = /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\s*=\s*["']?(?:true|yes|1)["']?$/i;

/** True when every package argument is a local file or directory (built or verified in the build). */
function onlyLocalFiles(cmd: SimpleCommand): boolean {
  const inst = recognisePackageInstall(cmd);
  if (!inst || inst.packages.length === 0) return false;
  return inst.packages.every((p) => p.source === 'file' || p.source === 'path');
}

/**
 * `deb [ trusted=yes ] http://...` (or `allow-insecure=yes`) in a sources line: the options of
 * a remote repository that turn off signature checks. Local `file:`/`copy:` repositories built in
 * the same step are not reported.
 */
function trustedSourceLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\bdeb(?:-src)?[ \t]+\[([^\]\n]{0,300})\][ \t]*([A-Za-z][A-Za-z0-9+.-]*:\S*)?/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const options = m[1] ?? '';
    const uri = m[2] ?? '';
    // A local repository, or one whose URI the linter cannot read (`$REPO`).
    if (uri === '' || /^(?:file|copy|cdrom):/i.test(uri)) continue;
    const opt = /\b(?:trusted|allow-insecure|allow-weak)\s*=\s*yes\b/i.exec(options);
    if (!opt) continue;
    const optStart = m.index + m[0].indexOf('[') + 1 + opt.index;
    out.push({ start: optStart, end: optStart + opt[0].length });
  }
  return out;
}

function commandHits(node: InstructionNode, cmd: SimpleCommand): Hit[] {
  const hits: Hit[] = [];
  const pc = recognisePackageCommand(cmd);
  if (pc) {
    // Both are computed only for the flags that matter (most package commands have none of them).
    let localMemo: boolean | undefined;
    const localFiles = (): boolean => (localMemo ??= onlyLocalFiles(cmd));
    for (const f of pc.flags) {
      const range = (): Range => flagRange(node, f);
      if (pc.manager === 'apk' && f.name === '--allow-untrusted') {
        // `apk index --allow-untrusted` builds a local index (signed afterwards); local .apk files are the build's own.
        if (pc.subcommand === 'index' || localFiles()) continue;
        hits.push({ message: `apk ${pc.subcommand} --allow-untrusted installs packages without checking their signatures`, range: range() });
      } else if (pc.manager === 'apt' && (f.name === '--allow-unauthenticated' || f.name === '--force-yes' || f.name === '--allow-insecure-repositories')) {
        if (localFiles()) continue;
        hits.push({ message: `${pc.tool} ${f.name} installs packages whose signatures could not be verified`, range: range() });
      } else if (pc.manager === 'apt' && (f.name === '-o' || f.name === '--option') && f.value !== null && APT_INSECURE_OPTION.test(f.value)) {
        hits.push({ message: `${pc.tool} -o ${f.value} accepts unsigned repositories`, range: wordRange(node, f.valueWord ?? f.word) });
      } else if ((pc.manager === 'yum' || pc.manager === 'dnf' || pc.manager === 'microdnf') && f.name === '--nogpgcheck') {
        if (localFiles()) continue;
        hits.push({ message: `${pc.tool} --nogpgcheck installs packages without checking their GPG signatures`, range: range() });
      } else if ((pc.manager === 'yum' || pc.manager === 'dnf' || pc.manager === 'microdnf') && f.name === '--setopt' && f.value !== null && /(?:^|\.)gpgcheck\s*=\s*["']?(?:0|false|no)\b/i.test(f.value)) {
        hits.push({ message: `${pc.tool} --setopt=${f.value} turns off GPG signature checks`, range: wordRange(node, f.valueWord ?? f.word) });
      } else if (pc.manager === 'zypper' && (f.name === '--no-gpg-checks' || f.name === '--gpg-auto-import-keys')) {
        if (f.name === '--gpg-auto-import-keys' || localFiles()) continue;
        hits.push({ message: 'zypper --no-gpg-checks installs packages without checking their GPG signatures', range: range() });
      }
    }
    return hits;
  }
  const eff = effectiveCommand(cmd);
  const name = eff.name === null ? null : eff.name.replace(/^.*\//, '');
  // rpm --nosignature / --nodigest / --nofiledigest / --noverify (Checkov CKV2_DOCKER_10).
  if (name === 'rpm') {
    const { flags, positionals } = parseArgs(eff, { values: ['--root', '--dbpath', '--define', '-D', '--prefix', '--relocate', '--excludepath'] });
    const remote = positionals.some((p: ShellWord) => /^(?:https?|ftp):\/\//i.test(p.value ?? p.text));
    for (const f of flags) {
      if (!['--nosignature', '--nodigest', '--nofiledigest', '--noverify', '--nogpgcheck'].includes(f.name)) continue;
      if (!remote) continue;
      hits.push({ message: `rpm ${f.name} installs a downloaded package without checking its signature or digests`, range: flagRange(node, f) });
    }
  }
  return hits;
}

export default defineRule({
  code: 'DW4003',
  name: 'unsigned-packages',
  severity: 'warning',
  category: 'security',
  source: 'trivy-checkov',
  fixable: false,
  docs: {
    summary: 'Do not install packages without signature checks',
    what: 'Flags package-manager options that skip signature verification: `apk --allow-untrusted`; `apt-get --allow-unauthenticated`, `--force-yes`, `--allow-insecure-repositories` or `-o APT::Get::AllowUnauthenticated=true` (and the Acquire::AllowInsecureRepositories options); `[trusted=yes]` / `[allow-insecure=yes]` on a remote apt source written by a RUN; `yum`/`dnf`/`microdnf --nogpgcheck` or `--setopt=gpgcheck=0`; `zypper --no-gpg-checks`; `rpm --nosignature`, `--nodigest`, `--nofiledigest`, `--noverify` on a package URL. RUN instructions in any stage, ONBUILD included.',
    why: 'Package signatures are what ties a package to its distribution: TLS only protects the connection to a mirror, and mirrors are run by third parties. Without the signature check a compromised or malicious mirror (or a plain-http one) can hand out modified packages that the build installs as root.',
    examples: [
      { bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl', good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl' },
      { bad: "FROM debian:12\nRUN echo 'deb [trusted=yes] http://repo.example.com/debian stable main' > /etc/apt/sources.list.d/x.list", good: "FROM debian:12\nRUN echo 'deb [signed-by=/usr/share/keyrings/example.gpg] https://repo.example.com/debian stable main' > /etc/apt/sources.list.d/x.list" },
      { bad: 'FROM alpine:3.20\nRUN apk add --allow-untrusted curl', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
    ],
    exceptions: 'Installing only local package files (`apk add --allow-untrusted /tmp/pkgs/*.apk`, `dnf install --nogpgcheck ./x.rpm`) is not flagged: such files were built in the image build or come from the build context, and checking how they were obtained is the job of the download-verification rules. `apk index --allow-untrusted` (building a local index) and `trusted=yes` on `file:`/`copy:` repositories are not flagged for the same reason.',
    equivalents: [
      'Checkov CKV2_DOCKER_7 (apk --allow-untrusted)',
      'Checkov CKV2_DOCKER_8 (apt-get --allow-unauthenticated)',
      'Checkov CKV2_DOCKER_9 (yum/dnf --nogpgcheck)',
      'Checkov CKV2_DOCKER_10 (rpm --nosignature and friends)',
      'Checkov CKV2_DOCKER_11 (apt-get --force-yes)',
    ],
    references: ['https://wiki.debian.org/SecureApt', 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  },
  check({ model, report }) {
    // commandHits finds nothing in a command that is neither a package-manager command nor `rpm`:
    // only those are looked at (each once; the engine's sort puts the findings in file order).
    const seen = new Set<SimpleCommand>();
    const visit = (node: InstructionNode, cmd: SimpleCommand): void => {
      if (seen.has(cmd)) return;
      seen.add(cmd);
      for (const h of commandHits(node, cmd)) report(h);
    };
    for (const { node, pc } of packageCommands(model)) visit(node, pc.command);
    for (const { node, cmd } of commandsRunning(model, ['rpm'])) visit(node, cmd);
    // Sources lines with [trusted=yes], found in the RUN text (echo arguments, heredoc bodies).
    for (const node of nodesOf(model, 'RUN')) {
      const { start, end } = node.syntax;
      const text = model.text.slice(start, end);
      // Every sources line contains `deb`: most RUNs need no regex scan.
      if (!text.includes('deb')) continue;
      for (const hit of trustedSourceLines(text)) {
        report({ message: `${text.slice(hit.start, hit.end)} turns off signature checks for a remote apt repository; use signed-by= with the repository key`, range: model.lines.rangeAt(start + hit.start, start + hit.end) });
      }
    }
  },
});

