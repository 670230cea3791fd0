import type { CellStatus } from '../../../shared/index.js';
import type { XliffUnit } from './units.js';

/**
 * How Anor's cell statuses travel in XLIFF, both ways. The decisions:
 *
 * | Anor              | XLIFF 2 state (+ subState)            | XLIFF 1.2 target state / approved           |
 * |-------------------|---------------------------------------|---------------------------------------------|
 * | empty             | initial, no <target>                  | no <target>                                 |
 * | draft             | translated                            | state="translated"                          |
 * | in_review         | translated + anor:in_review           | state="needs-review-translation"            |
 * | changes_requested | translated + anor:changes_requested   | state="needs-translation" (text kept)       |
 * | approved          | final                                 | state="final", approved="yes"               |
 *
 * `in_review` is *not* XLIFF's `reviewed`: that state says a review happened,
 * while in_review waits for one. Anor never writes `reviewed`; on import it
 * reads as in_review (a reviewer looked, nobody approved). The subStates carry
 * Anor's finer statuses for a lossless round trip; other tools ignore them.
 * An approved cell whose source changed (outdated) is still exported as final:
 * that is what readers see; the flag itself does not travel.
 */
export const SUBSTATE_PREFIX = 'anor';

export function toXliff2(status: CellStatus): { state: 'initial' | 'translated' | 'final'; subState?: string } {
  switch (status) {
    case 'empty':
      return { state: 'initial' };
    case 'draft':
      return { state: 'translated' };
    case 'in_review':
    case 'changes_requested':
      return { state: 'translated', subState: `${SUBSTATE_PREFIX}:${status}` };
    case 'approved':
      return { state: 'final' };
  }
}

export function toXliff12(status: CellStatus): { state: string; approved: boolean } | null {
  switch (status) {
    case 'empty':
      return null;
    case 'draft':
      return { state: 'translated', approved: false };
    case 'in_review':
      return { state: 'needs-review-translation', approved: false };
    case 'changes_requested':
      return { state: 'needs-translation', approved: false };
    case 'approved':
      return { state: 'final', approved: true };
  }
}

/** The Anor status an imported unit's target gets. */
export function fromUnit(u: XliffUnit): CellStatus {
  if (u.target === null || u.target === '') return 'empty';
  const detail = u.detail ?? '';
  if (detail === `${SUBSTATE_PREFIX}:in_review` || detail.startsWith('needs-review')) return 'in_review';
  if (detail === `${SUBSTATE_PREFIX}:changes_requested` || detail === 'needs-translation') return 'changes_requested';
  switch (u.state) {
    case 'final':
      return 'approved';
    case 'reviewed':
      return 'in_review';
    default:
      return 'draft';
  }
}
