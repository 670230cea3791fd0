import { merge3 } from '../../../../shared/merge/merge3.js';
import type { Lang } from '../../../../shared/index.js';
import { newOpId } from './outbox.js';
import type { OutboxEntry } from './outbox.js';

/**
 * What the person's own actions make of a cell's outbox entry. Pure (apart
 * from fresh op ids and the clock): the sync engine stores, sends and
 * re-renders.
 */

/** A cell as the engine knows it: the newest revision it has (acked or in the document) and its text. */
export interface KnownCell {
  docId: string;
  paragraphId: string;
  lang: Lang;
  rev: number;
  text: string;
}

/** Typing: the entry with the new text, or null when there is nothing to keep (the text is the cell's own). */
export function typedEntry(prev: OutboxEntry | undefined, text: string, cell: KnownCell): OutboxEntry | null {
  if (prev) {
    // An op id names one text: once sent, further typing is a new operation.
    const onWire = prev.sent?.opId === prev.opId;
    const next = { ...prev, text, opId: onWire ? newOpId() : prev.opId, updatedAt: Date.now() };
    return prev.state === 'failed' ? { ...next, state: 'pending', error: undefined, attempts: 0 } : next;
  }
  if (text === cell.text) return null;
  return {
    docId: cell.docId,
    paragraphId: cell.paragraphId,
    lang: cell.lang,
    opId: newOpId(),
    baseRev: cell.rev,
    baseText: cell.text,
    text,
    state: 'pending',
    attempts: 0,
    updatedAt: Date.now(),
  };
}

/**
 * The end of an input-method composition that started on `base` and
 * committed `committed`, while the saved text moved to `under` meanwhile: the
 * text to type (both merged three ways), or — both changed the same span — a
 * clash between the committed text and the cell as the server has it.
 */
export function composedEntry(
  base: string,
  under: string,
  committed: string,
  prev: OutboxEntry | undefined,
  cell: KnownCell,
): { text: string } | { clash: OutboxEntry } {
  const merged = under === base ? { ok: true as const, text: committed } : merge3(base, under, committed);
  if (merged.ok) return { text: merged.text };
  const where = { docId: cell.docId, paragraphId: cell.paragraphId, lang: cell.lang };
  return {
    clash: {
      // A new op id: the committed text is not what any earlier op of this cell carried (one may be on the wire).
      ...(prev ?? { ...where, attempts: 0 }),
      opId: newOpId(),
      text: committed,
      state: 'conflict',
      theirs: cell.text,
      theirsRev: cell.rev,
      baseRev: cell.rev,
      baseText: cell.text,
      updatedAt: Date.now(),
    },
  };
}

/** "Use mine" or "Use combined text": a plain edit of the chosen text on their revision. */
export function resolvedEntry(e: OutboxEntry, text: string, cell: { rev: number; text: string } | undefined): OutboxEntry {
  const base = { baseRev: e.theirsRev ?? cell?.rev ?? e.baseRev, baseText: e.theirs ?? cell?.text ?? e.baseText };
  return { ...e, ...base, text, state: 'pending', opId: newOpId(), theirs: undefined, theirsRev: undefined, attempts: 0 };
}

/** "Keep theirs": the given-up text as an entry of its own, on its way to the cell's history (cell:keepTheirs). */
export function keepEntryOf(e: OutboxEntry): OutboxEntry {
  return {
    docId: e.docId,
    paragraphId: e.paragraphId,
    lang: e.lang,
    kind: 'keep',
    opId: newOpId(),
    baseRev: e.theirsRev ?? e.baseRev,
    baseText: e.theirs ?? e.baseText,
    text: e.text,
    state: 'pending',
    attempts: 0,
    updatedAt: Date.now(),
  };
}
