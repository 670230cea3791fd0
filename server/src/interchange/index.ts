/** XLIFF 2.x / 1.2 and TMX 1.4: exports, pure imports, and the import plan. See docs/interchange.md. */
export { exportXliff2 } from './xliff2/export.js';
export { parseXliff2 } from './xliff2/parse.js';
export { exportXliff12 } from './xliff12/export.js';
export { parseXliff12 } from './xliff12/parse.js';
export { exportTmx } from './tmx/export.js';
export type { TmxExportOptions } from './tmx/export.js';
export { parseTmx } from './tmx/parse.js';
export type { ParsedTmx, TmxUnit, TmxVariant } from './tmx/parse.js';
export { readInterchange } from './read.js';
export type { Format, InterchangeFile } from './read.js';
export { planXliffImport, langFromTag } from './plan.js';
export type { CellImportEdit, ImportPlan } from './plan.js';
export { formatProblem } from './problems.js';
export type { ParseOutcome, Problem } from './problems.js';
export type { ParsedXliff, XliffState, XliffUnit } from './units.js';
export { toXliff2, toXliff12, fromUnit } from './status-map.js';
