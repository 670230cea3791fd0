import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/index.js';

export function ColumnPicker({
  targets,
  shown,
  onToggle,
}: {
  targets: readonly Lang[];
  shown: readonly Lang[];
  onToggle: (l: Lang) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="column-picker">
      <legend>{t('grid.toolbar.columns')}</legend>
      {targets.map((l) => (
        <label key={l}>
          <input
            type="checkbox"
            checked={shown.includes(l)}
            disabled={shown.length === 1 && shown.includes(l)}
            onChange={() => onToggle(l)}
          />
          {t(`langs.${l}`)}
        </label>
      ))}
    </fieldset>
  );
}
