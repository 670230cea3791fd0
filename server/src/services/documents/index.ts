export { DocumentService } from './service.js';
export type { CommitListener, DocumentServiceOptions, JoinResult } from './service.js';
