/**
 * What an XLIFF import (1.2 or 2.x) hands on: one unit per translatable unit,
 * plain text, and the state normalised to the XLIFF 2 scale. Anor's own
 * exports use one unit per paragraph with unit id = paragraph id.
 */
export const XLIFF_STATES = ['initial', 'translated', 'reviewed', 'final'] as const;
export type XliffState = (typeof XLIFF_STATES)[number];

export interface XliffUnit {
  id: string;
  source: string;
  /** null when the unit has no target at all (an empty target element gives ''). */
  target: string | null;
  state: XliffState;
  /**
   * The finer state the file gave, as written: an XLIFF 2 subState
   * (`anor:in_review`) or an XLIFF 1.2 state value (`needs-review-translation`).
   */
  detail: string | null;
  /**
   * Other names the unit gives for where its text came from, for files made
   * by other tools: translate-toolkit's po-reference `sourcefile` contexts
   * (po2xliff turns a PO entry's `#:` references into them, and xliff2po turned
   * Anor's unit ids into `#:` references), a PO entry's `#:` references and msgctxt.
   */
  refs?: string[];
  /** Comments the file gives the translator (PO translator and extracted comments, XLIFF notes). */
  notes?: string[];
}

export interface ParsedXliff {
  /** `po` for gettext PO read into the same shape (one unit per entry, one per plural form). */
  version: '1.1' | '1.2' | '2.0' | '2.1' | '2.2' | 'po';
  srcLang: string;
  /** Null when the file does not say (translate-toolkit's po2xliff writes no target-language). */
  trgLang: string | null;
  units: XliffUnit[];
  /** The document title, when the file carries one (Anor's exports do). */
  title?: string | null;
}
