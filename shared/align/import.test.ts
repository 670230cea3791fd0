import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCell } from '../domain/types.js';
import type { Paragraph } from '../domain/types.js';
import { planAlignedImport } from './import.js';

const para = (id: string, en: string): Paragraph => ({
  id,
  cells: { en: { ...emptyCell(), text: en, rev: 1, status: 'draft' }, zh: emptyCell() },
});

const DOC = [
  para('p0', '# China–Central Asia Summit'),
  para('p1', 'The second China–Central Asia Summit was held in Astana on 17 June 2025.'),
  para('p2', 'Trade between China and the five countries reached 540 million dollars in the first quarter, up 12% on a year earlier.'),
  para('p3', 'Leaders signed 58 agreements. They also agreed to open 3 new border crossings by 2027.'),
  para('p4', 'The next summit will be held in China in 2027.'),
];

describe('planAlignedImport', () => {
  it('puts each translated paragraph in its cell, joining a paragraph the translator split', () => {
    const text = [
      '# 中国—中亚峰会',
      '第二届中国—中亚峰会于2025年6月17日在阿斯塔纳举行。',
      '一季度中国与中亚五国贸易额达到5.4亿美元，同比增长12%。',
      '各国领导人签署了58项协议。',
      '他们还同意在2027年前开放3个新的边境口岸。',
      '下一届峰会将于2027年在中国举行。',
    ].join('\n\n');
    const plan = planAlignedImport({ paragraphs: DOC, sourceLang: 'en', lang: 'zh', text });
    expect(plan.edits.map((e) => [e.paragraphId, e.text])).toEqual([
      ['p0', '# 中国—中亚峰会'],
      ['p1', '第二届中国—中亚峰会于2025年6月17日在阿斯塔纳举行。'],
      ['p2', '一季度中国与中亚五国贸易额达到5.4亿美元，同比增长12%。'],
      ['p3', '各国领导人签署了58项协议。他们还同意在2027年前开放3个新的边境口岸。'],
      ['p4', '下一届峰会将于2027年在中国举行。'],
    ]);
    expect(plan.edits.every((e) => e.status === 'draft' && e.lang === 'zh')).toBe(true);
  });

  it('leaves an untranslated paragraph alone and keeps an extra one, flagged', () => {
    const text = [
      '# 中国—中亚峰会',
      '第二届中国—中亚峰会于2025年6月17日在阿斯塔纳举行。',
      '（译者注：本文为节选。）',
      '下一届峰会将于2027年在中国举行。',
    ].join('\n\n');
    const plan = planAlignedImport({ paragraphs: DOC, sourceLang: 'en', lang: 'zh', text });
    const all = plan.edits.map((e) => e.text).join('|');
    for (const t of text.split('\n\n')) expect(all).toContain(t);
    expect(plan.edits.find((e) => e.paragraphId === 'p4')?.text).toBe('下一届峰会将于2027年在中国举行。');
    expect(plan.review.length).toBeGreaterThan(0);
  });

  it('skips cells that already hold the text', () => {
    const doc = DOC.map((p) => ({ ...p, cells: { ...p.cells, zh: { ...emptyCell(), text: '下一届峰会将于2027年在中国举行。' } } }));
    const plan = planAlignedImport({ paragraphs: doc.slice(4), sourceLang: 'en', lang: 'zh', text: '下一届峰会将于2027年在中国举行。' });
    expect(plan.edits).toEqual([]);
  });

  it('never drops translated text, whatever the alignment (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/u);
    const paraText = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(paraText, { minLength: 1, maxLength: 12 }), fc.array(paraText, { maxLength: 12 }), (src, trg) => {
        const doc = src.map((t, i) => para(`p${i}`, t));
        const plan = planAlignedImport({ paragraphs: doc, sourceLang: 'en', lang: 'ru', text: trg.join('\n\n') });
        const joined = plan.edits.map((e) => e.text).join('\n');
        for (const t of trg) expect(joined).toContain(t);
        expect(new Set(plan.edits.map((e) => e.paragraphId)).size).toBe(plan.edits.length);
      }),
      { numRuns: 150 },
    );
  });
});
