import { ERROR_CODES } from '../../../../shared/protocol/errors.js';
import type { AnyErrorCode } from '../sync/retry.js';

const KNOWN = new Set<string>([...ERROR_CODES, 'network', 'timeout']);

/**
 * The i18n key for an error code. Anything unknown (a newer server, a bug)
 * shows as `internal`: the raw server message never reaches the screen.
 */
export function errorKey(code: string): `errors.${AnyErrorCode}` {
  return `errors.${(KNOWN.has(code) ? code : 'internal') as AnyErrorCode}`;
}
