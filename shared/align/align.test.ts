import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from './align.js';
import type { AlignLink } from './align.js';
import { splitParagraphs } from '../domain/paragraphs.js';
import { paragraphFeatures } from './features.js';

const pairs = (links: AlignLink[]): string[] => links.map((l) => `${l.source.join('+')}-${l.target.join('+')}`);

function coversOnce(links: AlignLink[], n: number, m: number): void {
  expect(links.flatMap((l) => l.source)).toEqual([...Array(n).keys()]);
  expect(links.flatMap((l) => l.target)).toEqual([...Array(m).keys()]);
  for (const l of links) {
    expect(l.source.length + l.target.length).toBeGreaterThan(0);
    expect(l.score).toBeGreaterThanOrEqual(0);
    expect(l.score).toBeLessThanOrEqual(1);
  }
}

const EN = [
  '# China–Central Asia Summit',
  'The second China–Central Asia Summit was held in Astana on 17 June 2025.',
  'Trade between China and the five countries reached 540 million dollars in the first quarter, up 12% on a year earlier.',
  'Leaders signed 58 agreements. They also agreed to open 3 new border crossings by 2027.',
  'The next summit will be held in China in 2027.',
];
const ZH = [
  '# 中国—中亚峰会',
  '第二届中国—中亚峰会于2025年6月17日在阿斯塔纳举行。',
  '一季度中国与中亚五国贸易额达到5.4亿美元，同比增长12%。',
  '各国领导人签署了58项协议。',
  '他们还同意在2027年前开放3个新的边境口岸。',
  '下一届峰会将于2027年在中国举行。',
];

