import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  id: string;
  onClose: () => void;
  /** A class for the module's sizing (e.g. `aids-modal`, `interchange-modal`). */
  className: string;
  /** When given, a close button with this label ends the dialog. */
  closeLabel?: string;
  children: ReactNode;
}

/** The app's modal (same markup and classes as the shortcuts dialog); Escape closes, focus returns where it was. */
export function Modal({ title, id, onClose, className, closeLabel, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    box.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        className={`modal card ${className}`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={id}>{title}</h2>
        {children}
        {closeLabel !== undefined && (
          <button type="button" onClick={onClose}>
            {closeLabel}
          </button>
        )}
      </div>
    </div>
  );
}
