export { AidsPanel } from './components/AidsPanel.js';
export { AidsSidebar } from './components/AidsSidebar.js';
export { AIDS_SHORTCUTS, matchAidsShortcut } from './keys.js';
export { AidsShortcutRows } from './components/AidsShortcutRows.js';
export { AidsLayout, useReadingText } from './reading.js';
export { useCellFindings } from './glossaryContext.js';
export { FindingBadge } from './components/FindingBadge.js';
