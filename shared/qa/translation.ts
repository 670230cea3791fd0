import { LANG_TAG, type Lang } from '../languages.js';
import { finding, type CheckInput, type Finding } from './types.js';

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Identical to the source. A cell that is only names, figures or codes
 * ("Shavkat Mirziyoyev", "COVID-19", "2025") may rightly be the same in every
 * language, so it counts only with running text: two or more words and at
 * least one in lower case — or any Chinese, which is never right in a target
 * of another language.
 */
export function checkUntranslated({ source, target }: CheckInput): Finding[] {
  const s = comparable(source);
  if (!s || s !== comparable(target)) return [];
  const words = s.match(/[\p{L}][\p{L}\p{M}'’ʻʼ-]*/gu) ?? [];
  const runningText = words.length >= 2 && words.some((w) => /^\p{Ll}/u.test(w));
  if (!runningText && !/\p{Script=Han}/u.test(s)) return [];
  return [finding('untranslated', null, 'The target is identical to the source', {}, [{ start: 0, end: target.length }])];
}

/**
 * Expected target/source length in letters (see `visibleLength`),
 * per language pair. Starting points from typical news translation — Chinese
 * runs at about 0.3 of English, Cyrillic Russian/Kazakh about 15 % longer,
 * agglutinative Uzbek Latin (with its two-character oʻ gʻ sh ch) about 20 %
 * longer; pairs not through English follow from those. Only a ratio outside
 * half to double the expectation is reported, so the numbers need not be exact.
 */
export const EXPECTED_LENGTH_RATIO: Record<Lang, Record<Lang, number>> = {
  en: { en: 1, zh: 0.3, ru: 1.15, kk: 1.15, uz: 1.2 },
  zh: { en: 3.3, zh: 1, ru: 3.8, kk: 3.8, uz: 4.0 },
  ru: { en: 0.87, zh: 0.26, ru: 1, kk: 1.0, uz: 1.05 },
  kk: { en: 0.87, zh: 0.26, ru: 1.0, kk: 1, uz: 1.05 },
  uz: { en: 0.83, zh: 0.25, ru: 0.95, kk: 0.95, uz: 1 },
};
/**
 * How far from the expectation a ratio may be before it is reported: ×/÷ 2,
 * or ×/÷ 2.5 for sources under 100 letters, whose ratios scatter more (one
 * terse phrase, "Taʼlim va fan — kelajak poydevori", is legitimately half the
 * English letters).
 */
export const LENGTH_RATIO_TOLERANCE = 2;
export const LENGTH_RATIO_TOLERANCE_SHORT = 2.5;
export const LENGTH_RATIO_SHORT_SOURCE = 100;
/** Below this many source letters ratios swing too much to mean anything (headings, names). */
export const LENGTH_RATIO_MIN_SOURCE = 30;

// Links and addresses are copied, not translated: they would pull every ratio towards 1.
const LINKS = /(?:https?:\/\/|www\.)\S+|[A-Za-z0-9._%+-]+@\S+/gu;
const LETTER = /\p{L}/u;

/**
 * Letters only (Han characters count as letters): figures, punctuation and
 * spaces are copied or differ by convention (。 vs ". "), and a digit-heavy
 * paragraph would otherwise look "too long" in Chinese. Counting code points,
 * not Intl.Segmenter graphemes, is several times faster and the same for
 * letters of these five languages.
 */
function visibleLength(text: string): number {
  let n = 0;
  for (const ch of text.replace(LINKS, '')) if (LETTER.test(ch)) n++;
  return n;
}

export function checkLengthRatio({ source, target, sourceLang, targetLang }: CheckInput): Finding[] {
  // An untranslated copy has its own finding; its ratio of 1 would only repeat it.
  if (comparable(source) === comparable(target)) return [];
  const s = visibleLength(source);
  const t = visibleLength(target);
  if (s < LENGTH_RATIO_MIN_SOURCE || t === 0) return [];
  const expected = EXPECTED_LENGTH_RATIO[sourceLang][targetLang];
  const ratio = t / s;
  const off = ratio / expected;
  const tolerance = s < LENGTH_RATIO_SHORT_SOURCE ? LENGTH_RATIO_TOLERANCE_SHORT : LENGTH_RATIO_TOLERANCE;
  if (off >= 1 / tolerance && off <= tolerance) return [];
  const params = { ratio: Number(ratio.toFixed(2)), expected, sourceLength: s, targetLength: t };
  return off < 1
    ? [
        finding(
          'length_ratio',
          'short',
          `The target is unusually short: ${params.ratio}× the source length, ${sourceLang}→${targetLang} usually ≈ ${expected}×`,
          params,
        ),
      ]
    : [
        finding(
          'length_ratio',
          'long',
          `The target is unusually long: ${params.ratio}× the source length, ${sourceLang}→${targetLang} usually ≈ ${expected}×`,
          params,
        ),
      ];
}

const segmenters = new Map<Lang, Intl.Segmenter>();
// ICU breaks after "Mr." or "т." before a capital; a segment ending in one of these is glued to the next.
const ABBREVIATION_END =
  /(?<![\p{L}])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|e\.g|i\.e|No|Prof|Gen|Gov|Inc|Ltd|Co|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|г|гг|т|им|ул|тыс|млн|млрд|др|проф|акад|ж|жж|y|obl|ko['ʻ‘’]?ch)\.\s*$/u;

/** Sentences by Intl.Segmenter, abbreviations glued back, empty (punctuation-only) segments dropped. */
export function sentences(text: string, lang: Lang): string[] {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(LANG_TAG[lang], { granularity: 'sentence' });
    segmenters.set(lang, seg);
  }
  const out: string[] = [];
  let carry = '';
  for (const { segment } of seg.segment(text)) {
    const joined = carry + segment;
    if (ABBREVIATION_END.test(joined)) {
      carry = joined;
      continue;
    }
    carry = '';
    if (/[\p{L}\p{N}]/u.test(joined)) out.push(joined);
  }
  if (/[\p{L}\p{N}]/u.test(carry)) out.push(carry);
  return out;
}

/**
 * A missing sentence shows as fewer sentences in the target. More sentences is
 * not reported: splitting a long Chinese sentence in two is good translation.
 */
export function checkSentenceCount({ source, target, sourceLang, targetLang }: CheckInput): Finding[] {
  const s = sentences(source, sourceLang).length;
  const t = sentences(target, targetLang).length;
  if (t >= s) return [];
  return [
    finding('sentence_count', null, `The source has ${s} sentences, the target ${t}: a sentence may be missing`, { source: s, target: t }),
  ];
}
