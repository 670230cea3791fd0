/**
 * Kazakh Cyrillic → Latin, the alphabet approved on 28 January 2021 (31
 * letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z).
 *
 *   А Ә Б В Г Ғ Д Е Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ш Ы І
 *   A Ä B V G Ğ D E J Z İ İ K Q L M N Ñ O Ö P R S T U Ū Ü F H H Ş Y I
 *
 * Watch the i's: І і → I ı (dotless lower case), И и and Й й → İ i, Ы ы → Y y.
 * So "бір" is "bır", "үйіне" is "üiıne", "қазысы" is "qazysy".
 *
 * Letters the 2021 alphabet has no place for (they occur in Russian loanwords)
 * follow the renderings published with it: Ц → Ts, Ч → Ç, Щ → Şş, Ё → İo,
 * Ю → İu, Я → İa, Э → E; Ъ and Ь are dropped. These are conventions, not
 * letters of the alphabet, and are listed in docs/translit.md.
 */
const KK_LATIN: Record<string, string> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ç',
  ш: 'ş',
  щ: 'şş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Capitals that are not simply the upper case of the lower-case rendering (ı → I, i → İ). */
const KK_LATIN_UPPER: Record<string, string> = {
  і: 'I',
  и: 'İ',
  й: 'İ',
  ё: 'İo',
  ю: 'İu',
  я: 'İa',
  ц: 'Ts',
  щ: 'Şş',
};

const LETTER = /[\p{L}\p{M}]/u;

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function upperAll(latin: string, lower: string): string {
  // Turkic capitals: the first letter of İo/İu/İa is İ; a plain toUpperCase would give I for ı and I for i.
  const title = KK_LATIN_UPPER[lower];
  if (title) return title[0] + title.slice(1).replace(/i/gu, 'İ').toUpperCase();
  return latin.replace(/i/gu, 'İ').replace(/ı/gu, 'I').toUpperCase();
}

export function kkCyrillicToLatin(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const lower = ch.toLowerCase();
    const latin = KK_LATIN[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch)) {
      out += latin;
      continue;
    }
    const neighbour = LETTER.test(text[i + 1] ?? '') ? text[i + 1] : text[i - 1];
    const allCaps = LETTER.test(neighbour ?? '') && isUpper(neighbour);
    if (allCaps) out += upperAll(latin, lower);
    else out += KK_LATIN_UPPER[lower] ?? (latin[0] ?? '').toUpperCase() + latin.slice(1);
  }
  return out;
}
