import { useTranslation } from 'react-i18next';
import type { CellStatus, Lang, StatusCounts } from '../../../../../shared/index.js';
import { formatNumber } from '../../i18n/index.js';

/** Drawn in this order, left to right; changes_requested counts with review work. */
const SEGMENTS: readonly CellStatus[] = ['approved', 'in_review', 'changes_requested', 'draft', 'empty'];

export function ProgressBar({ lang, counts, unit }: { lang: Lang; counts: StatusCounts; unit: 'paragraphs' | 'words' }) {
  const { t, i18n } = useTranslation();
  const c = counts[unit];
  const num = (n: number | undefined): string => formatNumber(i18n.language, n ?? 0);
  const total = SEGMENTS.reduce((n, s) => n + (c[s] ?? 0), 0);
  const summary = t('documents.progress.summary', { lang: t(`langs.${lang}`), approved: c.approved ?? 0, total });
  return (
    <div className="progress" data-testid={`progress-${lang}`}>
      <div className="progress-label">
        <span>{summary}</span>
        {counts.outdated > 0 && (
          <span className="badge badge-outdated">{t('documents.progress.outdated', { count: counts.outdated })}</span>
        )}
      </div>
      <div className="progress-track" role="img" aria-label={SEGMENTS.map((s) => `${t(`status.${s}`)}: ${num(c[s])}`).join(', ')}>
        {SEGMENTS.map((s) => {
          const n = c[s] ?? 0;
          if (n === 0 || total === 0) return null;
          return (
            <span key={s} className={`seg seg-${s}`} style={{ width: `${(100 * n) / total}%` }} title={`${t(`status.${s}`)}: ${num(n)}`} />
          );
        })}
      </div>
      {/* Colour is never the only carrier: every non-zero segment is also spelled out. */}
      <ul className="progress-legend">
        {SEGMENTS.filter((s) => (c[s] ?? 0) > 0).map((s) => (
          <li key={s}>
            <span className={`swatch seg-${s}`} aria-hidden="true" />
            {t(`status.${s}`)} {num(c[s])}
          </li>
        ))}
      </ul>
    </div>
  );
}
