import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormatter, errorKey } from '../../i18n/index.js';
import { useDocuments } from '../hooks/useDocuments.js';
import { CompleteBadge } from '../../review/index.js';
import { ProgressBar } from './ProgressBar.js';

/** `canCreate` false hides "new document" (admins only, shared/domain/roles.ts); the server refuses anyway. */
export function DocumentList({ onUnauthenticated, canCreate = true }: { onUnauthenticated: () => void; canCreate?: boolean }) {
  const { t, i18n } = useTranslation();
  const state = useDocuments();
  const [unit, setUnit] = useState<'paragraphs' | 'words'>('paragraphs');
  const signedOut = state.status === 'error' && state.code === 'unauthenticated';
  useEffect(() => {
    if (signedOut) onUnauthenticated();
  }, [signedOut, onUnauthenticated]);
  const dateFmt = dateFormatter(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <main id="main" className="documents">
      <div className="page-head">
        <h1>{t('documents.list.title')}</h1>
        <fieldset className="unit-switch">
          <label>
            <input type="radio" name="unit" checked={unit === 'paragraphs'} onChange={() => setUnit('paragraphs')} />
            {t('documents.progress.byParagraphs')}
          </label>
          <label>
            <input type="radio" name="unit" checked={unit === 'words'} onChange={() => setUnit('words')} />
            {t('documents.progress.byWords')}
          </label>
        </fieldset>
        {canCreate && (
          <a className="button primary" href="#/new">
            {t('documents.list.new')}
          </a>
        )}
      </div>
      {state.status === 'loading' && <p role="status">{t('documents.list.loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {t(errorKey(state.code))}
        </p>
      )}
      {state.status === 'ready' && state.documents.length === 0 && <p>{t('documents.list.empty')}</p>}
      {state.status === 'ready' && state.documents.length > 0 && (
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">{t('documents.list.columnTitle')}</th>
              <th scope="col">{t('documents.list.columnSource')}</th>
              <th scope="col">{t('documents.list.columnProgress')}</th>
            </tr>
          </thead>
          <tbody>
            {state.documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`#/doc/${encodeURIComponent(d.id)}`} className="doc-link">
                    {d.title}
                  </a>
                  <div className="muted">
                    {t('documents.list.paragraphs', { count: d.paragraphCount })} ·{' '}
                    {t('documents.list.updated', { date: dateFmt.format(new Date(d.updatedAt)) })}
                  </div>
                </td>
                <td>{t(`langs.${d.sourceLang}`)}</td>
                <td className="progress-cell">
                  {d.targetLangs.map((l) => {
                    const counts = d.progress[l];
                    return counts ? (
                      <div key={l}>
                        <ProgressBar lang={l} counts={counts} unit={unit} />
                        <CompleteBadge lang={l} complete={d.complete?.[l]} />
                      </div>
                    ) : null;
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
