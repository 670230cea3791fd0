import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commentsForCell } from '../../../../../shared/domain/review.js';
import type { CellComment, DirectoryEntry, Lang } from '../../../../../shared/index.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { dateFormatter, errorKey } from '../../i18n/index.js';
import { nameOf } from '../hooks/useDirectory.js';
import { teamOf } from '../mentions.js';
import { MentionInput } from './MentionInput.js';

interface Props {
  transport: ReviewTransport | null;
  doc: { id: string; sourceLang: Lang; targetLangs: readonly Lang[]; comments?: CellComment[] };
  paragraphId: string;
  lang: Lang;
  canWrite: boolean;
  users: readonly DirectoryEntry[];
}

/**
 * The cell's comment thread, with the row's source comments first-class in
 * it. `@` opens a list of the document's team to mention (MentionInput); the
 * server resolves the names and notifies those people.
 */
export function CommentThread({ transport, doc, paragraphId, lang, canWrite, users }: Props) {
  const { t, i18n } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [text, setText] = useState('');
  const [onRow, setOnRow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const comments = commentsForCell(doc, paragraphId, lang);
  const time = dateFormatter(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const add = async (): Promise<void> => {
    if (!transport || text.trim() === '') return;
    const r = await transport.send('comment:add', {
      docId: doc.id,
      opId: newOpId(),
      paragraphId,
      lang: onRow ? doc.sourceLang : lang,
      text: text.trim(),
    });
    setError(r.ok ? null : r.error.code);
    if (r.ok) setText('');
  };
  const resolve = async (c: CellComment): Promise<void> => {
    if (!transport) return;
    const r = await transport.send('comment:resolve', { docId: doc.id, opId: newOpId(), commentId: c.id, resolved: !c.resolved });
    setError(r.ok ? null : r.error.code);
  };

  return (
    <section className="review-comments" aria-label={t('comments.title')} data-testid="comments">
      <h3>{t('comments.title')}</h3>
      {comments.length === 0 && <p className="muted">{t('comments.empty')}</p>}
      <ul className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.resolved ? 'comment resolved' : 'comment'}>
            <div className="comment-meta">
              <strong>{nameOf(users, c.author)}</strong> · <time dateTime={c.at}>{time.format(new Date(c.at))}</time>
              {c.lang === doc.sourceLang && lang !== doc.sourceLang && <span className="badge">{t('comments.onRow')}</span>}
            </div>
            <p className="comment-text">{c.text}</p>
            {c.resolved && c.resolvedBy && <p className="muted">{t('comments.resolvedBy', { name: nameOf(users, c.resolvedBy) })}</p>}
            {canWrite && (
              <button type="button" onClick={() => void resolve(c)}>
                {c.resolved ? t('comments.reopen') : t('comments.resolve')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
      {canWrite && transport && (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="visually-hidden" htmlFor={`comment-${paragraphId}-${lang}`}>
            {t('comments.placeholder')}
          </label>
          <MentionInput
            id={`comment-${paragraphId}-${lang}`}
            value={text}
            onChange={setText}
            team={teamOf(users, doc)}
            placeholder={t('comments.placeholder')}
          />
          {lang !== doc.sourceLang && (
            <label className="inline">
              <input type="checkbox" checked={onRow} onChange={(e) => setOnRow(e.target.checked)} /> {t('comments.attachToRow')}
            </label>
          )}
          <button type="submit" disabled={text.trim() === ''}>
            {t('comments.add')}
          </button>
        </form>
      )}
    </section>
  );
}
