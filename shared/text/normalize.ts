import type { Lang } from '../languages.js';

/** The Uzbek Latin letters oʻ/gʻ take U+02BB MODIFIER LETTER TURNED COMMA. */
export const UZ_OKINA = '\u02BB';
/** The tutuq belgisi (glottal stop, as in taʼlim) is U+02BC MODIFIER LETTER APOSTROPHE. */
export const UZ_TUTUQ = '\u02BC';

/** What people type instead: ASCII apostrophe, backtick, typographic quotes, acute accent. */
export const UZ_APOSTROPHE_LOOKALIKES = "'`\u2018\u2019\u00B4";
const ANY_APOSTROPHE = `[${UZ_APOSTROPHE_LOOKALIKES}${UZ_OKINA}${UZ_TUTUQ}]`;

const OG_APOSTROPHE = new RegExp(`([oOgG])${ANY_APOSTROPHE}`, 'gu');
const INNER_APOSTROPHE = new RegExp(`(?<=[\\p{L}])(?<![oOgG])${ANY_APOSTROPHE}(?=[\\p{L}])`, 'gu');

/**
 * Rewrites every apostrophe look-alike in Uzbek Latin text to the right letter:
 * after o/g it is ʻ (oʻ, gʻ — also at a word end, as in togʻ), between other
 * letters it is the tutuq belgisi ʼ. One character in, one out, so offsets into
 * the result are offsets into the input.
 */
export function normalizeUzbekApostrophes(text: string): string {
  return text.replace(OG_APOSTROPHE, `$1${UZ_OKINA}`).replace(INNER_APOSTROPHE, UZ_TUTUQ);
}

function lowerKeepingLength(text: string): string {
  // Fast path (memory indexing folds every entry): lower-casing never shortens a
  // character, so an unchanged total length means every character kept its length.
  const whole = text.toLowerCase();
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * Folds text for matching (glossary terms, search, translation memory) without
 * changing its length, so a match position is a position in the original:
 * lower case, no-break/thin spaces as spaces, Uzbek apostrophes unified, and
 * ё read as е in Russian and Kazakh (Russian print mostly omits the dots).
 */
export function foldForMatch(text: string, lang: Lang): string {
  let s = lowerKeepingLength(text).replace(/[\u00A0\u2007\u2009\u202F]/gu, ' ');
  if (lang === 'uz') s = normalizeUzbekApostrophes(s);
  if (lang === 'ru' || lang === 'kk') s = s.replace(/ё/gu, 'е');
  return s;
}

/** For search and memory keys, where offsets do not matter: NFC first, then fold and trim. */
export function normalizeForSearch(text: string, lang: Lang): string {
  return foldForMatch(text.normalize('NFC'), lang).replace(/\s+/gu, ' ').trim();
}
