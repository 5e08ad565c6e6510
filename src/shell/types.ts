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
   * Backslash escapes, `"..."` escapes and `$'...'` are decoded; `~` and `{a,b}` are kept literally.
   * A word that a backslash-newline splits without blanks (`foo\<newline>bar`) is one word `foobar`.
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
  /**
   * Redirections attached to the command (`> /dev/null`, `2>&1`, `<<EOF`). `operator` is the operator
   * token alone (`>`, `>>`, `>&`, `&>`, `<`, `<<`, `<<-`, `<<<`); the file descriptor written before it
   * (`2>&1`: 2) is in `fd`. For a heredoc the target is the delimiter word and the range ends after it
   * (the body is in `heredocs`).
   */
  redirects: {
    operator: string;
    target: ShellWord | null;
    start: number;
    end: number;
    /** Explicit file descriptor before the operator (`2>`: 2), null when absent. Always set by the parser. */
    fd?: number | null;
  }[];
  /** Range of the whole simple command (name through last argument / redirect). */
  start: number;
  end: number;
  /**
   * Operator following this command at its level, or null when it is the last one. A `;` or `&`
   * written after the last command is still reported; `newline` is only used when another command
   * follows at the same level. Pipeline stages get `|` / `|&`.
   */
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
  /**
   * Heredoc bodies attached to this command (for `cat <<EOF > file`, `python3 <<EOF`).
   * `delimiter` is unquoted (`<<'EOF'` -> EOF) and `quoted` tells whether it was quoted (then the body
   * is not expanded). `body` is the text the command reads: every line including its final newline,
   * with leading tabs removed for `<<-`. `bodyStart`/`bodyEnd` delimit the raw body in the parsed
   * string (from the first body line to the start of the delimiter line; tabs included).
   */
  heredocs: {
    delimiter: string;
    body: string;
    bodyStart: number;
    bodyEnd: number;
    quoted: boolean;
    /** True for `<<-` (leading tabs are stripped from the body lines). Always set by the parser. */
    stripTabs?: boolean;
  }[];
  /**
   * Stages of one pipeline share this id (unique within a ShellScript); null when not a pipeline
   * stage. Always set by the parser.
   */
  pipelineId?: number | null;
  /** Position of this stage in its pipeline (0 = first, fed by nothing), null when not a stage. Always set by the parser. */
  pipelineIndex?: number | null;
  /** True for `! cmd` (exit status inverted, so a failure does not stop `set -e`). Always set by the parser. */
  negated?: boolean;
  /**
   * True when the command comes from a heredoc body that a shell runs as a script: a bare
   * `RUN <<EOF` (BuildKit runs the body with the default shell unless it starts with a non-shell
   * shebang), or `bash <<EOF` / `sh <<EOF` without `-c` or a script argument. Offsets still point into
   * the parsed string. Always set by the parser.
   */
  inHeredocScript?: boolean;
}

export interface ShellScript {
  /**
   * Every simple command in source order (by start offset), including nested ones (substitutions,
   * subshells, bodies). Builtins with their own grammar are reported as simple commands too:
   * `export A=1` (name `export`, args `A=1`), `unset X`, `[ -f x ]` / `[[ ... ]]` (name `[` / `[[`,
   * args = operands and operators), and a bare assignment `A=1` (name null, one assignment).
   * A bare heredoc (`<<EOF` with no command, as in BuildKit's `RUN <<EOF`) is reported as a
   * command with name null carrying the heredoc (or named by the word after the delimiter, as in
   * `<<EOF bash`), followed by the commands of its body (see `inHeredocScript`).
   */
  commands: SimpleCommand[];
  /** True when the grammar reported an ERROR or MISSING node anywhere. */
  hasErrors: boolean;
  /** True when `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`, ...) runs at top level before any pipeline. */
  setsPipefail: boolean;
  /**
   * True when the script contains a pipe anywhere (also inside substitutions, subshells, compound
   * commands and heredoc scripts). Always set by the parser.
   */
  hasPipeline?: boolean;
}

export interface ShellParser {
  parse(source: string): ShellScript;
}

