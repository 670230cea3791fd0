import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Lang } from '../../../../../shared/index.js';
import { useKeyedMemo, useSyncVersion } from '../../sync/index.js';
import type { DocSync } from '../../sync/index.js';
import { presenceByParagraph } from '../../presence/index.js';
import { GridRow, rowSignature } from './GridRow.js';
import type { RowHandlers } from './GridRow.js';
import { ColumnHead } from './ColumnHead.js';
import type { ColumnResize } from './ColumnHead.js';

export interface EditorGridHandle {
  /** Scrolls row `pos` (position among the shown rows) into view and focuses its cell in `lang`. */
  focusCell: (pos: number, lang: Lang) => void;
  focusGrid: () => void;
}

interface Props {
  sync: DocSync;
  /** Indexes into doc.paragraphs of the rows to show, in document order. */
  rows: readonly number[];
  langs: readonly Lang[];
  handlers: RowHandlers;
  /** How the columns are laid out (fit.ts); absent, every column shares the width. */
  columns?: { template: string; stacked: boolean; base: Partial<Record<Lang, number>> };
  resize?: ColumnResize;
  /** Receives the scroll box, whose width decides the columns. */
  measure?: (el: HTMLElement | null) => void;
}

/** Set once per page when the first rows of a document are on screen and focusable (read by the benchmark). */
const estimateSize = (): number => 88;

export const GRID_READY_MARK = 'anor:grid-interactive';

/** The focused cell grows (layout.css); once it has, it is brought fully into view, below the sticky heads. */
function keepInView(e: FocusEvent<HTMLDivElement>): void {
  const el = e.target;
  if (el instanceof HTMLTextAreaElement) requestAnimationFrame(() => el.scrollIntoView({ block: 'nearest' }));
}

export const EditorGrid = forwardRef<EditorGridHandle, Props>(function EditorGrid(
  { sync, rows, langs, handlers, columns, resize, measure },
  ref,
) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Every change re-renders the grid; each visible row then re-renders only if its rowSignature moved.
  useSyncVersion(sync);
  const doc = sync.doc;
  const layout = sync.getLayout();
  // Stable between edits: the virtualizer rebuilds its measurements of every row when this function changes.
  const getItemKey = useKeyedMemo(() => (i: number) => doc?.paragraphs[rows[i] ?? -1]?.id ?? i, [doc, rows, layout]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    overscan: 6,
    getItemKey,
  });
  function getScrollElement(): HTMLDivElement | null {
    return scrollRef.current;
  }

  useImperativeHandle(
    ref,
    () => ({
      focusCell(pos, lang) {
        const pid = doc?.paragraphs[rows[pos] ?? -1]?.id;
        if (!pid) return;
        virtualizer.scrollToIndex(pos, { align: 'auto' });
        let tries = 0;
        const attempt = (): void => {
          const el = scrollRef.current?.querySelector<HTMLTextAreaElement>(`textarea[data-cell="${CSS.escape(`${pid}:${lang}`)}"]`);
          if (el) {
            el.focus({ preventScroll: false });
            // The focused cell opens up after it gets the focus: bring all of it into view once it has.
            requestAnimationFrame(() => requestAnimationFrame(() => el.scrollIntoView({ block: 'nearest' })));
          } else if (tries++ < 20) requestAnimationFrame(attempt);
        };
        attempt();
      },
      focusGrid() {
        scrollRef.current?.focus();
      },
    }),
    [doc, rows, virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  const ready = doc !== null && (rows.length === 0 || items.length > 0);
  useEffect(() => {
    if (ready && performance.getEntriesByName(GRID_READY_MARK).length === 0) performance.mark(GRID_READY_MARK);
  }, [ready]);

  useLayoutEffect(() => {
    measure?.(scrollRef.current);
    return () => measure?.(null);
  }, [measure]);

  const byParagraph = useMemo(() => presenceByParagraph(sync.presence), [sync.presence]);
  if (!doc) return null;
  const template = { gridTemplateColumns: columns?.template ?? `3rem repeat(${langs.length}, minmax(14rem, 1fr))` };
  const stacked = columns?.stacked ?? false;

  return (
    <div
      className={`grid-scroll${stacked ? ' grid-stacked' : ''}`}
      ref={scrollRef}
      tabIndex={-1}
      data-testid="grid"
      data-ready={ready ? 'true' : 'false'}
      onFocus={keepInView}
    >
      <div className="grid-header" style={template} role="presentation">
        <div className="row-number">{t('grid.header.number')}</div>
        {langs.map((l, i) => (
          <ColumnHead
            key={l}
            lang={l}
            isSource={l === doc.sourceLang}
            editable={handlers.canEdit?.(l) ?? true}
            width={columns?.base[l] ?? 0}
            {...(resize && !stacked && i < langs.length - 1 ? { resize } : {})}
          />
        ))}
      </div>
      {rows.length === 0 && <p className="grid-empty">{doc.paragraphs.length === 0 ? t('grid.empty') : t('grid.noMatches')}</p>}
      <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const index = rows[item.index]!;
          const p = doc.paragraphs[index]!;
          return (
            <div
              key={item.key}
              className="grid-row"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ ...template, transform: `translateY(${item.start}px)` }}
            >
              <GridRow
                sync={sync}
                paragraphId={p.id}
                number={index + 1}
                langs={langs}
                sourceLang={doc.sourceLang}
                present={byParagraph.get(p.id)}
                handlers={handlers}
                version={rowSignature(sync, p.id, langs)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
