export { alignParagraphs, alignFeatures, DEFAULT_MODEL } from './align.js';
export type { AlignLink, AlignModel, AlignOptions } from './align.js';
export { logTwoSidedTail } from './evidence.js';
export { paragraphFeatures } from './features.js';
export type { ParagraphFeatures } from './features.js';
export { splitParagraphs } from '../domain/paragraphs.js';
export { planAlignedImport, planFromLinks } from './import.js';
export type { AlignedEdit, AlignedImportInput, AlignedImportPlan } from './import.js';
