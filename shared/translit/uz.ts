import { normalizeUzbekApostrophes, UZ_OKINA, UZ_TUTUQ } from '../text/normalize.js';

/**
 * Uzbek Latin ↔ Cyrillic, following the 1995 Latin alphabet (as amended) and
 * its published correspondence with the Cyrillic one:
 *
 *   a b d e f g h i j k l m n o p q r s t u v x y z oʻ gʻ sh ch ng ʼ
 *   а б д е/э ф г ҳ и ж к л м н о п қ р с т у в х й з ў ғ ш ч нг ъ
 *   yo yu ya ye → ё ю я е;  ц → s / ts;  ь → (dropped)
 *
 * Rules that need context, and the choices made where the two scripts do not
 * map one to one (see docs/translit.md):
 * - Latin e is э at the start of a word and after a vowel (Ekonomika, aeroport),
 *   е elsewhere; Cyrillic е is ye at the start of a word and after a vowel or
 *   ъ/ь (ер → yer), e elsewhere.
 * - Cyrillic ц is ts after a vowel (Федерация → Federatsiya) and s elsewhere
 *   (цирк → sirk, концерт → konsert). Back to Cyrillic, ts becomes ц only where a
 *   loanword is unambiguous: before -iya/-io (-tsiya, -tsion) and at the start
 *   of a word; elsewhere ts is т+с (oʻtsa, "if it passes").
 * - y + vowel is ё/ю/я/е everywhere. Loanwords spelt with ъ before them
 *   (объект ← obyekt) cannot be told from native -yap- forms (kelyapti) and
 *   come back without ъ.
 * - s and h that are two letters are written sʼh in Latin (Isʼhoq ↔ Исҳоқ).
 * - ь has no Latin letter and is dropped; ъ before е ё ю я is dropped too
 *   (объект → obyekt), elsewhere it is ʼ (таълим → taʼlim). Neither comes back.
 * - Capitals: a digraph takes the case of its first letter in Cyrillic; a
 *   Cyrillic capital becoming a digraph is "Sh" in a word and "SH" in a word in
 *   capitals (Шаҳар → Shahar, ШАҲАР → SHAHAR).
 */

const LATIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'ў']);
const CYR_VOWELS = new Set([...'аеёиоуўэюя']);
const LETTER = /[\p{L}\p{M}]/u;

const LAT_SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  f: 'ф',
  g: 'г',
  h: 'ҳ',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  y: 'й',
  z: 'з',
};

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function withCase(out: string, upper: boolean): string {
  return upper ? out.toUpperCase() : out;
}

export function uzLatinToCyrillic(input: string): string {
  const text = normalizeUzbekApostrophes(input);
  let out = '';
  let prevLower = '';
  for (let i = 0; i < text.length;) {
    const ch = text[i] ?? '';
    const lower = ch.toLowerCase();
    const next = (text[i + 1] ?? '').toLowerCase();
    const after = (text[i + 2] ?? '').toLowerCase();
    const wordStart = i === 0 || !(LETTER.test(text[i - 1] ?? '') || text[i - 1] === UZ_OKINA || text[i - 1] === UZ_TUTUQ);
    const upper = isUpper(ch);
    let cyr: string;
    let used = 1;
    if ((lower === 'o' || lower === 'g') && next === UZ_OKINA) {
      cyr = lower === 'o' ? 'ў' : 'ғ';
      used = 2;
    } else if (lower === 's' && next === 'h') {
      cyr = 'ш';
      used = 2;
    } else if (lower === 'c' && next === 'h') {
      cyr = 'ч';
      used = 2;
    } else if (lower === 'y' && (next === 'o' || next === 'u' || next === 'a' || next === 'e') && text[i + 2] !== UZ_OKINA) {
      cyr = { o: 'ё', u: 'ю', a: 'я', e: 'е' }[next] ?? '';
      used = 2;
    } else if (lower === 't' && next === 's' && after !== 'h' && (wordStart || /^i[yo]/u.test(text.slice(i + 2, i + 4).toLowerCase()))) {
      cyr = 'ц';
      used = 2;
    } else if (ch === UZ_TUTUQ) {
      // sʼh is the Latin way to keep s and h apart; Cyrillic сҳ needs no separator.
      cyr = prevLower === 'с' && next === 'h' ? '' : 'ъ';
    } else if (lower === 'e') {
      cyr = wordStart || LATIN_VOWELS.has(prevLower) || CYR_VOWELS.has(prevLower) ? 'э' : 'е';
    } else {
      cyr = LAT_SINGLE[lower] ?? ch;
    }
    out += cyr === ch ? ch : withCase(cyr, upper);
    prevLower = cyr ? cyr.toLowerCase() : prevLower;
    if (!LETTER.test(ch) && ch !== UZ_TUTUQ) prevLower = '';
    i += used;
  }
  return out;
}

const CYR_SINGLE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: `g${UZ_OKINA}`,
  д: 'd',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: `o${UZ_OKINA}`,
  ф: 'f',
  х: 'x',
  ҳ: 'h',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: UZ_TUTUQ,
  ь: '',
  ы: 'i',
  э: 'e',
  ё: 'yo',
  ю: 'yu',
  я: 'ya',
};

/** "Sh" in a word, "SH" when the neighbouring letter is a capital too (a word in capitals). */
function caseLike(latin: string, src: string, text: string, i: number): string {
  if (!isUpper(src)) return latin;
  if (latin.length < 2) return latin.toUpperCase();
  const neighbour = LETTER.test(text[i + 1] ?? '') ? text[i + 1] : text[i - 1];
  const allCaps = LETTER.test(neighbour ?? '') && isUpper(neighbour);
  return allCaps ? latin.toUpperCase() : (latin[0] ?? '').toUpperCase() + latin.slice(1);
}

export function uzCyrillicToLatin(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const lower = ch.toLowerCase();
    const prev = (text[i - 1] ?? '').toLowerCase();
    const wordStart = !LETTER.test(text[i - 1] ?? '');
    let latin: string | undefined;
    if (lower === 'е') latin = wordStart || CYR_VOWELS.has(prev) || prev === 'ъ' || prev === 'ь' ? 'ye' : 'e';
    else if (lower === 'ц') latin = !wordStart && CYR_VOWELS.has(prev) ? 'ts' : 's';
    else if (lower === 'ҳ' && prev === 'с') latin = `${UZ_TUTUQ}h`;
    // объект → obyekt: before е ё ю я the y already separates, so ъ is not written.
    else if (lower === 'ъ' && /[еёюя]/u.test((text[i + 1] ?? '').toLowerCase())) latin = '';
    else latin = CYR_SINGLE[lower];
    out += latin === undefined ? ch : caseLike(latin, ch, text, i);
  }
  return out;
}
