import './tags.css';

export { TagBar } from './TagBar.js';
export { useTagGuard } from './useTagGuard.js';
export type { TagGuard } from './useTagGuard.js';
export { allowedTags, fromDisplay, toDisplay } from './display.js';
