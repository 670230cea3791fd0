import type { Lang } from '../../../shared/index.js';
import { graphemes } from '../../../shared/domain/text.js';
import { normalizeForSearch } from '../../../shared/text/normalize.js';

/**
 * Chinese packs a word into one or two characters, so bigrams discriminate
 * there; alphabetic text needs trigrams (bigrams of Cyrillic or Latin letters
 * are shared by nearly every sentence and would filter nothing).
 */
export function gramSize(lang: Lang): number {
  return lang === 'zh' ? 2 : 3;
}

export interface Prepared {
  norm: string;
  /** Graphemes of `norm`: the unit of length and of edit distance. */
  chars: string[];
  /** Distinct character n-grams of `norm`, padded with a space at both ends. */
  grams: Set<string>;
}

/** Marks, joiners, variation selectors or astral characters: only then does a grapheme span several code units. */
const COMPLEX = /\p{M}|\u200d|\ufe0f|[^\u0000-\uffff]/u;

/**
 * Graphemes, fast: after NFC nearly every text in these five languages is one
 * code unit per grapheme, and Intl.Segmenter costs ~50× a split. Only text
 * that could hold a multi-unit grapheme takes the segmenter.
 */
export function fastGraphemes(text: string): string[] {
  return COMPLEX.test(text) ? graphemes(text) : text.split('');
}

export function prepare(text: string, lang: Lang): Prepared {
  const norm = normalizeForSearch(text, lang);
  const chars = fastGraphemes(norm);
  const n = gramSize(lang);
  return { norm, chars, grams: chars.length === norm.length ? gramsOfSimple(norm, n) : gramsOf(chars, n) };
}

function gramsOfSimple(norm: string, n: number): Set<string> {
  const padded = ` ${norm} `;
  const out = new Set<string>();
  if (padded.length < n) out.add(padded);
  for (let i = 0; i + n <= padded.length; i++) out.add(padded.substring(i, i + n));
  return out;
}

export function gramsOf(chars: readonly string[], n: number): Set<string> {
  const padded = [' ', ...chars, ' '];
  const out = new Set<string>();
  if (padded.length < n) {
    out.add(padded.join(''));
    return out;
  }
  for (let i = 0; i + n <= padded.length; i++) out.add(padded.slice(i, i + n).join(''));
  return out;
}