// ---------------------------------------------------------------------------------------------
// Recogniser results (src/shell/packages.ts). Pure data: rules turn them into findings.

/** Package-manager families. `tool` in the results says which binary was used. */
export type PackageManager =
  | 'apt' // apt-get, apt, aptitude
  | 'apk'
  | 'yum'
  | 'dnf' // dnf, dnf5, tdnf
  | 'microdnf'
  | 'zypper'
  | 'pip' // pip, pip3, pip3.12, python3 -m pip
  | 'pipx'
  | 'uv' // uv pip install, uv tool install, uv add
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'gem'
  | 'bundle'
  | 'go'
  | 'cargo'
  | 'composer'
  | 'conda'; // conda, mamba, micromamba

/** Where a package argument comes from. */
export type PackageSource =
  | 'registry' // a name from the manager's index
  | 'file' // a local package file (.deb, .rpm, .apk, .whl, .tar.gz, .tgz, .gem)
  | 'path' // a local directory (., ./pkg, /src)
  | 'url' // an http(s)/ftp URL of an archive
  | 'vcs' // git+https://..., git://..., github:user/repo
  | 'group' // dnf/yum @group or group install
  | 'module'; // dnf/yum module install name:stream

export interface PackageSpec {
  /** The argument as written. */
  word: ShellWord;
  /** Package name without version or constraint; for files, paths and URLs the whole argument. */
  name: string;
  /** Version, constraint, tag, stream or ref as written after `operator`; null when none. */
  version: string | null;
  /** What joins name and version: `=`, `==`, `>=`, `~=`, `@`, `:`, `-`, `/` (apt release), `#`, `-v`...; null when none. */
  operator: string | null;
  /**
   * True when the manager's pinning rule would accept this argument (hadolint's meaning where
   * hadolint has a rule: DL3008 apt, DL3013 pip, DL3016 npm, DL3018 apk, DL3028 gem, DL3033 yum,
   * DL3037 zypper, DL3041 dnf, go). Files, local paths and groups count as pinned.
   */
  pinned: boolean;
  source: PackageSource;
  /** The word has an expansion (`$PKG`, `foo=${V}`): name/version were read from its text with quotes dropped. */
  dynamic: boolean;
}

/** A flag as written on a command line (see queries.ts `parseArgs`). */
export interface CommandFlag {
  /** `-y` or `--yes` (without `=value`); a cluster `-qy` gives one entry per letter. */
  name: string;
  /** Static value (`--x=1`, `-x 1`, `-x1`), null when absent or dynamic. */
  value: string | null;
  /** The word the flag was written in. */
  word: ShellWord;
  /**
   * The word holding the value: the next word for `-x 1`; for `--x=1` / `-x1` the value part of the
   * word (the whole word when it is quoted or escaped); null when there is no value.
   */
  valueWord: ShellWord | null;
}

/** Any recognised package-manager invocation. */
export interface PackageCommand {
  manager: PackageManager;
  /** The binary as written, basename (`apt-get`, `pip3`, `mamba`), or `python3 -m pip`. */
  tool: string;
  /** Subcommand as understood (`install`, `add`, `ci`, `global add`, `pip install`, `module install`); '' when none. */
  subcommand: string;
  /** First word of the subcommand, null for a bare `yarn` / `npm`-less form. */
  subcommandWord: ShellWord | null;
  /** The command as parsed (wrappers included). */
  command: SimpleCommand;
  /** Wrappers seen through (`sudo`, `env`, `xargs`...), outermost first. */
  wrappers: string[];
  /** Every flag after the tool name (global and subcommand flags). */
  flags: CommandFlag[];
  /** Positional arguments after the subcommand. */
  operands: ShellWord[];
}

interface InstallBase extends PackageCommand {
  packages: PackageSpec[];
}

export interface AptInstall extends InstallBase {
  manager: 'apt';
  /** `-y`, `--yes`, `--assume-yes`, `-qq`, `-q -q`, `-q=2`, or `-o APT::Get::Assume-Yes=true` (DL3014). */
  assumeYes: boolean;
  /** `--no-install-recommends` or `-o APT::Install-Recommends=false` (DL3015). */
  noInstallRecommends: boolean;
  /** Value of `-t` / `--target-release` / `--default-release`. */
  targetRelease: string | null;
}

