import { useTranslation } from 'react-i18next';
import { displayTag } from '../../../../../shared/inline/index.js';
import type { Tag } from '../../../../../shared/inline/index.js';

/**
 * The source's tags this cell still lacks, as buttons: a click puts the tag
 * at the caret (an opening tag whose closing one is missing too wraps the
 * selection). The mouse-down does not take the focus from the text.
 */
export function TagBar({ missing, onInsert }: { missing: readonly Tag[]; onInsert: (tag: Tag) => void }) {
  const { t } = useTranslation();
  // A pair is offered once, by its opening tag, while both halves are missing.
  const shown = missing.filter((m) => !(m.kind === 'close' && missing.some((o) => o.kind === 'open' && o.id === m.id)));
  if (shown.length === 0) return null;
  return (
    <div className="tag-bar" role="group" aria-label={t('grid.tags.missing')}>
      <span className="tag-bar-label">{t('grid.tags.missing')}</span>
      {shown.map((tag) => (
        <button
          key={displayTag(tag)}
          type="button"
          className="tag-chip"
          title={t('grid.tags.insert', { tag: displayTag(tag) })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(tag)}
        >
          {displayTag(tag)}
        </button>
      ))}
    </div>
  );
}
