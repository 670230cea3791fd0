import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_STATUSES } from '../../../../../shared/domain/types.js';
import type { CellStatus, Lang } from '../../../../../shared/index.js';
import type { GridFilter } from '../filter.js';
import { isFiltering, NO_FILTER } from '../filter.js';
import { Icon } from '../../icons/index.js';

interface Props {
  filter: GridFilter;
  langs: readonly Lang[];
  /** Matches for the current filter; null while they are being counted or when nothing is filtered. */
  count: number | null;
  onChange: (f: GridFilter) => void;
  onNext: () => void;
  onPrev: () => void;
}

export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar({ filter, langs, count, onChange, onNext, onPrev }, ref) {
  const { t } = useTranslation();
  const set = <K extends keyof GridFilter>(k: K, v: GridFilter[K]): void => onChange({ ...filter, [k]: v });
  return (
    <search className="search-bar">
      <label className="search-text">
        <span className="visually-hidden">{t('search.label')}</span>
        <input
          ref={ref}
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={filter.text}
          onChange={(e) => set('text', e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'F3') {
              e.preventDefault();
              if (e.shiftKey) onPrev();
              else onNext();
            }
          }}
        />
      </label>
      <label>
        {t('search.status')}
        <select value={filter.status} onChange={(e) => set('status', e.target.value as CellStatus | 'any')}>
          <option value="any">{t('search.anyStatus')}</option>
          {CELL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('search.language')}
        <select value={filter.lang} onChange={(e) => set('lang', e.target.value as Lang | 'all')}>
          <option value="all">{t('search.anyLanguage')}</option>
          {langs.map((l) => (
            <option key={l} value={l}>
              {t(`langs.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.outdatedOnly} onChange={(e) => set('outdatedOnly', e.target.checked)} />
        {t('search.outdatedOnly')}
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.mineOnly} onChange={(e) => set('mineOnly', e.target.checked)} />
        {t('search.mineOnly')}
      </label>
      {isFiltering(filter) && (
        <>
          <output className="match-count" data-testid="match-count" aria-live="polite">
            {count === null ? '…' : t('search.matches', { count })}
          </output>
          <button type="button" onClick={onPrev} disabled={!count} aria-label={t('search.previous')} title={t('search.previous')}>
            <Icon name="arrowUp" />
          </button>
          <button type="button" onClick={onNext} disabled={!count} aria-label={t('search.next')} title={t('search.next')}>
            <Icon name="arrowDown" />
          </button>
          <button type="button" onClick={() => onChange(NO_FILTER)}>
            {t('search.clear')}
          </button>
        </>
      )}
    </search>
  );
});
