/**
 * The pure decision functions of every document operation: given the document
 * as it is and a validated payload, the events to append and the ack to send.
 * No I/O, no clock, no ids of their own (those are passed in), so the server's
 * commit engine and the client's test hub run exactly the same logic.
 */
export type { Decision } from './decision.js';
export { cellIn, findParagraph, requireLang, textAtRevision } from './decision.js';
export { decideCreate } from './decideCreate.js';
export { decideCellEdit } from './decideCell.js';
export { decideKeepTheirs } from './decideKeepTheirs.js';
export { REFUSAL_CODE, blockingCount, blockingIn, decideStatus, revisionAuthor } from './decideStatus.js';
export { decideBatch, decideComment, decideResolve, decideRestore, decideSettings } from './decideReview.js';
export { decideDelete, decideInsert, decideJoin, decideSplit } from './decideParagraph.js';
export type { Prechecked } from './prechecked.js';
export { checkedKey } from './prechecked.js';