export interface ApkInstall extends InstallBase {
  manager: 'apk';
  /** `--no-cache` (DL3019). */
  noCache: boolean;
  /** `-U` / `--update` / `--update-cache`. */
  updateIndex: boolean;
  /** Name given with `-t` / `--virtual`. */
  virtual: string | null;
}

export interface RpmInstall extends InstallBase {
  manager: 'yum' | 'dnf' | 'microdnf';
  /** `-y` / `--assumeyes`. */
  assumeYes: boolean;
  /** `module install`: packages are `name:stream` modules. */
  module: boolean;
  /** `groupinstall`, `group install`: packages are groups. */
  group: boolean;
  /** `--nodocs` or `--setopt=tsflags=nodocs`. */
  noDocs: boolean;
  /** `--setopt=install_weak_deps=False` (or 0/no). */
  noWeakDeps: boolean;
}

export interface ZypperInstall extends InstallBase {
  manager: 'zypper';
  /** `-n` / `--non-interactive` / `-y` / `--no-confirm`. */
  nonInteractive: boolean;
  /** `--no-recommends`. */
  noRecommends: boolean;
}

export interface PipInstall extends InstallBase {
  manager: 'pip' | 'uv' | 'pipx';
  /** Values of `-r` / `--requirement` (uv: also `--requirements`). */
  requirementFiles: ShellWord[];
  /** Values of `-c` / `--constraint` (uv: also `--constraints`). */
  constraintFiles: ShellWord[];
  /** Values of `-e` / `--editable` (not in `packages`, as in hadolint DL3013). */
  editables: ShellWord[];
  /** `--require-hashes`. */
  requireHashes: boolean;
  /** pip `--no-cache-dir`; uv `--no-cache` / `-n` (DL3042). */
  noCacheDir: boolean;
  /** `-U` / `--upgrade`. */
  upgrade: boolean;
  /** Upgrading pip itself (`pip install -U pip`). */
  isUpgradePip: boolean;
  /** `--user`. */
  user: boolean;
  /** `--break-system-packages`. */
  breakSystemPackages: boolean;
}

export interface NodeInstall extends InstallBase {
  manager: 'npm' | 'yarn' | 'pnpm';
  /** `npm ci` (clean install from the lockfile). */
  ci: boolean;
  /** `-g` / `--global` / `--location=global` / `yarn global add`. */
  global: boolean;
  /** No package argument: installs what package.json / the lockfile lists. */
  bare: boolean;
  /** `--production`, `--omit=dev`, `--only=prod[uction]`, `--prod` (pnpm). */
  production: boolean;
  /** yarn `--frozen-lockfile` / `--immutable`, pnpm `--frozen-lockfile`. */
  frozenLockfile: boolean;
}

export interface GemInstall extends InstallBase {
  manager: 'gem' | 'bundle';
  /** Value of `-v` / `--version` (applies to every gem). */
  versionFlag: string | null;
  /** `--no-document` / `-N` (gem). */
  noDocument: boolean;
  /** bundle `--frozen` / `--deployment`. */
  frozen: boolean;
}

export interface GoInstall extends InstallBase {
  manager: 'go';
}

export interface CargoInstall extends InstallBase {
  manager: 'cargo';
  /** `--locked`. */
  locked: boolean;
}

export interface ComposerInstall extends InstallBase {
  manager: 'composer';
  global: boolean;
  /** `--dev`. */
  dev: boolean;
  /** `install` with no package (from composer.lock). */
  bare: boolean;
}

export interface CondaInstall extends InstallBase {
  manager: 'conda';
  /** `-y` / `--yes`. */
  assumeYes: boolean;
  /** Values of `-c` / `--channel`. */
  channels: string[];
  /** Values of `--file`. */
  files: ShellWord[];
}

