import { docLangs, emptyCell, cellKey } from './types.js';
import type { Cell, DocumentState, Paragraph, Revision, RevisionKind } from './types.js';
import type { DocEvent } from './events.js';
import type { Lang } from '../languages.js';
import { applyReviewEvent } from './reviewReducer.js';

/**
 * A document as the reducer sees it. The server keeps `history`; clients get
 * snapshots without it (history is fetched per cell) and the reducer then
 * simply does not record revisions.
 */
export type ReducibleDoc = Omit<DocumentState, 'history'> & { history?: DocumentState['history'] };

export class EventMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventMismatchError';
  }
}

function findIndex(doc: ReducibleDoc, paragraphId: string): number {
  const i = doc.paragraphs.findIndex((p) => p.id === paragraphId);
  if (i < 0) throw new EventMismatchError(`unknown paragraph ${paragraphId}`);
  return i;
}

function cellOf(doc: ReducibleDoc, p: Paragraph, lang: Lang): Cell {
  let c = p.cells[lang];
  if (!c) {
    if (!docLangs(doc).includes(lang)) throw new EventMismatchError(`language ${lang} is not in document ${doc.id}`);
    c = emptyCell();
    p.cells[lang] = c;
  }
  return c;
}

function record(doc: ReducibleDoc, paragraphId: string, lang: Lang, r: Revision): void {
  if (!doc.history) return;
  const key = cellKey(paragraphId, lang);
  (doc.history[key] ??= []).push(r);
}

/** Sets a cell's text as a new revision; a changed source marks written targets outdated. */
function writeText(
  doc: ReducibleDoc,
  p: Paragraph,
  lang: Lang,
  text: string,
  ev: DocEvent,
  kind: RevisionKind,
  opts: { rev?: number; status?: Cell['status'] } = {},
): void {
  const c = cellOf(doc, p, lang);
  const changed = c.text !== text;
  c.text = text;
  c.rev = opts.rev ?? c.rev + 1;
  c.status = opts.status ?? (text === '' ? 'empty' : 'draft');
  c.updatedBy = ev.by;
  c.updatedAt = ev.at;
  if (lang !== doc.sourceLang) c.outdated = false;
  record(doc, p.id, lang, { rev: c.rev, text, author: ev.by, at: ev.at, kind, status: c.status, opId: ev.opId });
  if (lang === doc.sourceLang && changed) markTargetsOutdated(doc, p);
}

function markTargetsOutdated(doc: ReducibleDoc, p: Paragraph): void {
  for (const l of doc.targetLangs) {
    const t = p.cells[l];
    if (t && t.text !== '') t.outdated = true;
  }
}

function newParagraph(doc: ReducibleDoc, id: string): Paragraph {
  const cells: Paragraph['cells'] = {};
  for (const l of docLangs(doc)) cells[l] = emptyCell();
  return { id, cells };
}

/**
 * Applies one event to a document, in place. Deterministic: the same events in
 * the same order give the same document, on the server and in every client.
 * Throws EventMismatchError when the event does not fit the document (a client
 * then resyncs from a snapshot).
 */
