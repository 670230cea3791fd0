import en from '../../../../locales/en/translation.json' with { type: 'json' };
import zh from '../../../../locales/zh/translation.json' with { type: 'json' };
import ru from '../../../../locales/ru/translation.json' with { type: 'json' };
import kk from '../../../../locales/kk/translation.json' with { type: 'json' };
import uz from '../../../../locales/uz/translation.json' with { type: 'json' };
import enAids from '../../../../locales/en/aids.json' with { type: 'json' };
import zhAids from '../../../../locales/zh/aids.json' with { type: 'json' };
import ruAids from '../../../../locales/ru/aids.json' with { type: 'json' };
import kkAids from '../../../../locales/kk/aids.json' with { type: 'json' };
import uzAids from '../../../../locales/uz/aids.json' with { type: 'json' };
import enInterchange from '../../../../locales/en/interchange.json' with { type: 'json' };
import zhInterchange from '../../../../locales/zh/interchange.json' with { type: 'json' };
import ruInterchange from '../../../../locales/ru/interchange.json' with { type: 'json' };
import kkInterchange from '../../../../locales/kk/interchange.json' with { type: 'json' };
import uzInterchange from '../../../../locales/uz/interchange.json' with { type: 'json' };
import enReading from '../../../../locales/en/reading.json' with { type: 'json' };
import zhReading from '../../../../locales/zh/reading.json' with { type: 'json' };
import ruReading from '../../../../locales/ru/reading.json' with { type: 'json' };
import kkReading from '../../../../locales/kk/reading.json' with { type: 'json' };
import uzReading from '../../../../locales/uz/reading.json' with { type: 'json' };
import enReview from '../../../../locales/en/review.json' with { type: 'json' };
import zhReview from '../../../../locales/zh/review.json' with { type: 'json' };
import ruReview from '../../../../locales/ru/review.json' with { type: 'json' };
import kkReview from '../../../../locales/kk/review.json' with { type: 'json' };
import uzReview from '../../../../locales/uz/review.json' with { type: 'json' };

/**
 * The UI locales. They happen to be the five document languages, but are a
 * separate list on purpose (shared/languages.ts): a UI locale could be added
 * without it becoming a translatable document language, or vice versa.
 * Bundled rather than fetched: five small files, and the app must start offline.
 */
export const UI_LOCALES = ['en', 'zh', 'ru', 'kk', 'uz'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export const resources = {
  en: { translation: en, interchange: enInterchange, aids: enAids, review: enReview, reading: enReading },
  zh: { translation: zh, interchange: zhInterchange, aids: zhAids, review: zhReview, reading: zhReading },
  ru: { translation: ru, interchange: ruInterchange, aids: ruAids, review: ruReview, reading: ruReading },
  kk: { translation: kk, interchange: kkInterchange, aids: kkAids, review: kkReview, reading: kkReading },
  uz: { translation: uz, interchange: uzInterchange, aids: uzAids, review: uzReview, reading: uzReading },
} as const;

/** Each locale's own name, shown in the switcher in that language (so anyone can find theirs). */
export const LOCALE_NATIVE_NAME: Record<UiLocale, string> = {
  en: 'English',
  zh: '简体中文',
  ru: 'Русский',
  kk: 'Қазақша',
  uz: 'Oʻzbekcha',
};

export { en as enTranslation, enInterchange, enAids, enReview, enReading };
