import type { enInterchange, enAids, enReading, enReview, enTranslation } from './resources.js';

/** UI string keys are typed from locales/en: a missing or misspelt key fails the type check. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof enTranslation;
      interchange: typeof enInterchange;
      aids: typeof enAids;
      review: typeof enReview;
      reading: typeof enReading;
    };
  }
}
