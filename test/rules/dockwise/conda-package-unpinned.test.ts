import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1011 conda-package-unpinned', () => {
  it('flags conda packages without a version', () =>
    checkRule('DW1011', {
      valid: [
        'FROM mambaorg/micromamba:1.5.10\nRUN micromamba install -y -n base -c conda-forge numpy=1.26.4',
        'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y "numpy>=1.26,<2" pandas==2.2.3',
        'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y --file requirements.txt',
        'FROM continuumio/miniconda3:24.7.1-0\nARG PKGS\nRUN conda install -y $PKGS',
      ],
      invalid: [
        { code: 'FROM mambaorg/micromamba:1.5.10\nRUN micromamba install -y -n base -c conda-forge numpy', at: [[2, 50, 2, 55]], message: /numpy=<version>/ },
        { code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda create -y -n app python=3.12 scipy', count: 1 },
        { code: 'FROM condaforge/mambaforge:24.3.0-0\nRUN mamba install -y jupyterlab', count: 1 },
      ],
    }));
});
