import { describe, expect, it } from 'vitest';
import { uzCyrillicToLatin, uzLatinToCyrillic } from './uz.js';
import { kkCyrillicToLatin } from './kk.js';
import { canTransliterate, transliterate } from './index.js';
import { checkUzbekScript } from '../qa/script.js';

describe('Uzbek Latin → Cyrillic', () => {
  it('transliterates news phrasing with oʻ, gʻ, sh, ch and capitals', () => {
    expect(uzLatinToCyrillic('Oʻzbekiston Respublikasi Prezidenti Shavkat Mirziyoyev')).toBe(
      'Ўзбекистон Республикаси Президенти Шавкат Мирзиёев',
    );
    expect(uzLatinToCyrillic('Toshkent shahrida choy ichildi, togʻ yoʻli ochildi.')).toBe('Тошкент шаҳрида чой ичилди, тоғ йўли очилди.');
    expect(uzLatinToCyrillic('OʻZBEKISTON SHAHARLARI')).toBe('ЎЗБЕКИСТОН ШАҲАРЛАРИ');
  });

  it('writes э at the start of a word and after a vowel, е elsewhere; ye/yo/yu/ya as one letter', () => {
    expect(uzLatinToCyrillic('Ekonomika va aeroport')).toBe('Экономика ва аэропорт');
    expect(uzLatinToCyrillic('Yevropa yer yoki yurt, yangi')).toBe('Европа ер ёки юрт, янги');
    expect(uzLatinToCyrillic('kelyapti')).toBe('келяпти');
  });

  it('keeps ng as нг, writes ʼ as ъ and reads sʼh as сҳ', () => {
    expect(uzLatinToCyrillic('tong Angliya')).toBe('тонг Англия');
    expect(uzLatinToCyrillic('taʼlim va sanʼat, Isʼhoq')).toBe('таълим ва санъат, Исҳоқ');
  });

  it('reads ts as ц in -tsiya/-tsion loanwords only', () => {
    expect(uzLatinToCyrillic('Rossiya Federatsiyasi, revolyutsion')).toBe('Россия Федерацияси, революцион');
    expect(uzLatinToCyrillic('oʻtsa')).toBe('ўтса');
  });

  it('accepts the apostrophes people type instead of ʻ and ʼ', () => {
    expect(uzLatinToCyrillic("O'zbekiston tog`ida ta'lim")).toBe('Ўзбекистон тоғида таълим');
  });

  it('leaves digits, punctuation and other scripts alone', () => {
    expect(uzLatinToCyrillic('2025-yil, 12 ta hujjat — 中国')).toBe('2025-йил, 12 та ҳужжат — 中国');
  });
});

describe('Uzbek Cyrillic → Latin', () => {
  it('transliterates news phrasing, with Sh in words and SH in capitals', () => {
    expect(uzCyrillicToLatin('Ўзбекистон Республикаси Президенти Шавкат Мирзиёев')).toBe(
      'Oʻzbekiston Respublikasi Prezidenti Shavkat Mirziyoyev',
    );
    expect(uzCyrillicToLatin('ЎЗБЕКИСТОН ШАҲАРЛАРИ')).toBe('OʻZBEKISTON SHAHARLARI');
    expect(uzCyrillicToLatin('Чорвоқ')).toBe('Chorvoq');
  });

  it('writes е as ye at a word start and after vowels, ц as ts after vowels and s elsewhere', () => {
    expect(uzCyrillicToLatin('Европа ер, поэзия, аэропорт')).toBe('Yevropa yer, poeziya, aeroport');
    expect(uzCyrillicToLatin('Россия Федерацияси, цирк, концерт')).toBe('Rossiya Federatsiyasi, sirk, konsert');
  });

  it('handles ъ, ь and сҳ', () => {
    expect(uzCyrillicToLatin('таълим, объект, апрель, Исҳоқ')).toBe('taʼlim, obyekt, aprel, Isʼhoq');
  });

  it('round-trips ordinary Uzbek text', () => {
    const latin = 'Oʻzbekiston Respublikasi Prezidenti Toshkent shahrida yangi taʼlim dasturini maʼqulladi.';
    expect(uzCyrillicToLatin(uzLatinToCyrillic(latin))).toBe(latin);
  });
});

