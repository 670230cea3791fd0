import { describe, expect, it } from 'vitest';
import { checkLengthRatio, checkSentenceCount, checkUntranslated, sentences } from './translation.js';
import { checkLinks } from './links.js';
import type { CheckInput } from './types.js';
import type { Lang } from '../languages.js';

function pair(source: string, target: string, sourceLang: Lang, targetLang: Lang): CheckInput {
  return { source, target, sourceLang, targetLang };
}

const EN =
  'The second China-Central Asia Summit was held on Tuesday afternoon in Astana, Kazakhstan. Chinese President Xi Jinping delivered a keynote speech at the opening ceremony.';
const ZH = '第二届中国—中亚峰会周二下午在哈萨克斯坦阿斯塔纳举行。中国国家主席习近平在开幕式上发表主旨讲话。';
const RU =
  'Второй саммит «Китай — Центральная Азия» прошёл во вторник днём в Астане, Казахстан. Председатель КНР Си Цзиньпин выступил с программной речью на церемонии открытия.';

describe('checkUntranslated', () => {
  it('reports a target copied from the source', () => {
    const [f] = checkUntranslated(pair(EN, EN, 'en', 'uz'));
    expect(f?.check).toBe('untranslated');
    expect(f?.severity).toBe('error');
    expect(checkUntranslated(pair('阿斯塔纳', '阿斯塔纳', 'zh', 'kk'))).toHaveLength(1);
  });

  it('accepts a translation, and a one-word name or figure that is the same everywhere', () => {
    expect(checkUntranslated(pair(EN, RU, 'en', 'ru'))).toEqual([]);
    expect(checkUntranslated(pair('Astana', 'Astana', 'en', 'uz'))).toEqual([]);
    expect(checkUntranslated(pair('2025', '2025', 'en', 'zh'))).toEqual([]);
    expect(checkUntranslated(pair('Shavkat Mirziyoyev', 'Shavkat Mirziyoyev', 'en', 'uz'))).toEqual([]);
    expect(checkUntranslated(pair('Astana, Kazakhstan', 'Astana, Kazakhstan', 'en', 'uz'))).toEqual([]);
  });
});

describe('checkLengthRatio', () => {
  it('accepts translations of usual length for the pair (zh ≈ 0.3 of en)', () => {
    expect(checkLengthRatio(pair(EN, ZH, 'en', 'zh'))).toEqual([]);
    expect(checkLengthRatio(pair(EN, RU, 'en', 'ru'))).toEqual([]);
    expect(checkLengthRatio(pair(ZH, EN, 'zh', 'en'))).toEqual([]);
  });

  it('reports a Chinese target as long as the English (likely untranslated half) and a truncated Russian one', () => {
    const long = checkLengthRatio(pair(EN, ZH + EN, 'en', 'zh'));
    expect(long.map((f) => f.messageKey)).toEqual(['qa.finding.length_ratio_long']);
    const short = checkLengthRatio(pair(EN, 'Саммит прошёл.', 'en', 'ru'));
    expect(short.map((f) => f.messageKey)).toEqual(['qa.finding.length_ratio_short']);
  });

  it('leaves links out of the lengths, and an untranslated copy to its own check', () => {
    const src = 'Details: https://www.gov.kz/memleket/entities/mfa and press@mfa.kz.';
    expect(
      checkLengthRatio(
        pair(
          `The summit was held in Astana. ${src}`,
          `峰会在阿斯塔纳举行。详情:https://www.gov.kz/memleket/entities/mfa press@mfa.kz`,
          'en',
          'zh',
        ),
      ),
    ).toEqual([]);
    expect(checkLengthRatio(pair(EN, EN, 'en', 'zh'))).toEqual([]);
  });

  it('ignores short sources, where ratios mean nothing', () => {
    expect(checkLengthRatio(pair('Astana', 'Астана, Казахстан, 2025 год, вторник', 'en', 'ru'))).toEqual([]);
  });
});

describe('sentences and checkSentenceCount', () => {
  it('counts sentences per language and keeps abbreviations inside their sentence', () => {
    expect(sentences(ZH, 'zh')).toHaveLength(2);
    expect(sentences('Mr. Xi spoke first. Then the leaders signed.', 'en')).toHaveLength(2);
    expect(sentences('Саммит прошёл 17 июня 2025 г. в Астане. Лидеры подписали декларацию.', 'ru')).toHaveLength(2);
  });

  it('reports a missing sentence but not a split one', () => {
    const [f] = checkSentenceCount(pair(EN, 'Второй саммит «Китай — Центральная Азия» прошёл во вторник днём в Астане.', 'en', 'ru'));
    expect(f?.params).toEqual({ source: 2, target: 1 });
    expect(checkSentenceCount(pair(EN, RU, 'en', 'ru'))).toEqual([]);
    expect(checkSentenceCount(pair(ZH, `${EN} It was a success.`, 'zh', 'en'))).toEqual([]);
  });
});

describe('checkLinks', () => {
  it('accepts links and addresses copied exactly, whatever punctuation follows', () => {
    expect(
      checkLinks(
        pair(
          'See https://www.gov.kz/memleket/entities/mfa and write to press@mfa.kz.',
          '详见https://www.gov.kz/memleket/entities/mfa，来信请寄press@mfa.kz。',
          'en',
          'zh',
        ),
      ),
    ).toEqual([]);
  });

  it('reports a changed URL, a missing e-mail address and an added URL', () => {
    const target = 'Подробнее: https://www.gov.kz/memleket/entities/mfa-ru, см. также https://example.org';
    const f = checkLinks(pair('See https://www.gov.kz/memleket/entities/mfa and write to press@mfa.kz.', target, 'en', 'ru'));
    expect(f.map((x) => x.messageKey)).toEqual([
      'qa.finding.url_mismatch_changed',
      'qa.finding.url_mismatch_added',
      'qa.finding.email_mismatch_missing',
    ]);
    const r = f[0]?.ranges[0];
    expect(r && target.slice(r.start, r.end)).toBe('https://www.gov.kz/memleket/entities/mfa-ru');
  });
});
