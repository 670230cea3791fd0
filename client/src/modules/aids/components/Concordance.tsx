import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_TAG, LANGS } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';
import type { ConcordanceHit } from '../../../../../shared/protocol/aids.js';
import { aidsApi } from '../../../api/aids.js';
import { errorKey } from '../../i18n/index.js';
import { Modal } from '../../../app/Modal.js';

function Highlighted({ text, ranges }: { text: string; ranges: ConcordanceHit['ranges'] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    parts.push(text.slice(at, r.start), <mark key={i}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Concordance: a word or phrase across every memory entry, in one language or all of them. */
export function Concordance({ initial, onClose }: { initial: string; onClose: () => void }) {
  const { t } = useTranslation('aids');
  const { t: tBase } = useTranslation();
  const [q, setQ] = useState(initial);
  const [lang, setLang] = useState<Lang | ''>('');
  const [hits, setHits] = useState<ConcordanceHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!q.trim()) return;
    void aidsApi.search(q.trim(), lang || undefined).then((r) => {
      setError(r.ok ? null : r.error.code);
      setHits(r.ok ? r.data.hits : null);
    });
  };

  return (
    <Modal
      className="aids-modal"
      id="concordance-title"
      title={t('concordance.title')}
      onClose={onClose}
      closeLabel={t('concordance.close')}
    >
      <form className="aids-filters" onSubmit={submit} role="search">
        <label>
          {t('concordance.label')} <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
        </label>
        <select aria-label={t('checks.filterLang')} value={lang} onChange={(e) => setLang(e.target.value as Lang | '')}>
          <option value="">{t('checks.all')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {tBase(`langs.${l}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t('concordance.search')}
        </button>
      </form>
      {error && (
        <p role="alert" className="aids-error">
          {tBase(errorKey(error))}
        </p>
      )}
      {hits && <p role="status">{hits.length === 0 ? t('concordance.none') : t('concordance.hits', { count: hits.length })}</p>}
      {hits && hits.length > 0 && (
        <ul className="concordance-hits">
          {hits.map((h) => (
            <li key={`${h.entryId}:${h.lang}`}>
              {LANGS.filter((l) => h.texts[l] !== undefined).map((l) => (
                <p key={l} lang={LANG_TAG[l]}>
                  <span className="aids-muted">{l} · </span>
                  {l === h.lang ? <Highlighted text={h.texts[l] ?? ''} ranges={h.ranges} /> : h.texts[l]}
                </p>
              ))}
              {h.docTitle && <small className="aids-muted">{t('tm.fromDocument', { title: h.docTitle })}</small>}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
