import { describe, expect, it } from 'vitest';
import { applyEvent, documentFromCreated, EventMismatchError } from './reducer.js';
import type { ReducibleDoc } from './reducer.js';
import type { DocEvent, DocEventBody } from './events.js';
import { commentsForCell } from './review.js';
import { emptyCell } from './types.js';

function created(): ReducibleDoc {
  const ev = {
    docId: 'd1',
    seq: 1,
    at: '2026-01-01T00:00:00.000Z',
    by: 'u1',
    opId: null,
    type: 'document.created' as const,
    doc: {
      id: 'd1',
      title: 'T',
      sourceLang: 'en' as const,
      targetLangs: ['kk' as const, 'ru' as const],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'u1',
      paragraphs: [
        { id: 'p0', cells: { en: { ...emptyCell(), text: 'Hello.', rev: 1, status: 'draft' as const }, kk: emptyCell(), ru: emptyCell() } },
      ],
    },
  };
  return documentFromCreated(ev, true);
}

function ev(doc: ReducibleDoc, body: DocEventBody, by = 'u2'): DocEvent {
  return { docId: doc.id, seq: doc.seq + 1, at: `2026-01-02T00:00:0${doc.seq}.000Z`, by, opId: null, ...body };
}

describe('review events in the reducer', () => {
  it('adds comments with author and time, resolves and reopens them', () => {
    const doc = created();
    applyEvent(doc, ev(doc, { type: 'comment.added', commentId: 'c1', paragraphId: 'p0', lang: 'kk', text: '@li look', mentions: ['u3'] }));
    applyEvent(doc, ev(doc, { type: 'comment.resolved', commentId: 'c1', resolved: true }, 'u3'));
    expect(doc.comments).toEqual([
      {
        id: 'c1',
        paragraphId: 'p0',
        lang: 'kk',
        text: '@li look',
        mentions: ['u3'],
        author: 'u2',
        at: '2026-01-02T00:00:01.000Z',
        resolved: true,
        resolvedBy: 'u3',
        resolvedAt: '2026-01-02T00:00:02.000Z',
      },
    ]);
    applyEvent(doc, ev(doc, { type: 'comment.resolved', commentId: 'c1', resolved: false }));
    expect(doc.comments?.[0]).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
    expect(doc.seq).toBe(4);
  });

  it('shows a source-row comment in every language of that row, a cell comment only in its cell', () => {
    const doc = created();
    applyEvent(
      doc,
      ev(doc, { type: 'comment.added', commentId: 'src', paragraphId: 'p0', lang: 'en', text: 'Is “summit” right?', mentions: [] }),
    );
    applyEvent(doc, ev(doc, { type: 'comment.added', commentId: 'kk1', paragraphId: 'p0', lang: 'kk', text: 'Түзету', mentions: [] }));
    expect(commentsForCell(doc, 'p0', 'ru').map((c) => c.id)).toEqual(['src']);
    expect(commentsForCell(doc, 'p0', 'kk').map((c) => c.id)).toEqual(['src', 'kk1']);
    expect(commentsForCell(doc, 'p1', 'kk')).toEqual([]);
  });

  it('records settings, and gives the same document on replay', () => {
    const events: DocEvent[] = [];
    const doc = created();
    for (const body of [
      { type: 'document.settings', settings: { allowSelfApproval: true } },
      { type: 'comment.added', commentId: 'c1', paragraphId: 'p0', lang: 'ru', text: 'x', mentions: [] },
    ] as DocEventBody[]) {
      const e = ev(doc, body);
      events.push(e);
      applyEvent(doc, e);
    }
    expect(doc.settings).toEqual({ allowSelfApproval: true });
    const again = created();
    for (const e of events) applyEvent(again, e);
    expect(again).toEqual(doc);
  });

  it('throws on events that do not fit: unknown comment, repeated id, language not in the document', () => {
    const doc = created();
    expect(() => applyEvent(doc, ev(doc, { type: 'comment.resolved', commentId: 'nope', resolved: true }))).toThrow(EventMismatchError);
    expect(() =>
      applyEvent(doc, ev(doc, { type: 'comment.added', commentId: 'c', paragraphId: 'p0', lang: 'zh', text: 'x', mentions: [] })),
    ).toThrow(EventMismatchError);
    applyEvent(doc, ev(doc, { type: 'comment.added', commentId: 'c', paragraphId: 'p0', lang: 'kk', text: 'x', mentions: [] }));
    expect(() =>
      applyEvent(doc, ev(doc, { type: 'comment.added', commentId: 'c', paragraphId: 'p0', lang: 'kk', text: 'y', mentions: [] })),
    ).toThrow(EventMismatchError);
  });
});
