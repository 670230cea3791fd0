import type { Lang } from '../../../shared/index.js';
import { uzCyrillicToLatin } from '../../../shared/translit/index.js';

/**
 * A document language from a BCP 47 tag in an imported file (TMX, TBX), with
 * the conversion its text needs, or null when Anor has no column for it.
 * Anor writes Chinese in Simplified characters, Kazakh in Cyrillic and Uzbek
 * in Latin: Traditional Chinese and Latin Kazakh are skipped (converting them
 * is not safe), Cyrillic Uzbek is transliterated (the converter is exact in
 * that direction, see docs/translit.md).
 */
export function langFromTag(tag: string): { lang: Lang; convert: (text: string) => string } | null {
  const parts = tag.trim().toLowerCase().replace(/_/gu, '-').split('-');
  const primary = parts[0];
  const rest = new Set(parts.slice(1));
  const same = (t: string): string => t;
  switch (primary) {
    case 'en':
    case 'ru':
      return { lang: primary, convert: same };
    case 'zh':
      return rest.has('hant') || rest.has('tw') || rest.has('hk') || rest.has('mo') ? null : { lang: 'zh', convert: same };
    case 'kk':
      return rest.has('latn') ? null : { lang: 'kk', convert: same };
    case 'uz':
      return rest.has('cyrl') ? { lang: 'uz', convert: uzCyrillicToLatin } : rest.has('arab') ? null : { lang: 'uz', convert: same };
    default:
      return null;
  }
}
