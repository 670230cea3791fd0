import { describe, expect, it } from 'vitest';
import { runChecks } from './run.js';
import { CHECK_IDS, CHECK_SEVERITY, isCheckId } from './types.js';

const EN = 'A total of 12 cooperation documents were signed in Astana on June 17, 2025.';

describe('runChecks', () => {
  it('returns nothing for good translations into each language', () => {
    const targets = {
      zh: '2025年6月17日，在阿斯塔纳共签署了12份合作文件。',
      ru: '17 июня 2025 года в Астане подписано в общей сложности 12 документов о сотрудничестве.',
      kk: '2025 жылғы 17 маусымда Астанада барлығы 12 ынтымақтастық құжатына қол қойылды.',
      uz: '2025-yil 17-iyun kuni Astanada jami 12 ta hamkorlik hujjati imzolandi.',
    } as const;
    for (const [lang, target] of Object.entries(targets) as [keyof typeof targets, string][]) {
      expect(runChecks({ source: EN, target, sourceLang: 'en', targetLang: lang }), lang).toEqual([]);
    }
  });

  it('collects findings of several families, ordered by check, each with key, params and severity', () => {
    const target = ' В Aстане подписано 21 документ о сотрудничестве';
    const f = runChecks({ source: EN, target, sourceLang: 'en', targetLang: 'ru' });
    // 12 became 21 and the year 2025 went missing with the whole date.
    expect(f.map((x) => x.check)).toEqual([
      'number_missing',
      'number_missing',
      'date_mismatch',
      'end_punctuation',
      'whitespace',
      'mixed_script',
    ]);
    for (const x of f) {
      expect(x.severity).toBe(CHECK_SEVERITY[x.check]);
      expect(x.messageKey.startsWith(`qa.finding.${x.check}`)).toBe(true);
      expect(x.message.length).toBeGreaterThan(10);
      for (const r of x.ranges) expect(r.start >= 0 && r.end <= target.length && r.start <= r.end).toBe(true);
    }
  });

  it('treats an empty target as not yet translated, not as a finding', () => {
    expect(runChecks({ source: EN, target: '  ', sourceLang: 'en', targetLang: 'kk' })).toEqual([]);
  });

  it('has a severity for every check id', () => {
    for (const id of CHECK_IDS) expect(isCheckId(id) && ['error', 'warning'].includes(CHECK_SEVERITY[id])).toBe(true);
    expect(isCheckId('nope')).toBe(false);
  });
});
