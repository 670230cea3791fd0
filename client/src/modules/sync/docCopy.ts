import { applyEvent, EventMismatchError } from '../../../../shared/domain/reducer.js';
import type { Cell, DocEvent, DocumentSnapshot, Lang, Paragraph } from '../../../../shared/index.js';

/** What became of an event offered to the copy. */
export type Applied = 'applied' | 'old' | 'held' | 'gap' | 'mismatch';

/**
 * The client's copy of one document, kept in seq order with the shared
 * reducer: events it already has are ignored, events that come before the
 * first snapshot or ahead of a gap are held until they follow on (the caller
 * asks the server for what is missing),
 * and a copy an event no longer fits is kept on screen until a snapshot
 * replaces it. Cell lookups are O(1) for search over thousands of paragraphs.
 */
export class DocCopy {
  doc: DocumentSnapshot | null = null;
  private early = new Map<number, DocEvent>();
  private index: { doc: DocumentSnapshot; seq: number; byId: Map<string, Paragraph> } | undefined;

  /** A snapshot replaces the copy; held events it covers are dropped. */
  replace(doc: DocumentSnapshot): void {
    this.doc = doc;
    for (const seq of [...this.early.keys()]) if (seq <= doc.seq) this.early.delete(seq);
  }

  apply(ev: DocEvent): Applied {
    const doc = this.doc;
    if (!doc) {
      // Before the first snapshot (the join's ack may come after events broadcast meanwhile): held for it.
      this.early.set(ev.seq, ev);
      return 'held';
    }
    if (ev.seq <= doc.seq) return 'old';
    if (ev.seq > doc.seq + 1) {
      this.early.set(ev.seq, ev);
      return 'gap';
    }
    try {
      applyEvent(doc, ev);
      return 'applied';
    } catch (err) {
      if (!(err instanceof EventMismatchError)) throw err;
      this.early.clear();
      return 'mismatch';
    }
  }

  /** A held event that now follows on, taken out of the hold. */
  next(): DocEvent | undefined {
    const ev = this.doc ? this.early.get(this.doc.seq + 1) : undefined;
    if (ev) this.early.delete(ev.seq);
    return ev;
  }

  cell(paragraphId: string, lang: Lang): Cell | undefined {
    const doc = this.doc;
    if (!doc) return undefined;
    // Every structural change bumps seq, so (doc, seq) identifies the paragraph order.
    if (this.index?.doc !== doc || this.index.seq !== doc.seq) {
      this.index = { doc, seq: doc.seq, byId: new Map(doc.paragraphs.map((p) => [p.id, p])) };
    }
    return this.index.byId.get(paragraphId)?.cells[lang];
  }
}

/** Events that change cells or comments only: everything else (paragraphs, settings, the document itself) is layout. */
const CELL_EVENTS: ReadonlySet<DocEvent['type']> = new Set([
  'cell.edited',
  'cell.conflicted',
  'cell.status',
  'comment.added',
  'comment.resolved',
]);

export function changesLayout(ev: DocEvent): boolean {
  return !CELL_EVENTS.has(ev.type);
}
