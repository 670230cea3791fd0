import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';

export interface ScrollAnchor {
  /** Call before applying a live change: remembers the first row in view and where it was. */
  capture(): void;
}

/**
 * Keeps the reader's place when rows above the viewport change height (a
 * longer approved text arriving live). The grid opts out of the browser's own
 * scroll anchoring (`overflow-anchor: none` in READING_CSS) so that exactly
 * one correction happens: before the change the first visible row and its
 * top are noted; after React has laid out the change, the page is scrolled by
 * however far that row moved.
 */
export function useScrollAnchor(grid: RefObject<HTMLElement | null>, changed: unknown): ScrollAnchor {
  const saved = useRef<{ id: string; top: number } | null>(null);

  const capture = useCallback(() => {
    const root = grid.current;
    if (!root || saved.current) return;
    for (const row of root.querySelectorAll<HTMLElement>('.reading-row')) {
      const box = row.getBoundingClientRect();
      if (box.bottom > 0) {
        saved.current = { id: row.dataset.pid ?? '', top: box.top };
        return;
      }
    }
  }, [grid]);

  useLayoutEffect(() => {
    const anchor = saved.current;
    saved.current = null;
    const root = grid.current;
    if (!anchor || !root) return;
    const row = [...root.querySelectorAll<HTMLElement>('.reading-row')].find((r) => r.dataset.pid === anchor.id);
    if (!row) return;
    const moved = row.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) >= 0.5) window.scrollBy(0, moved);
  }, [changed, grid]);

  return useMemo(() => ({ capture }), [capture]);
}
