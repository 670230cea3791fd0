import { useCallback, useState } from 'react';

const key = (userId: string): string => `anor.panels:${userId}`;

/**
 * Whether the side panels (aids, review) are shown, remembered per user: on a
 * laptop screen five language columns want the whole width. Hidden panels stay
 * mounted, so their shortcuts (submit, insert a match) keep working.
 */
export function usePanels(userId: string): { panelsShown: boolean; togglePanels: () => void } {
  const [panelsShown, setShown] = useState(() => {
    try {
      return localStorage.getItem(key(userId)) !== 'hidden';
    } catch {
      return true;
    }
  });
  const togglePanels = useCallback(() => {
    setShown((was) => {
      try {
        localStorage.setItem(key(userId), was ? 'hidden' : 'shown');
      } catch {
        // Not remembered in a browser that refuses storage; the toggle still works.
      }
      return !was;
    });
  }, [userId]);
  return { panelsShown, togglePanels };
}
