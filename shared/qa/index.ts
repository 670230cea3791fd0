export * from './types.js';
export { runChecks, CHECKS } from './run.js';
export { checkAcrossTargets, MIN_TARGETS_FOR_VOTE } from './across.js';
export { checkDocumentState, filterFindings, summarizeFindings } from './document.js';
export type { CellFindings, FindingFilter, FindingSummary } from './document.js';
export { EXPECTED_LENGTH_RATIO, sentences } from './translation.js';
export { findTerm } from './glossary.js';
export { glossarySchema } from './glossary-schema.js';
