import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';
import type { GlossaryTermDto } from '../../../../../shared/protocol/aids.js';
import { findTerm } from '../../../../../shared/qa/glossary.js';
import type { TextRange } from '../../../../../shared/qa/types.js';

interface Props {
  terms: readonly GlossaryTermDto[];
  source: string;
  sourceLang: Lang;
  lang: Lang;
}

function marked(text: string, ranges: TextRange[]) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: (string | { mark: string })[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    out.push(text.slice(at, r.start), { mark: text.slice(r.start, r.end) });
    at = r.end;
  }
  out.push(text.slice(at));
  return out;
}

/** Terms of the glossary found in the source paragraph (inflected forms too), highlighted there, with their renderings. */
export function GlossaryHits({ terms, source, sourceLang, lang }: Props) {
  const { t } = useTranslation('aids');
  const hits = useMemo(
    () =>
      terms.flatMap((term) => {
        const src = term[sourceLang];
        const ranges = src ? findTerm(source, src, sourceLang) : [];
        return ranges.length > 0 ? [{ term, ranges }] : [];
      }),
    [terms, source, sourceLang],
  );
  if (hits.length === 0) return <p className="aids-muted">{t('glossary.none')}</p>;
  return (
    <>
      <p className="glossary-source" lang={LANG_TAG[sourceLang]}>
        {marked(
          source,
          hits.flatMap((h) => h.ranges),
        ).map((part, i) => (typeof part === 'string' ? <span key={i}>{part}</span> : <mark key={i}>{part.mark}</mark>))}
      </p>
      <dl className="glossary-hits">
        {hits.map(({ term }) => {
          const avoid = (term.forbidden ?? []).filter((f) => f.lang === lang).map((f) => f.text);
          return (
            <div key={term.id} data-testid="glossary-hit">
              <dt lang={LANG_TAG[sourceLang]}>{term[sourceLang]}</dt>
              <dd lang={LANG_TAG[lang]}>{term[lang] ?? <span className="aids-muted">{t('glossary.noRendering')}</span>}</dd>
              {avoid.length > 0 && <dd className="glossary-avoid">{t('glossary.avoid', { terms: avoid.join(', ') })}</dd>}
              {term.note && <dd className="aids-muted">{term.note}</dd>}
            </div>
          );
        })}
      </dl>
    </>
  );
}
