/** Configuration: hadolint-compatible config files, environment variables and layering. */
export {
  CONFIG_KEYS,
  configSearchPaths,
  envConfig,
  failsThreshold,
  findConfigFile,
  loadConfig,
  mergeConfig,
  nodeConfigFs,
  parseConfigText,
  suggestKey,
} from './load.js';
export type { ConfigFs, ConfigKey } from './load.js';
export { ConfigError, FAILURE_THRESHOLDS, LABEL_TYPES } from './types.js';
export type {
  DockwiseConfig,
  FailureThreshold,
  LabelType,
  ResolvedConfig,
  SeverityOverrideLists,
} from './types.js';
