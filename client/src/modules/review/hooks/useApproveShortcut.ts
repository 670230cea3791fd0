import { useEffect, useState } from 'react';
import { can } from '../../../../../shared/domain/roles.js';
import { needsReReview } from '../../../../../shared/domain/workflow.js';
import type { Lang, PublicUser } from '../../../../../shared/index.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { cellOf } from '../../aids/hooks/useFocusedCell.js';
import { matchShortcut } from '../../shortcuts/index.js';
import type { DocSync } from '../../sync/index.js';
import { nextToReview } from '../nextToReview.js';

/**
 * Ctrl/⌘+Shift+Enter in a cell awaiting review approves the revision on
 * screen and moves the caret to the next cell of that language awaiting
 * review (nextToReview), so a reviewer goes down a document without the
 * mouse and the focus never drops to the page. A refusal (a check failed, it
 * is your own revision) leaves the caret where it is and is returned as an
 * error code for the panel to show.
 */
export function useApproveShortcut(
  sync: DocSync,
  user: PublicUser,
  review: ReviewTransport | null,
  onJump: (paragraphId: string, lang: Lang) => void,
): { error: string | null; clear: () => void } {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!review) return;
    const onKey = (e: KeyboardEvent): void => {
      if (matchShortcut(e, true) !== 'approveNext') return;
      const at = cellOf(e.target);
      const doc = sync.doc;
      if (!at || !doc || !can(user, 'cell.review', { lang: at.lang, doc })) return;
      e.preventDefault();
      const cell = sync.cell(at.paragraphId, at.lang);
      if (!cell || sync.entryFor(at.paragraphId, at.lang) || (cell.status !== 'in_review' && !needsReReview(cell))) return;
      void review
        .send('cell:status', {
          docId: doc.id,
          paragraphId: at.paragraphId,
          lang: at.lang,
          opId: newOpId(),
          rev: cell.rev,
          status: 'approved',
        })
        .then((r) => {
          setError(r.ok ? null : r.error.code);
          if (!r.ok) return;
          const next = sync.doc ? nextToReview(sync.doc.paragraphs, at.lang, at.paragraphId) : null;
          if (next) onJump(next, at.lang);
        });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [sync, user, review, onJump]);
  return { error, clear: () => setError(null) };
}
