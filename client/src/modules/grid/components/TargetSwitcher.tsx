import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';

interface Props {
  targets: readonly Lang[];
  visible: readonly Lang[];
  onShow: (lang: Lang) => void;
  /** One target at a time (a phone): a drop-down list, one line high. */
  compact: boolean;
}

/**
 * When the wanted target columns do not all fit at a readable width (a
 * laptop with the side panels open, a phone): which of them are on screen.
 * Choosing one brings it in, in place of the one chosen longest ago.
 */
export function TargetSwitcher({ targets, visible, onShow, compact }: Props) {
  const { t } = useTranslation();
  const id = useId();
  if (compact) {
    return (
      <div className="target-switcher" data-testid="target-switcher">
        <label htmlFor={id} className="target-switcher-label">
          {t('grid.switcher.label')}
        </label>
        <select id={id} value={visible[0] ?? ''} onChange={(e) => onShow(e.target.value as Lang)}>
          {targets.map((l) => (
            <option key={l} value={l}>
              {t(`langs.${l}`)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="target-switcher" role="group" aria-label={t('grid.switcher.label')} data-testid="target-switcher">
      <span className="target-switcher-label" aria-hidden="true">
        {t('grid.switcher.label')}
      </span>
      {targets.map((l) => (
        <button key={l} type="button" aria-pressed={visible.includes(l)} onClick={() => onShow(l)}>
          {t(`langs.${l}`)}
        </button>
      ))}
    </div>
  );
}
