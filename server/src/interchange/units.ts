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
}

export interface ParsedXliff {
  version: '1.1' | '1.2' | '2.0' | '2.1' | '2.2';
  srcLang: string;
  trgLang: string | null;
  units: XliffUnit[];
}
