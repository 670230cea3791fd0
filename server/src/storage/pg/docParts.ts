import { applyEvent, documentFromCreated } from '../../../../shared/index.js';
import type { DocEvent, DocumentState, Paragraph, Revision } from '../../../../shared/index.js';

/**
 * A document's snapshot in parts, so that a checkpoint writes only what
 * changed: the head (everything but paragraphs and history, plus the order of
 * paragraph ids), one part per paragraph, and history as one row per revision
 * (history is append-only, so a revision once written never changes). The
 * cost of a checkpoint is then that of the events since the last one, however
 * long the document's history is.
 */
export type HeadPart = Omit<DocumentState, 'paragraphs' | 'history'> & { order: string[] };

export interface PartRow {
  part: string;
  body: string;
}

export interface RevisionRow {
  cell: string;
  idx: number;
  body: string;
}

/** One checkpoint of one document, serialised when it was asked for. */
export interface CapturedSnapshot {
  docId: string;
  seq: number;
  parts: PartRow[];
  revisions: RevisionRow[];
  /** Runs once the snapshot (or a newer one) is durable. */
  done(): void;
}

/** The paragraph ids an event changes (the parts a checkpoint must rewrite). */
function paragraphsOf(ev: DocEvent): string[] {
  const ids: string[] = [];
  if ('paragraphId' in ev && typeof ev.paragraphId === 'string') ids.push(ev.paragraphId);
  if (ev.type === 'paragraph.split') ids.push(ev.newParagraphId);
  if (ev.type === 'paragraph.joined') ids.push(ev.nextParagraphId);
  return ids;
}

const HEAD = '';

/**
 * What of one document is already in its durable snapshot. Fed every event the
 * node applies (its own commits and those fetched from other nodes), it names
 * the parts a checkpoint must write and the revisions not yet stored.
 */
export class PartTracker {
  /** Paragraph id → highest seq that touched it since the snapshot. */
  private readonly touched = new Map<string, number>();
  /** Revisions per cell already in `doc_revisions`. */
  private readonly stored = new Map<string, number>();
  /** Nothing is stored but the creation event: the first checkpoint writes everything. */
  private full: boolean;

  constructor(
    /** The seq the stored snapshot covers. */
    private snapshotSeq: number,
    stored?: ReadonlyMap<string, number>,
  ) {
    this.full = snapshotSeq === 0;
    for (const [cell, n] of stored ?? []) this.stored.set(cell, n);
  }

  note(events: readonly DocEvent[]): void {
    for (const ev of events) for (const id of paragraphsOf(ev)) if ((this.touched.get(id) ?? 0) < ev.seq) this.touched.set(id, ev.seq);
  }

  /** Serialises, now, what changed in `doc` since the snapshot; undefined when the snapshot already covers it. */
  capture(doc: DocumentState): CapturedSnapshot | undefined {
    if (doc.seq <= this.snapshotSeq) return undefined;
    const { paragraphs, history, ...rest } = doc;
    const head: HeadPart = { ...rest, order: paragraphs.map((p) => p.id) };
    const parts: PartRow[] = [{ part: HEAD, body: JSON.stringify(head) }];
    const revisions: RevisionRow[] = [];
    const counts = new Map<string, number>();
    const addCell = (cell: string, list: readonly Revision[]): void => {
      const from = this.stored.get(cell) ?? 0;
      for (let i = from; i < list.length; i++) revisions.push({ cell, idx: i, body: JSON.stringify(list[i]) });
      counts.set(cell, list.length);
    };
    if (this.full) {
      for (const p of paragraphs) parts.push({ part: p.id, body: JSON.stringify(p) });
      for (const [cell, list] of Object.entries(history)) addCell(cell, list);
    } else {
      const touched = new Set(this.touched.keys());
      for (const p of paragraphs) if (touched.has(p.id)) parts.push({ part: p.id, body: JSON.stringify(p) });
      const langs = [doc.sourceLang, ...doc.targetLangs];
      for (const id of touched) {
        for (const lang of langs) {
          const list = history[`${id}:${lang}`];
          if (list) addCell(`${id}:${lang}`, list);
        }
      }
    }
    const seq = doc.seq;
    return {
      docId: doc.id,
      seq,
      parts,
      revisions,
      done: () => {
        if (seq <= this.snapshotSeq) return;
        this.snapshotSeq = seq;
        this.full = false;
        for (const [id, s] of [...this.touched]) if (s <= seq) this.touched.delete(id);
        for (const [cell, n] of counts) if ((this.stored.get(cell) ?? 0) < n) this.stored.set(cell, n);
      },
    };
  }
}

/** Rows read back, in one consistent view. */
export interface StoredParts {
  snapshotSeq: number;
  parts: { part: string; body: unknown }[];
  revisions: { cell: string; idx: number; body: unknown }[];
  events: DocEvent[];
}

/**
 * Rebuilds a document from its parts and the events after them; also returns
 * how many revisions per cell were stored (the tracker's starting point).
 */
export function assemble(docId: string, stored: StoredParts): { doc: DocumentState; tracker: PartTracker } | undefined {
  let doc: DocumentState | undefined;
  const counts = new Map<string, number>();
  let events = stored.events;
  if (stored.snapshotSeq > 0) {
    const headRow = stored.parts.find((r) => r.part === HEAD);
    if (!headRow) throw new Error(`document ${docId}: snapshot at seq ${stored.snapshotSeq} has no head part`);
    const { order, ...head } = headRow.body as HeadPart;
    const byId = new Map<string, Paragraph>();
    for (const r of stored.parts) if (r.part !== HEAD) byId.set(r.part, r.body as Paragraph);
    const paragraphs = order.map((id) => {
      const p = byId.get(id);
      if (!p) throw new Error(`document ${docId}: snapshot part for paragraph ${id} is missing`);
      return p;
    });
    const history: Record<string, Revision[]> = {};
    // Rows come ordered by cell, then idx.
    for (const r of stored.revisions) {
      const list = (history[r.cell] ??= []);
      if (r.idx !== list.length) throw new Error(`document ${docId}: revision ${r.idx} of ${r.cell} is out of order`);
      list.push(r.body as Revision);
    }
    for (const [cell, list] of Object.entries(history)) counts.set(cell, list.length);
    doc = { ...head, paragraphs, history };
  } else {
    const first = events[0];
    if (first?.type !== 'document.created') return undefined;
    const start = documentFromCreated(first, true);
    doc = { ...start, history: start.history ?? {} };
    events = events.slice(1);
  }
  const tracker = new PartTracker(stored.snapshotSeq, counts);
  for (const ev of events) {
    if (ev.seq !== doc.seq + 1) throw new Error(`document ${docId}: event ${ev.seq} follows seq ${doc.seq}`);
    applyEvent(doc, ev);
  }
  tracker.note(events);
  return { doc, tracker };
}
