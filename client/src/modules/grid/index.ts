export { EditorScreen } from './components/EditorScreen.js';
export { EditorGrid, GRID_READY_MARK } from './components/EditorGrid.js';
export type { EditorGridHandle } from './components/EditorGrid.js';
export { useColumns } from './hooks/useColumns.js';
