import { describe, expect, it } from 'vitest';
import { checkGlossary, findTerm } from './glossary.js';
import { glossarySchema } from './glossarySchema.js';
import type { Glossary } from './types.js';

const glossary: Glossary = {
  terms: [
    {
      en: 'Shanghai Cooperation Organization',
      ru: 'Шанхайская организация сотрудничества',
      kk: 'Шанхай ынтымақтастық ұйымы',
      uz: 'Shanxay hamkorlik tashkiloti',
      zh: '上海合作组织',
      note: 'Official names, as on the organisation’s site',
      forbidden: [{ lang: 'ru', text: 'Шанхайская организация кооперации' }],
    },
    { en: 'Kazakhstan', kk: 'Қазақстан', uz: 'Qozogʻiston', forbidden: [{ lang: 'kk', text: 'Казахстан' }] },
  ],
};

describe('findTerm', () => {
  it('finds inflected forms in Russian, Kazakh and Uzbek and returns ranges in the original text', () => {
    const ru = 'Лидеры встретились в рамках Шанхайской организации сотрудничества.';
    const [r] = findTerm(ru, 'Шанхайская организация сотрудничества', 'ru');
    expect(r && ru.slice(r.start, r.end)).toBe('Шанхайской организации сотрудничества');
    expect(findTerm('Қазақстанның Президенті', 'Қазақстан', 'kk')).toHaveLength(1);
    // Plain apostrophe in the text, ʻ in the glossary: the same word once folded.
    expect(findTerm("Qozog'istonda sammit bo'ldi", 'Qozogʻiston', 'uz')).toHaveLength(1);
    expect(findTerm('在上海合作组织框架内', '上海合作组织', 'zh')).toHaveLength(1);
  });

  it('does not match inside another word or a different word', () => {
    expect(findTerm('Kazakhstani exports', 'Kazakhstan', 'en')).toEqual([]);
    expect(findTerm('Организация Объединённых Наций', 'Шанхайская организация сотрудничества', 'ru')).toEqual([]);
  });
});

describe('checkGlossary', () => {
  const source = 'The Shanghai Cooperation Organization met in Kazakhstan.';

  it('accepts the glossary translation, inflected', () => {
    expect(
      checkGlossary({
        source,
        target: 'Шанхай ынтымақтастық ұйымының отырысы Қазақстанда өтті.',
        sourceLang: 'en',
        targetLang: 'kk',
        glossary,
      }),
    ).toEqual([]);
  });

  it('reports a term not used, with the expected translation and the note', () => {
    const f = checkGlossary({ source, target: 'ШОС провела заседание в Казахстане.', sourceLang: 'en', targetLang: 'ru', glossary });
    expect(f.map((x) => [x.check, x.severity, x.params.expected])).toEqual([
      ['glossary_missing', 'warning', 'Шанхайская организация сотрудничества'],
    ]);
    expect(f[0]?.params.note).toBe('Official names, as on the organisation’s site');
  });

  it('reports a forbidden variant as an error with its range', () => {
    const target = 'Шанхай ынтымақтастық ұйымы Казахстанда жиналды.';
    const f = checkGlossary({ source, target, sourceLang: 'en', targetLang: 'kk', glossary });
    expect(f.map((x) => [x.check, x.severity])).toEqual([
      ['glossary_missing', 'warning'],
      ['glossary_forbidden', 'error'],
    ]);
    const r = f[1]?.ranges[0];
    expect(r && target.slice(r.start, r.end)).toBe('Казахстанда');
  });

  it('does nothing without a glossary', () => {
    expect(checkGlossary({ source, target: 'x', sourceLang: 'en', targetLang: 'ru' })).toEqual([]);
  });
});

describe('glossarySchema', () => {
  it('accepts the documented shape and rejects a bad language', () => {
    expect(glossarySchema.safeParse(glossary).success).toBe(true);
    const bad = glossarySchema.safeParse({ terms: [{ en: 'x', forbidden: [{ lang: 'de', text: 'y' }] }] });
    expect(bad.success).toBe(false);
  });
});
