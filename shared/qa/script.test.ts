import { describe, expect, it } from 'vitest';
import { checkMixedScript, checkUzbekScript } from './script.js';
import { checkKazakhLetters } from './kazakh.js';
import { checkUzbekApostrophes } from './uzbek.js';
import { checkChinesePunctuation } from './chinese.js';
import type { CheckInput } from './types.js';
import type { Lang } from '../languages.js';

function t(target: string, targetLang: Lang): CheckInput {
  return { source: '', target, sourceLang: 'en', targetLang };
}

describe('checkMixedScript', () => {
  it('finds a Latin look-alike inside a Russian and a Kazakh word', () => {
    // "Aстана" starts with Latin A; "бiрлестiгi" has Latin i for і.
    const ru = 'Саммит прошёл в Aстане.';
    const [f] = checkMixedScript(t(ru, 'ru'));
    expect(f?.params).toEqual({ word: 'Aстане', letters: 'A' });
    expect(f?.ranges.map((r) => ru.slice(r.start, r.end))).toEqual(['A']);
    const kk = 'Шанхай ынтымақтастық ұйымының бiрлестiгi';
    expect(checkMixedScript(t(kk, 'kk'))[0]?.params.letters).toBe('iii');
  });

  it('finds Cyrillic inside Uzbek and English words', () => {
    expect(checkMixedScript(t('Prezidentі nutq soʻzladi', 'uz'))[0]?.messageKey).toBe('qa.finding.mixed_script_cyrillic');
    expect(checkMixedScript(t('The summit in Аstana', 'en'))[0]?.params.letters).toBe('А');
  });

  it('accepts clean words and whole foreign words (brands, names)', () => {
    expect(checkMixedScript(t('Компания Huawei открыла офис в Астане.', 'ru'))).toEqual([]);
    expect(checkMixedScript(t('Oʻzbekiston Respublikasi Prezidenti', 'uz'))).toEqual([]);
  });
});

describe('checkUzbekScript', () => {
  it('reports Cyrillic words and whole Cyrillic text in an Uzbek Latin cell', () => {
    const mixed = 'Sammit Астанада boʻlib oʻtdi.';
    const [f] = checkUzbekScript(t(mixed, 'uz'));
    expect(f?.messageKey).toBe('qa.finding.uz_script_cyrillic_words');
    expect(f?.ranges.map((r) => mixed.slice(r.start, r.end))).toEqual(['Астанада']);
    expect(checkUzbekScript(t('Ўзбекистон Республикаси Президенти', 'uz'))[0]?.messageKey).toBe('qa.finding.uz_script_cyrillic_text');
  });

  it('accepts Latin Uzbek, and Cyrillic in other languages', () => {
    expect(checkUzbekScript(t('Oʻzbekiston Respublikasi Prezidenti', 'uz'))).toEqual([]);
    expect(checkUzbekScript(t('Республика Узбекистан', 'ru'))).toEqual([]);
  });
});

describe('checkKazakhLetters', () => {
  it('reports a long Kazakh text with none of its own letters', () => {
    const typedOnRussianLayout = 'Казакстан Республикасынын Президенти саммитте сойлеп, ынтымактастыкты дамытуга шакырды.';
    const f = checkKazakhLetters(t(typedOnRussianLayout, 'kk'));
    expect(f.map((x) => x.messageKey)).toEqual(['qa.finding.kk_letters_none', 'qa.finding.kk_letters_words']);
    expect(f[1]?.params.expected).toContain('Қазақстан');
  });

  it('reports known words misspelt even when the rest is right', () => {
    const text = 'Қазақстан жане Өзбекстан ынтымақтастықты дамытады, аким кездесуге катысты.';
    const [f] = checkKazakhLetters(t(text, 'kk'));
    expect(f?.params).toEqual({ words: 'жане, аким, катысты', expected: 'және, әкім, қатысты' });
    expect(f?.ranges.map((r) => text.slice(r.start, r.end))).toEqual(['жане', 'аким', 'катысты']);
  });

  it('accepts proper Kazakh, short names without special letters, and other languages', () => {
    expect(checkKazakhLetters(t('Қазақстан Республикасының Президенті саммитте сөз сөйледі.', 'kk'))).toEqual([]);
    expect(checkKazakhLetters(t('Астана, Алматы', 'kk'))).toEqual([]);
    expect(checkKazakhLetters(t('Казахстан и Узбекистан развивают сотрудничество во всех областях.', 'ru'))).toEqual([]);
  });
});

describe('checkUzbekApostrophes', () => {
  it('reports oʻ/gʻ and the tutuq written with plain apostrophes or backticks', () => {
    const text = "O'zbekiston Respublikasi tog`li hududlarida ta'lim";
    const f = checkUzbekApostrophes(t(text, 'uz'));
    expect(f.map((x) => [x.messageKey, x.params.count])).toEqual([
      ['qa.finding.uz_apostrophe_okina', 2],
      ['qa.finding.uz_apostrophe_tutuq', 1],
    ]);
    expect(f[0]?.ranges.map((r) => r.start)).toEqual([1, 28]);
  });

  it('reports the signs swapped (Oʼzbekiston, taʻlim)', () => {
    expect(checkUzbekApostrophes(t('Oʼzbekiston taʻlim', 'uz')).map((f) => f.messageKey)).toEqual([
      'qa.finding.uz_apostrophe_okina',
      'qa.finding.uz_apostrophe_tutuq',
    ]);
  });

  it('accepts the right signs, also at a word end (togʻ)', () => {
    expect(checkUzbekApostrophes(t('Oʻzbekiston Respublikasi Prezidenti togʻ hududlarida taʼlim sohasini koʻrib chiqdi.', 'uz'))).toEqual(
      [],
    );
  });
});

describe('checkChinesePunctuation', () => {
  it('reports ASCII marks right after Han characters', () => {
    const text = '峰会在阿斯塔纳举行,习近平发表讲话(主旨讲话).';
    const [f] = checkChinesePunctuation(t(text, 'zh'));
    expect(f?.params.found).toBe(', ( ) .');
    expect(f?.params.expected).toBe('， （ ） 。');
    expect(f?.ranges).toHaveLength(4);
  });

  it('leaves decimals, URLs and Latin text inside Chinese alone', () => {
    expect(checkChinesePunctuation(t('贸易额达5.4亿美元，详见https://www.gov.cn/。使用GPS (global).', 'zh'))).toEqual([]);
  });
});
