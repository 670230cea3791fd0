import type { ErrorCode } from '../../../../shared/index.js';

/** Client-side failure codes that never come from the server. */
export type ClientErrorCode = 'network' | 'timeout';
export type AnyErrorCode = ErrorCode | ClientErrorCode;

/**
 * Codes worth retrying unchanged: the edit itself is fine, the moment was not.
 * Everything else is a refusal of this edit and waits for the user.
 */
const TRANSIENT: ReadonlySet<AnyErrorCode> = new Set<AnyErrorCode>([
  'internal',
  'database_unavailable',
  'rate_limited',
  'not_joined',
  'network',
  'timeout',
  'unauthenticated',
]);

export function isTransient(code: AnyErrorCode): boolean {
  return TRANSIENT.has(code);
}

/** Exponential backoff with full jitter, capped; `random` is injectable for tests. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** What to do with an edit the server refused: a new entry and when to try again, if at all. */
export interface FailurePlan<E> {
  entry: E;
  /** Milliseconds until the next attempt; undefined when waiting for the user or for a rejoin. */
  retryInMs?: number;
  rejoin?: boolean;
}

/**
 * The retry policy for one refused edit. `bad_revision` means the server does
 * not know our base: the text is re-anchored on the cell as the client knows
 * it and sent again. Transient codes retry with backoff (`not_joined` rejoins
 * first). Everything else waits for the user, marked failed with its code.
 */
export function planAfterFailure<E extends { attempts: number; baseRev: number; baseText: string; state: string; error?: AnyErrorCode }>(
  entry: E,
  code: AnyErrorCode,
  cell: { rev: number; text: string } | undefined,
  baseMs: number,
  random: () => number = Math.random,
): FailurePlan<E> {
  const attempts = entry.attempts + 1;
  if (code === 'bad_revision') {
    return {
      entry: { ...entry, baseRev: cell?.rev ?? 0, baseText: cell?.text ?? '', attempts },
      retryInMs: backoffMs(entry.attempts, baseMs, undefined, random),
    };
  }
  if (code === 'not_joined') return { entry: { ...entry, attempts }, rejoin: true };
  if (isTransient(code)) return { entry: { ...entry, attempts }, retryInMs: backoffMs(entry.attempts, baseMs, undefined, random) };
  return { entry: { ...entry, state: 'failed', error: code } };
}
