import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/domain/roles.js';
import { needsReReview } from '../../../../../shared/domain/workflow.js';
import { DEFAULT_SETTINGS } from '../../../../../shared/domain/review.js';
import type { DirectoryEntry, Lang, PublicUser } from '../../../../../shared/index.js';
import type { ActivityItem } from '../../../../../shared/protocol/review.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { dateFormatter, errorKey } from '../../i18n/index.js';
import type { DateFormatter } from '../../i18n/index.js';
import { useKeyedMemo, useSyncSelector } from '../../sync/index.js';
import type { DocSync, SyncTransport } from '../../sync/index.js';
import { nameOf } from '../hooks/useDirectory.js';
import { useActivity } from '../hooks/useActivity.js';

interface Props {
  sync: DocSync;
  user: PublicUser;
  review: ReviewTransport | null;
  transport: SyncTransport;
  users: readonly DirectoryEntry[];
  onJump: (paragraphId: string, lang: Lang) => void;
}

/**
 * Whole-document review: batch steps per language, cells to re-review, the
 * settings, and the activity feed. It re-renders when one of those changes
 * (a new activity line, the re-review list, the layout), not on every edit
 * another row receives; each activity line is memoised.
 */
export const DocumentReview = memo(function DocumentReview({ sync, user, review, transport, users, onJump }: Props) {
  const { t, i18n } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [result, setResult] = useState<string | null>(null);
  const layout = useSyncSelector(sync, (s) => s.getLayout());
  const reReviewKey = useSyncSelector(sync, reReviewSignature);
  const doc = sync.doc!;
  const activity = useActivity(doc.id, transport);
  const time = useMemo(() => dateFormatter(i18n.language, { timeStyle: 'short' }), [i18n.language]);
  // Paragraph numbers by id, rebuilt when the paragraph list changes (`layout`), not per line.
  const numbers = useKeyedMemo(() => new Map(doc.paragraphs.map((p, i) => [p.id, i + 1])), [doc, layout]);

  const batch = async (event: 'review:approveAll' | 'review:submitAll', lang: Lang): Promise<void> => {
    if (!review) return;
    const r = await review.send(event, { docId: doc.id, opId: newOpId(), lang });
    setResult(
      r.ok
        ? `${t('batch.result', { count: r.data.changed })} ${r.data.skipped.length > 0 ? t('batch.skipped', { count: r.data.skipped.length }) : ''}`
        : tBase(errorKey(r.error.code)),
    );
  };
  const reReview = useMemo(
    () =>
      reReviewKey === ''
        ? []
        : reReviewKey.split(' ').map((k) => {
            const [paragraphId = '', lang = 'en'] = k.split(':') as [string, Lang];
            return { paragraphId, lang, n: numbers.get(paragraphId) ?? 0 };
          }),
    [reReviewKey, numbers],
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
                <button type="button" onClick={() => void batch('review:submitAll', lang)}>
                  {t('batch.submitAll', { lang: tBase(`langs.${lang}`) })}
                </button>
              )}
              {can(user, 'cell.review', { lang, doc }) && (
                <button type="button" onClick={() => void batch('review:approveAll', lang)}>
                  {t('batch.approveAll', { lang: tBase(`langs.${lang}`) })}
                </button>
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
              <button type="button" className="link" onClick={() => onJump(c.paragraphId, c.lang)}>
                {t('reReview.item', { n: c.n, lang: tBase(`langs.${c.lang}`) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('activity.title')}</h3>
      {activity.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      <ol className="activity-list" data-testid="activity" aria-live="polite">
        {activity
          .slice(-50)
          .reverse()
          .map((a) => (
            <ActivityLine
              key={a.seq}
              item={a}
              by={nameOf(users, a.by)}
              n={a.paragraphId ? (numbers.get(a.paragraphId) ?? 0) : 0}
              time={time}
            />
          ))}
      </ol>
    </section>
  );
});

const ActivityLine = memo(function ActivityLine({
  item: a,
  by,
  n,
  time,
}: {
  item: ActivityItem;
  by: string;
  n: number;
  time: DateFormatter;
}) {
  const { t } = useTranslation('review');
  const { t: tBase } = useTranslation();
  return (
    <li>
      <time dateTime={a.at}>{time.format(new Date(a.at))}</time> <strong>{by}</strong> {t(`activity.event.${a.type}`)}
      {a.status && <> · {tBase(`status.${a.status}`)}</>}
      {n > 0 && <> · {t('activity.where', { n, lang: a.lang ? tBase(`langs.${a.lang}`) : '' })}</>}
    </li>
  );
});

/** The approved-but-outdated cells, as one comparable string `pid:lang pid:lang …` (ids hold no spaces or colons). */
function reReviewSignature(sync: DocSync): string {
  const doc = sync.doc;
  if (!doc) return '';
  const out: string[] = [];
  for (const lang of doc.targetLangs) for (const p of doc.paragraphs) if (needsReReview(p.cells[lang])) out.push(`${p.id}:${lang}`);
  return out.join(' ');
}
