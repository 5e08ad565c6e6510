/**
 * Back half of `dockwise migrate`: MigrationPlan -> output files + report + exit code.
 *
 * The front half (Dockerfile model -> plan) calls `generateMigration(plan)` and writes
 * `files` next to the Dockerfile; `text` is for the terminal; `exitCode` is 3 when the
 * report holds items that need a person, 0 otherwise.
 */
import { emitApkoYaml } from './apko.js';
import { assertValidPlan } from './common.js';
import { emitDefaultNix, emitFlakeNix } from './nix/emit.js';
import { emitNix2ContainerNix } from './nix2container.js';
import type { MigrationPlan } from './plan.js';
import { type MigrationReport, buildMigrationReport, formatTextReport, serializeReport } from './report.js';

export interface OutputFile {
  /** Relative to the output directory. */
  path: string;
  content: string;
}

export interface MigrationOutput {
  files: OutputFile[];
  report: MigrationReport;
  text: string;
  exitCode: 0 | 3;
}

export function generateMigration(plan: MigrationPlan): MigrationOutput {
  assertValidPlan(plan);
  const files: OutputFile[] = [];
  switch (plan.target) {
    case 'buildLayeredImage':
    case 'streamLayeredImage':
      files.push({ path: 'default.nix', content: emitDefaultNix(plan) }, { path: 'flake.nix', content: emitFlakeNix(plan) });
      break;
    case 'nix2container':
      files.push({ path: 'default.nix', content: emitNix2ContainerNix(plan) }, { path: 'flake.nix', content: emitFlakeNix(plan) });
      break;
    case 'apko':
      files.push({ path: 'apko.yaml', content: emitApkoYaml(plan) });
      break;
    default: {
      const never: never = plan.target;
      throw new Error(`unknown target ${String(never)}`);
    }
  }
  const report = buildMigrationReport(plan);
  files.push({ path: 'migration-report.json', content: serializeReport(report) });
  return { files, report, text: formatTextReport(report), exitCode: report.exitCode };
}

export type * from './plan.js';
export { emptyPlan, PLAN_VERSION } from './plan.js';
export { validatePlan, allPlaceholders } from './common.js';
export { emitDefaultNix, emitFlakeNix } from './nix/emit.js';
export { emitNix2ContainerNix, nix2containerLimitations } from './nix2container.js';
export { emitApkoYaml, apkoLimitations } from './apko.js';
export { buildMigrationReport, formatTextReport, serializeReport, migrationExitCode, REPORT_SCHEMA_VERSION, EXIT_NEEDS_PERSON } from './report.js';
export type { MigrationReport } from './report.js';
export { defaultPackageMap, lookupPackage, normalizePypiName, parsePackageMap } from './packages.js';
export type { PackageLookup, PackageMap } from './packages.js';
