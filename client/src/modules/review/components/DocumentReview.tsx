import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/domain/roles.js';
import { needsReReview } from '../../../../../shared/domain/workflow.js';
import { DEFAULT_SETTINGS } from '../../../../../shared/domain/review.js';
import type { DirectoryEntry, Lang, PublicUser } from '../../../../../shared/index.js';
import type { DocumentSnapshot } from '../../../../../shared/protocol/dto.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { errorKey } from '../../i18n/index.js';
import type { SyncTransport } from '../../sync/index.js';
import { nameOf } from '../hooks/useDirectory.js';
import { useActivity } from '../hooks/useActivity.js';

interface Props {
  doc: DocumentSnapshot;
  user: PublicUser;
  review: ReviewTransport | null;
  transport: SyncTransport;
  users: readonly DirectoryEntry[];
  onJump: (paragraphId: string, lang: Lang) => void;
}

/** Whole-document review: batch steps per language, cells to re-review, the settings, and the activity feed. */
export function DocumentReview({ doc, user, review, transport, users, onJump }: Props) {
  const { t, i18n } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [result, setResult] = useState<string | null>(null);
  const activity = useActivity(doc.id, transport);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const numberOf = (pid: string | null): number => (pid ? doc.paragraphs.findIndex((p) => p.id === pid) + 1 : 0);

  const batch = async (event: 'review:approveAll' | 'review:submitAll', lang: Lang): Promise<void> => {
    if (!review) return;
    const r = await review.send(event, { docId: doc.id, opId: newOpId(), lang });
    setResult(r.ok ? `${t('batch.result', { count: r.data.changed })} ${r.data.skipped.length > 0 ? t('batch.skipped', { count: r.data.skipped.length }) : ''}` : tBase(errorKey(r.error.code)));
  };
  const reReview = doc.targetLangs.flatMap((lang) =>
    doc.paragraphs.flatMap((p, i) => (needsReReview(p.cells[lang]) ? [{ paragraphId: p.id, lang, n: i + 1 }] : [])),
  );
  const settings = doc.settings ?? DEFAULT_SETTINGS;

  return (
    <section className="review-document" aria-label={t('document.title')}>
      {review && (
        <div className="review-batch">
          <h3>{t('batch.title')}</h3>
          {doc.targetLangs.map((lang) => (
            <div key={lang} className="review-buttons">
              {can(user, 'cell.submit', { lang, doc }) && (
                <button type="button" onClick={() => void batch('review:submitAll', lang)}>{t('batch.submitAll', { lang: tBase(`langs.${lang}`) })}</button>
              )}
              {can(user, 'cell.review', { lang, doc }) && (
                <button type="button" onClick={() => void batch('review:approveAll', lang)}>{t('batch.approveAll', { lang: tBase(`langs.${lang}`) })}</button>
              )}
            </div>
          ))}
          {result && <p role="status">{result}</p>}
          {can(user, 'document.settings', { doc }) && (
            <label className="inline">
              <input
                type="checkbox"
                checked={settings.allowSelfApproval}
                onChange={(e) => void review.send('doc:settings', { docId: doc.id, opId: newOpId(), allowSelfApproval: e.target.checked })}
              />{' '}
              {t('settings.allowSelfApproval')}
            </label>
          )}
        </div>
      )}
      <h3>{t('reReview.title')}</h3>
      {reReview.length === 0 ? (
        <p className="muted">{t('reReview.empty')}</p>
      ) : (
        <ul className="rereview-list" data-testid="rereview">
          {reReview.map((c) => (
            <li key={`${c.paragraphId}:${c.lang}`}>
              <button type="button" className="link" onClick={() => onJump(c.paragraphId, c.lang)}>{t('reReview.item', { n: c.n, lang: tBase(`langs.${c.lang}`) })}</button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('activity.title')}</h3>
      {activity.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      <ol className="activity-list" data-testid="activity" aria-live="polite">
        {[...activity].reverse().slice(0, 50).map((a) => (
          <li key={a.seq}>
            <time dateTime={a.at}>{time.format(new Date(a.at))}</time> <strong>{nameOf(users, a.by)}</strong> {t(`activity.event.${a.type}`)}
            {a.status && <> · {tBase(`status.${a.status}`)}</>}
            {a.paragraphId && numberOf(a.paragraphId) > 0 && <> · {t('activity.where', { n: numberOf(a.paragraphId), lang: a.lang ? tBase(`langs.${a.lang}`) : '' })}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
