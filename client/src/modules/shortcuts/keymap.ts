/**
 * Keyboard shortcuts, modelled on Pontoon's and Weblate's editors. Pure, so
 * the table the help dialog shows and the handler cannot disagree.
 */
export const SHORTCUTS = [
  { id: 'nextParagraph', keys: ['Alt', '↓'] },
  { id: 'prevParagraph', keys: ['Alt', '↑'] },
  { id: 'nextColumn', keys: ['Tab'] },
  { id: 'prevColumn', keys: ['Shift', 'Tab'] },
  { id: 'nextUntranslated', keys: ['Alt', 'Shift', '↓'] },
  { id: 'copySource', keys: ['Ctrl', 'Shift', 'C'] },
  { id: 'submitReview', keys: ['Ctrl', 'Enter'] },
  { id: 'approveNext', keys: ['Ctrl', 'Shift', 'Enter'] },
  { id: 'splitParagraph', keys: ['Ctrl', 'Alt', 'Enter'] },
  { id: 'joinParagraph', keys: ['Ctrl', 'Alt', 'J'] },
  { id: 'insertParagraph', keys: ['Ctrl', 'Alt', 'I'] },
  { id: 'deleteParagraph', keys: ['Ctrl', 'Alt', 'D'] },
  { id: 'focusSearch', keys: ['Ctrl', 'Shift', 'F'], alt: ['/'] },
  { id: 'nextMatch', keys: ['Enter'], alt: ['Shift', 'Enter'] },
  { id: 'help', keys: ['?'] },
  { id: 'leaveCell', keys: ['Esc'] },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];
export type StructureAction = 'splitParagraph' | 'joinParagraph' | 'insertParagraph' | 'deleteParagraph';
export type GridAction =
  | 'nextParagraph'
  | 'prevParagraph'
  | 'nextUntranslated'
  | 'copySource'
  | 'submitReview'
  | 'approveNext'
  | 'focusSearch'
  | 'help'
  | 'leaveCell'
  | StructureAction;

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The physical key: letters are matched by it, so Ctrl+Alt+J means the same on a Russian or Kazakh layout. */
  code?: string;
}

const STRUCTURE_KEYS: Readonly<Record<string, StructureAction>> = {
  Enter: 'splitParagraph',
  KeyJ: 'joinParagraph',
  KeyI: 'insertParagraph',
  KeyD: 'deleteParagraph',
};

/**
 * The action a key press means. `inTextField` matters for printable keys:
 * "/" and "?" are text while typing in a cell and shortcuts elsewhere.
 */
export function matchShortcut(e: KeyLike, inTextField: boolean): GridAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey && !mod && e.key === 'ArrowDown') return e.shiftKey ? 'nextUntranslated' : 'nextParagraph';
  if (e.altKey && !mod && !e.shiftKey && e.key === 'ArrowUp') return 'prevParagraph';
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'c') return 'copySource';
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') return 'focusSearch';
  if (mod && !e.shiftKey && !e.altKey && e.key === 'Enter') return 'submitReview';
  if (mod && e.shiftKey && !e.altKey && e.key === 'Enter') return 'approveNext';
  if (e.ctrlKey && e.altKey && !e.shiftKey) {
    const physical = e.key === 'Enter' ? 'Enter' : (e.code ?? `Key${e.key.toUpperCase()}`);
    const structure = STRUCTURE_KEYS[physical];
    if (structure) return structure;
  }
  if (e.key === 'Escape') return 'leaveCell';
  if (!inTextField && !mod && !e.altKey) {
    if (e.key === '/') return 'focusSearch';
    if (e.key === '?') return 'help';
  }
  return null;
}

export function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(el.type)) ||
    el instanceof HTMLSelectElement
  );
}
