import type { Lang } from '../languages.js';
import { DEFAULT_SCRIPT } from '../languages.js';

/**
 * A small language detector for Anor's five languages, by script and letter
 * frequency. It only has to answer "is this file plausibly in the language the
 * user declared?", so it looks at what separates exactly these five:
 * - Han characters → Chinese; a few very common characters that differ between
 *   Simplified and Traditional decide the script (Anor's zh is Simplified).
 * - Cyrillic → Russian, Kazakh (ә ө ұ ү ң һ і) or Uzbek in Cyrillic (ў ҳ).
 *   қ and ғ are shared by Kazakh and Uzbek, so they only tip a tie.
 * - Latin → English or Uzbek (oʻ/gʻ, frequent function words, q and x), or
 *   Kazakh in the 2021 Latin alphabet (ǵ ń ş ı á ó ú).
 * Pure; no dictionaries beyond a few dozen function words.
 */
export type Script = 'Latn' | 'Cyrl' | 'Hans' | 'Hant';

export interface Detection {
  lang: Lang | null;
  script: Script | null;
  /** 0..1: how clearly the winner beat the others (a ranking aid, not a probability). */
  confidence: number;
  /** Letters looked at; few letters give a weak answer. */
  letters: number;
}

const SIMPLIFIED = new Set([...'这个们来说为国会对时后发经过还进开关长门问间头见车东书学习认让语记话应该当实现电业务']);
const TRADITIONAL = new Set([...'這個們來說為國會對時後發經過還進開關長門問間頭見車東書學習認讓語記話應該當實現電業務']);
const KK_ONLY = new Set([...'әөұүңһіӘӨҰҮҢҺІ']);
const UZ_CYRL_ONLY = new Set([...'ўҳЎҲ']);
const KK_UZ_SHARED = new Set([...'қғҚҒ']);
const KK_LATIN = new Set([...'ǵńşıáóúǴŃŞÁÓÚ']);
const EN_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'that',
  'for',
  'with',
  'on',
  'as',
  'was',
  'by',
  'it',
  'are',
  'be',
  'this',
  'from',
  'at',
  'which',
  'have',
  'has',
  'will',
  'an',
  'not',
  'or',
]);
const UZ_WORDS = new Set([
  'va',
  'bilan',
  'uchun',
  'bu',
  'ham',
  'bir',
  'yil',
  'edi',
  'esa',
  'deb',
  'haqida',
  'boʻyicha',
  'oʻz',
  'yana',
  'hamda',
  'etdi',
  'qilish',
  'qildi',
  'mumkin',
  'kerak',
  'emas',
  'lekin',
  'yoki',
  'bunda',
  'shu',
  'men',
  'biz',
  'siz',
  'ular',
  'yilda',
  'respublikasi',
  'oʻzbekiston',
]);
// oʻ and gʻ are written with U+02BB, U+2018, U+2019, U+0027 or a backtick in practice.
const UZ_APOSTROPHE = /[ogOG][\u02BB\u2018\u2019'`]/gu;

export function detectLanguage(text: string): Detection {
  let han = 0;
  let cyr = 0;
  let lat = 0;
  let simp = 0;
  let trad = 0;
  let kk = 0;
  let uzCyr = 0;
  let shared = 0;
  let kkLat = 0;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (SIMPLIFIED.has(ch)) simp++;
      if (TRADITIONAL.has(ch)) trad++;
    } else if (/\p{Script=Cyrillic}/u.test(ch)) {
      cyr++;
      if (KK_ONLY.has(ch)) kk++;
      else if (UZ_CYRL_ONLY.has(ch)) uzCyr++;
      else if (KK_UZ_SHARED.has(ch)) shared++;
    } else if (/\p{Script=Latin}/u.test(ch)) {
      lat++;
      if (KK_LATIN.has(ch)) kkLat++;
    }
  }
  // A Chinese character carries about a word; weigh it like three letters so mixed Latin names do not outvote it.
  const letters = han + cyr + lat;
  const total = han * 3 + cyr + lat;
  if (letters === 0) return { lang: null, script: null, confidence: 0, letters };
  if (han * 3 >= cyr && han * 3 >= lat) {
    const script: Script = trad > simp ? 'Hant' : 'Hans';
    return { lang: 'zh', script, confidence: (han * 3) / total, letters };
  }
  if (cyr >= lat) {
    const share = cyr / total;
    if (kk > 0 && kk >= uzCyr * 2 && kk / cyr >= 0.005)
      return { lang: 'kk', script: 'Cyrl', confidence: share * Math.min(1, (kk / cyr) * 20), letters };
    if (uzCyr > 0 && uzCyr / cyr >= 0.003)
      return { lang: 'uz', script: 'Cyrl', confidence: share * Math.min(1, (uzCyr / cyr) * 30), letters };
    // Only қ/ғ and no letter of either alphabet's own: Kazakh or Uzbek, not Russian; Kazakh is the likelier in practice.
    if (shared / cyr >= 0.01) return { lang: 'kk', script: 'Cyrl', confidence: share * 0.5, letters };
    return { lang: 'ru', script: 'Cyrl', confidence: share, letters };
  }
  const share = lat / total;
  if (kkLat / lat >= 0.01) return { lang: 'kk', script: 'Latn', confidence: share * 0.8, letters };
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\u2018\u2019'`]/gu, '\u02BB')
    .split(/[^\p{L}\u02BB]+/u)
    .filter(Boolean);
  let en = 0;
  let uz = 0;
  for (const w of words) {
    if (EN_WORDS.has(w)) en++;
    if (UZ_WORDS.has(w)) uz++;
  }
  uz += (text.match(UZ_APOSTROPHE) ?? []).length;
  const lower = text.toLowerCase();
  const qx = (lower.match(/[qx]/gu) ?? []).length / lat;
  // q and x are rare in English (≈0.3%) and common in Uzbek (≈3–5%).
  if (qx > 0.015) uz += words.length * 0.05;
  if (en === 0 && uz === 0) return { lang: null, script: 'Latn', confidence: 0, letters };
  const lang: Lang = uz > en ? 'uz' : 'en';
  return { lang, script: 'Latn', confidence: share * (Math.max(en, uz) / (en + uz)), letters };
}

export type LanguageVerdict = 'match' | 'language_mismatch' | 'script_mismatch' | 'undetermined';

export interface LanguageCheck {
  declared: Lang;
  detected: Detection;
  verdict: LanguageVerdict;
}

/** Too little text to judge: a title page, a list of names. */
const MIN_LETTERS = 20;

/** Checks a text against the language the user declared for it (warnings only: the user decides). */
export function checkDeclaredLanguage(declared: Lang, text: string): LanguageCheck {
  const detected = detectLanguage(text);
  let verdict: LanguageVerdict;
  if (detected.lang === null || detected.letters < MIN_LETTERS) verdict = 'undetermined';
  else if (detected.lang !== declared) verdict = 'language_mismatch';
  else verdict = detected.script === DEFAULT_SCRIPT[declared] ? 'match' : 'script_mismatch';
  return { declared, detected, verdict };
}
