import { describe, expect, it } from 'vitest';
import { checkBrackets, checkEndPunctuation, checkQuotes, checkWhitespace } from './punctuation.js';
import type { CheckInput } from './types.js';
import type { Lang } from '../languages.js';

function pair(source: string, target: string, sourceLang: Lang, targetLang: Lang): CheckInput {
  return { source, target, sourceLang, targetLang };
}

describe('checkEndPunctuation', () => {
  it('matches 。 with . and looks through closing quotes', () => {
    expect(
      checkEndPunctuation(pair('They agreed to promote the “China-Central Asia Spirit.”', '他们一致同意弘扬“中国—中亚精神”。', 'en', 'zh')),
    ).toEqual([]);
    expect(checkEndPunctuation(pair('Саммит прошёл в Астане.', 'Саммит Астанада өтті.', 'ru', 'kk'))).toEqual([]);
    expect(checkEndPunctuation(pair('Где прошёл саммит?', 'Sammit qayerda boʻlib oʻtdi?', 'ru', 'uz'))).toEqual([]);
    expect(checkEndPunctuation(pair('Heading without a stop', 'Заголовок без точки', 'en', 'ru'))).toEqual([]);
  });

  it('reports a missing, extra or different final mark', () => {
    const target = 'Саммит прошёл в Астане';
    const [missing] = checkEndPunctuation(pair('The summit was held in Astana.', target, 'en', 'ru'));
    expect(missing?.messageKey).toBe('qa.finding.end_punctuation_missing');
    expect(missing?.ranges).toEqual([{ start: target.length, end: target.length }]);
    const [extra] = checkEndPunctuation(pair('Astana summit', 'Астанадағы саммит.', 'en', 'kk'));
    expect(extra?.messageKey).toBe('qa.finding.end_punctuation_extra');
    const [different] = checkEndPunctuation(pair('Did they agree?', '他们同意了。', 'en', 'zh'));
    expect(different?.params).toEqual({ expected: '?', found: '.' });
  });
});

describe('checkBrackets', () => {
  it('treats full-width and ASCII brackets alike', () => {
    expect(
      checkBrackets(pair('The Shanghai Cooperation Organization (SCO) met.', '上海合作组织（上合组织）举行会议。', 'en', 'zh')),
    ).toEqual([]);
  });

  it('reports an unmatched bracket and a missing pair', () => {
    const target = 'Шанхайская организация сотрудничества (ШОС провела встречу.';
    const f = checkBrackets(pair('The Shanghai Cooperation Organization (SCO) met.', target, 'en', 'ru'));
    expect(f.map((x) => x.messageKey)).toEqual(['qa.finding.brackets_unbalanced']);
    const r = f[0]?.ranges[0];
    expect(r && target.slice(r.start, r.end)).toBe('(');
    const dropped = checkBrackets(pair('The Shanghai Cooperation Organization (SCO) met.', 'ШОС провела встречу.', 'en', 'ru'));
    expect(dropped.map((x) => [x.messageKey, x.params.source, x.params.target])).toEqual([['qa.finding.brackets_count', 1, 0]]);
  });

  it('does not report list markers that are unbalanced in the source too', () => {
    expect(checkBrackets(pair('1) trade; 2) energy', '1) savdo; 2) energetika', 'en', 'uz'))).toEqual([]);
  });
});

describe('checkQuotes', () => {
  it('accepts each language’s own marks', () => {
    expect(checkQuotes(pair('', 'Они договорились продвигать «дух Китай — Центральная Азия».', 'en', 'ru'))).toEqual([]);
    expect(checkQuotes(pair('', 'Ол: „Бұл маған келген бала“ — деді.', 'en', 'kk'))).toEqual([]);
    expect(checkQuotes(pair('', '弘扬“中国—中亚精神”。', 'en', 'zh'))).toEqual([]);
    expect(checkQuotes(pair('', '“Xitoy — Markaziy Osiyo ruhi”ni targʻib qilish.', 'en', 'uz'))).toEqual([]);
    expect(checkQuotes(pair('', 'They promote the "China-Central Asia Spirit" and the “Xi’an Vision”.', 'ru', 'en'))).toEqual([]);
  });

  it('reports English quotes in Russian and guillemets in Chinese and Uzbek', () => {
    const ru = 'Они договорились продвигать “дух Китай — Центральная Азия”.';
    const [f] = checkQuotes(pair('', ru, 'en', 'ru'));
    expect(f?.messageKey).toBe('qa.finding.quotes_style');
    expect(f?.ranges.map((r) => ru.slice(r.start, r.end))).toEqual(['“', '”']);
    // Shown inside a translated message: no English word in the parameters.
    expect(f?.params.expected).toBe('« » / „ “');
    expect(checkQuotes(pair('', '弘扬«中国—中亚精神»。', 'en', 'zh'))[0]?.params.found).toBe('« »');
    expect(checkQuotes(pair('', '«Xitoy — Markaziy Osiyo ruhi»', 'en', 'uz'))[0]?.check).toBe('quotes');
    expect(checkQuotes(pair('', 'the «Spirit»', 'ru', 'en'))[0]?.check).toBe('quotes');
  });

  it('reports unpaired guillemets', () => {
    const f = checkQuotes(pair('', 'Они продвигают «дух Шанхая.', 'en', 'ru'));
    expect(f.map((x) => x.messageKey)).toEqual(['qa.finding.quotes_unbalanced']);
  });
});

describe('checkWhitespace', () => {
  it('reports leading, trailing and double spaces with their ranges', () => {
    const target = ' Саммит  прошёл в Астане. ';
    const f = checkWhitespace(pair('The summit was held in Astana.', target, 'en', 'ru'));
    expect(f.map((x) => [x.messageKey, x.ranges])).toEqual([
      ['qa.finding.whitespace_leading', [{ start: 0, end: 1 }]],
      ['qa.finding.whitespace_trailing', [{ start: target.length - 1, end: target.length }]],
      ['qa.finding.whitespace_double', [{ start: 7, end: 9 }]],
    ]);
  });

  it('accepts clean text, and no-break spaces used as digit groups', () => {
    expect(checkWhitespace(pair('The summit was held in Astana.', 'Саммит прошёл в Астане, 1\u00A0234 участника.', 'en', 'ru'))).toEqual(
      [],
    );
  });
});
