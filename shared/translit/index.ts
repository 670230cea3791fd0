import type { Lang } from '../languages.js';
import { kkCyrillicToLatin } from './kk.js';
import { uzCyrillicToLatin, uzLatinToCyrillic } from './uz.js';

export { uzCyrillicToLatin, uzLatinToCyrillic } from './uz.js';
export { kkCyrillicToLatin } from './kk.js';

export type TranslitScript = 'Latn' | 'Cyrl';

const CONVERTERS: Partial<Record<Lang, Partial<Record<TranslitScript, (text: string) => string>>>> = {
  uz: { Cyrl: uzLatinToCyrillic, Latn: uzCyrillicToLatin },
  kk: { Latn: kkCyrillicToLatin },
};

/** Which conversions exist, for the reading option and the editor action to offer. */
export function canTransliterate(lang: Lang, to: TranslitScript): boolean {
  return CONVERTERS[lang]?.[to] !== undefined;
}

/**
 * Text of `lang` written in `to`, or null when Anor has no such conversion.
 * Letters already in the target script pass through, so a cell with a few
 * stray Cyrillic words (a `uz_script` finding) is fixed by converting it to Latin.
 */
export function transliterate(text: string, lang: Lang, to: TranslitScript): string | null {
  const convert = CONVERTERS[lang]?.[to];
  return convert ? convert(text) : null;
}
