import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/domain/roles.js';
import { LANG_TAG, LANGS } from '../../../../../shared/languages.js';
import type { PublicUser } from '../../../../../shared/index.js';
import type { GlossaryTermBody, GlossaryTermDto } from '../../../../../shared/protocol/aids.js';
import { glossaryApi } from '../../../api/glossary.js';
import type { GlossaryApi } from '../../../api/glossary.js';
import { errorKey } from '../../i18n/index.js';
import { draftOf, emptyDraft, searchTerms } from '../terms.js';
import { TermForm } from './TermForm.js';
import '../glossary.css';

/** Rows shown at once: a glossary may hold 50,000 terms; searching narrows them. */
const SHOWN = 200;
/** The add form's key in `editing` (term ids start with a prefix and never equal it). */
const NEW = 'new';

/**
 * The project glossary: browse and search every term; reviewers and admins
 * (`glossary.edit`) add, edit and delete terms and their forbidden variants.
 * The checks and the editor's glossary hits read the same terms.
 */
export function GlossaryScreen({ user, api = glossaryApi }: { user: PublicUser; api?: GlossaryApi }) {
  const { t } = useTranslation('aids', { keyPrefix: 'glossaryScreen' });
  const { t: tBase } = useTranslation();
  const mayEdit = can(user, 'glossary.edit');
  const [terms, setTerms] = useState<GlossaryTermDto[] | null>(null);
  const [query, setQuery] = useState('');
  // 'new' for the add form, else the id of the term being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.list().then((r) => {
      if (!live) return;
      if (r.ok) setTerms(r.data.terms);
      else setError(r.error.code);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const found = useMemo(() => searchTerms(terms ?? [], query), [terms, query]);

  const save = async (body: GlossaryTermBody): Promise<void> => {
    setBusy(true);
    const r = editing === NEW || editing === null ? await api.create(body) : await api.update(editing, body);
    setBusy(false);
    if (!r.ok) return setError(r.error.code);
    setError(null);
    setEditing(null);
    const saved = r.data.term;
    setTerms((all) => [...(all ?? []).filter((x) => x.id !== saved.id), saved]);
  };
  const remove = async (id: string): Promise<void> => {
    setBusy(true);
    const r = await api.remove(id);
    setBusy(false);
    setDeleting(null);
    if (!r.ok) return setError(r.error.code);
    setError(null);
    setTerms((all) => (all ?? []).filter((x) => x.id !== id));
  };

  return (
    <main id="main" className="glossary-screen">
      <h1>{t('title')}</h1>
      <p className="muted">{mayEdit ? t('intro.edit') : t('intro.read')}</p>
      <div className="glossary-tools">
        <label>
          {t('search.label')}
          <input type="search" value={query} placeholder={t('search.placeholder')} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {terms && (
          <span role="status" className="muted" data-testid="glossary-count">
            {t('search.count', { count: found.length })}
          </span>
        )}
        {mayEdit && editing !== NEW && (
          <button type="button" className="primary" onClick={() => setEditing(NEW)}>
            {t('add')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
      {editing === NEW && (
        <TermForm id="term-new" initial={emptyDraft()} busy={busy} onSave={(b) => void save(b)} onCancel={() => setEditing(null)} />
      )}
      {terms === null && !error && <p className="muted">{t('loading')}</p>}
      {terms?.length === 0 && <p className="muted">{t('empty')}</p>}
      <table className="glossary-table" data-testid="glossary-table">
        <thead>
          <tr>
            {LANGS.map((l) => (
              <th key={l} scope="col">
                {tBase(`langs.${l}`)}
              </th>
            ))}
            <th scope="col">{t('column.note')}</th>
            <th scope="col">{t('column.forbidden')}</th>
            {mayEdit && (
              <th scope="col">
                <span className="visually-hidden">{t('column.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {found.slice(0, SHOWN).map((term) =>
            editing === term.id ? (
              <tr key={term.id}>
                <td colSpan={LANGS.length + 3}>
                  <TermForm
                    id={`term-${term.id}`}
                    initial={draftOf(term)}
                    busy={busy}
                    onSave={(b) => void save(b)}
                    onCancel={() => setEditing(null)}
                  />
                </td>
              </tr>
            ) : (
              <tr key={term.id} data-testid="glossary-row">
                {LANGS.map((l) => (
                  <td key={l} lang={LANG_TAG[l]} data-label={tBase(`langs.${l}`)}>
                    {term[l] ?? ''}
                  </td>
                ))}
                <td data-label={t('column.note')}>{term.note ?? ''}</td>
                <td data-label={t('column.forbidden')}>
                  {(term.forbidden ?? []).map((f, i) => (
                    <span key={i} className="forbidden" lang={LANG_TAG[f.lang]} title={tBase(`langs.${f.lang}`)}>
                      <del>{f.text}</del>
                    </span>
                  ))}
                </td>
                {mayEdit && (
                  <td className="glossary-actions">
                    {deleting === term.id ? (
                      <>
                        <button type="button" className="danger" disabled={busy} onClick={() => void remove(term.id)}>
                          {t('confirmDelete')}
                        </button>
                        <button type="button" onClick={() => setDeleting(null)}>
                          {t('form.cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="button" onClick={() => setEditing(term.id)}>
                          {t('edit')}
                        </button>
                        <button type="button" onClick={() => setDeleting(term.id)}>
                          {t('delete')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {found.length > SHOWN && <p className="muted">{t('more', { count: found.length - SHOWN })}</p>}
    </main>
  );
}
