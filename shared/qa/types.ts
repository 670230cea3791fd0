import type { Lang } from '../languages.js';

/**
 * Quality-check vocabulary shared by the editor (live checks), the server
 * (whole-document runs, approval blocking) and the `anor check` command.
 * Check ids are stable: they are stored with reviewer overrides and used as
 * filter values, so rename none of them.
 */
export const CHECK_IDS = [
  'tags',
  'number_missing',
  'number_added',
  'date_mismatch',
  'end_punctuation',
  'brackets',
  'quotes',
  'whitespace',
  'url_mismatch',
  'email_mismatch',
  'untranslated',
  'length_ratio',
  'sentence_count',
  'glossary_missing',
  'glossary_forbidden',
  'mixed_script',
  'kk_letters',
  'uz_script',
  'uz_apostrophe',
  'zh_punctuation',
  'target_disagreement',
  'paragraph_count',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const SEVERITIES = ['error', 'warning'] as const;
/** `error` blocks approval unless a reviewer overrides it with a recorded reason; `warning` informs. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Errors are kept to what is wrong almost every time it fires (a figure, link
 * or forbidden term changed, a look-alike letter inside a word, the wrong
 * script). Anything a good translation can legitimately trip (length, sentence
 * count, punctuation style) only warns, so approval is not blocked by noise.
 */
export const CHECK_SEVERITY: Record<CheckId, Severity> = {
  tags: 'error',
  number_missing: 'error',
  number_added: 'warning',
  date_mismatch: 'error',
  end_punctuation: 'warning',
  brackets: 'warning',
  quotes: 'warning',
  whitespace: 'warning',
  url_mismatch: 'error',
  email_mismatch: 'error',
  untranslated: 'error',
  length_ratio: 'warning',
  sentence_count: 'warning',
  glossary_missing: 'warning',
  glossary_forbidden: 'error',
  mixed_script: 'error',
  kk_letters: 'warning',
  uz_script: 'error',
  uz_apostrophe: 'warning',
  zh_punctuation: 'warning',
  target_disagreement: 'warning',
  paragraph_count: 'error',
};

export function isCheckId(value: unknown): value is CheckId {
  return typeof value === 'string' && (CHECK_IDS as readonly string[]).includes(value);
}

/** A span of the checked text in UTF-16 code units, `end` exclusive (what `String#slice` and textarea selections use). */
export interface TextRange {
  start: number;
  end: number;
}

export type MessageParams = Record<string, string | number>;

export interface Finding {
  check: CheckId;
  severity: Severity;
  /** English, for the CLI and logs; the UI translates `messageKey` with `params` instead. */
  message: string;
  /** i18n key under `qa.finding.*`; one check may have several (e.g. leading vs double spaces). */
  messageKey: string;
  params: MessageParams;
  /** Where in the target the problem is; empty when it is about something absent. */
  ranges: TextRange[];
  /** For findings across targets: the target language the finding is about. */
  lang?: Lang;
}

export interface GlossaryTerm extends Partial<Record<Lang, string>> {
  note?: string;
  /** Variants that must not be used, per language. */
  forbidden?: { lang: Lang; text: string }[];
}

export interface Glossary {
  terms: GlossaryTerm[];
}

export interface CheckInput {
  source: string;
  target: string;
  sourceLang: Lang;
  targetLang: Lang;
  glossary?: Glossary;
}

/**
 * The message variants of each check; `null` is the plain `qa.finding.<check>`
 * key. Declared once so `finding()` cannot invent a key the UI has no
 * translation for, and so the UI can list every key it must translate.
 */
export const CHECK_VARIANTS = {
  tags: ['missing', 'extra', 'duplicate', 'nesting'],
  number_missing: [null, 'changed'],
  number_added: [null],
  date_mismatch: [null, 'changed', 'time', 'time_changed'],
  end_punctuation: ['missing', 'extra', 'different'],
  brackets: ['unbalanced', 'count'],
  quotes: ['style', 'unbalanced'],
  whitespace: ['leading', 'trailing', 'double'],
  url_mismatch: ['missing', 'changed', 'added'],
  email_mismatch: ['missing', 'changed', 'added'],
  untranslated: [null],
  length_ratio: ['short', 'long'],
  sentence_count: [null],
  glossary_missing: [null],
  glossary_forbidden: [null],
  mixed_script: ['latin', 'cyrillic'],
  kk_letters: ['none', 'words'],
  uz_script: ['cyrillic_words', 'cyrillic_text'],
  uz_apostrophe: ['okina', 'tutuq'],
  zh_punctuation: [null],
  target_disagreement: ['number', 'date', 'name'],
  paragraph_count: [null],
} as const satisfies Record<CheckId, readonly (string | null)[]>;

export type CheckVariant<C extends CheckId> = (typeof CHECK_VARIANTS)[C][number];

export function messageKey<C extends CheckId>(check: C, variant: CheckVariant<C>): string {
  return `qa.finding.${variant ? `${check}_${variant}` : check}`;
}

/** Every i18n key a finding can carry. */
export const MESSAGE_KEYS: readonly string[] = CHECK_IDS.flatMap((id) =>
  (CHECK_VARIANTS[id] as readonly (string | null)[]).map((v) => `qa.finding.${v ? `${id}_${v}` : id}`),
);

export function finding<C extends CheckId>(
  check: C,
  variant: CheckVariant<C>,
  message: string,
  params: MessageParams = {},
  ranges: TextRange[] = [],
): Finding {
  return {
    check,
    severity: CHECK_SEVERITY[check],
    message,
    messageKey: messageKey(check, variant),
    params,
    ranges,
  };
}
