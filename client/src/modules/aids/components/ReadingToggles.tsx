import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import { READING_OPTIONS, useReadingOptions } from '../reading.js';

/** Checkboxes for the reading options of the languages this document has. */
export function ReadingToggles({ langs }: { langs: readonly Lang[] }) {
  const { t } = useTranslation('aids');
  const { on, toggle } = useReadingOptions();
  const options = READING_OPTIONS.filter((o) => langs.includes(o.lang));
  if (options.length === 0) return null;
  return (
    <div className="aids-reading">
      {options.map((o) => (
        <label key={o.id}>
          <input type="checkbox" checked={on.has(o.id)} onChange={() => toggle(o.id)} /> {t(`script.${o.id}`)}
        </label>
      ))}
    </div>
  );
}
