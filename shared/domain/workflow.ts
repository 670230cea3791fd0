import type { Cell, CellStatus } from './types.js';

/**
 * The review state machine of one cell, as a pure function. Edits are not in
 * here: any accepted text change makes the cell `draft` (`empty` when the text
 * is empty) in the reducer. What people decide about a text is:
 *
 *   draft | changes_requested ──submit──▶ in_review ──approve──────────▶ approved
 *   in_review ──withdraw──▶ draft        in_review ──request_changes──▶ changes_requested
 *   approved + outdated (its source changed) ──approve | request_changes──▶ re-reviewed
 *
 * Every decision names the revision it was made on: a decision about a text
 * nobody read is refused, never moved onto newer text.
 */
export const REVIEW_ACTIONS = ['submit', 'withdraw', 'approve', 'request_changes'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const TARGET_STATUS: Record<ReviewAction, CellStatus> = {
  submit: 'in_review',
  withdraw: 'draft',
  approve: 'approved',
  request_changes: 'changes_requested',
};

/** The action that leads to a settable status (the socket payload names the status). */
export function actionFor(status: Exclude<CellStatus, 'empty'>): ReviewAction {
  switch (status) {
    case 'in_review':
      return 'submit';
    case 'draft':
      return 'withdraw';
    case 'approved':
      return 'approve';
    case 'changes_requested':
      return 'request_changes';
  }
}

const FROM: Record<ReviewAction, readonly CellStatus[]> = {
  submit: ['draft', 'changes_requested'],
  withdraw: ['in_review'],
  approve: ['in_review'],
  request_changes: ['in_review'],
};

export type Refusal =
  | 'empty_cell' // nothing to review
  | 'stale_revision' // the text changed since the person saw it
  | 'invalid_transition' // not from this status
  | 'self_approval' // approving one's own revision, and the document does not allow it
  | 'comment_required' // requesting changes without saying what
  | 'checks_failed'; // an error finding not overridden on this revision

export interface TransitionInput {
  cell: Pick<Cell, 'text' | 'rev' | 'status' | 'outdated'>;
  action: ReviewAction;
  /** The revision the person saw. */
  rev: number;
  actor: string;
  /** Who wrote the text of the cell's current revision (null when unknown). */
  revisionAuthor: string | null;
  allowSelfApproval: boolean;
  comment?: string;
  /** Error findings of the checks not overridden on this revision (approvals only). */
  blockingFindings?: number;
}

export type TransitionResult = { ok: true; status: CellStatus; changed: boolean } | { ok: false; refusal: Refusal };

export function decideTransition(input: TransitionInput): TransitionResult {
  const { cell, action } = input;
  if (cell.text === '' || cell.status === 'empty') return { ok: false, refusal: 'empty_cell' };
  if (input.rev !== cell.rev) return { ok: false, refusal: 'stale_revision' };
  const target = TARGET_STATUS[action];
  // An outdated approved cell is what re-review is for: it may be confirmed or sent back.
  const reReview = cell.status === 'approved' && cell.outdated && (action === 'approve' || action === 'request_changes');
  // Setting the status a cell already has is a harmless repeat (e.g. two reviewers at once): no event.
  if (cell.status === target && !reReview) return { ok: true, status: target, changed: false };
  if (!reReview && !FROM[action].includes(cell.status)) return { ok: false, refusal: 'invalid_transition' };
  if (action === 'request_changes' && (input.comment ?? '').trim() === '') return { ok: false, refusal: 'comment_required' };
  if (action === 'approve') {
    if (!input.allowSelfApproval && input.revisionAuthor === input.actor) return { ok: false, refusal: 'self_approval' };
    if ((input.blockingFindings ?? 0) > 0) return { ok: false, refusal: 'checks_failed' };
  }
  return { ok: true, status: target, changed: true };
}

/** Cells to look at again: approved, but their source paragraph changed since. */
export function needsReReview(cell: Pick<Cell, 'status' | 'outdated'> | undefined): boolean {
  return cell !== undefined && cell.status === 'approved' && cell.outdated;
}

/** A language is complete when it has cells and every one is approved and up to date. */
export function isComplete(cells: readonly (Pick<Cell, 'status' | 'outdated'> | undefined)[]): boolean {
  return cells.length > 0 && cells.every((c) => c !== undefined && c.status === 'approved' && !c.outdated);
}
