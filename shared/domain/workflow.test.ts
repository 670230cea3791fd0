import { describe, expect, it } from 'vitest';
import { CELL_STATUSES } from './types.js';
import type { CellStatus } from './types.js';
import { REVIEW_ACTIONS, actionFor, decideTransition, isComplete, needsReReview } from './workflow.js';
import type { ReviewAction, TransitionInput } from './workflow.js';

function input(status: CellStatus, action: ReviewAction, over: Partial<TransitionInput> = {}): TransitionInput {
  return {
    cell: { text: status === 'empty' ? '' : 'Сәлем', rev: status === 'empty' ? 0 : 3, status, outdated: false },
    action,
    rev: status === 'empty' ? 0 : 3,
    actor: 'reviewer',
    revisionAuthor: 'translator',
    allowSelfApproval: false,
    comment: 'Please use the glossary term.',
    blockingFindings: 0,
    ...over,
  };
}

/** Every (status, action) pair: the status it leads to, or why it is refused. */
const TABLE: Record<CellStatus, Record<ReviewAction, CellStatus | 'empty_cell' | 'invalid_transition'>> = {
  empty: { submit: 'empty_cell', withdraw: 'empty_cell', approve: 'empty_cell', request_changes: 'empty_cell' },
  draft: { submit: 'in_review', withdraw: 'draft', approve: 'invalid_transition', request_changes: 'invalid_transition' },
  in_review: { submit: 'in_review', withdraw: 'draft', approve: 'approved', request_changes: 'changes_requested' },
  approved: { submit: 'invalid_transition', withdraw: 'invalid_transition', approve: 'approved', request_changes: 'invalid_transition' },
  changes_requested: {
    submit: 'in_review',
    withdraw: 'invalid_transition',
    approve: 'invalid_transition',
    request_changes: 'changes_requested',
  },
};

describe('decideTransition', () => {
  for (const status of CELL_STATUSES) {
    for (const action of REVIEW_ACTIONS) {
      const expected = TABLE[status][action];
      it(`${status} --${action}--> ${expected}`, () => {
        const r = decideTransition(input(status, action));
        if (expected === 'empty_cell' || expected === 'invalid_transition') expect(r).toEqual({ ok: false, refusal: expected });
        else expect(r).toEqual({ ok: true, status: expected, changed: expected !== status });
      });
    }
  }

  it('refuses a step on a revision other than the current one, before anything else', () => {
    expect(decideTransition(input('in_review', 'approve', { rev: 2 }))).toEqual({ ok: false, refusal: 'stale_revision' });
    expect(decideTransition(input('draft', 'submit', { rev: 4 }))).toEqual({ ok: false, refusal: 'stale_revision' });
  });

  it('refuses approving one’s own revision unless the document allows it', () => {
    const own = input('in_review', 'approve', { revisionAuthor: 'reviewer' });
    expect(decideTransition(own)).toEqual({ ok: false, refusal: 'self_approval' });
    expect(decideTransition({ ...own, allowSelfApproval: true })).toEqual({ ok: true, status: 'approved', changed: true });
    // Someone else's revision, or one of unknown author, is fine.
    expect(decideTransition(input('in_review', 'approve', { revisionAuthor: null }))).toMatchObject({ ok: true });
  });

  it('refuses requesting changes without a comment (blank counts as none)', () => {
    const { comment: _none, ...noComment } = input('in_review', 'request_changes');
    expect(decideTransition(noComment)).toEqual({ ok: false, refusal: 'comment_required' });
    expect(decideTransition(input('in_review', 'request_changes', { comment: '   ' }))).toEqual({ ok: false, refusal: 'comment_required' });
  });

  it('refuses approval while error findings remain, and only approval', () => {
    expect(decideTransition(input('in_review', 'approve', { blockingFindings: 1 }))).toEqual({ ok: false, refusal: 'checks_failed' });
    expect(decideTransition(input('draft', 'submit', { blockingFindings: 2 }))).toMatchObject({ ok: true, status: 'in_review' });
  });

  it('lets an outdated approved cell be re-approved or sent back, nothing else', () => {
    const outdated = (action: ReviewAction) =>
      input('approved', action, { cell: { text: 'Сәлем', rev: 3, status: 'approved', outdated: true } });
    expect(decideTransition(outdated('approve'))).toEqual({ ok: true, status: 'approved', changed: true });
    expect(decideTransition(outdated('request_changes'))).toEqual({ ok: true, status: 'changes_requested', changed: true });
    expect(decideTransition(outdated('submit'))).toEqual({ ok: false, refusal: 'invalid_transition' });
    expect(decideTransition(outdated('withdraw'))).toEqual({ ok: false, refusal: 'invalid_transition' });
  });

  it('maps every settable status to its action', () => {
    expect(['in_review', 'draft', 'approved', 'changes_requested'].map((s) => actionFor(s as Exclude<CellStatus, 'empty'>))).toEqual([
      'submit',
      'withdraw',
      'approve',
      'request_changes',
    ]);
  });
});

describe('re-review and completeness', () => {
  it('lists approved cells whose source changed', () => {
    expect(needsReReview({ status: 'approved', outdated: true })).toBe(true);
    expect(needsReReview({ status: 'approved', outdated: false })).toBe(false);
    expect(needsReReview({ status: 'draft', outdated: true })).toBe(false);
    expect(needsReReview(undefined)).toBe(false);
  });

  it('calls a language complete only when every cell is approved and none is outdated', () => {
    const ok = { status: 'approved' as const, outdated: false };
    expect(isComplete([ok, ok])).toBe(true);
    expect(isComplete([ok, { status: 'approved', outdated: true }])).toBe(false);
    expect(isComplete([ok, { status: 'in_review', outdated: false }])).toBe(false);
    expect(isComplete([ok, undefined])).toBe(false);
    expect(isComplete([])).toBe(false);
  });
});
