/**
 * The aids' shortcuts. Ctrl+1…8 would be the natural pick, but Chrome and
 * Firefox switch tabs on them before a page can say no; Ctrl+Shift+digit is
 * free in both (and beside the grid's own Ctrl+Shift+C). Matched on `code`,
 * not `key`: Shift turns 1 into ! or " depending on the keyboard layout.
 */
export const AIDS_SHORTCUTS = [
  { id: 'insertMatch', keys: ['Ctrl', 'Shift', '1…3'] },
  { id: 'concordance', keys: ['Ctrl', 'Shift', 'L'] },
] as const;

export const INSERTABLE_MATCHES = 3;

export interface CodeKeyLike {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export type AidsAction = { type: 'insertMatch'; index: number } | { type: 'concordance' };

export function matchAidsShortcut(e: CodeKeyLike): AidsAction | null {
  if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/u.exec(e.code);
  if (digit) {
    const n = Number(digit[1]);
    return n <= INSERTABLE_MATCHES ? { type: 'insertMatch', index: n - 1 } : null;
  }
  return e.code === 'KeyL' ? { type: 'concordance' } : null;
}
