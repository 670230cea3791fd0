import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/domain/roles.js';
import type { Lang, PublicUser } from '../../../../../shared/index.js';
import { reviewTransportOf } from '../../../api/review.js';
import { useSyncSelector } from '../../sync/index.js';
import type { DocSync, SyncTransport } from '../../sync/index.js';
import { useFocusedCell } from '../../aids/hooks/useFocusedCell.js';
import { useDirectory } from '../hooks/useDirectory.js';
import { useSubmitShortcut } from '../hooks/useSubmitShortcut.js';
import { useApproveShortcut } from '../hooks/useApproveShortcut.js';
import { nextToReview } from '../nextToReview.js';
import { errorKey } from '../../i18n/index.js';
import { CommentThread } from './CommentThread.js';
import { DocumentReview } from './DocumentReview.js';
import { HistoryDrawer } from './HistoryDrawer.js';
import { StatusActions } from './StatusActions.js';
import '../review.css';

interface Props {
  sync: DocSync;
  user: PublicUser;
  transport: SyncTransport;
  onJump: (paragraphId: string, lang: Lang) => void;
  /** Out of sight but mounted: Ctrl+Enter (submit) keeps working. */
  hidden?: boolean;
}

/**
 * The review side panel: for the focused cell its status steps, comment
 * thread and history; for the document batch steps, cells to re-review and
 * the live activity feed. Everything it changes is a socket event the server
 * authorises; the document it shows is the sync engine's, so comments and
 * statuses arrive live through the same event stream as the text.
 */
export const ReviewPanel = memo(function ReviewPanel({ sync, user, transport, onJump, hidden = false }: Props) {
  const { t } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const focused = useFocusedCell();
  const users = useDirectory();
  const review = reviewTransportOf(transport);
  const [history, setHistory] = useState(false);
  useSubmitShortcut(sync, user, review);
  const approveKey = useApproveShortcut(sync, user, review, onJump);
  // With a cell focused, any change may touch it (text, status, comments); without one, only the layout matters here.
  useSyncSelector(sync, (s) => (focused ? s.getVersion() : -s.getLayout()));
  const doc = sync.doc;
  if (!doc) return null;
  const cell = focused ? sync.cell(focused.paragraphId, focused.lang) : undefined;
  const number = focused ? doc.paragraphs.findIndex((p) => p.id === focused.paragraphId) + 1 : 0;
  const readOnly = !doc.targetLangs.concat(doc.sourceLang).some((lang) => can(user, 'cell.edit', { lang, doc }));

  return (
    <aside className="review-panel" aria-label={t('panel.title')} data-testid="review-panel" hidden={hidden}>
      <h2>{t('panel.title')}</h2>
      {readOnly && <p className="muted">{t('panel.readOnly')}</p>}
      {approveKey.error && (
        <p role="alert" className="error" data-testid="approve-shortcut-error">
          {tBase(errorKey(approveKey.error))}{' '}
          <button type="button" onClick={approveKey.clear}>
            {t('actions.dismiss')}
          </button>
        </p>
      )}
      {!focused || !cell || number === 0 ? (
        <p className="muted">{t('panel.noCell')}</p>
      ) : (
        <div className="review-cell" key={`${focused.paragraphId}:${focused.lang}`}>
          <p className="review-where">
            {t('panel.cell', { n: number, lang: tBase(`langs.${focused.lang}`) })}
            {focused.lang !== doc.sourceLang && (
              <>
                {' · '}
                <span className={`badge badge-${cell.status}`}>{tBase(`status.${cell.status}`)}</span>
              </>
            )}
          </p>
          {review && (
            <StatusActions
              transport={review}
              user={user}
              doc={doc}
              paragraphId={focused.paragraphId}
              lang={focused.lang}
              cell={cell}
              sourceText={sync.textOf(focused.paragraphId, doc.sourceLang)}
              unsaved={sync.entryFor(focused.paragraphId, focused.lang) !== undefined}
              users={users}
              onApproved={() =>
                // The button that was clicked is gone: the caret goes on to the next cell to review, or back to this one.
                onJump(nextToReview(doc.paragraphs, focused.lang, focused.paragraphId) ?? focused.paragraphId, focused.lang)
              }
            />
          )}
          {history ? (
            <HistoryDrawer
              transport={review}
              docId={doc.id}
              paragraphId={focused.paragraphId}
              lang={focused.lang}
              cell={cell}
              canRestore={review !== null && can(user, 'cell.edit', { lang: focused.lang, doc })}
              users={users}
              onClose={() => setHistory(false)}
            />
          ) : (
            <button type="button" onClick={() => setHistory(true)}>
              {t('history.open')}
            </button>
          )}
          <CommentThread
            transport={review}
            doc={doc}
            paragraphId={focused.paragraphId}
            lang={focused.lang}
            canWrite={can(user, 'comment.write', { lang: focused.lang, doc })}
            users={users}
          />
        </div>
      )}
      <DocumentReview sync={sync} user={user} review={review} transport={transport} users={users} onJump={onJump} />
    </aside>
  );
});
