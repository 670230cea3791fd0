export { alignParagraphs, alignFeatures, logTwoSidedTail, DEFAULT_MODEL } from './align.js';
export type { AlignLink, AlignModel, AlignOptions } from './align.js';
export { paragraphFeatures } from './features.js';
export type { ParagraphFeatures } from './features.js';
export { splitParagraphs } from './paragraphs.js';
