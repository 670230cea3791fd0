import { useTranslation } from 'react-i18next';
import type { PresenceEntry } from '../../../../../shared/index.js';
import { userColor } from '../colors.js';

export function PresenceBadges({ entries }: { entries: readonly PresenceEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <ul className="presence-badges" aria-live="polite">
      {entries.map((e) => (
        <li key={e.userId} className="presence-badge" style={{ borderColor: userColor(e.userId), color: userColor(e.userId) }}>
          {t('grid.cell.editingHere', { name: e.displayName, lang: e.lang ? t(`langs.${e.lang}`) : '' })}
          {e.typing && <span className="presence-typing"> · {t('grid.cell.typing')}</span>}
        </li>
      ))}
    </ul>
  );
}
