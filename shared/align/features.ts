import type { Lang } from '../languages.js';
import { extractNumbers } from '../text/numbers.js';
import { nameKey } from './names.js';

/**
 * What survives translation, per paragraph: its length and its anchors.
 * - numbers, read locale-aware (540 million = 5.4亿 = 540 млн), keyed by value;
 * - Latin-script names and codes (APEC, SCO, --help, COVID-19): in Chinese and
 *   Cyrillic text any Latin token is one; in Latin-script languages (en, uz)
 *   only tokens that look like names or codes (capitalised inside a sentence,
 *   all caps, options, mixed letters and digits), since plain words differ;
 * - headings (Markdown `#`, or a short line without closing punctuation) and
 *   list items (bullet or number), which translators keep in place.
 */
export interface ParagraphFeatures {
  /** Characters without whitespace: Chinese is counted per character, others per letter. */
  len: number;
  /**
   * Of those, characters foreign to the language's own script (Latin in
   * Russian or Kazakh, ASCII in Chinese, Cyrillic or Han in English or
   * Uzbek): URLs, names, code and untranslated text, copied rather than
   * translated, so they do not scale with the pair's length ratio.
   */
  copied: number;
  nums: string[];
  /** Interned ids of names, from the table shared by both sides. */
  names: number[];
  /** Interned sound keys of capitalised names in Latin or Cyrillic script (see names.ts). */
  sounds: number[];
  heading: boolean;
  /** '•' for a bullet item, the number for a numbered one, null otherwise. */
  list: string | null;
}

const FOREIGN: Record<Lang, RegExp> = {
  zh: /[\x21-\x7e\p{Script=Cyrillic}]/gu,
  ru: /[\p{Script=Latin}\p{Script=Han}]/gu,
  kk: /[\p{Script=Latin}\p{Script=Han}]/gu,
  en: /[\p{Script=Cyrillic}\p{Script=Han}]/gu,
  uz: /[\p{Script=Cyrillic}\p{Script=Han}]/gu,
};
const LATIN_SCRIPT: ReadonlySet<Lang> = new Set(['en', 'uz']);
const LATIN_TOKEN = /--?[A-Za-z][\w-]*|[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’._-]*[\p{Script=Latin}\p{N}]/gu;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;
const CLOSING = /[.!?。！？:：;；…»"”)）]$/u;
const LIST = /^\s*(?:([-*•+·–])|(\d{1,3})[.)、])\s+/u;
const SENTENCE_START = /(?:^|[.!?:;。！？]\s*|["«“(]\s*)$/u;
const CAPITALISED = /[\p{Lu}][\p{Script=Latin}\p{Script=Cyrillic}’'-]{2,}/gu;
const CYRILLIC_OR_LATIN: ReadonlySet<Lang> = new Set(['en', 'uz', 'ru', 'kk']);

function intern(names: Map<string, number>, key: string): number {
  let id = names.get(key);
  if (id === undefined) {
    id = names.size;
    names.set(key, id);
  }
  return id;
}

export function paragraphFeatures(text: string, lang: Lang, names: Map<string, number>): ParagraphFeatures {
  const len = text.replace(/\s+/gu, '').length;
  const copied = text.match(FOREIGN[lang])?.length ?? 0;
  const nums = extractNumbers(text, lang).map((n) => String(Number(n.value.toPrecision(9))));
  const ids: number[] = [];
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const tok = m[0];
    if (!HAS_LATIN_LETTER.test(tok)) continue;
    if (LATIN_SCRIPT.has(lang) && !looksLikeName(tok, text.slice(0, m.index))) continue;
    ids.push(intern(names, tok.toLowerCase()));
  }
  const sounds: number[] = [];
  if (CYRILLIC_OR_LATIN.has(lang)) {
    for (const m of text.matchAll(CAPITALISED)) {
      if (SENTENCE_START.test(text.slice(0, m.index)) || m[0] === m[0].toUpperCase()) continue;
      const key = nameKey(m[0]);
      if (key) sounds.push(intern(names, `~${key}`));
    }
  }
  const firstLine = text.split('\n', 1)[0] ?? '';
  const heading = /^#{1,6}\s/u.test(text) || (!text.includes('\n') && len <= 60 && !CLOSING.test(text.trim()) && !LIST.test(text));
  const lm = LIST.exec(firstLine);
  return { len, copied, nums, names: ids, sounds, heading, list: lm ? (lm[2] ?? '•') : null };
}

function looksLikeName(tok: string, before: string): boolean {
  if (tok.startsWith('-')) return true; // command-line options
  if (/\d/u.test(tok) && /\p{L}/u.test(tok)) return true; // COVID-19, G20, mp3
  if (tok.length >= 2 && tok === tok.toUpperCase() && /\p{Lu}/u.test(tok)) return true; // acronyms
  return /^\p{Lu}/u.test(tok) && !SENTENCE_START.test(before);
}

/** How many anchors two paragraphs share (each anchor counted once per side). */
export function sharedAnchors(a: ParagraphFeatures, b: ParagraphFeatures): number {
  return common(a.nums, b.nums) + common(a.names, b.names);
}

export function anchorCount(f: ParagraphFeatures): number {
  return f.nums.length + f.names.length;
}

/** Size of the multiset intersection; allocation-free for the short lists anchors come in. */
function common<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (b.length > 30) return commonLong(a, b);
  let used = 0;
  let n = 0;
  for (const x of a) {
    for (let k = 0; k < b.length; k++) {
      if ((used & (1 << k)) === 0 && b[k] === x) {
        used |= 1 << k;
        n++;
        break;
      }
    }
  }
  return n;
}

function commonLong<T>(a: readonly T[], b: readonly T[]): number {
  const counts = new Map<T, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of a) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      counts.set(x, c - 1);
      n++;
    }
  }
  return n;
}
