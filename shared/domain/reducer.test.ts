import { describe, expect, it } from 'vitest';
import { applyEvent, documentFromCreated, EventMismatchError, type ReducibleDoc } from './reducer.js';
import type { DocEvent, DocEventBody } from './events.js';
import { cellKey, emptyCell } from './types.js';

function created(paragraphs: string[]): ReducibleDoc {
  const ev: DocEvent = {
    docId: 'd1',
    seq: 1,
    at: '2026-01-01T00:00:00.000Z',
    by: 'u1',
    opId: null,
    type: 'document.created',
    doc: {
      id: 'd1',
      title: 'T',
      sourceLang: 'en',
      targetLangs: ['zh', 'ru'],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'u1',
      paragraphs: paragraphs.map((text, i) => ({
        id: `p${i}`,
        cells: { en: { ...emptyCell(), text, rev: 1, status: 'draft' }, zh: emptyCell(), ru: emptyCell() },
      })),
    },
  };
  return documentFromCreated(ev, true);
}

function ev(doc: ReducibleDoc, body: DocEventBody, by = 'u2', opId: string | null = null): DocEvent {
  return { docId: doc.id, seq: doc.seq + 1, at: '2026-01-02T00:00:00.000Z', by, opId, ...body };
}

describe('applyEvent', () => {
  it('records an edit as a new revision and marks written targets outdated when the source changes', () => {
    const doc = created(['Hello.']);
    applyEvent(doc, ev(doc, { type: 'cell.edited', paragraphId: 'p0', lang: 'zh', kind: 'edit', text: '你好。', rev: 1, status: 'draft' }));
    applyEvent(doc, ev(doc, { type: 'cell.edited', paragraphId: 'p0', lang: 'en', kind: 'edit', text: 'Hello!', rev: 2, status: 'draft' }));
    const p = doc.paragraphs[0]!;
    expect(p.cells.zh).toMatchObject({ text: '你好。', rev: 1, outdated: true });
    expect(p.cells.ru).toMatchObject({ text: '', outdated: false });
    expect(doc.history?.[cellKey('p0', 'en')]?.map((r) => r.text)).toEqual(['Hello.', 'Hello!']);
    expect(doc.seq).toBe(3);
  });

  it('keeps the approved text when an approved cell is edited again', () => {
    const doc = created(['Hello.']);
    applyEvent(
      doc,
      ev(doc, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'Привет.', rev: 1, status: 'draft' }),
    );
    applyEvent(doc, ev(doc, { type: 'cell.status', paragraphId: 'p0', lang: 'ru', status: 'approved', rev: 1 }));
    applyEvent(
      doc,
      ev(doc, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'Здравствуйте.', rev: 2, status: 'draft' }),
    );
    expect(doc.paragraphs[0]!.cells.ru).toMatchObject({ text: 'Здравствуйте.', status: 'draft', approvedRev: 1, approvedText: 'Привет.' });
  });

  it('records a conflict in history without touching the cell', () => {
    const doc = created(['Hello.']);
    applyEvent(
      doc,
      ev(doc, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'Привет.', rev: 1, status: 'draft' }),
    );
    applyEvent(doc, ev(doc, { type: 'cell.conflicted', paragraphId: 'p0', lang: 'ru', text: 'Салют.', rev: 1 }, 'u3', 'op-conflict'));
    expect(doc.paragraphs[0]!.cells.ru).toMatchObject({ text: 'Привет.', rev: 1 });
    expect(doc.history?.[cellKey('p0', 'ru')]?.at(-1)).toMatchObject({
      kind: 'conflict',
      text: 'Салют.',
      opId: 'op-conflict',
      author: 'u3',
    });
  });

  it('splits a paragraph keeping all target text in the first half, marked outdated', () => {
    const doc = created(['One. Two.']);
    applyEvent(
      doc,
      ev(doc, { type: 'cell.edited', paragraphId: 'p0', lang: 'zh', kind: 'edit', text: '一。二。', rev: 1, status: 'draft' }),
    );
    applyEvent(doc, ev(doc, { type: 'paragraph.split', paragraphId: 'p0', newParagraphId: 'p9', before: 'One.', after: 'Two.' }));
    expect(doc.paragraphs.map((p) => p.id)).toEqual(['p0', 'p9']);
    expect(doc.paragraphs[0]!.cells.zh).toMatchObject({ text: '一。二。', outdated: true });
    expect(doc.paragraphs[1]!.cells.en).toMatchObject({ text: 'Two.', status: 'draft' });
    expect(doc.paragraphs[1]!.cells.zh).toMatchObject({ text: '', status: 'empty' });
  });

  it('joins two paragraphs with the texts the event carries and removes the second', () => {
    const doc = created(['One.', 'Two.']);
    applyEvent(doc, ev(doc, { type: 'paragraph.joined', paragraphId: 'p0', nextParagraphId: 'p1', texts: { en: 'One. Two.' } }));
    expect(doc.paragraphs).toHaveLength(1);
    expect(doc.paragraphs[0]!.cells.en?.text).toBe('One. Two.');
  });

  it('inserts and deletes paragraphs', () => {
    const doc = created(['One.', 'Two.']);
    applyEvent(doc, ev(doc, { type: 'paragraph.inserted', index: 1, paragraphId: 'px', text: 'Between.' }));
    expect(doc.paragraphs.map((p) => p.cells.en?.text)).toEqual(['One.', 'Between.', 'Two.']);
    applyEvent(doc, ev(doc, { type: 'paragraph.deleted', paragraphId: 'p0' }));
    expect(doc.paragraphs.map((p) => p.id)).toEqual(['px', 'p1']);
  });

  it('refuses events out of sequence or for unknown paragraphs', () => {
    const doc = created(['One.']);
    expect(() => applyEvent(doc, { ...ev(doc, { type: 'paragraph.deleted', paragraphId: 'p0' }), seq: 5 })).toThrow(EventMismatchError);
    expect(() => applyEvent(doc, ev(doc, { type: 'paragraph.deleted', paragraphId: 'nope' }))).toThrow(EventMismatchError);
    expect(doc.paragraphs).toHaveLength(1);
  });

  it('gives the same document when the same events are applied to two copies (determinism)', () => {
    const a = created(['One.', 'Two.']);
    const b = created(['One.', 'Two.']);
    const bodies: DocEventBody[] = [
      { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'Один.', rev: 1, status: 'draft' },
      { type: 'paragraph.split', paragraphId: 'p1', newParagraphId: 'p2', before: 'Tw', after: 'o.' },
      { type: 'paragraph.joined', paragraphId: 'p0', nextParagraphId: 'p1', texts: { en: 'One. Tw' } },
    ];
    for (const body of bodies) {
      const e = ev(a, body);
      applyEvent(a, e);
      applyEvent(b, structuredClone(e));
    }
    expect(a).toEqual(b);
  });
});
