import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../languages.js';
import { extractNumbers } from '../text/numbers.js';
import { kkCyrillicToLatin } from '../translit/kk.js';
import { uzCyrillicToLatin, uzLatinToCyrillic } from '../translit/uz.js';
import { checkAcrossTargets } from './across.js';
import { runChecks } from './run.js';
import { CHECK_SEVERITY, MESSAGE_KEYS } from './types.js';

// Fragments that exercise the checks' edge cases, mixed with arbitrary code points (lone surrogates included).
const fragment = fc.oneof(
  fc.constantFrom(
    '1 234,5',
    '5.4亿',
    '540 млн',
    '5,2 %',
    'per cent',
    '17 июня',
    '6月17日',
    '2025-06-17',
    '«',
    '»',
    '„',
    '“',
    '”',
    '"',
    '(',
    ')',
    '（',
    '）',
    '。',
    '.',
    '?',
    '…',
    '  ',
    ' ',
    '\n',
    'https://a.kz/x',
    'a@b.kz',
    "O'z",
    'ʻ',
    'ʼ',
    'сaммит',
    'Қазақстан',
    'жане',
    'Астана',
    '中国',
    ',',
    'Mr.',
    'т.',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
const lang = fc.constantFrom(...LANGS);

describe('check engine properties', () => {
  it('never throws, and every finding has a known key, its severity and ranges inside the target', () => {
    fc.assert(
      fc.property(text, text, lang, lang, (source, target, sourceLang, targetLang) => {
        for (const f of runChecks({ source, target, sourceLang, targetLang })) {
          expect(MESSAGE_KEYS).toContain(f.messageKey);
          expect(f.severity).toBe(CHECK_SEVERITY[f.check]);
          for (const r of f.ranges) expect(0 <= r.start && r.start <= r.end && r.end <= target.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing across targets that are identical copies in languages writing numbers alike', () => {
    // Not zh: "1 234,5" is 1234.5 in ru/kk/uz but three figures in Chinese, and flagging that is right.
    fc.assert(
      fc.property(text, (t) => {
        expect(checkAcrossTargets({ ru: t, kk: t, uz: t })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives every extracted number a raw text found at its index', () => {
    fc.assert(
      fc.property(text, lang, (t, l) => {
        for (const n of extractNumbers(t, l)) {
          expect(t.slice(n.index, n.index + n.raw.length)).toBe(n.raw);
          expect(Number.isFinite(n.value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('transliteration leaves text without letters unchanged', () => {
    const noLetters = fc.string({ unit: fc.constantFrom(...'0123456789 .,;:!?-—()«»“”\n%') });
    fc.assert(
      fc.property(noLetters, (t) => {
        expect(uzLatinToCyrillic(t)).toBe(t);
        expect(uzCyrillicToLatin(t)).toBe(t);
        expect(kkCyrillicToLatin(t)).toBe(t);
      }),
    );
  });
});
