import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { Lang } from '../../../../../shared/languages.js';
import { fitColumns } from '../fit.js';
import type { Fit } from '../fit.js';
import { useColumnWidths } from './useColumnWidths.js';

export interface ColumnLayout {
  fit: Fit;
  /** The grid box's inner width, or null before it could be measured (then every wanted column is shown). */
  available: number | null;
  /** Brings a target on screen (the switcher, a jump to a cell in a column that is off screen). */
  reveal: (lang: Lang) => void;
  setWidth: (lang: Lang, width: number | null) => void;
  /** Attach to the grid's scroll box. */
  measure: (el: HTMLElement | null) => void;
}

/**
 * What the grid shows, measured: the columns that fit its box at a readable
 * width (fit.ts), the user's widths and which targets they brought forward.
 */
export function useColumnLayout(source: Lang, targets: readonly Lang[]): ColumnLayout {
  const { widths, setWidth } = useColumnWidths();
  const [preferred, setPreferred] = useState<Lang[]>([]);
  const [box, setBox] = useState<HTMLElement | null>(null);
  const [available, setAvailable] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!box || typeof ResizeObserver === 'undefined') return;
    const read = (): void => setAvailable(box.clientWidth > 0 ? box.clientWidth : null);
    read();
    const ro = new ResizeObserver(read);
    ro.observe(box);
    return () => ro.disconnect();
  }, [box]);
  const fit = useMemo(
    () => fitColumns({ available: available ?? Number.MAX_SAFE_INTEGER, source, targets, preferred, widths }),
    [available, source, targets, preferred, widths],
  );
  const reveal = useCallback((lang: Lang) => setPreferred((p) => (p[0] === lang ? p : [lang, ...p.filter((l) => l !== lang)])), []);
  return { fit, available, reveal, setWidth, measure: setBox };
}
