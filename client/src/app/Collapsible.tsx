import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface Props {
  /** The toggle's text (shown only where the content is folded away, on a narrow screen). */
  label: string;
  /** Classes of the content box; `collapsible-body` is always added. */
  className: string;
  children: ReactNode;
}

/**
 * Controls that sit in a row on a wide screen and fold behind one toggle
 * button on a narrow one (the CSS decides which, `.collapsible-toggle`):
 * the app header and the editor toolbar. Open, the content drops down over
 * the page; Escape, a click outside or following a link closes it.
 */
export function Collapsible({ label, className, children }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onHash = (): void => setOpen(false);
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    window.addEventListener('hashchange', onHash);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
      window.removeEventListener('hashchange', onHash);
    };
  }, [open]);
  return (
    <div className={`collapsible${open ? ' collapsible-open' : ''}`} ref={root}>
      <button type="button" className="collapsible-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
        <span aria-hidden="true">☰</span> {label}
      </button>
      <div id={id} className={`collapsible-body ${className}`}>
        {children}
      </div>
    </div>
  );
}
