/**
 * The one module that rules import from: engine types, the model, shell queries and helpers.
 */

export type { Category, Fix, Range, RuleMeta, Severity, TextEdit } from './core/types.js';
export { defineRule } from './engine/rule.js';
export type { RuleContext, RuleDefinition, RuleSettings, LabelType } from './engine/rule.js';
export type { DockerfileModel, InstructionNode, Stage, StageBase, ImageRef, RunInfo, CopyInfo, Mount } from './model/model.js';
export type { Instruction, Word, Flag, Property } from './parse/syntax.js';
export type { SimpleCommand, ShellWord } from './shell/types.js';
export { parseImageRef } from './model/image.js';
export { parseDockerignore, cleanPath, type IgnoreMatcher } from './context/dockerignore.js';
export { substitute, unquote, referencedVariables } from './model/vars.js';

export * from './rule-helpers/core.js';
export * from './rule-helpers/validity.js';
export * from './rule-helpers/buildkit.js';
export * from './rule-helpers/hadolint.js';
export * from './rule-helpers/security.js';
export * from './rule-helpers/provenance.js';
export * from './rule-helpers/analyses.js';
