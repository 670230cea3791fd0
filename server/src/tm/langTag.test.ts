import { describe, expect, it } from 'vitest';
import { langFromTag } from './langTag.js';

describe('langFromTag', () => {
  it('maps tags to the columns Anor has, converting Cyrillic Uzbek and refusing scripts Anor does not write', () => {
    const map = (tag: string) => {
      const m = langFromTag(tag);
      return m && { lang: m.lang, sample: m.convert('Ўзбекистон') };
    };
    expect(map('en-US')).toEqual({ lang: 'en', sample: 'Ўзбекистон' });
    expect(map('zh-CN')?.lang).toBe('zh');
    expect(map('zh-Hans-CN')?.lang).toBe('zh');
    expect(map('zh-TW')).toBeNull();
    expect(map('zh-Hant')).toBeNull();
    expect(map('RU_ru')?.lang).toBe('ru');
    expect(map('kk-KZ')?.lang).toBe('kk');
    expect(map('kk-Latn')).toBeNull();
    expect(map('uz')).toEqual({ lang: 'uz', sample: 'Ўзбекистон' });
    expect(map('uz-Cyrl-UZ')).toEqual({ lang: 'uz', sample: 'Oʻzbekiston' });
    expect(map('de')).toBeNull();
    expect(map('')).toBeNull();
  });
});
