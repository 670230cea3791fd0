import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionNotification } from '../../../../../shared/index.js';
import { reviewApi, reviewTransportOf } from '../../../api/review.js';
import { cellHash } from '../../../app/route.js';

/**
 * Mentions: the open ones waiting from while the user was away (GET
 * /api/mentions, read once on sign-in), then every live one on any
 * connection of the user, wherever they are in the app. Each stays listed
 * until dismissed or opened ("Open" goes to the very cell, not the top of
 * the document); dismissals are remembered in this browser
 * (`anor.mentions.dismissed:<userId>`), and a resolved thread drops out of
 * the inbox by itself.
 */
export function Notifications({ transport, userId }: { transport: unknown; userId: string }) {
  const { t } = useTranslation('review');
  const [items, setItems] = useState<MentionNotification[]>([]);
  useEffect(() => {
    const review = reviewTransportOf(transport);
    if (!review) return;
    let live = true;
    const add = (incoming: MentionNotification[]): void => {
      const dismissed = readDismissed(userId);
      setItems((prev) => [
        ...prev,
        ...incoming.filter((n) => !dismissed.has(n.commentId) && !prev.some((p) => p.commentId === n.commentId)),
      ]);
    };
    const off = review.onMention((n) => add([n]));
    void reviewApi.mentions().then((r) => {
      // Oldest first, like the live ones that follow.
      if (live && r.ok) add([...r.data.mentions].reverse());
    });
    return () => {
      live = false;
      off();
    };
  }, [transport, userId]);
  const dismiss = (id: string): void => {
    rememberDismissed(userId, id);
    setItems((prev) => prev.filter((p) => p.commentId !== id));
  };

  return (
    <div className="notifications" role="status" aria-live="polite" aria-label={t('notifications.title')} data-testid="notifications">
      {items.map((n) => (
        <div key={n.commentId} className="notification">
          <p>{t('notifications.mention', { name: n.byName, doc: n.docTitle })}</p>
          <blockquote>{n.text}</blockquote>
          <a href={cellHash(n.docId, n.paragraphId, n.lang)} onClick={() => dismiss(n.commentId)}>
            {t('notifications.open')}
          </a>{' '}
          <button type="button" onClick={() => dismiss(n.commentId)}>
            {t('notifications.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

const DISMISSED_KEEP = 500;
const dismissedKey = (userId: string): string => `anor.mentions.dismissed:${userId}`;

function readDismissed(userId: string): Set<string> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(dismissedKey(userId)) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function rememberDismissed(userId: string, commentId: string): void {
  const ids = [...readDismissed(userId)].filter((x) => x !== commentId);
  ids.push(commentId);
  try {
    localStorage.setItem(dismissedKey(userId), JSON.stringify(ids.slice(-DISMISSED_KEEP)));
  } catch {
    // Storage full or blocked: the mention may show again on the next sign-in, nothing worse.
  }
}
