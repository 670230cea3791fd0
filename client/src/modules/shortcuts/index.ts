export { SHORTCUTS, matchShortcut, isTextField } from './keymap.js';
export type { GridAction, ShortcutId, KeyLike, StructureAction } from './keymap.js';
export { ShortcutsDialog } from './components/ShortcutsDialog.js';
