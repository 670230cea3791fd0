import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, DirectoryEntry, Lang, Revision } from '../../../../../shared/index.js';
import { LANG_TAG } from '../../../../../shared/languages.js';
import { api } from '../../../api/http.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { dateFormatter, errorKey } from '../../i18n/index.js';
import { historyLines } from '../diff.js';
import { nameOf } from '../hooks/useDirectory.js';

const HISTORY_REFRESH_MS = 500;

interface Props {
  transport: ReviewTransport | null;
  docId: string;
  paragraphId: string;
  lang: Lang;
  cell: Cell;
  canRestore: boolean;
  users: readonly DirectoryEntry[];
  onClose: () => void;
}

/**
 * Every revision of one cell, newest first, with who, when, the status change
 * and a word diff (characters in Chinese) against the text before. Restoring sends the old text
 * back as a new draft (`cell:restore`); history itself never changes.
 */
export function HistoryDrawer({ transport, docId, paragraphId, lang, cell, canRestore, users, onClose }: Props) {
  const { t, i18n } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(false);
  // Refetched whenever the cell moves on (its revision or status), so the drawer follows live changes —
  // once typing in the cell pauses: typing is saved keystroke by keystroke, and one fetch per keystroke
  // would be a full history per character.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () =>
        void api.cellHistory(docId, paragraphId, lang).then((r) => {
          if (!live) return;
          loaded.current = true;
          if (r.ok) setRevisions(r.data.revisions);
          else setError(r.error.code);
        }),
      loaded.current ? HISTORY_REFRESH_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [docId, paragraphId, lang, cell.rev, cell.status]);
  const lines = useMemo(() => (revisions ? historyLines(revisions, lang) : []), [revisions, lang]);
  const time = dateFormatter(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  const restore = async (from: Revision): Promise<void> => {
    if (!transport) return;
    // A conflict revision shares its rev with the text it lost to: it is named by its opId as well.
    const which = from.kind === 'conflict' && from.opId ? { rev: from.rev, conflictOpId: from.opId } : { rev: from.rev };
    const r = await transport.send('cell:restore', { docId, paragraphId, lang, opId: newOpId(), baseRev: cell.rev, ...which });
    setError(r.ok ? null : r.error.code);
  };

  return (
    <section className="review-history" aria-label={t('history.title')} data-testid="history">
      <div className="review-head">
        <h3>{t('history.title')}</h3>
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
      {revisions && lines.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="history-list">
        {lines.map(({ revision: r, diff, statusFrom, count }, i) => (
          <li key={`${r.rev}-${r.kind}-${i}`} className={`history-${r.kind}`}>
            <div className="history-meta">
              <strong>{t(`history.kind.${r.kind}`)}</strong>
              {count > 1 && <span className="muted"> ({t('history.edits', { count })})</span>} · {t('history.rev', { rev: r.rev })} ·{' '}
              {nameOf(users, r.author)} · <time dateTime={r.at}>{time.format(new Date(r.at))}</time>
              {statusFrom !== null && (
                <span className="muted">
                  {' '}
                  · {tBase(`status.${statusFrom}`)} → {tBase(`status.${r.status}`)}
                </span>
              )}
            </div>
            {r.kind === 'conflict' ? (
              // Not an edit of the text before it but another version of it: shown whole.
              <p className="history-diff" lang={LANG_TAG[lang]}>
                {r.text}
              </p>
            ) : (
              diff.length > 0 && (
                <p className="history-diff" lang={LANG_TAG[lang]}>
                  {diff.map((d, j) =>
                    d.op === 'equal' ? (
                      <span key={j}>{d.text}</span>
                    ) : d.op === 'insert' ? (
                      <ins key={j}>{d.text}</ins>
                    ) : (
                      <del key={j}>{d.text}</del>
                    ),
                  )}
                </p>
              )
            )}
            {canRestore && r.kind !== 'status' && (r.kind !== 'conflict' || r.opId !== null) && r.text !== cell.text && (
              <button type="button" onClick={() => void restore(r)}>
                {t('history.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
