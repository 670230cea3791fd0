import { finding, type CheckInput, type Finding, type TextRange } from './types.js';

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Latin look-alikes inside Cyrillic words (a Latin "i" typed for Kazakh "і",
 * "o", "c", "e", "p" from an English layout) and Cyrillic letters inside Latin
 * words. The word looks right and breaks search, spelling and sorting. Run for
 * every language: a mixed word is wrong whatever the document.
 */
export function checkMixedScript({ target }: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const m of target.matchAll(WORD)) {
    const word = m[0];
    const chars = [...word];
    const latin = chars.filter((c) => LATIN.test(c)).length;
    const cyrillic = chars.filter((c) => CYRILLIC.test(c)).length;
    if (latin === 0 || cyrillic === 0) continue;
    // The minority script is the intruder; on a tie, Latin inside Cyrillic is the usual slip.
    const intruder = cyrillic >= latin ? LATIN : CYRILLIC;
    const ranges: TextRange[] = [];
    let offset = m.index;
    for (const c of chars) {
      if (intruder.test(c)) ranges.push({ start: offset, end: offset + c.length });
      offset += c.length;
    }
    const letters = ranges.map((r) => target.slice(r.start, r.end)).join('');
    const inWhat = intruder === LATIN ? 'Cyrillic' : 'Latin';
    const kind = intruder === LATIN ? 'latin' : 'cyrillic';
    out.push(
      finding(
        'mixed_script',
        kind,
        `The ${inWhat} word "${word}" contains look-alike letters from the other script: ${letters}`,
        { word, letters },
        ranges,
      ),
    );
  }
  return out;
}

/**
 * Uzbek documents in Anor are Latin script (uz-Latn): whole Cyrillic words in an
 * Uzbek cell are the wrong script (pasted from an older source, or typed on a
 * Cyrillic layout), and the transliterator in shared/translit can fix them.
 */
export function checkUzbekScript({ target, targetLang }: CheckInput): Finding[] {
  if (targetLang !== 'uz') return [];
  const ranges: TextRange[] = [];
  let letters = 0;
  let cyrillicLetters = 0;
  for (const m of target.matchAll(WORD)) {
    const chars = [...m[0]];
    letters += chars.length;
    const cyr = chars.filter((c) => CYRILLIC.test(c)).length;
    cyrillicLetters += cyr;
    if (cyr === chars.length && chars.length >= 2) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  if (ranges.length === 0) return [];
  const whole = cyrillicLetters / letters > 0.8;
  return [
    finding(
      'uz_script',
      whole ? 'cyrillic_text' : 'cyrillic_words',
      whole
        ? 'The Uzbek text is written in Cyrillic; this document uses Uzbek Latin (transliterate it)'
        : `${ranges.length} Cyrillic word(s) in an Uzbek Latin text`,
      { count: ranges.length },
      ranges,
    ),
  ];
}
