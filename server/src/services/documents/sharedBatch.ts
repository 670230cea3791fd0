import type { DocEvent, DocEventBody, DocumentState } from '../../../../shared/index.js';
import type { Decision } from '../../../../shared/decide/decision.js';
import type { DocRuntime, OpResult } from './runtime.js';

/*
 * What SharedCommits (sharedCommits.ts) queues and answers: an operation
 * waiting for its document's next batch, and the small pure helpers of a batch.
 */

/** A durability promise already kept: an operation answered from the table is durable. */
export const DONE = Promise.resolve();

/** The ack stored with an operation's first event: its kind too, so a retry of another kind is refused. */
export function isOpResult(v: unknown): v is OpResult {
  return typeof v === 'object' && v !== null && 'kind' in v && 'ack' in v && typeof v.kind === 'string';
}

/** Operations committed together at most (one statement). */
export const MAX_BATCH = 200;

export interface Pending {
  by: string;
  opId: string | null;
  kind: OpResult['kind'];
  decide: (rt: DocRuntime) => Decision<unknown>;
  resolve: (o: Outcome) => void;
  reject: (err: unknown) => void;
}

export function ops(batch: readonly Pending[]): { by: string; opId: string }[] {
  return batch.flatMap((p) => (p.opId === null ? [] : [{ by: p.by, opId: p.opId }]));
}

export function stored(ack: unknown): OpResult | undefined {
  return isOpResult(ack) ? ack : undefined;
}

/** Where SharedCommits tells the engine's listeners what happened to a document. */
export interface SharedPublish {
  /** Events committed (here or by another node), once durable, in seq order. */
  committed: (docId: string, events: readonly DocEvent[]) => void;
  /** A copy was read again whole (undefined: the document was found deleted): the events it skipped are never published. */
  reread: (docId: string, doc: Readonly<DocumentState> | undefined) => void;
}

export interface Outcome {
  result: OpResult | undefined;
  applied: boolean;
}

/** Stamps a decision's bodies as the document's next events. */
export function stamp(rt: DocRuntime, bodies: readonly DocEventBody[], by: string, opId: string | null): DocEvent[] {
  const at = new Date().toISOString();
  return bodies.map((body, i) => ({ ...body, docId: rt.doc.id, seq: rt.doc.seq + 1 + i, at, by, opId }));
}
