import { describe, expect, it } from 'vitest';
import { checkAcrossTargets } from './across.js';

// One paragraph of the demo document (English source), its four targets.
const good = {
  zh: '共签署了12份合作文件，华为公司（Huawei）于6月17日在阿斯塔纳开设了办事处。',
  ru: 'Всего подписано 12 документов о сотрудничестве, 17 июня компания Huawei открыла офис в Астане.',
  kk: 'Барлығы 12 ынтымақтастық құжатына қол қойылды, 17 маусымда Huawei компаниясы Астанада кеңсе ашты.',
  uz: 'Jami 12 ta hamkorlik hujjati imzolandi, 17-iyun kuni Huawei kompaniyasi Astanada ofis ochdi.',
};

describe('checkAcrossTargets', () => {
  it('finds nothing when the targets agree on figures, dates and names', () => {
    expect(checkAcrossTargets(good)).toEqual([]);
  });

  it('flags the one target whose figure differs from the others', () => {
    const f = checkAcrossTargets({ ...good, kk: good.kk.replace('12', '21') });
    expect(f.map((x) => [x.lang, x.check, x.params.kind, x.params.missing, x.params.extra])).toEqual([
      ['kk', 'target_disagreement', 'number', '12', '21'],
    ]);
    const r = f[0]?.ranges[0];
    expect(r && f[0]?.lang === 'kk' ? good.kk.replace('12', '21').slice(r.start, r.end) : null).toBe('21');
  });

  it('flags a date that differs although each language writes dates its own way', () => {
    const f = checkAcrossTargets({ ...good, ru: good.ru.replace('17 июня', '18 июня') });
    expect(f.map((x) => [x.lang, x.params.kind])).toEqual([['ru', 'date']]);
  });

  it('votes times with dates, however each language writes them', () => {
    const t = {
      zh: '会谈于9时30分开始。',
      ru: 'Переговоры начались в 9.30 утра.',
      kk: 'Келіссөздер сағат 9.30-да басталды.',
      uz: 'Muzokaralar soat 10:30 da boshlandi.',
    };
    expect(checkAcrossTargets(t).map((f) => [f.lang, f.params.kind, f.params.missing, f.params.extra])).toEqual([
      ['uz', 'date', '9:30', '10:30'],
    ]);
  });

  it('flags a misspelt Latin-script name and points at it', () => {
    const uz = good.uz.replace('Huawei', 'Huawey');
    const f = checkAcrossTargets({ ...good, uz });
    expect(f.map((x) => [x.lang, x.params.kind, x.params.missing])).toEqual([['uz', 'name', 'Huawei']]);
    const r = f[0]?.ranges[0];
    expect(r && uz.slice(r.start, r.end)).toBe('Huawey');
  });

  it('does not vote with fewer than three filled targets', () => {
    expect(checkAcrossTargets({ ru: good.ru, kk: good.kk.replace('12', '21'), uz: '' })).toEqual([]);
  });
});