describe('Kazakh Cyrillic → Latin (2021)', () => {
  it('transliterates news phrasing', () => {
    expect(kkCyrillicToLatin('Қазақстан Республикасының Президенті')).toBe('Qazaqstan Respublikasynyñ Prezidentı');
    expect(kkCyrillicToLatin('Шанхай ынтымақтастық ұйымы')).toBe('Şanhai yntymaqtastyq ūiymy');
  });

  it('keeps the three i’s apart: і → ı, и/й → i, ы → y', () => {
    expect(kkCyrillicToLatin('бір кісі үйіне келді')).toBe('bır kısı üiıne keldı');
    expect(kkCyrillicToLatin('Иран Ілияс')).toBe('İran Iliias');
  });

  it('writes capitals the Turkic way (i ↔ İ, ı ↔ I), in words and in words in capitals', () => {
    expect(kkCyrillicToLatin('ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ПРЕЗИДЕНТІ')).toBe('QAZAQSTAN RESPUBLİKASYNYÑ PREZİDENTI');
    expect(kkCyrillicToLatin('Әділ Өскемен Ұлытау Үржар Ғалым Һәм')).toBe('Ädıl Öskemen Ūlytau Ürjar Ğalym Häm');
  });

  it('renders the loanword letters by the published conventions', () => {
    expect(kkCyrillicToLatin('Юрий чемпион, щетка, съезд, Яндекс, цемент')).toBe('İurii çempion, şşetka, sezd, İandeks, tsement');
  });
});

describe('transliterate', () => {
  it('offers Uzbek both ways and Kazakh to Latin, nothing else', () => {
    expect(transliterate('Ўзбекистон', 'uz', 'Latn')).toBe('Oʻzbekiston');
    expect(transliterate('Oʻzbekiston', 'uz', 'Cyrl')).toBe('Ўзбекистон');
    expect(transliterate('Қазақстан', 'kk', 'Latn')).toBe('Qazaqstan');
    expect(canTransliterate('kk', 'Cyrl')).toBe(false);
    expect(transliterate('Москва', 'ru', 'Latn')).toBeNull();
  });

  it('fixes an Uzbek cell with stray Cyrillic words, which the uz_script check then accepts', () => {
    const mixed = 'Sammit Астанада boʻlib oʻtdi, Ўзбекистон делегацияси qatnashdi.';
    const fixed = transliterate(mixed, 'uz', 'Latn') ?? '';
    expect(fixed).toBe('Sammit Astanada boʻlib oʻtdi, Oʻzbekiston delegatsiyasi qatnashdi.');
    expect(checkUzbekScript({ source: '', target: mixed, sourceLang: 'en', targetLang: 'uz' })).toHaveLength(1);
    expect(checkUzbekScript({ source: '', target: fixed, sourceLang: 'en', targetLang: 'uz' })).toEqual([]);
  });
});

describe('Uzbek word list, both ways', () => {
  // Latin and Cyrillic spellings as printed in Uzbek dictionaries and news.
  const words: [string, string][] = [
    ['yangi yil', 'янги йил'],
    ['gʻalaba', 'ғалаба'],
    ['oʻqituvchi', 'ўқитувчи'],
    ['hamkorlik', 'ҳамкорлик'],
    ['xalqaro iqtisodiyot', 'халқаро иқтисодиёт'],
    ['yoshlar yuragi', 'ёшлар юраги'],
    ['maʼlumot, sanʼat, mashʼal', 'маълумот, санъат, машъал'],
    ['sheʼr va shoir', 'шеър ва шоир'],
    ['teatr', 'театр'],
    ['qoʻl, koʻcha, yoʻl, yoʻq', 'қўл, кўча, йўл, йўқ'],
    ['oyoq, qayerda, poyezd', 'оёқ, қаерда, поезд'],
    ['eshik, ertaga', 'эшик, эртага'],
    ['ming, tong, Angliya', 'минг, тонг, Англия'],
    ['iyun, fevral', 'июн, феврал'],
  ];
  it.each(words)('%s ↔ %s', (latin, cyrillic) => {
    expect(uzLatinToCyrillic(latin)).toBe(cyrillic);
    expect(uzCyrillicToLatin(cyrillic)).toBe(latin);
  });
});
