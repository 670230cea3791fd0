import { forwardRef, memo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ReadingLabels } from '../../../../../shared/reading/html.js';
import type { ReadingColumn, ReadingModel, ReadingRow } from '../../../../../shared/reading/model.js';

/**
 * The parallel text. The markup mirrors `readingGridHtml` (shared/reading/html.ts)
 * element for element, so the downloaded file is the screen: one grid, a
 * `subgrid` row per paragraph (READING_CSS), a cell per language with its
 * language tag. Tapping a row highlights it (hover does the same with a mouse);
 * rows re-render only when their own cells change.
 */
export const ReadingGrid = forwardRef<HTMLDivElement, { model: ReadingModel; labels: ReadingLabels }>(function ReadingGrid(
  { model, labels },
  ref,
) {
  const [active, setActive] = useState<string | null>(null);
  // Roving focus: one row is in the tab order (the highlighted one, else the first); ↑/↓ move between rows.
  const focusable = active !== null && model.rows.some((r) => r.id === active) ? active : (model.rows[0]?.id ?? null);
  // Keys do what a tap does: Enter or Space toggles the highlight, ↑/↓ move it with the focus.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.reading-row');
    const id = row?.dataset.pid;
    if (!row || id === undefined) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setActive((cur) => (cur === id ? null : id));
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (!(next instanceof HTMLElement) || !next.classList.contains('reading-row')) return;
    e.preventDefault();
    next.focus();
    setActive(next.dataset.pid ?? null);
  };
  return (
    <div className="reading-grid" role="table" aria-label={labels.grid} ref={ref} data-testid="reading-grid" onKeyDown={onKeyDown}>
      <div role="row" className="reading-head">
        {model.columns.map((c, i) => (
          <div role="columnheader" className="reading-colhead" key={c.lang}>
            {labels.columns[i] ?? c.lang}
          </div>
        ))}
      </div>
      {model.rows.map((row) => (
        <Row
          key={row.id}
          row={row}
          columns={model.columns}
          labels={labels}
          active={row.id === active}
          tabbable={row.id === focusable}
          onToggle={setActive}
        />
      ))}
    </div>
  );
});

interface RowProps {
  row: ReadingRow;
  columns: ReadingColumn[];
  labels: ReadingLabels;
  active: boolean;
  tabbable: boolean;
  onToggle: (update: (current: string | null) => string | null) => void;
}

const Row = memo(function Row({ row, columns, labels, active, tabbable, onToggle }: RowProps) {
  return (
    <div
      role="row"
      className="reading-row"
      data-pid={row.id}
      data-active={active ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onToggle((cur) => (cur === row.id ? null : row.id))}
    >
      {row.cells.map((cell, i) => {
        const tag = columns[i]?.tag ?? cell.lang;
        return (
          <div role="cell" className={`reading-cell${cell.draft ? ' is-draft' : ''}`} lang={tag} data-lang={cell.lang} key={cell.lang}>
            <span className="reading-cell-label" aria-hidden="true" lang={labels.uiLang}>
              {labels.columns[i] ?? cell.lang}
            </span>
            {cell.text === null ? (
              <span className="reading-missing" lang={labels.uiLang}>
                {labels.missing}
              </span>
            ) : (
              <>
                {cell.draft && (
                  <span className="reading-badge" lang={labels.uiLang}>
                    {labels.draft}
                  </span>
                )}
                <span className="reading-text">{cell.text}</span>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}, sameRow);

/** Rows are rebuilt with every model; compare what they show, not object identity. */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (
    a.active !== b.active ||
    a.tabbable !== b.tabbable ||
    a.labels !== b.labels ||
    a.columns.map((c) => c.tag).join() !== b.columns.map((c) => c.tag).join()
  )
    return false;
  if (a.row.id !== b.row.id || a.row.cells.length !== b.row.cells.length) return false;
  return a.row.cells.every((c, i) => {
    const d = b.row.cells[i];
    return d !== undefined && c.lang === d.lang && c.text === d.text && c.draft === d.draft;
  });
}
