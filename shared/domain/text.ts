import type { Lang } from '../languages.js';

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters: a flag, an accented letter or a Chinese character each count once. */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const s of graphemeSegmenter.segment(text)) out.push(s.segment);
  return out;
}

export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of graphemeSegmenter.segment(text)) n++;
  return n;
}

/** Languages whose "words" are counted as characters (no spaces between words). */
const CHARACTER_COUNTED: ReadonlySet<Lang> = new Set(['zh']);
const HAN = /\p{Script=Han}/u;
const wordSegmenters = new Map<Lang, Intl.Segmenter>();

/**
 * Word count as translators bill it: Chinese by Han characters (plus any
 * Latin words inside), the others by word-like segments.
 */
export function wordCount(text: string, lang: Lang): number {
  if (!text) return 0;
  let seg = wordSegmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' });
    wordSegmenters.set(lang, seg);
  }
  let n = 0;
  for (const s of seg.segment(text)) {
    if (!s.isWordLike) continue;
    if (CHARACTER_COUNTED.has(lang) && HAN.test(s.segment)) {
      for (const ch of s.segment) if (HAN.test(ch)) n++;
    } else n++;
  }
  return n;
}

/** How two paragraphs are glued when merged: no space in Chinese, a space elsewhere. */
export function joinSeparator(lang: Lang, left: string, right: string): string {
  if (!left || !right) return '';
  if (lang === 'zh') return '';
  return /\s$/u.test(left) || /^\s/u.test(right) ? '' : ' ';
}
