import { isLang } from '../../../../shared/index.js';
import type {
  CellEditAck,
  CellStatusAck,
  DocEvent,
  DocumentState,
  Lang,
  ParagraphOpAck,
  PretranslateResult,
  Revision,
} from '../../../../shared/index.js';
import type { BatchAck, CommentAck, SeqAck } from '../../../../shared/index.js';
import { opDerivedId } from '../ids.js';
import { textAtRevision } from '../../../../shared/decide/decision.js';

export interface AckByKind {
  cell: CellEditAck;
  status: CellStatusAck;
  paragraph: ParagraphOpAck;
  pretranslate: PretranslateResult;
  comment: CommentAck;
  batch: BatchAck;
  /** Comment resolution, document settings: acks that carry only the seq. */
  seq: SeqAck;
}
export type OpKind = keyof AckByKind;
export type OpResult = { [K in OpKind]: { kind: K; ack: AckByKind[K] } }[OpKind];

interface OpEntry {
  result: OpResult;
  /** Resolves when the events of the first attempt are durable; a retry answers only then. */
  durable: Promise<void>;
}

export interface RuntimeLimits {
  /** Recent events kept per document for `doc:join` with `sinceSeq`. */
  ringSize: number;
  /** opIds remembered per document for idempotent retries. */
  opIdLimit: number;
}

/**
 * Everything the server keeps about one live document besides its state: the
 * ring of recent events (catch-up after a reconnect), the opId → result map
 * (retries), and the promise chain that orders acknowledgements.
 */
export class DocRuntime {
  private ring: DocEvent[] = [];
  private readonly ops = new Map<string, OpEntry>();
  /** The chain every append joins, so that broadcasts and acks go out in seq order. */
  tail: Promise<void> = Promise.resolve();
  /** Changed since the last checkpoint. */
  dirty = false;
  /** Batches applied but not yet published (their append is under way). */
  inflight = 0;

  constructor(
    readonly doc: DocumentState,
    private readonly limits: RuntimeLimits,
  ) {}

  remember(ev: DocEvent): void {
    this.ring.push(ev);
    // Trim in batches so a busy document does not shift the array on every event.
    if (this.ring.length > this.limits.ringSize * 1.5) this.ring = this.ring.slice(-this.limits.ringSize);
  }

  /**
   * The events after `sinceSeq`, or undefined when the ring no longer reaches
   * back that far (or the client claims a seq the server never reached, e.g.
   * after a crash lost its last unsynced events): the caller sends a snapshot.
   */
  eventsAfter(sinceSeq: number): DocEvent[] | undefined {
    if (sinceSeq > this.doc.seq) return undefined;
    if (sinceSeq === this.doc.seq) return [];
    const first = this.ring[0];
    if (!first || first.seq > sinceSeq + 1) return undefined;
    return this.ring.slice(sinceSeq + 1 - first.seq);
  }

  /** The last `n` events still in memory (fewer after a restart), oldest first. */
  recentEvents(n: number): DocEvent[] {
    return this.ring.slice(-n);
  }

  /**
   * An operation is its author's: the same opId from someone else is a new
   * operation (and learns nothing of the first one's result).
   */
  op(by: string, opId: string): OpEntry | undefined {
    return this.ops.get(opKey(by, opId));
  }

  rememberOp(by: string, opId: string, result: OpResult, durable: Promise<void>): void {
    this.ops.set(opKey(by, opId), { result, durable });
    if (this.ops.size > this.limits.opIdLimit) {
      const oldest = this.ops.keys().next();
      if (!oldest.done) this.ops.delete(oldest.value);
    }
  }

  /**
   * After a restart the map is rebuilt from history, where revisions carry their
   * opId. History does not record seqs, so a rebuilt ack reports the document's
   * seq at load (an upper bound; the client resyncs on reconnect anyway).
   * Inserts are told from source edits by their paragraph id, which derives
   * from the opId (opDerivedId); empty inserts, deletes and splits with an
   * empty tail leave no revision. Inserts and comments need no entry: a retry
   * finds what it created by that derived id. A retried delete of a paragraph already gone
   * answers `paragraph_not_found`; batch steps, resolve and settings are
   * decided afresh, which changes nothing the first attempt did not.
   */
  rebuildOps(): void {
    const found: { at: string; by: string; opId: string; result: OpResult }[] = [];
    for (const [key, revisions] of Object.entries(this.doc.history)) {
      const cut = key.lastIndexOf(':');
      const paragraphId = key.slice(0, cut);
      const lang = key.slice(cut + 1);
      if (!isLang(lang)) continue;
      for (const r of revisions) {
        if (r.opId === null) continue;
        const result = this.resultFrom(r, paragraphId, lang);
        if (result) found.push({ at: r.at, by: r.author, opId: r.opId, result });
      }
    }
    found.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const done = Promise.resolve();
    for (const f of found.slice(-this.limits.opIdLimit)) if (!this.op(f.by, f.opId)) this.rememberOp(f.by, f.opId, f.result, done);
  }

  private resultFrom(r: Revision, paragraphId: string, lang: Lang): OpResult | undefined {
    const seq = this.doc.seq;
    // An insert with text writes the new paragraph's first source revision, kind `edit`:
    // it is told apart by the paragraph's id, which that operation derived from its opId.
    if (r.kind === 'edit' && r.rev === 1 && r.opId !== null && paragraphId === opDerivedId('p_', this.doc.id, r.author, r.opId)) {
      return { kind: 'paragraph', ack: { seq, paragraphId } };
    }
    switch (r.kind) {
      case 'edit':
      case 'merge':
        return {
          kind: 'cell',
          ack: { outcome: r.kind === 'edit' ? 'applied' : 'merged', seq, rev: r.rev, text: r.text, status: r.status },
        };
      case 'conflict': {
        const kept = textAtRevision(this.doc, paragraphId, lang, r.rev) ?? '';
        return { kind: 'cell', ack: { outcome: 'conflict', seq, rev: r.rev, text: kept, status: r.status, yours: r.text } };
      }
      case 'status':
        return { kind: 'status', ack: { seq, rev: r.rev, status: r.status } };
      case 'join':
        return { kind: 'paragraph', ack: { seq, paragraphId } };
      // A split's new paragraph is the one whose source starts at revision 1
      // (the original had text, so its split revision is at least 2).
      case 'split':
        return r.rev === 1 ? { kind: 'paragraph', ack: { seq, paragraphId } } : undefined;
      default:
        return undefined;
    }
  }
}

function opKey(by: string, opId: string): string {
  return `${by}\u0000${opId}`;
}
