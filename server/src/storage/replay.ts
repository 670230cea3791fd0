import { applyEvent, documentFromCreated } from '../../../shared/index.js';
import type { DocEvent, DocumentState } from '../../../shared/index.js';

/** Past this many, warnings are counted rather than listed, so a badly damaged journal cannot flood the log. */
const MAX_WARNINGS = 100;

export class Warnings {
  readonly list: string[] = [];
  #dropped = 0;

  add(msg: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(msg);
    else this.#dropped++;
  }

  done(): string[] {
    return this.#dropped > 0 ? [...this.list, `… and ${this.#dropped} more warnings`] : this.list;
  }
}

/** Cheap structural check of a parsed journal line; the journal is ours, so this catches damage, not malice. */
export function looksLikeEvent(v: unknown): v is DocEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<Record<'docId' | 'seq' | 'type', unknown>>;
  return typeof e.docId === 'string' && typeof e.type === 'string' && Number.isSafeInteger(e.seq) && (e.seq as number) > 0;
}

/**
 * Replays journal events on top of snapshots.
 *
 * Idempotent by seq: an event with seq <= doc.seq is already in the document
 * (its snapshot covers it) and is skipped silently; this is what makes it safe
 * for a checkpoint to run while events are still being appended.
 *
 * Damage policy (decided for a translation workbench, where losing later work
 * is worse than a visible hole):
 * - a gap (seq > doc.seq + 1, e.g. a corrupt line was skipped) is warned about
 *   and jumped over: cell edits carry the whole text, so later events restore
 *   most of the state, and dropping every later event of the document would
 *   lose all work since the damage;
 * - an event that no longer fits (EventMismatchError, e.g. an edit of a
 *   paragraph whose insertion was lost), or that throws in any other way, is
 *   skipped with a warning: damage never stops start-up;
 * - events of a document with neither a snapshot nor a `document.created` are
 *   skipped, and warned about once per document unless the document is deleted
 *   later in the journal (then they are simply dead).
 */
export class Replay {
  readonly docs: Map<string, DocumentState>;
  /** Documents deleted by the journal: id → seq of the deleting event. */
  readonly deleted = new Map<string, number>();
  replayed = 0;
  readonly #warnings: Warnings;
  readonly #orphans = new Map<string, number>();

  constructor(docs: Map<string, DocumentState>, warnings: Warnings) {
    this.docs = docs;
    this.#warnings = warnings;
  }

  apply(ev: DocEvent, where: string): void {
    try {
      this.#apply(ev, where);
    } catch (e) {
      // An event that no longer fits (EventMismatchError), or damage that passed the
      // structural check: skip it and keep seq moving so the events after it still line up.
      const doc = this.docs.get(ev.docId);
      if (doc && doc.seq < ev.seq) doc.seq = ev.seq;
      const why = e instanceof Error ? e.message : String(e);
      this.#warnings.add(`${where}: ${ev.type} for document ${ev.docId} seq ${ev.seq} does not fit and was skipped: ${why}`);
    }
  }

  #apply(ev: DocEvent, where: string): void {
    const doc = this.docs.get(ev.docId);
    if (ev.type === 'document.created') {
      if (doc) {
        if (ev.seq > doc.seq) this.#warnings.add(`${where}: document ${ev.docId} created again at seq ${ev.seq}; ignored`);
        return;
      }
      const created = documentFromCreated(ev, true);
      this.docs.set(ev.docId, { ...created, history: created.history ?? {} });
      this.deleted.delete(ev.docId);
      this.replayed++;
      return;
    }
    if (!doc) {
      if (ev.type === 'document.deleted') {
        this.#orphans.delete(ev.docId);
        this.deleted.set(ev.docId, ev.seq);
      } else if (!this.deleted.has(ev.docId)) {
        this.#orphans.set(ev.docId, (this.#orphans.get(ev.docId) ?? 0) + 1);
      }
      return;
    }
    if (ev.seq <= doc.seq) return;
    if (ev.seq > doc.seq + 1) {
      this.#warnings.add(`${where}: document ${ev.docId} jumps from seq ${doc.seq} to ${ev.seq}; events in between are lost`);
      doc.seq = ev.seq - 1;
    }
    if (ev.type === 'document.deleted') {
      this.docs.delete(ev.docId);
      this.deleted.set(ev.docId, ev.seq);
      this.replayed++;
      return;
    }
    applyEvent(doc, ev);
    this.replayed++;
  }

  /** Call after the last event. */
  finish(): void {
    for (const [docId, n] of this.#orphans) {
      this.#warnings.add(`${n} journal events for document ${docId}, which has no snapshot and no creation event, were skipped`);
    }
  }
}
