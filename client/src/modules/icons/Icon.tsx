import type { ReactNode } from 'react';
import './icons.css';

/**
 * Inline SVG icons, drawn in the text colour at the text size. Emoji and
 * rare symbols are not used as icons: without an emoji font (common on
 * Linux) they render as empty boxes. Icons are decoration (`aria-hidden`):
 * the control or text beside them carries the words.
 */
const PATHS = {
  error: (
    <>
      <path fill="currentColor" stroke="none" d="M7.9 2h8.2L22 7.9v8.2L16.1 22H7.9L2 16.1V7.9z" />
      <path stroke="#fff" strokeWidth="2.5" d="M7 12h10" />
    </>
  ),
  warning: (
    <>
      <path fill="currentColor" stroke="none" d="M12 2.5 23 21.5H1z" />
      <path stroke="#fff" strokeWidth="2.2" d="M12 9.5v5.5M12 17.4v1.6" />
    </>
  ),
  arrowUp: <path d="M12 19V5M5.5 11.5 12 5l6.5 6.5" />,
  arrowDown: <path d="M12 5v14M5.5 12.5 12 19l6.5-6.5" />,
  arrowLeft: <path d="M19 12H5M11.5 5.5 5 12l6.5 6.5" />,
  toBottom: <path d="M12 3v12M6.5 9.5 12 15l5.5-5.5M5 20.5h14" />,
  toTop: <path d="M12 21V9M6.5 14.5 12 9l5.5 5.5M5 3.5h14" />,
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;
export const ICON_NAMES = Object.keys(PATHS) as IconName[];

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className={`icon icon-${name}`}
      data-icon={name}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
