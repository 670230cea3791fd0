import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionNotification } from '../../../../../shared/index.js';
import { reviewTransportOf } from '../../../api/review.js';

/**
 * Mentions arrive on every connection of the mentioned user, wherever they
 * are in the app; they stay listed until dismissed or opened.
 */
export function Notifications({ transport }: { transport: unknown }) {
  const { t } = useTranslation('review');
  const [items, setItems] = useState<MentionNotification[]>([]);
  useEffect(() => {
    const review = reviewTransportOf(transport);
    if (!review) return;
    return review.onMention((n) => setItems((prev) => (prev.some((p) => p.commentId === n.commentId) ? prev : [...prev, n])));
  }, [transport]);
  const dismiss = (id: string): void => setItems((prev) => prev.filter((p) => p.commentId !== id));

  return (
    <div className="notifications" role="status" aria-live="polite" aria-label={t('notifications.title')} data-testid="notifications">
      {items.map((n) => (
        <div key={n.commentId} className="notification">
          <p>{t('notifications.mention', { name: n.byName, doc: n.docTitle })}</p>
          <blockquote>{n.text}</blockquote>
          <a href={`#/doc/${encodeURIComponent(n.docId)}`} onClick={() => dismiss(n.commentId)}>{t('notifications.open')}</a>{' '}
          <button type="button" onClick={() => dismiss(n.commentId)}>{t('notifications.dismiss')}</button>
        </div>
      ))}
    </div>
  );
}