describe('alignParagraphs', () => {
  it('aligns a translation 1–1 and finds a paragraph the translator split in two', () => {
    const links = alignParagraphs(EN, ZH, { sourceLang: 'en', targetLang: 'zh' });
    expect(pairs(links)).toEqual(['0-0', '1-1', '2-2', '3-3+4', '4-5']);
    coversOnce(links, EN.length, ZH.length);
  });

  it('reads numbers locale-aware as anchors: 540 million = 5.4亿 = 540 млн', () => {
    const names = new Map<string, number>();
    const en = paragraphFeatures('Trade reached 540 million dollars in 2024.', 'en', names);
    const zh = paragraphFeatures('2024年贸易额达到5.4亿美元。', 'zh', names);
    const ru = paragraphFeatures('Товарооборот достиг 540 млн долларов в 2024 году.', 'ru', names);
    expect(en.nums.sort()).toEqual(['2024', '540000000']);
    expect(zh.nums.sort()).toEqual(en.nums);
    expect(ru.nums.sort()).toEqual(en.nums);
  });

  it('lets anchors decide which paragraph was left untranslated when lengths cannot', () => {
    const en = [
      'Customs published its annual report on foreign trade on Monday morning.',
      'Exports grew by 17 per cent in 2019 according to customs.',
      'Exports grew by 23 per cent in 2020 according to customs.',
      'The report also covers imports of machinery and of food.',
    ];
    const intro = 'В понедельник утром таможня опубликовала ежегодный отчёт о внешней торговле.';
    const outro = 'Отчёт также охватывает импорт машин и продовольствия.';
    // The model alone: without a shared anchor to link, the guard keeps Gale–Church's merge here (safe.test.ts).
    const opts = { sourceLang: 'en', targetLang: 'ru', model: { guard: false } } as const;
    const only2020 = [intro, 'По данным таможни, в 2020 году экспорт вырос на 23%.', outro];
    expect(pairs(alignParagraphs(en, only2020, opts))).toEqual(['0-0', '1-', '2-1', '3-2']);
    const only2019 = [intro, 'По данным таможни, в 2019 году экспорт вырос на 17%.', outro];
    expect(pairs(alignParagraphs(en, only2019, opts))).toEqual(['0-0', '1-1', '2-', '3-2']);
  });

  it('uses Latin names kept in Cyrillic text as anchors', () => {
    const names = new Map<string, number>();
    const en = paragraphFeatures('The SCO and APEC met; see --help for Nvidia.', 'en', names);
    const kk = paragraphFeatures('ШЫҰ мен APEC кездесті; --help қараңыз, Nvidia.', 'kk', names);
    expect(kk.names.filter((x) => en.names.includes(x))).toHaveLength(3);
  });

  it('handles empty sides', () => {
    expect(alignParagraphs([], [], { sourceLang: 'en', targetLang: 'uz' })).toEqual([]);
    expect(pairs(alignParagraphs(['a b c'], [], { sourceLang: 'en', targetLang: 'uz' }))).toEqual(['0-']);
    expect(pairs(alignParagraphs([], ['x', 'y'], { sourceLang: 'en', targetLang: 'uz' }))).toEqual(['-0', '-1']);
  });

  it('covers every paragraph of both sides exactly once, in order, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 25 }),
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 30 }),
        (s, t, band) => coversOnce(alignParagraphs(s, t, { sourceLang: 'en', targetLang: 'zh', band }), s.length, t.length),
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same alignment with a narrow first band as with the full table', () => {
    const src = Array.from({ length: 120 }, (_, i) => `Paragraph ${i} ${'x'.repeat(20 + ((i * 37) % 90))}.`);
    const trg = src.filter((_, i) => i % 9 !== 4).map((p) => p.replace(/x/gu, 'y'));
    const narrow = alignParagraphs(src, trg, { sourceLang: 'en', targetLang: 'uz', band: 2 });
    const full = alignParagraphs(src, trg, { sourceLang: 'en', targetLang: 'uz', band: 1000 });
    expect(narrow).toEqual(full);
    // The model alone finds every dropped paragraph; the guard keeps Gale–Church's path wherever
    // the numbers there are only contradicted, not linked (safe.ts).
    const model = alignParagraphs(src, trg, { sourceLang: 'en', targetLang: 'uz', band: 2, model: { guard: false } });
    expect(model).toEqual(alignParagraphs(src, trg, { sourceLang: 'en', targetLang: 'uz', band: 1000, model: { guard: false } }));
    expect(model.filter((l) => l.target.length === 0).map((l) => l.source[0])).toEqual(src.map((_, i) => i).filter((i) => i % 9 === 4));
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines, keeping line breaks inside a paragraph', () => {
    expect(splitParagraphs('\uFEFFOne\nstill one\r\n\r\n  \nTwo\n\n\nThree  \n')).toEqual(['One\nstill one', 'Two', 'Three']);
  });
  it('reads a file without blank lines as one paragraph per line', () => {
    expect(splitParagraphs('a\nb\nc\n')).toEqual(['a', 'b', 'c']);
    expect(splitParagraphs('a\nb\n  \nc')).toEqual(['a\nb', 'c']); // a line of spaces is a blank line
    expect(splitParagraphs('a\nb\n\n')).toEqual(['a', 'b']); // trailing blank lines separate nothing
    expect(splitParagraphs('')).toEqual([]);
  });
});

describe('paragraphFeatures', () => {
  it('marks headings and list items, which translators keep in place', () => {
    const names = new Map<string, number>();
    const f = (t: string, lang: 'en' | 'zh' | 'ru' = 'en'): { heading: boolean; list: string | null } => {
      const { heading, list } = paragraphFeatures(t, lang, names);
      return { heading, list };
    };
    expect(f('# Results')).toEqual({ heading: true, list: null });
    expect(f('Results of the summit')).toEqual({ heading: true, list: null });
    expect(f('The summit ended.')).toEqual({ heading: false, list: null });
    expect(f('- first point of a list.')).toEqual({ heading: false, list: '•' });
    expect(f('2) второй пункт.', 'ru')).toEqual({ heading: false, list: '2' });
    expect(f('第二届峰会成果', 'zh')).toEqual({ heading: true, list: null });
  });
});
