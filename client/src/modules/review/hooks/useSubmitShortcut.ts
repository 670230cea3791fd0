import { useEffect } from 'react';
import { can } from '../../../../../shared/domain/roles.js';
import type { PublicUser } from '../../../../../shared/index.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { cellOf } from '../../aids/hooks/useFocusedCell.js';
import type { DocSync } from '../../sync/index.js';

const SAVE_WAIT_MS = 5000;

/**
 * Ctrl/⌘+Enter in a cell submits it for review (the grid reserves the key and
 * does nothing else with it). Translators press it right after typing, so it
 * first waits for the edit to be saved and then submits the revision that
 * save produced: the translator's own latest text.
 */
export function useSubmitShortcut(sync: DocSync, user: PublicUser, review: ReviewTransport | null): void {
  useEffect(() => {
    if (!review) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      const at = cellOf(e.target);
      const doc = sync.doc;
      if (!at || !doc || !can(user, 'cell.submit', { lang: at.lang, doc })) return;
      void (async () => {
        const until = Date.now() + SAVE_WAIT_MS;
        while (sync.entryFor(at.paragraphId, at.lang) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        const cell = sync.cell(at.paragraphId, at.lang);
        if (!cell || sync.entryFor(at.paragraphId, at.lang) || (cell.status !== 'draft' && cell.status !== 'changes_requested')) return;
        await review.send('cell:status', {
          docId: doc.id,
          paragraphId: at.paragraphId,
          lang: at.lang,
          opId: newOpId(),
          rev: cell.rev,
          status: 'in_review',
        });
      })();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [sync, user, review]);
}
