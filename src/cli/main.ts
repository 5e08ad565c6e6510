#!/usr/bin/env node
/**
 * The dockwise command line. Commander wiring only; each command lazy-loads what it needs.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { Command, CommanderError, Option } from 'commander';
import { isWorkerInit, type WorkerInit } from './pool.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

async function loadRules() {
  return (await import('../../rules/index.js')).allRules;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let exitCode = 0;
  // A reader that goes away (`dockwise lint | head`) is not an error of the run: the rest of the
  // report is dropped and linting goes on, so the exit code still tells the result. Any other
  // failure to write the report is reported and makes the run exit 2.
  let stdoutError: string | null = null;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    stdoutError ??= e.code ?? String(e);
  });
  process.stderr.on('error', () => undefined);
  const write = (s: string): void => {
    if (stdoutError === null) process.stdout.write(s);
  };
  const writeErr = (s: string): void => {
    process.stderr.write(s);
  };

  program
    .name('dockwise')
    .description('Dockerfile linter and migration advisor')
    .version(version(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr });

  program
    .command('lint', { isDefault: true })
    .description('lint Dockerfiles (files, directories, globs, or - for standard input; default: the current directory)')
    .argument('[paths...]', 'files, directories or globs to lint')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'checkstyle', 'gitlab', 'github', 'gnu', 'codeclimate', 'junit']))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-c, --config <file>', 'configuration file (default: .dockwise.yaml, else .hadolint.yaml)')
    .addOption(new Option('-t, --failure-threshold <severity>', 'exit 1 only for findings at or above this severity (default info)').choices(['error', 'warning', 'info', 'style', 'none']))
    .option('--no-fail', 'exit 0 even when there are findings')
    .option('--ignore <code>', 'ignore a rule (repeatable)', collect)
    .option('--error <code>', 'make a rule an error (repeatable)', collect)
    .option('--warning <code>', 'make a rule a warning (repeatable)', collect)
    .option('--info <code>', 'make a rule info (repeatable)', collect)
    .option('--style <code>', 'make a rule style (repeatable)', collect)
    .option('--trusted-registry <registry>', 'allow images only from these registries (DL3026; repeatable)', collect)
    .option('--require-label <name:type>', 'require a label of a type (text, url, semver, hash, rfc3339, spdx, email; repeatable)', collect)
    .option('--strict-labels', 'flag labels that the label schema does not list')
    .option('--disable-ignore-pragma', 'disregard inline ignore pragmas')
    .option('--strict-pinning', 'also flag image tags without a digest')
    .option('--enable <code>', 'turn on an opt-in rule (repeatable)', collect)
    .option('--build-arg <name=value>', 'value of a build argument, as docker build --build-arg (repeatable)', collect)
    .option('--context <dir>', 'build context (for .dockerignore); default: the Dockerfile\'s directory')
    .option('--stdin-filename <name>', 'file name to show for standard input')
    .option('--max-file-size <bytes>', 'skip files larger than this (default 4M)')
    .option('-j, --jobs <n>', 'threads for many files (default: the number of cores; used from 50 files on)')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runLint } = await import('./lint-command.js');
      exitCode = await runLint(paths, opts, { cwd: process.cwd(), env: process.env, stdout: write, stderr: writeErr, stdoutIsTTY: Boolean(process.stdout.isTTY), version: version() }, await loadRules());
    });

  program
    .command('migrate')
    .description('turn a Dockerfile into a Nix image expression (or apko.yaml) plus a report of every decision; exit 3 when items need a person')
    .argument('[dockerfile]', 'the Dockerfile (default: ./Dockerfile; - for standard input)')
    .option('-o, --out <dir>', 'write default.nix, flake.nix and migration-report.json (apko: apko.yaml) into this directory')
    .addOption(new Option('--target <target>', 'output kind').choices(['nix', 'nix2container', 'apko']).default('nix'))
    .option('--stage <name>', 'migrate this stage instead of the last one')
    .option('--name <name>', 'image name (default: the build context directory name)')
    .option('--tag <tag>', 'image tag (default: latest)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--stream', 'use dockerTools.streamLayeredImage instead of buildLayeredImage')
    .option('--force', 'replace existing files that dockwise did not generate')
    .option('--build-arg <name=value>', 'value of a build argument, as docker build --build-arg (repeatable)', collect)
    .option('--context <dir>', "build context (default: the Dockerfile's directory)")
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const { runMigrate } = await import('./migrate-command.js');
      exitCode = await runMigrate(file, opts, { cwd: process.cwd(), stdout: write, stderr: writeErr });
    });

  program
    .command('rules')
    .description('list every rule with its code, category, severity and whether it is fixable')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action(async (opts: { format: 'table' | 'json' | 'markdown' }) => {
      const rules = await loadRules();
      if (opts.format === 'json') {
        const list = rules.map(({ check: _check, ...meta }) => meta);
        write(JSON.stringify(list, null, 2) + '\n');
      } else {
        const { renderRulesTable } = await import('../docs/render.js');
        write(renderRulesTable(rules, opts.format));
      }
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<code>', 'rule code, e.g. DL3008 (or its name, e.g. pin-apt-get)')
    .action(async (code: string) => {
      const rules = await loadRules();
      const wanted = code.toLowerCase();
      const rule = rules.find((r) => r.code.toLowerCase() === wanted || r.name === wanted);
      if (!rule) {
        writeErr(`dockwise: unknown rule "${code}" (run \`dockwise rules\` for the list)\n`);
        exitCode = 2;
        return;
      }
      const { renderExplain } = await import('../docs/render.js');
      write(renderExplain(rule));
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    writeErr(`dockwise: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
  // Read after the run: the error event may have come while it ran.
  const failedWrite = stdoutError as string | null;
  if (failedWrite !== null && failedWrite !== 'EPIPE') {
    writeErr(`dockwise: cannot write to standard output: ${failedWrite}\n`);
    return 2;
  }
  return exitCode;
}

if (isMainThread) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`dockwise: internal error: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
} else if (isWorkerInit(workerData)) {
  // A lint worker started by the pool through the launcher (see pool.ts): the same bundle, but
  // the worker's loop instead of the CLI.
  void import('./worker-run.js').then((m) => m.runWorker(workerData as WorkerInit));
}
