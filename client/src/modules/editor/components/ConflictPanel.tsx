import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/index.js';

interface Props {
  lang: Lang;
  theirs: string;
  yours: string;
  onKeepTheirs: () => void;
  onUse: (text: string) => void;
}

/** Both versions side by side; nothing is thrown away until the user picks. */
export function ConflictPanel({ lang, theirs, yours, onKeepTheirs, onUse }: Props) {
  const { t } = useTranslation();
  const [combined, setCombined] = useState(yours);
  const id = useId();
  const tag = LANG_TAG[lang];
  return (
    <section className="conflict" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('grid.conflict.title')}</h3>
      <div className="conflict-versions">
        <figure>
          <figcaption>{t('grid.conflict.theirs')}</figcaption>
          <p lang={tag} className="conflict-text" data-testid="conflict-theirs">
            {theirs}
          </p>
          <button type="button" onClick={onKeepTheirs}>
            {t('grid.conflict.keepTheirs')}
          </button>
        </figure>
        <figure>
          <figcaption>{t('grid.conflict.yours')}</figcaption>
          <p lang={tag} className="conflict-text" data-testid="conflict-yours">
            {yours}
          </p>
          <button type="button" onClick={() => onUse(yours)}>
            {t('grid.conflict.keepYours')}
          </button>
        </figure>
      </div>
      <label className="conflict-combine">
        {t('grid.conflict.combined')}
        <textarea lang={tag} value={combined} onChange={(e) => setCombined(e.target.value)} />
      </label>
      <button type="button" className="primary" onClick={() => onUse(combined)}>
        {t('grid.conflict.combine')}
      </button>
    </section>
  );
}
