import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnWidths } from '../../../../../shared/protocol/prefs.js';
import type { Lang } from '../../../../../shared/languages.js';
import { prefsApi } from '../../../api/prefs.js';

const SAVE_AFTER_MS = 400;

/**
 * The user's column widths, kept on the server (GET/PATCH /api/prefs) so they
 * follow them to any browser. A drag changes the widths at once and is saved
 * once it pauses; a width set to null goes back to sharing the free room.
 */
export function useColumnWidths(): { widths: ColumnWidths; setWidth: (lang: Lang, width: number | null) => void } {
  const [widths, setWidths] = useState<ColumnWidths>({});
  const touched = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void prefsApi.get().then((r) => {
      // A drag that began before the answer wins over it.
      if (live && r.ok && !touched.current) setWidths(r.data.prefs.columnWidths);
    });
    return () => {
      live = false;
    };
  }, []);
  const latest = useRef(widths);
  latest.current = widths;
  useEffect(() => () => clearTimeout(timer.current), []);
  const setWidth = useCallback((lang: Lang, width: number | null) => {
    touched.current = true;
    const next: ColumnWidths = { ...latest.current };
    if (width === null) delete next[lang];
    else next[lang] = Math.round(width);
    latest.current = next;
    setWidths(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void prefsApi.update({ columnWidths: latest.current }), SAVE_AFTER_MS);
  }, []);
  return { widths, setWidth };
}
