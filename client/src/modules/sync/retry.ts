import type { ErrorCode } from '../../../../shared/index.js';

/** Client-side failure codes that never come from the server. */
export type ClientErrorCode = 'network' | 'timeout';
export type AnyErrorCode = ErrorCode | ClientErrorCode;

/**
 * Codes worth retrying unchanged: the edit itself is fine, the moment was not.
 * Everything else is a refusal of this edit and waits for the user.
 */
const TRANSIENT: ReadonlySet<AnyErrorCode> = new Set<AnyErrorCode>([
  'internal', 'rate_limited', 'not_joined', 'network', 'timeout', 'unauthenticated',
]);

export function isTransient(code: AnyErrorCode): boolean {
  return TRANSIENT.has(code);
}

/** Exponential backoff with full jitter, capped; `random` is injectable for tests. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
