import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { DocumentSnapshot, Lang } from '../../../../../shared/index.js';
import { mergeLinks, shiftLink, splitLink } from '../../../../../shared/interchange/links.js';
import type { PreviewLink } from '../../../../../shared/protocol/interchange.js';
import { Icon } from '../../icons/index.js';
import type { Replacement } from '../../../../../shared/interchange/replaced.js';

/**
 * The proposed alignment side by side: one row per link, the document's
 * source paragraphs on the left, the translation's on the right. Rows worth a
 * look (weak score, merges, gaps) are highlighted and labelled; each row can
 * shift its boundary with the next, merge with it, or be split. The edits are
 * the pure functions of shared/interchange/links.ts, which never lose a
 * translated paragraph.
 */
export function AlignmentPreview({
  doc,
  lang,
  target,
  links,
  onChange,
  replaced,
}: {
  doc: Pick<DocumentSnapshot, 'sourceLang' | 'paragraphs'>;
  lang: Lang;
  target: readonly string[];
  links: readonly PreviewLink[];
  onChange: (links: PreviewLink[]) => void;
  /** Cells that hold a translation the import would overwrite, by paragraph id (replacedCells). */
  replaced?: ReadonlyMap<string, Replacement>;
}) {
  const { t } = useTranslation('interchange');
  const textOf = new Map(doc.paragraphs.map((p) => [p.id, p.cells[doc.sourceLang]?.text ?? '']));
  const low = links.filter((l) => l.low).length;
  return (
    <div className="alignment">
      <p className="muted">{t('preview.caption')}</p>
      {low > 0 && (
        <p role="status" className="warning">
          {t('preview.lowCount', { count: low })}
        </p>
      )}
      <table className="alignment-table">
        <thead>
          <tr>
            <th scope="col">{t('preview.source')}</th>
            <th scope="col">{t('preview.target')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('preview.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((l, i) => {
            const next = links[i + 1];
            const replaces = l.paragraphIds.flatMap((id) => replaced?.get(id) ?? []);
            return (
              <tr
                key={`${l.paragraphIds.join('+')}|${l.target.join('+')}|${i}`}
                className={l.low ? 'low' : undefined}
                data-testid="align-row"
                data-low={l.low ? 'true' : 'false'}
                data-replaces={replaces.length > 0 ? 'true' : 'false'}
              >
                <td lang={LANG_TAG[doc.sourceLang]}>
                  {l.low && <span className="low-badge">{t('preview.low')}</span>}
                  {l.paragraphIds.length === 0 ? (
                    <em className="muted">{t('preview.noSource')}</em>
                  ) : (
                    l.paragraphIds.map((id) => <p key={id}>{textOf.get(id)}</p>)
                  )}
                </td>
                <td lang={LANG_TAG[lang]}>
                  {l.target.length === 0 ? (
                    <em className="muted">{t('preview.noTarget')}</em>
                  ) : (
                    l.target.map((j) => (
                      <p key={j} data-testid="align-target">
                        {target[j]}
                      </p>
                    ))
                  )}
                  {replaces.map((r) => (
                    <p key={r.paragraphId} className="replaces" data-testid="align-replaces">
                      <span className="replace-badge">{t('preview.replaces')}</span> <del>{r.current}</del>
                    </p>
                  ))}
                  {!l.low && <span className="muted score">{t('preview.score', { score: Math.round(l.score * 100) })}</span>}
                </td>
                <td className="align-actions">
                  <button
                    type="button"
                    disabled={!next || l.target.length === 0}
                    onClick={() => onChange(shiftLink(links, i, 'down'))}
                    title={t('preview.shiftDown')}
                    aria-label={t('preview.shiftDown')}
                  >
                    <Icon name="arrowDown" />
                  </button>
                  <button
                    type="button"
                    disabled={!next || next.target.length === 0}
                    onClick={() => onChange(shiftLink(links, i, 'up'))}
                    title={t('preview.shiftUp')}
                    aria-label={t('preview.shiftUp')}
                  >
                    <Icon name="arrowUp" />
                  </button>
                  <button
                    type="button"
                    disabled={!next}
                    onClick={() => onChange(mergeLinks(links, i))}
                    title={t('preview.merge')}
                    aria-label={t('preview.merge')}
                  >
                    <Icon name="toBottom" />
                  </button>
                  <button
                    type="button"
                    disabled={l.paragraphIds.length + l.target.length <= 2}
                    onClick={() => onChange(splitLink(links, i))}
                    title={t('preview.split')}
                    aria-label={t('preview.split')}
                  >
                    <Icon name="toTop" />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