/** An installation of packages, discriminated by `manager`. */
export type PackageInstall =
  | AptInstall
  | ApkInstall
  | RpmInstall
  | ZypperInstall
  | PipInstall
  | NodeInstall
  | GemInstall
  | GoInstall
  | CargoInstall
  | ComposerInstall
  | CondaInstall;

/** `apt-get update`, `apk update`, `yum/dnf makecache`, `zypper refresh`. */
export type IndexUpdate = PackageCommand;

/** `apt-get purge/remove/autoremove`, `apk del`, `dnf remove`, `pip uninstall`, ... */
export interface PackageRemoval extends PackageCommand {
  packages: ShellWord[];
  /** apt `purge` / `--purge`. */
  purge: boolean;
  /** apt/dnf `autoremove`, apt `--auto-remove`. */
  autoremove: boolean;
}

/** Caches and index directories that a cleanup removes. */
export type CacheKind =
  | 'apt-lists' // /var/lib/apt/lists
  | 'apt-archives' // /var/cache/apt (apt-get clean)
  | 'apk' // /var/cache/apk
  | 'yum' // /var/cache/yum
  | 'dnf' // /var/cache/dnf, /var/cache/libdnf5
  | 'zypper' // /var/cache/zypp
  | 'pip' // ~/.cache/pip
  | 'uv' // ~/.cache/uv
  | 'npm' // ~/.npm
  | 'yarn' // ~/.cache/yarn, /usr/local/share/.cache/yarn
  | 'pnpm' // pnpm store
  | 'gem' // ~/.gem, /usr/local/bundle/cache
  | 'composer' // ~/.composer/cache, ~/.cache/composer
  | 'conda' // conda pkgs cache
  | 'go-build' // ~/.cache/go-build
  | 'go-mod' // $GOPATH/pkg/mod
  | 'cargo'; // ~/.cargo/registry

export interface Cleanup {
  caches: CacheKind[];
  /** `rm`: files were deleted (`paths`); `tool`: the manager's own clean command. */
  method: 'rm' | 'tool';
  /** For `rm`: the path arguments that matched a cache. */
  paths: ShellWord[];
  command: SimpleCommand;
  /** `yum clean all`, `apt-get clean`, ...: the tool's command line, '' for rm. */
  tool: string;
}

export interface Download {
  tool: 'curl' | 'wget';
  command: SimpleCommand;
  /** URL operands (curl: every positional and `--url`; wget: positionals). May be dynamic. */
  urls: ShellWord[];
  /** Output file (`curl -o f`, `wget -O f`); null when absent. `-` means stdout. */
  output: ShellWord | null;
  /** curl `-O` / `--remote-name(-all)`: saved under the URL's file name. */
  remoteName: boolean;
  /** Output goes to stdout (curl without -o/-O, `wget -O -` / `-qO-`). */
  toStdout: boolean;
  /** Output directory (`wget -P`, `curl --output-dir`). */
  outputDir: ShellWord | null;
  /** curl `-k` / `--insecure`, wget `--no-check-certificate`. */
  insecure: boolean;
  /** curl `-f` / `--fail` / `--fail-with-body` (fails on HTTP errors; wget always does). */
  failOnError: boolean;
  /** curl `-L` / `--location`. */
  followRedirects: boolean;
  /** wget `--progress`, `-q`, `-nv`, `-o`, `-a` (any of DL3047's accepted flags); curl `-s` / `--silent`. */
  quiet: boolean;
  flags: CommandFlag[];
}

export interface Verification {
  kind: 'checksum' | 'signature';
  /** `sha256sum`, `shasum`, `gpg`, `gpgv`, `cosign`, `minisign`, `openssl`, `rpm`, `gh`, ... */
  tool: string;
  /** For checksums: sha1, sha224, sha256, sha384, sha512, md5, b2; null otherwise. */
  algorithm: string | null;
  /** Files named on the command line (checksum lists, signatures, artifacts). */
  files: ShellWord[];
  /** The checksum list / signed data comes from stdin (`echo "<sum>  f" | sha256sum -c -`, heredoc, herestring). */
  fromStdin: boolean;
  command: SimpleCommand;
}
