import { z } from 'zod';
import { CHECK_IDS, type CheckId, type Finding } from './types.js';
import { wellFormedText } from '../text/wellFormed.js';

/**
 * A reviewer's decision that an error finding does not apply to this text.
 * It names the check and the cell revision it was made on: once the text
 * changes, the findings are new and so must the decision be.
 */
export interface QaOverride {
  check: CheckId;
  /** Cell revision the override was given on. */
  rev: number;
  reason: string;
  by: string;
  at: string;
}

/** What a client sends to override a check; the server adds `by` and `at`. */
export const qaOverrideBody = z.object({
  check: z.enum(CHECK_IDS),
  rev: z.number().int().nonnegative(),
  reason: wellFormedText().trim().min(3).max(1000),
});
export type QaOverrideBody = z.infer<typeof qaOverrideBody>;

/**
 * The error findings that still stop approval of a cell at revision `rev`:
 * warnings never block, and an error is lifted by an override of its check
 * given on this same revision.
 */
export function blockingFindings(findings: readonly Finding[], overrides: readonly QaOverride[], rev: number): Finding[] {
  const lifted = new Set(overrides.filter((o) => o.rev === rev).map((o) => o.check));
  return findings.filter((f) => f.severity === 'error' && !lifted.has(f.check));
}
