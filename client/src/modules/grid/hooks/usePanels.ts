import { useCallback, useEffect, useState } from 'react';

const key = (userId: string): string => `anor.panels:${userId}`;

/** Below this width the drawer slides over the grid instead of sitting beside it (see layout.css). */
export const NARROW_QUERY = '(max-width: 899px)';

function narrow(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;
}

/**
 * Whether the side panels (aids, review) are shown, remembered per user: on a
 * laptop screen five language columns want the whole width. On a narrow
 * screen the drawer covers the grid, so it starts closed there and opening it
 * is not remembered. Hidden panels stay mounted, so their shortcuts (submit,
 * insert a match) keep working.
 */
export function usePanels(userId: string): { panelsShown: boolean; togglePanels: () => void } {
  const [panelsShown, setShown] = useState(() => !narrow() && remembered(userId));
  // A window narrowed past the breakpoint closes the drawer (it would cover the cell being edited); widened, the choice returns.
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(NARROW_QUERY);
    const onChange = (): void => setShown(!query.matches && remembered(userId));
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [userId]);
  const togglePanels = useCallback(() => {
    setShown((was) => {
      if (!narrow()) {
        try {
          localStorage.setItem(key(userId), was ? 'hidden' : 'shown');
        } catch {
          // Not remembered in a browser that refuses storage; the toggle still works.
        }
      }
      return !was;
    });
  }, [userId]);
  return { panelsShown, togglePanels };
}

function remembered(userId: string): boolean {
  try {
    return localStorage.getItem(key(userId)) !== 'hidden';
  } catch {
    return true;
  }
}
