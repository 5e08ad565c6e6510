import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

export default defineRule({
  code: 'DW1011',
  name: 'conda-package-unpinned',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'dockwise',
  fixable: false,
  docs: {
    summary: 'Pin versions in conda, mamba and micromamba installs',
    what: 'Flags each package of `conda install`/`create`, `mamba` and `micromamba` given without a version (`numpy=1.26.4`, `"numpy>=1.26,<2"`, `numpy==1.26.4=py312h...`).',
    why: 'An unpinned package installs whatever the channel has that day; conda also re-solves the environment, so one new release can change many packages at once.',
    examples: [{ bad: 'FROM mambaorg/micromamba:1.5.10\nRUN micromamba install -y -n base -c conda-forge numpy', good: 'FROM mambaorg/micromamba:1.5.10\nRUN micromamba install -y -n base -c conda-forge numpy=1.26.4' }],
    exceptions: 'Packages from `--file` lists, local package files and variables whose value is unknown are not flagged. For fully reproducible environments use an explicit lock (`conda-lock`, `micromamba create --file conda-lock.yml`).',
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'conda') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic || p.source !== 'registry') continue;
        report({ message: `\`${install.tool} ${install.subcommand} ${p.name}\` installs the newest build the channel has: pin it as \`${p.name}=<version>\``, range: wordRange(node, p.word) });
      }
    }
  },
});