export function applyEvent(doc: ReducibleDoc, ev: DocEvent): void {
  if (ev.seq !== doc.seq + 1) throw new EventMismatchError(`event seq ${ev.seq} does not follow ${doc.seq}`);
  switch (ev.type) {
    case 'document.created':
      throw new EventMismatchError('document.created starts a document; use documentFromCreated');
    case 'document.deleted':
      doc.paragraphs = [];
      break;
    case 'cell.edited': {
      const p = doc.paragraphs[findIndex(doc, ev.paragraphId)]!;
      writeText(doc, p, ev.lang, ev.text, ev, ev.kind, { rev: ev.rev, status: ev.status });
      break;
    }
    case 'cell.conflicted': {
      const p = doc.paragraphs[findIndex(doc, ev.paragraphId)]!;
      const c = cellOf(doc, p, ev.lang);
      record(doc, p.id, ev.lang, {
        rev: ev.rev,
        text: ev.text,
        author: ev.by,
        at: ev.at,
        kind: 'conflict',
        status: c.status,
        opId: ev.opId,
      });
      break;
    }
    case 'cell.status': {
      const p = doc.paragraphs[findIndex(doc, ev.paragraphId)]!;
      const c = cellOf(doc, p, ev.lang);
      if (c.rev !== ev.rev) throw new EventMismatchError(`status for rev ${ev.rev}, cell is at ${c.rev}`);
      c.status = ev.status;
      c.updatedBy = ev.by;
      c.updatedAt = ev.at;
      if (ev.status === 'approved') {
        c.approvedRev = c.rev;
        c.approvedText = c.text;
        c.outdated = false;
      }
      record(doc, p.id, ev.lang, {
        rev: c.rev,
        text: c.text,
        author: ev.by,
        at: ev.at,
        kind: 'status',
        status: c.status,
        opId: ev.opId,
      });
      break;
    }
    case 'paragraph.inserted': {
      const p = newParagraph(doc, ev.paragraphId);
      doc.paragraphs.splice(Math.max(0, Math.min(ev.index, doc.paragraphs.length)), 0, p);
      if (ev.text !== '') writeText(doc, p, doc.sourceLang, ev.text, ev, 'edit');
      break;
    }
    case 'paragraph.deleted':
      doc.paragraphs.splice(findIndex(doc, ev.paragraphId), 1);
      break;
    case 'paragraph.split': {
      const i = findIndex(doc, ev.paragraphId);
      const first = doc.paragraphs[i]!;
      const second = newParagraph(doc, ev.newParagraphId);
      doc.paragraphs.splice(i + 1, 0, second);
      writeText(doc, first, doc.sourceLang, ev.before, ev, 'split');
      if (ev.after !== '') writeText(doc, second, doc.sourceLang, ev.after, ev, 'split');
      // Targets stay whole in the first half (marked outdated above): nothing is dropped,
      // and the translator moves the tail over by hand.
      break;
    }
    case 'paragraph.joined': {
      const i = findIndex(doc, ev.paragraphId);
      const next = doc.paragraphs[i + 1];
      if (!next || next.id !== ev.nextParagraphId) throw new EventMismatchError('joined paragraphs are not adjacent');
      const first = doc.paragraphs[i]!;
      for (const lang of docLangs(doc)) {
        const text = ev.texts[lang];
        if (text === undefined || text === cellOf(doc, first, lang).text) continue;
        writeText(doc, first, lang, text, ev, 'join');
      }
      doc.paragraphs.splice(i + 1, 1);
      break;
    }
    case 'document.settings':
    case 'comment.added':
    case 'comment.resolved':
      applyReviewEvent(doc, ev);
      break;
  }
  doc.seq = ev.seq;
  doc.updatedAt = ev.at;
}

function copyParagraph(p: Paragraph): Paragraph {
  const cells: Paragraph['cells'] = {};
  for (const [lang, cell] of Object.entries(p.cells) as [Lang, Cell][]) cells[lang] = { ...cell };
  return { id: p.id, cells };
}

/** The document a `document.created` event starts. */
export function documentFromCreated(ev: DocEvent & { type: 'document.created' }, withHistory: boolean): ReducibleDoc {
  // The document must share nothing with the event (the event is kept for catch-up, the document
  // changes). Paragraphs are copied by hand: cells are flat, and structuredClone of the 19,000
  // paragraphs of a document made from a 16 MB file takes several times as long.
  const { paragraphs, ...rest } = ev.doc;
  const doc: ReducibleDoc = {
    ...structuredClone(rest),
    paragraphs: paragraphs.map(copyParagraph),
    seq: ev.seq,
    updatedAt: ev.at,
  };
  if (withHistory) {
    doc.history = {};
    for (const p of doc.paragraphs) {
      for (const lang of docLangs(doc)) {
        const c = p.cells[lang];
        if (c && c.rev > 0) {
          doc.history[cellKey(p.id, lang)] = [
            { rev: c.rev, text: c.text, author: ev.by, at: ev.at, kind: 'import', status: c.status, opId: ev.opId },
          ];
        }
      }
    }
  }
  return doc;
}
