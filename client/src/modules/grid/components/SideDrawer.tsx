import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The side panels (aids, review) in one drawer beside the grid. On a wide
 * screen it takes at most 40 % of the width, so the grid keeps 60 %; on a
 * narrow one it slides over the grid and starts closed. Closed, the panels
 * stay mounted so their shortcuts keep working.
 */
export function SideDrawer({ open, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`side-drawer${open ? ' side-drawer-open' : ''}`} data-testid="side-drawer" data-open={open}>
      {open && (
        <div className="side-drawer-head">
          <span>{t('grid.toolbar.panels')}</span>
          <button type="button" onClick={onClose} aria-label={t('grid.drawer.close')}>
            ×
          </button>
        </div>
      )}
      {children}
    </div>
  );
}
