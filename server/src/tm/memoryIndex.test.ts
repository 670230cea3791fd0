import { describe, expect, it } from 'vitest';
import { MAX_FUZZY_LENGTH, MemoryIndex } from './memoryIndex.js';
import type { UnitInput } from './memoryIndex.js';
import { diffWords, graphemeDistance, ratioScore } from './score.js';
import { graphemes } from '../../../shared/domain/text.js';

const unit = (id: string, texts: UnitInput['texts'], at = '2026-01-01T00:00:00Z'): UnitInput => ({
  id,
  origin: 'tmx',
  docId: null,
  paragraphId: null,
  texts,
  at,
});

describe('grapheme edit distance and score', () => {
  it('counts a Kazakh letter, a Chinese character and an emoji flag as one unit each', () => {
    expect(graphemeDistance(graphemes('қала'), graphemes('кала'))).toBe(1);
    expect(graphemeDistance(graphemes('上海合作组织'), graphemes('上海组织'))).toBe(2);
    expect(graphemeDistance(graphemes('a🇰🇿b'), graphemes('ab'))).toBe(1);
    expect(ratioScore(graphemes('abcd'), graphemes('abce'))).toBe(75);
  });

  it('agrees with the unbounded distance whenever the bound is not exceeded', () => {
    const words = ['summit', 'summits', 'sumit', 'smmit', 'summit held', 'held summit', '', 's'];
    for (const a of words) {
      for (const b of words) {
        const full = graphemeDistance([...a], [...b]);
        for (const bound of [0, 1, 2, 3, 5, 20]) {
          const bounded = graphemeDistance([...a], [...b], bound);
          expect(bounded).toBe(full <= bound ? full : bound + 1);
        }
      }
    }
  });

  it('diffs by words and keeps every character of both texts', () => {
    const parts = diffWords('The third summit was held in Astana.', 'The second summit was held in Almaty.');
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe('The third summit was held in Astana.');
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe('The second summit was held in Almaty.');
    expect(parts).toContainEqual({ op: 'delete', text: 'third' });
    expect(parts).toContainEqual({ op: 'insert', text: 'Almaty' });
  });
});

describe('MemoryIndex', () => {
  it('ranks the closest entry first and scores identical text 100, a case-only difference 99', () => {
    const idx = new MemoryIndex();
    idx.upsert(unit('a', { en: 'The summit was held in Astana on 3 July.', ru: 'Саммит прошёл в Астане 3 июля.' }));
    idx.upsert(unit('b', { en: 'The summit was held in Tashkent last year.', ru: 'Саммит прошёл в Ташкенте в прошлом году.' }));
    idx.upsert(unit('c', { en: 'Completely unrelated sentence about water.', ru: 'Про воду.' }));
    const hits = idx.lookup('The summit was held in Astana on 4 July.', 'en', { minScore: 50, limit: 3 });
    expect(hits.map((h) => h.unit.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBe(97);
    expect(idx.lookup('The summit was held in Astana on 3 July.', 'en', { minScore: 50, limit: 1 })[0]!.score).toBe(100);
    expect(idx.lookup('the summit was held in astana on 3 july.', 'en', { minScore: 50, limit: 1 })[0]!.score).toBe(99);
  });

  it('matches Uzbek whatever apostrophe was typed, and Russian ё as е', () => {
    const idx = new MemoryIndex();
    idx.upsert(unit('u', { uz: 'Toʻgʻri yoʻl.', en: 'The right way.' }));
    idx.upsert(unit('r', { ru: 'Ещё всё решено.', en: 'All is decided.' }));
    expect(idx.exactMatches("To'g'ri yo'l.", 'uz').map((u) => u.id)).toEqual(['u']);
    expect(idx.lookup('Еще все решено.', 'ru', { minScore: 50, limit: 1 })[0]).toMatchObject({ score: 99 });
  });

  it('honours accept, replaces changed texts and forgets removed units', () => {
    const idx = new MemoryIndex();
    idx.upsert(unit('a', { en: 'Prices of bread went up.', ru: 'Цены на хлеб выросли.' }));
    idx.upsert(unit('b', { en: 'Prices of bread went up.', kk: 'Нан бағасы өсті.' }));
    expect(
      idx
        .lookup('Prices of bread went up.', 'en', { minScore: 50, limit: 5, accept: (u) => u.texts.kk !== undefined })
        .map((h) => h.unit.id),
    ).toEqual(['b']);
    idx.upsert(unit('a', { en: 'Prices of milk went down.', ru: 'Цены на молоко упали.' }));
    expect(idx.exactMatches('Prices of bread went up.', 'en').map((u) => u.id)).toEqual(['b']);
    idx.upsert(unit('b', { en: 'Prices of bread went up.' }));
    expect(idx.size).toBe(1);
    idx.remove('a');
    expect(idx.lookup('Prices of milk went down.', 'en', { minScore: 50, limit: 5 })).toEqual([]);
  });

  it('stays correct across compaction of many replaced texts', () => {
    const idx = new MemoryIndex();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 800; i++)
        idx.upsert(unit(`u${i}`, { en: `Sentence number ${i} of round ${round}.`, zh: `第${round}轮第${i}句。` }));
      // Packed lists must keep working when the memory changes afterwards.
      idx.freeze();
    }
    idx.upsert(unit('late', { en: 'Sentence number 5 of round 9.', zh: '第9轮第5句。' }));
    expect(idx.lookup('Sentence number 5 of round 9!', 'en', { minScore: 90, limit: 1 })[0]?.unit.id).toBe('late');
    idx.remove('late');
    expect(idx.size).toBe(800);
    expect(idx.exactMatches('Sentence number 5 of round 2.', 'en').map((u) => u.id)).toEqual(['u5']);
    expect(idx.exactMatches('Sentence number 5 of round 1.', 'en')).toEqual([]);
    expect(idx.lookup('第2轮第77句。', 'zh', { minScore: 90, limit: 1 })[0]?.unit.id).toBe('u77');
  });

  it('finds phrases for the concordance in one language or all, inside words too', () => {
    const idx = new MemoryIndex();
    idx.upsert(unit('a', { en: 'Water reservoirs are full.', kk: 'Су қоймалары толы.' }));
    idx.upsert(unit('b', { en: 'The reservoir leaked.', ru: 'Водохранилище протекло.' }));
    expect(
      idx
        .search('reservoir', ['en'], 10)
        .map((h) => h.unit.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(idx.search('ҚОЙМА', ['en', 'kk', 'ru'], 10)).toEqual([expect.objectContaining({ lang: 'kk' })]);
    expect(idx.search('хран', ['ru'], 10).map((h) => h.unit.id)).toEqual(['b']);
    expect(idx.search('re', ['en'], 1)).toHaveLength(1);
  });

  it('offers only the same text for paragraphs too long for edit distance', () => {
    const idx = new MemoryIndex();
    const long = 'word '.repeat(MAX_FUZZY_LENGTH / 4).trim();
    idx.upsert(unit('long', { en: long, ru: 'длинный' }));
    idx.upsert(unit('near', { en: `${long} more`, ru: 'почти' }));
    expect(idx.lookup(long, 'en', { minScore: 50, limit: 3 }).map((h) => [h.unit.id, h.score])).toEqual([['long', 100]]);
  });
});
