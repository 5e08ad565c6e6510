import { createHash } from 'node:crypto';

import { assertNever, type Severity } from '../core/types.js';

/**
 * Stable identity of a finding for GitLab / Code Climate: sha256 (hex) of path, rule, 1-based line and
 * message, NUL-separated so that no two different tuples hash the same input.
 */
export function fingerprint(path: string, rule: string, line: number, message: string): string {
  return createHash('sha256').update([path, rule, String(line), message].join('\0')).digest('hex');
}

export type IssueSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** Our severities on the Code Climate / GitLab scale; `blocker` is kept for input errors. */
export function issueSeverity(severity: Severity): IssueSeverity {
  switch (severity) {
    case 'error':
      return 'critical';
    case 'warning':
      return 'major';
    case 'info':
      return 'minor';
    case 'style':
      return 'info';
    default:
      return assertNever(severity);
  }
}

/** check_name used for files that could not be read or parsed. */
export const INPUT_ERROR_CHECK = 'input-error';
