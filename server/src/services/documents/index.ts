export { DocumentService } from './service.js';
export type { DocumentServiceOptions } from './service.js';
export type { CommitListener, Committed } from './engine.js';
export { DocumentOps } from './ops.js';
export type { JoinResult } from './reads.js';
