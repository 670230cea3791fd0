import { useTranslation } from 'react-i18next';
import type { DocSync } from '../docSync.js';
import { useSyncSelector } from '../hooks.js';

/** The outbox, made visible: nobody should wonder whether their text is saved. */
interface Props {
  sync: DocSync;
  /** When edits need attention the indicator becomes a button that shows them. */
  onToggleDetails?: () => void;
  detailsOpen?: boolean;
}

export function SyncIndicator({ sync, onToggleDetails, detailsOpen = false }: Props) {
  const { t } = useTranslation();
  // Re-renders when what it says changes, not on every remote edit.
  const [online, n, stuck] = useSyncSelector(sync, signature).split('|').map(Number) as [number, number, number];
  let text: string;
  let tone: 'ok' | 'busy' | 'offline' | 'attention';
  if (!online) {
    text = n > 0 ? t('sync.offlineWaiting', { count: n }) : t('sync.offline');
    tone = 'offline';
  } else if (stuck > 0) {
    text = t('sync.needsAttention', { count: stuck });
    tone = 'attention';
  } else if (n > 0) {
    text = t('sync.saving', { count: n });
    tone = 'busy';
  } else {
    text = t('sync.saved');
    tone = 'ok';
  }
  const body = (
    <output className={`sync-indicator sync-${tone}`} data-testid="sync-indicator" data-waiting={n} aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
    </output>
  );
  if (stuck === 0 || !onToggleDetails) return body;
  return (
    <button type="button" className="sync-toggle" aria-expanded={detailsOpen} onClick={onToggleDetails}>
      {body}
    </button>
  );
}

function signature(sync: DocSync): string {
  let stuck = 0;
  for (const e of sync.docEntries()) if (e.state !== 'pending') stuck++;
  return `${sync.connected ? 1 : 0}|${sync.waitingCount}|${stuck}`;
}
