import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import { MAX_READING_LANGS, MIN_READING_LANGS } from '../../../../../shared/reading/model.js';
import type { ReadingPrefs } from '../hooks/useReadingPrefs.js';

interface Props {
  docLangs: readonly Lang[];
  /** The languages on screen (after pickLangs). */
  shown: readonly Lang[];
  prefs: ReadingPrefs;
  onChange: (next: ReadingPrefs) => void;
  draftsAllowed: boolean;
  onPrint: () => void;
  onDownload: () => void;
}

/** Language chooser (2–5), Latin/Cyrillic for Kazakh and Uzbek, the drafts switch, print and download. */
export function ReadingToolbar({ docLangs, shown, prefs, onChange, draftsAllowed, onPrint, onDownload }: Props) {
  const { t } = useTranslation('reading');
  const { t: tBase } = useTranslation();
  const toggle = (lang: Lang, on: boolean): void => {
    const next = on ? [...shown, lang] : shown.filter((l) => l !== lang);
    onChange({ ...prefs, langs: docLangs.filter((l) => next.includes(l)) });
  };
  const scriptLangs = shown.filter((l): l is 'kk' | 'uz' => l === 'kk' || l === 'uz');

  return (
    <div className="reading-toolbar" role="group" aria-label={t('toolbar.label')}>
      <fieldset className="reading-langs">
        <legend>{t('toolbar.languages')}</legend>
        {docLangs.map((lang) => {
          const on = shown.includes(lang);
          const locked = on ? shown.length <= MIN_READING_LANGS : shown.length >= MAX_READING_LANGS;
          return (
            <label key={lang}>
              <input
                type="checkbox"
                checked={on}
                disabled={locked}
                onChange={(e) => toggle(lang, e.target.checked)}
                data-testid={`reading-lang-${lang}`}
              />
              {tBase(`langs.${lang}`)}
            </label>
          );
        })}
      </fieldset>
      {scriptLangs.map((lang) => {
        const other = lang === 'kk' ? 'Latn' : 'Cyrl';
        const current = prefs.scripts[lang] === other ? other : lang === 'kk' ? 'Cyrl' : 'Latn';
        const set = (script: 'Latn' | 'Cyrl'): void => {
          const scripts = { ...prefs.scripts };
          if (script === other) scripts[lang] = other;
          else delete scripts[lang];
          onChange({ ...prefs, scripts });
        };
        return (
          <fieldset className="reading-script" key={lang}>
            <legend>{t('toolbar.script', { lang: tBase(`langs.${lang}`) })}</legend>
            {(['Cyrl', 'Latn'] as const).map((script) => (
              <label key={script}>
                <input
                  type="radio"
                  name={`script-${lang}`}
                  checked={current === script}
                  onChange={() => set(script)}
                  data-testid={`reading-script-${lang}-${script}`}
                />
                {t(script === 'Latn' ? 'toolbar.latin' : 'toolbar.cyrillic')}
              </label>
            ))}
          </fieldset>
        );
      })}
      {draftsAllowed && (
        <label className="reading-drafts">
          <input
            type="checkbox"
            checked={prefs.mode === 'latest'}
            onChange={(e) => onChange({ ...prefs, mode: e.target.checked ? 'latest' : 'approved' })}
            data-testid="reading-drafts"
          />
          {t('toolbar.drafts')}
        </label>
      )}
      <div className="reading-actions">
        <button type="button" onClick={onPrint}>
          {t('toolbar.print')}
        </button>
        <button type="button" onClick={onDownload} data-testid="reading-download">
          {t('toolbar.download')}
        </button>
      </div>
    </div>
  );
}
