import { describe, expect, it } from 'vitest';
import { applyEvent, documentFromCreated, wordCount } from '../../../../shared/index.js';
import type { DocEvent, DocumentState } from '../../../../shared/index.js';
import { DocEventFactory } from '../../../test/helpers/storageFactories.js';
import { countWordsInSlices, seedWordCounts, summarize } from './summary.js';

function fresh(f: DocEventFactory, paragraphs: number): { doc: DocumentState; created: DocEvent } {
  const created = f.created(paragraphs);
  if (created.type !== 'document.created') throw new Error('not a creation');
  const start = documentFromCreated(created, true);
  return { doc: { ...start, history: start.history ?? {} }, created };
}

const enWords = (s: ReturnType<typeof summarize>): number => {
  const ru = s.progress.ru!.words;
  return Object.values(ru).reduce((a, b) => a + b, 0);
};

describe('the summary’s word counts, kept per paragraph', () => {
  it('counted in slices, seeded from elsewhere, or counted on the spot: the same summary', async () => {
    const plain = fresh(new DocEventFactory('d1'), 300).doc;
    const expected = summarize(plain);
    const sliced = fresh(new DocEventFactory('d1'), 300).doc;
    await countWordsInSlices(sliced, 0);
    expect(summarize(sliced)).toEqual(expected);
    const seeded = fresh(new DocEventFactory('d1'), 300).doc;
    seedWordCounts(
      seeded,
      seeded.paragraphs.map((p) => wordCount(p.cells.en?.text ?? '', 'en')),
    );
    expect(summarize(seeded)).toEqual(expected);
    expect(enWords(expected)).toBe(600);
  });

  it('ignores a list of counts that does not fit the document, and counts again a source text that changed', () => {
    const f = new DocEventFactory('d2');
    const { doc } = fresh(f, 3);
    seedWordCounts(doc, [100, 100]);
    expect(enWords(summarize(doc))).toBe(6);
    // Seeded counts stand for the texts they were made from: an edit of the source is counted anew.
    const { doc: other } = fresh(new DocEventFactory('d3'), 3);
    seedWordCounts(other, [2, 2, 2]);
    applyEvent(other, { ...f.edited('p1', 'en', 'Now the first paragraph has seven words.', 2), docId: other.id, seq: other.seq + 1 });
    expect(enWords(summarize(other))).toBe(11);
  });
});
