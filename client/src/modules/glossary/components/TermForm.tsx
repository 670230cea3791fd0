import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_TAG, LANGS } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';
import type { GlossaryTermBody } from '../../../../../shared/protocol/aids.js';
import { bodyOf } from '../terms.js';
import type { TermDraft } from '../terms.js';

interface Props {
  /** Names the form's fields apart from other forms on the page. */
  id: string;
  initial: TermDraft;
  busy: boolean;
  onSave: (body: GlossaryTermBody) => void;
  onCancel: () => void;
}

/** One term: a rendering per language, a note, and the variants that must not be used. */
export function TermForm({ id, initial, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation('aids', { keyPrefix: 'glossaryScreen' });
  const { t: tBase } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const setForbidden = (i: number, f: { lang: Lang; text: string }): void =>
    setDraft((d) => ({ ...d, forbidden: d.forbidden.map((x, j) => (j === i ? f : x)) }));

  return (
    <form
      className="term-form"
      data-testid="term-form"
      onSubmit={(e) => {
        e.preventDefault();
        const body = bodyOf(draft);
        setEmpty(body === null);
        if (body) onSave(body);
      }}
    >
      <div className="term-langs">
        {LANGS.map((l) => (
          <label key={l}>
            {tBase(`langs.${l}`)}
            <input
              id={`${id}-${l}`}
              lang={LANG_TAG[l]}
              value={draft.texts[l]}
              onChange={(e) => setDraft((d) => ({ ...d, texts: { ...d.texts, [l]: e.target.value } }))}
            />
          </label>
        ))}
      </div>
      <label>
        {t('form.note')}
        <input value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />
      </label>
      <fieldset className="term-forbidden">
        <legend>{t('form.forbidden')}</legend>
        {draft.forbidden.map((f, i) => (
          <div key={i} className="forbidden-row">
            <select
              aria-label={t('form.forbiddenLang', { n: i + 1 })}
              value={f.lang}
              onChange={(e) => setForbidden(i, { ...f, lang: e.target.value as Lang })}
            >
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {tBase(`langs.${l}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('form.forbiddenText', { n: i + 1 })}
              lang={LANG_TAG[f.lang]}
              value={f.text}
              onChange={(e) => setForbidden(i, { ...f, text: e.target.value })}
            />
            <button type="button" onClick={() => setDraft((d) => ({ ...d, forbidden: d.forbidden.filter((_, j) => j !== i) }))}>
              {t('form.removeForbidden')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setDraft((d) => ({ ...d, forbidden: [...d.forbidden, { lang: 'ru', text: '' }] }))}>
          {t('form.addForbidden')}
        </button>
      </fieldset>
      {empty && (
        <p role="alert" className="error">
          {t('form.needsRendering')}
        </p>
      )}
      <div className="term-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('form.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
