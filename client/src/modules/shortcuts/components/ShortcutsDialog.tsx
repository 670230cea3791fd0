import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../keymap.js';
import { AidsShortcutRows } from '../../aids/index.js';

/**
 * The list of shortcuts (`?`). A plain modal div rather than <dialog>: it
 * behaves the same in jsdom and every browser, and focus handling is explicit.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="modal card"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          // Keep Tab inside the dialog: its only control is the close button.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id}>
                <td>{t(`shortcuts.${s.id}`)}</td>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={i}>
                      {i > 0 && '+'}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                  {'alt' in s && (
                    <>
                      {' '}
                      /{' '}
                      {s.alt.map((k, i) => (
                        <span key={i}>
                          {i > 0 && '+'}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </>
                  )}
                </td>
              </tr>
            ))}
            <AidsShortcutRows />
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="primary" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
