import { describe, expect, it } from 'vitest';
import { checkNumbers } from './numbers.js';
import type { CheckInput } from './types.js';
import type { Lang } from '../languages.js';

function pair(source: string, target: string, sourceLang: Lang, targetLang: Lang): CheckInput {
  return { source, target, sourceLang, targetLang };
}

describe('checkNumbers', () => {
  it('accepts the same figures written the way each language writes them', () => {
    const en = 'Trade reached 540 million dollars, up 5.2 per cent, with 1,234.5 tonnes shipped.';
    expect(checkNumbers(pair(en, '贸易额达5.4亿美元，增长5.2%，运输1,234.5吨。', 'en', 'zh'))).toEqual([]);
    expect(checkNumbers(pair(en, 'Товарооборот составил 540 млн долларов, рост на 5,2 %, отгружено 1 234,5 тонны.', 'en', 'ru'))).toEqual(
      [],
    );
    expect(
      checkNumbers(pair(en, 'Тауар айналымы 540 миллион долларға жетті, 5,2 пайызға өсті, 1\u00A0234,5 тонна жөнелтілді.', 'en', 'kk')),
    ).toEqual([]);
    expect(checkNumbers(pair(en, 'Savdo hajmi 540 mln dollarga yetdi, 5,2 foizga oshdi, 1 234,5 tonna joʻnatildi.', 'en', 'uz'))).toEqual(
      [],
    );
  });

  it('reports a changed figure with the target range', () => {
    const target = 'Товарооборот составил 504 млн долларов.';
    const [f, ...rest] = checkNumbers(pair('Trade reached 540 million dollars.', target, 'en', 'ru'));
    expect(rest).toEqual([]);
    expect(f?.check).toBe('number_missing');
    expect(f?.severity).toBe('error');
    expect(f?.messageKey).toBe('qa.finding.number_missing_changed');
    expect(f?.params).toMatchObject({ source: '540 million', target: '504 млн' });
    const r = f?.ranges[0];
    expect(r && target.slice(r.start, r.end)).toBe('504 млн');
  });

  it('reports a missing figure as an error and an added one as a warning', () => {
    const missing = checkNumbers(pair('A total of 12 cooperation documents were signed.', '共签署了多份合作文件。', 'en', 'zh'));
    expect(missing.map((f) => [f.check, f.severity, f.params.value])).toEqual([['number_missing', 'error', '12']]);
    const added = checkNumbers(pair('Барлығы 12 құжатқа қол қойылды.', 'Jami 12 ta hujjat 2025 yilda imzolandi.', 'kk', 'uz'));
    expect(added.map((f) => [f.check, f.severity, f.params.value])).toEqual([['number_added', 'warning', '2025']]);
  });

  it('compares dates as dates: May 25 and 5月25日 agree, 26 мая does not', () => {
    expect(checkNumbers(pair('The summit opened on May 25, 2025.', '峰会于2025年5月25日开幕。', 'en', 'zh'))).toEqual([]);
    expect(checkNumbers(pair('The summit opened on May 25, 2025.', 'Саммит открылся 25 мая 2025 года.', 'en', 'ru'))).toEqual([]);
    expect(checkNumbers(pair('Sammit 2025-yil 25-mayda ochildi.', 'Саммит 2025 жылғы 25 мамырда ашылды.', 'uz', 'kk'))).toEqual([]);
    const wrong = checkNumbers(pair('The summit opened on May 25, 2025.', 'Саммит открылся 26 мая 2025 года.', 'en', 'ru'));
    expect(wrong.map((f) => [f.check, f.params.source, f.params.target])).toEqual([['date_mismatch', 'May 25', '26 мая']]);
  });

  it('compares times as times: 9:30, "9.30 утра", "soat 9.30" and 9时30分 agree, 9.45 does not', () => {
    const en = 'The talks began at 9:30 and ended at 14:00.';
    expect(checkNumbers(pair(en, 'Переговоры начались в 9.30 утра и завершились в 14:00.', 'en', 'ru'))).toEqual([]);
    expect(checkNumbers(pair(en, 'Muzokaralar soat 9.30 da boshlanib, 14:00 da yakunlandi.', 'en', 'uz'))).toEqual([]);
    expect(checkNumbers(pair(en, '会谈于9时30分开始，14时00分结束。', 'en', 'zh'))).toEqual([]);
    const wrong = checkNumbers(pair(en, 'Переговоры начались в 9.45 утра и завершились в 14:00.', 'en', 'ru'));
    expect(wrong.map((f) => [f.messageKey, f.params.target])).toEqual([['qa.finding.date_mismatch_time_changed', '9.45']]);
    // Without a time word a dotted figure stays a decimal: "в 9.30 раза" is 9.3 times.
    expect(checkNumbers(pair('It grew 9.3 times.', 'Он вырос в 9.30 раза.', 'en', 'ru'))).toEqual([]);
  });

  it('treats the decimal comma as a decimal only where the language uses it', () => {
    // "1,5" in English is not one and a half: the translator kept the Russian comma.
    const f = checkNumbers(pair('Рост составил 1,5 процента.', 'Growth was 1,5 per cent.', 'ru', 'en'));
    expect(f.map((x) => x.check).sort()).toEqual(['number_added', 'number_missing']);
  });
});
