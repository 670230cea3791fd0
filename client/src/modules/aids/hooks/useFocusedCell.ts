import { useEffect, useState } from 'react';
import { isLang } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';

export interface CellRef {
  paragraphId: string;
  lang: Lang;
}

/** Reads `data-cell="<paragraphId>:<lang>"`, the grid's own attribute on every cell textarea. */
export function cellOf(el: EventTarget | null): CellRef | null {
  if (!(el instanceof HTMLTextAreaElement)) return null;
  const v = el.dataset.cell ?? '';
  const cut = v.lastIndexOf(':');
  const lang = v.slice(cut + 1);
  return cut > 0 && isLang(lang) ? { paragraphId: v.slice(0, cut), lang } : null;
}

/**
 * The last grid cell that had focus. Watching focus on the document keeps the
 * grid untouched, and the cell stays "current" while the translator clicks
 * into the panel to insert a match.
 */
export function useFocusedCell(): CellRef | null {
  const [cell, setCell] = useState<CellRef | null>(() => cellOf(document.activeElement));
  useEffect(() => {
    const onFocus = (e: FocusEvent): void => {
      const next = cellOf(e.target);
      if (next) setCell((prev) => (prev && prev.paragraphId === next.paragraphId && prev.lang === next.lang ? prev : next));
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  return cell;
}

function cellElement(cell: CellRef): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>(`textarea[data-cell="${CSS.escape(`${cell.paragraphId}:${cell.lang}`)}"]`);
}

export function focusCell(cell: CellRef): void {
  cellElement(cell)?.focus();
}

/**
 * Whether the grid lets the user type into the cell: not when it shows a
 * reading transliteration, nor for someone without the right to edit it. An
 * aid must not write where typing could not.
 */
export function isCellEditable(cell: CellRef): boolean {
  const el = cellElement(cell);
  return el !== null && !el.readOnly;
}
