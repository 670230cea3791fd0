import { describe, expect, it } from 'vitest';
import { applyEvent, documentFromCreated } from '../index.js';
import type { CellEditPayload, DocEvent, DocumentState } from '../index.js';
import { decideCreate } from './decideCreate.js';
import { decideCellEdit } from './decideCell.js';
import { decideKeepTheirs } from './decideKeepTheirs.js';

function docWith(paragraphs: string[]): DocumentState {
  let n = 0;
  const at = '2026-01-01T00:00:00.000Z';
  const ev: DocEvent = {
    ...decideCreate(
      { title: 't', sourceLang: 'en', targetLangs: ['zh', 'ru'], paragraphs },
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

/** Decides and applies, as the service does. */
function edit(doc: DocumentState, input: Omit<CellEditPayload, 'docId' | 'opId'>) {
  const d = decideCellEdit(doc, { docId: doc.id, opId: `op-${doc.seq}-xxxx`, ...input });
  for (const body of d.bodies) applyEvent(doc, { ...body, docId: doc.id, seq: doc.seq + 1, at: 'now', by: 'u', opId: null });
  return { bodies: d.bodies, ack: d.finish(doc, doc.seq) };
}

describe('decideCellEdit', () => {
  it('applies an edit on the current revision as the next one, in draft', () => {
    const doc = docWith(['Hello.']);
    const { ack } = edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 0, text: '你好。' });
    expect(ack).toEqual({ outcome: 'applied', seq: 2, rev: 1, text: '你好。', status: 'draft' });
  });

  it('merges a stale edit on graphemes, and records it as a merge', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 0, text: '你好。' });
    edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 1, text: '你好。世界。' });
    const { ack, bodies } = edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 1, text: '朋友，你好。' });
    expect(ack).toMatchObject({ outcome: 'merged', rev: 3, text: '朋友，你好。世界。' });
    expect(bodies[0]).toMatchObject({ type: 'cell.edited', kind: 'merge' });
  });

  it('keeps the current text on a same-span clash and records the loser', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 0, text: 'Привет.' });
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 1, text: 'Здравствуйте.' });
    const { ack } = edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 1, text: 'Салют.' });
    expect(ack).toEqual({ outcome: 'conflict', seq: 4, rev: 2, text: 'Здравствуйте.', status: 'draft', yours: 'Салют.' });
    expect(doc.history['p0:ru']?.at(-1)).toMatchObject({ kind: 'conflict', rev: 2, text: 'Салют.' });
  });

  it('writes nothing for a text equal to the current one, stale or not', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 0, text: '你好' });
    expect(edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 1, text: '你好' }).bodies).toEqual([]);
    // A stale edit that re-sends its base is "no change from my side".
    expect(edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 0, text: '' }).ack.outcome).toBe('unchanged');
  });

  it('sends an approved cell back to draft and keeps the approved text', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 0, text: '你好' });
    applyEvent(doc, {
      type: 'cell.status',
      paragraphId: 'p0',
      lang: 'zh',
      status: 'approved',
      rev: 1,
      docId: 'd1',
      seq: doc.seq + 1,
      at: 'now',
      by: 'r',
      opId: null,
    });
    const { ack } = edit(doc, { paragraphId: 'p0', lang: 'zh', baseRev: 1, text: '您好' });
    expect(ack.status).toBe('draft');
    expect(doc.paragraphs[0]?.cells.zh).toMatchObject({ approvedRev: 1, approvedText: '你好' });
  });

  it('refuses unknown paragraphs and languages, future revisions and oversize text', () => {
    const doc = docWith(['Hello.']);
    const base = { docId: 'd1', opId: 'op-refused', paragraphId: 'p0', lang: 'zh' as const, baseRev: 0, text: 'x' };
    expect(() => decideCellEdit(doc, { ...base, paragraphId: 'nope' })).toThrow(expect.objectContaining({ code: 'paragraph_not_found' }));
    expect(() => decideCellEdit(doc, { ...base, lang: 'kk' })).toThrow(expect.objectContaining({ code: 'language_not_in_document' }));
    expect(() => decideCellEdit(doc, { ...base, baseRev: 1 })).toThrow(expect.objectContaining({ code: 'bad_revision' }));
    expect(() => decideCellEdit(doc, { ...base, text: 'я'.repeat(40_000) })).toThrow(expect.objectContaining({ code: 'text_too_long' }));
  });
});

describe('decideKeepTheirs', () => {
  const keep = (doc: DocumentState, rev: number, text: string) => {
    const d = decideKeepTheirs(doc, { docId: doc.id, opId: 'op-keep-0001', paragraphId: 'p0', lang: 'ru', rev, text });
    for (const body of d.bodies) applyEvent(doc, { ...body, docId: doc.id, seq: doc.seq + 1, at: 'now', by: 'u2', opId: 'op-keep-0001' });
    return { bodies: d.bodies, ack: d.finish(doc, doc.seq) };
  };

  it('keeps the cell as it is and records the given-up text as a conflict revision at the current revision', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 0, text: 'Привет.' });
    const { ack, bodies } = keep(doc, 1, 'Салют, мир.');
    expect(bodies).toEqual([{ type: 'cell.conflicted', paragraphId: 'p0', lang: 'ru', text: 'Салют, мир.', rev: 1 }]);
    expect(ack).toEqual({ outcome: 'conflict', seq: 3, rev: 1, text: 'Привет.', status: 'draft', yours: 'Салют, мир.' });
    expect(doc.paragraphs[0]?.cells.ru).toMatchObject({ text: 'Привет.', rev: 1 });
    expect(doc.history['p0:ru']?.at(-1)).toMatchObject({ kind: 'conflict', rev: 1, text: 'Салют, мир.', author: 'u2' });
  });

  it('records at the newest revision even when the cell moved on since the user saw it', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 0, text: 'Привет.' });
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 1, text: 'Привет всем.' });
    expect(keep(doc, 1, 'Салют.').ack).toMatchObject({ outcome: 'conflict', rev: 2, text: 'Привет всем.' });
  });

  it('writes nothing when the text is already in the history or is the current text', () => {
    const doc = docWith(['Hello.']);
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 0, text: 'Привет.' });
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 1, text: 'Здравствуйте.' });
    edit(doc, { paragraphId: 'p0', lang: 'ru', baseRev: 1, text: 'Салют.' }); // the server's own clash record
    expect(keep(doc, 2, 'Салют.')).toMatchObject({ bodies: [], ack: { outcome: 'unchanged', rev: 2, text: 'Здравствуйте.' } });
    expect(keep(doc, 2, 'Привет.').bodies).toEqual([]);
    expect(keep(doc, 2, 'Здравствуйте.').bodies).toEqual([]);
  });

  it('refuses a revision the cell never had, unknown cells and oversize text', () => {
    const doc = docWith(['Hello.']);
    const base = { docId: 'd1', opId: 'op-refused', paragraphId: 'p0', lang: 'ru' as const, rev: 0, text: 'x' };
    expect(() => decideKeepTheirs(doc, { ...base, rev: 1 })).toThrow(expect.objectContaining({ code: 'bad_revision' }));
    expect(() => decideKeepTheirs(doc, { ...base, paragraphId: 'nope' })).toThrow(expect.objectContaining({ code: 'paragraph_not_found' }));
    expect(() => decideKeepTheirs(doc, { ...base, lang: 'kk' })).toThrow(expect.objectContaining({ code: 'language_not_in_document' }));
    expect(() => decideKeepTheirs(doc, { ...base, text: 'я'.repeat(40_000) })).toThrow(expect.objectContaining({ code: 'text_too_long' }));
  });
});
