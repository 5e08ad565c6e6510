/**
 * The stylish report's colours through chalk (basic 16 colours, level 1). Loaded only when the
 * report is coloured; see Paint in ./stylish.ts.
 */
import { Chalk } from 'chalk';

import type { Paint } from './stylish.js';

const chalk = new Chalk({ level: 1 });

export const CHALK_PAINT: Paint = {
  red: (t) => chalk.red(t),
  yellow: (t) => chalk.yellow(t),
  blue: (t) => chalk.blue(t),
  magenta: (t) => chalk.magenta(t),
  cyan: (t) => chalk.cyan(t),
  green: (t) => chalk.green(t),
  dim: (t) => chalk.dim(t),
  bold: (t) => chalk.bold(t),
  underline: (t) => chalk.underline(t),
  redBold: (t) => chalk.red.bold(t),
  yellowBold: (t) => chalk.yellow.bold(t),
};
