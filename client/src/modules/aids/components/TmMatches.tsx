import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { TmMatch } from '../../../../../shared/protocol/aids.js';
import { errorKey } from '../../i18n/index.js';
import type { MatchesState } from '../hooks/useTmMatches.js';
import { INSERTABLE_MATCHES } from '../keys.js';

interface Props {
  result: MatchesState;
  onInsert: (match: TmMatch) => void;
}

function DiffText({ match }: { match: TmMatch }) {
  return (
    <p className="tm-diff" lang={LANG_TAG[match.matchLang]}>
      {match.diff.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </p>
  );
}

/** Fuzzy matches, best first: score, how it matched, the differences against this row's text, the translation. */
export function TmMatches({ result, onInsert }: Props) {
  const { t } = useTranslation('aids');
  const { t: tBase } = useTranslation();
  if (result.state === 'idle') return null;
  if (result.state === 'loading')
    return (
      <p className="aids-muted" role="status">
        {t('tm.loading')}
      </p>
    );
  if (result.state === 'error')
    return (
      <p className="aids-error" role="alert">
        {t('tm.error', { reason: tBase(errorKey(result.code)) })}
      </p>
    );
  if (result.matches.length === 0) return <p className="aids-muted">{t('tm.none')}</p>;
  return (
    <ol className="tm-matches">
      {result.matches.map((m, i) => {
        const n = i + 1;
        const lang = tBase(`langs.${m.matchLang}`);
        return (
          <li key={m.entryId} className="tm-match" data-testid="tm-match">
            <div className="tm-head">
              <span className={`tm-score${m.score === 100 ? ' tm-exact' : ''}`}>{t('tm.score', { score: m.score })}</span>
              <span className="aids-muted">{m.via === 'source' ? t('tm.viaSource', { lang }) : t('tm.viaPivot', { lang })}</span>
            </div>
            <DiffText match={m} />
            <p className="tm-target" lang={LANG_TAG[m.targetLang]}>
              {m.targetText}
            </p>
            <div className="tm-foot">
              <small className="aids-muted">
                {m.origin === 'document' ? t('tm.fromDocument', { title: m.docTitle ?? '' }) : t('tm.fromTmx')}
              </small>
              {n <= INSERTABLE_MATCHES && (
                <button type="button" onClick={() => onInsert(m)} aria-keyshortcuts={`Control+Shift+${n}`}>
                  {t('tm.insert', { n })} <kbd>Ctrl+Shift+{n}</kbd>
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
