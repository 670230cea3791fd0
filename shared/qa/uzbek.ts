import { UZ_APOSTROPHE_LOOKALIKES, UZ_OKINA, UZ_TUTUQ } from '../text/normalize.js';
import { finding, type CheckInput, type Finding, type TextRange } from './types.js';

const LOOKALIKE = `[${UZ_APOSTROPHE_LOOKALIKES}]`;
// oʻ/gʻ typed with ' ` ‘ ’ ´ or with the tutuq ʼ; at a word end too (togʻ, bogʻ).
const WRONG_OKINA = new RegExp(`(?<=[oOgG])(?:${LOOKALIKE}|${UZ_TUTUQ})`, 'gu');
// The tutuq between other letters (taʼlim, maʼlumot) typed with ' ` ‘ ’ ´ or with the oʻ sign ʻ.
const WRONG_TUTUQ = new RegExp(`(?<=[\\p{L}])(?<![oOgG])(?:${LOOKALIKE}|${UZ_OKINA})(?=[\\p{L}])`, 'gu');

/**
 * Uzbek Latin apostrophe letters. Plain apostrophes look the same on screen but
 * break search, sorting and transliteration, so they are reported (and
 * `normalizeUzbekApostrophes` fixes them).
 */
export function checkUzbekApostrophes({ target, targetLang }: CheckInput): Finding[] {
  if (targetLang !== 'uz') return [];
  const out: Finding[] = [];
  const okina: TextRange[] = [...target.matchAll(WRONG_OKINA)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (okina.length > 0) {
    out.push(
      finding(
        'uz_apostrophe',
        'okina',
        `oʻ/gʻ written with a plain apostrophe or backtick ${okina.length} time(s); use ʻ (U+02BB)`,
        { count: okina.length },
        okina,
      ),
    );
  }
  const tutuq: TextRange[] = [...target.matchAll(WRONG_TUTUQ)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (tutuq.length > 0) {
    out.push(
      finding(
        'uz_apostrophe',
        'tutuq',
        `The tutuq belgisi written with another sign ${tutuq.length} time(s); use ʼ (U+02BC)`,
        { count: tutuq.length },
        tutuq,
      ),
    );
  }
  return out;
}
