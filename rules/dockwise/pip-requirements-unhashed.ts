import { commandEnv, defineRule, effectiveCommand, imageNodesBefore, isTruthy, packageInstalls, pathBasename, wordRange, type InstructionNode, type SimpleCommand } from '../../src/rule-api.js';

/** A file name that says it is a lock or freeze output. */
const LOCK_NAME = /lock|frozen|freeze|pinned|hash/i;

/** Commands that write a requirements file from a lock or the installed set (known to pin). */
function isExporter(cmd: SimpleCommand): boolean {
  const eff = effectiveCommand(cmd);
  const name = eff.name === null ? '' : pathBasename(eff.name);
  const a = eff.args.map((w) => w.value ?? '');
  if (name === 'poetry' || name === 'uv' || name === 'pdm') {
    if (a.includes('export')) return true;
    if (name === 'uv' && a[0] === 'pip' && a[1] === 'compile') return true;
  }
  if (name === 'pipenv' && (a.includes('requirements') || a.includes('lock'))) return true;
  if (name === 'pip-compile') return true;
  if (/^pip\d*(?:\.\d+)?$/.test(name) && a[0] === 'freeze') return true;
  return false;
}

function exportedBefore(nodes: readonly InstructionNode[], node: InstructionNode, before: number): boolean {
  for (const n of nodes) for (const c of n.run?.commands ?? []) if (isExporter(c)) return true;
  return (node.run?.commands ?? []).some((c) => c.start < before && isExporter(c));
}

export default defineRule({
  code: 'DW1004',
  name: 'pip-requirements-unhashed',
  severity: 'info',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Install requirements files with hashes or constraints',
    what:
      'Flags each `-r <file>` of `pip install` and `uv pip install` that has neither `--require-hashes` (or `PIP_REQUIRE_HASHES`) nor a `-c` constraints file. The content of the requirements file is not part of the Dockerfile, so dockwise cannot tell whether it pins every package: the finding is informational and says so.',
    why:
      'A requirements file often lists bare names or ranges (`flask>=2`), and even a file of `==` pins does not pin the dependencies of those packages. With hashes (`pip-compile --generate-hashes`, `uv pip compile --generate-hashes`, `poetry export`) pip refuses anything that is not exactly the locked file, so every build installs the same bytes.',
    examples: [
      { bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt', good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt' },
    ],
    exceptions:
      'Not flagged when the file is known to pin: its name says it is a lock (`requirements.lock`, `requirements-frozen.txt`), or it is written earlier in the build by an exporter (`poetry export`, `uv export`, `uv pip compile`, `pip-compile`, `pdm export`, `pipenv requirements`, `pip freeze`). Plain `pip install <pkg>` is hadolint DL3013.',
    references: ['https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'pip' && install.manager !== 'uv') continue;
      if (install.requirementFiles.length === 0 || install.requireHashes || install.constraintFiles.length > 0) continue;
      if (isTruthy(commandEnv(node, install.command, 'PIP_REQUIRE_HASHES'))) continue;
      if (exportedBefore(imageNodesBefore(model, node), node, install.command.start)) continue;
      for (const w of install.requirementFiles) {
        const file = w.value ?? node.resolve(w.text.replace(/^"|"$/g, '')) ?? w.text;
        if (LOCK_NAME.test(pathBasename(file))) continue;
        report({
          message: `dockwise cannot tell whether \`${file}\` pins every package (its content is not in the Dockerfile): add \`--require-hashes\` with a hashed file (\`pip-compile --generate-hashes\` / \`uv pip compile --generate-hashes\`) or a \`-c constraints.txt\``,
          range: wordRange(node, w),
        });
      }
    }
  },
});
