export { CellEditor } from './components/CellEditor.js';
export type { CellEditorProps } from './components/CellEditor.js';
export { ConflictPanel } from './components/ConflictPanel.js';
export { adjustCaret } from './caret.js';
