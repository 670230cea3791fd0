import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';
import { errorKey } from '../../i18n/index.js';
import type { DocSync } from '../docSync.js';
import { useSyncVersion } from '../hooks.js';
import { entryKey } from '../outbox.js';

/**
 * Every edit the engine cannot settle alone — conflicts and refusals — with a
 * way to act on it, including edits whose paragraph was deleted meanwhile
 * (they have no cell to show them in, and must not vanish silently).
 */
export function AttentionList({ sync, onGoTo }: { sync: DocSync; onGoTo: (paragraphId: string, lang: Lang) => void }) {
  const { t } = useTranslation();
  useSyncVersion(sync);
  const stuck = [...sync.docEntries()].filter((e) => e.state !== 'pending');
  const numberOf = (pid: string): number => (sync.doc?.paragraphs.findIndex((p) => p.id === pid) ?? -1) + 1;
  return (
    <section className="attention card" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('sync.attention.title')}</h2>
      <ul>
        {stuck.map((e) => {
          const n = numberOf(e.paragraphId);
          return (
            <li key={entryKey(e)}>
              <div className="attention-head">
                <strong>{n > 0 ? t('sync.attention.paragraph', { n }) : t('sync.attention.deleted')}</strong>
                {' · '}
                {t(`langs.${e.lang}`)}
                {' · '}
                <span className="error">{e.state === 'conflict' ? t('sync.attention.conflict') : t(errorKey(e.error ?? 'internal'))}</span>
              </div>
              <p lang={LANG_TAG[e.lang]} className="attention-text">
                {e.text}
              </p>
              {n > 0 && (
                <button type="button" onClick={() => onGoTo(e.paragraphId, e.lang)}>
                  {t('sync.attention.goTo')}
                </button>
              )}
              <button type="button" onClick={() => void navigator.clipboard?.writeText(e.text)}>
                {t('sync.attention.copy')}
              </button>
              <button type="button" onClick={() => sync.discardEntry(e)}>
                {t('sync.attention.discard')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
