import { describe, expect, it } from 'vitest';
import { extractNumbers, sameNumber } from './numbers.js';
import type { Lang } from '../languages.js';

function values(text: string, lang: Lang): number[] {
  return extractNumbers(text, lang).map((n) => n.value);
}

describe('extractNumbers', () => {
  it('reads English grouping and decimals', () => {
    expect(values('Trade reached 1,234.5 tonnes and 1,000,000 visitors.', 'en')).toEqual([1234.5, 1_000_000]);
  });

  it('reads Russian, Kazakh and Uzbek grouping with plain, no-break and thin spaces and a decimal comma', () => {
    expect(values('Объём составил 1 234,5 тонны.', 'ru')).toEqual([1234.5]);
    expect(values('Көлемі 1\u00A0234,5 тонна.', 'kk')).toEqual([1234.5]);
    expect(values('Hajmi 1\u2009234,5 tonna, 12\u202F150 kishi.', 'uz')).toEqual([1234.5, 12150]);
  });

  it('treats the five spellings of 540 million as one figure', () => {
    const all = [
      values('贸易额达5.4亿美元。', 'zh'),
      values('Товарооборот составил 540 млн долларов.', 'ru'),
      values('Savdo hajmi 540 mln dollarni tashkil etdi.', 'uz'),
      values('Trade reached 540 million dollars.', 'en'),
      values('Тауар айналымы 540 миллион долларға жетті.', 'kk'),
    ];
    for (const v of all) expect(v).toEqual([540_000_000]);
  });

  it('knows the Chinese scales and leaves 千米 (kilometres) alone', () => {
    expect(values('投资3万元，贷款2.5万亿元，全长12千米，另有3千人。', 'zh')).toEqual([30_000, 2.5e12, 12, 3000]);
  });

  it('knows тыс., млрд, мың, ming, mlrd, thousand and billion', () => {
    expect(values('Около 15 тыс. человек и 2,3 млрд рублей.', 'ru')).toEqual([15_000, 2_300_000_000]);
    expect(values('15 мың адам, 2,3 миллиард теңге.', 'kk')).toEqual([15_000, 2_300_000_000]);
    expect(values('15 ming kishi, 2,3 mlrd soʻm.', 'uz')).toEqual([15_000, 2_300_000_000]);
    expect(values('15 thousand people and 2.3 billion dollars.', 'en')).toEqual([15_000, 2_300_000_000]);
  });

  it('reads $540m and €1.5bn after a currency sign, but not 5m (metres) elsewhere', () => {
    expect(values('Exports of $540m and €1.5bn, a 5m wall.', 'en')).toEqual([540_000_000, 1_500_000_000, 5]);
  });

  it('keeps per cent in raw without changing the value', () => {
    const en = extractNumbers('Growth was 5.2 per cent, or 5.2%.', 'en');
    expect(en.map((n) => [n.value, n.raw])).toEqual([
      [5.2, '5.2 per cent'],
      [5.2, '5.2%'],
    ]);
    expect(values('Рост составил 5,2 процента.', 'ru')).toEqual([5.2]);
    expect(values('增长5.2％。', 'zh')).toEqual([5.2]);
    expect(values('Oʻsish 5,2 foizni tashkil etdi.', 'uz')).toEqual([5.2]);
  });

  it('gives offsets and raw text that point back into the input', () => {
    const text = 'Итого: 1 234,5 млн рублей';
    const [n] = extractNumbers(text, 'ru');
    expect(n).toBeDefined();
    expect(n?.raw).toBe('1 234,5 млн');
    expect(text.slice(n?.index ?? 0, (n?.index ?? 0) + (n?.raw.length ?? 0))).toBe(n?.raw);
  });

  it('reads full-width digits', () => {
    expect(values('共１２个文件', 'zh')).toEqual([12]);
  });

  it('reads a minus sign only at the start of a token; year ranges stay positive', () => {
    expect(values('Temperature fell to −5 or -3 degrees in 2020-2025.', 'en')).toEqual([-5, -3, 2020, 2025]);
    expect(values('COVID-19', 'en')).toEqual([19]);
  });

  it('does not glue separate figures: years followed by a count, lists, English comma decimals', () => {
    expect(values('В 2023 150 человек', 'ru')).toEqual([2023, 150]);
    expect(values('Items 1, 2, 3', 'en')).toEqual([1, 2, 3]);
    expect(values('1,5 is not English', 'en')).toEqual([1, 5]);
    expect(values('in 2025, 12 documents', 'en')).toEqual([2025, 12]);
  });

  it('reads a repeated separator as grouping in any language', () => {
    expect(values('1,234,567', 'ru')).toEqual([1_234_567]);
    expect(values('1.234.567', 'en')).toEqual([1_234_567]);
    expect(values('1,234', 'ru')).toEqual([1.234]);
  });

  it('finds nothing in text without digits', () => {
    expect(extractNumbers('Шесть гранатовых деревьев', 'ru')).toEqual([]);
    expect(extractNumbers('', 'en')).toEqual([]);
  });
});

describe('sameNumber', () => {
  it('accepts floating noise and rejects real differences', () => {
    expect(sameNumber(5.4e8, 540_000_000)).toBe(true);
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameNumber(540, 504)).toBe(false);
  });
});
