import { describe, expect, it } from 'vitest';
import { applyEvent, documentFromCreated } from '../../../../shared/index.js';
import type { DocEvent, DocEventBody, DocumentState } from '../../../../shared/index.js';
import { decideCreate } from '../../../../shared/decide/decideCreate.js';
import { decideBatch } from '../../../../shared/decide/decideReview.js';
import { precheckApprovals } from './precheck.js';

function docWith(paragraphs: string[]): DocumentState {
  let n = 0;
  const at = '2026-01-01T00:00:00.000Z';
  const ev: DocEvent = {
    ...decideCreate(
      { title: 't', sourceLang: 'en', targetLangs: ['ru'], paragraphs },
      { docId: 'd1', paragraphId: () => `p${n++}` },
      'u',
      at,
    ),
    docId: 'd1',
    seq: 1,
    at,
    by: 'u',
    opId: null,
  };
  const d = documentFromCreated(ev, true);
  return { ...d, history: d.history ?? {} };
}

function apply(doc: DocumentState, body: DocEventBody, by = 'translator'): void {
  applyEvent(doc, { ...body, docId: doc.id, seq: doc.seq + 1, at: 'now', by, opId: null });
}

/** Both cells in review with a correct figure. */
function inReview(): DocumentState {
  const doc = docWith(['Trade grew by 12 per cent.', 'Exports reached 540 million.']);
  apply(doc, {
    type: 'cell.edited',
    paragraphId: 'p0',
    lang: 'ru',
    kind: 'edit',
    text: 'Торговля выросла на 12 процентов.',
    rev: 1,
    status: 'draft',
  });
  apply(doc, {
    type: 'cell.edited',
    paragraphId: 'p1',
    lang: 'ru',
    kind: 'edit',
    text: 'Экспорт достиг 540 млн.',
    rev: 1,
    status: 'draft',
  });
  for (const pid of ['p0', 'p1']) apply(doc, { type: 'cell.status', paragraphId: pid, lang: 'ru', status: 'in_review', rev: 1 });
  return doc;
}

describe('precheckApprovals + decideBatch', () => {
  it('approves on the counts worked out beforehand while the texts are the same', async () => {
    const doc = inReview();
    const pre = await precheckApprovals(doc, 'ru', undefined);
    expect([...pre.values()]).toEqual([0, 0]);
    const d = decideBatch(doc, 'ru', 'approve', 'reviewer', undefined, pre);
    expect(d.bodies.map((b) => b.type === 'cell.status' && [b.paragraphId, b.status])).toEqual([
      ['p0', 'approved'],
      ['p1', 'approved'],
    ]);
  });

  it('checks again a cell whose text changed after the precheck, and skips it when it now fails', async () => {
    const doc = inReview();
    const pre = await precheckApprovals(doc, 'ru', undefined);
    // Meanwhile the translator changes the figure (a new revision) and submits again.
    apply(doc, {
      type: 'cell.edited',
      paragraphId: 'p1',
      lang: 'ru',
      kind: 'edit',
      text: 'Экспорт достиг 450 млн.',
      rev: 2,
      status: 'draft',
    });
    apply(doc, { type: 'cell.status', paragraphId: 'p1', lang: 'ru', status: 'in_review', rev: 2 });
    const d = decideBatch(doc, 'ru', 'approve', 'reviewer', undefined, pre);
    expect(d.bodies.map((b) => b.type === 'cell.status' && b.paragraphId)).toEqual(['p0']);
    expect(d.finish(doc, doc.seq).skipped).toEqual([{ paragraphId: 'p1', reason: 'checks_failed' }]);
    // A count taken on a text that no longer exists is never used, even a passing one.
    const stale = new Map([...pre].map(([k]) => [k, 0]));
    expect(decideBatch(doc, 'ru', 'approve', 'reviewer', undefined, stale).bodies).toHaveLength(1);
  });

  it('yields to the event loop between slices on a long document', async () => {
    const doc = docWith(Array.from({ length: 300 }, (_, i) => `Item ${i} costs 5 dollars.`));
    for (const p of doc.paragraphs) {
      apply(doc, { type: 'cell.edited', paragraphId: p.id, lang: 'ru', kind: 'edit', text: 'Стоит 5 долларов.', rev: 1, status: 'draft' });
      apply(doc, { type: 'cell.status', paragraphId: p.id, lang: 'ru', status: 'in_review', rev: 1 });
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const pre = await precheckApprovals(doc, 'ru', undefined, 0); // a zero slice: yield after every cell
      expect(pre.size).toBe(300);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
