import { diffArrays } from 'diff';
import { graphemes } from '../../../../shared/domain/text.js';
import type { Lang } from '../../../../shared/languages.js';

/** A stretch of one of the two versions of a clash: in both, or only in theirs, or only in yours. */
export interface VersionPart {
  side: 'both' | 'theirs' | 'yours';
  text: string;
}

const wordSegmenters = new Map<Lang, Intl.Segmenter>();

/**
 * Words (with the spaces and punctuation between them as tokens of their
 * own) for languages written with spaces; characters (graphemes) for Chinese,
 * which has none, so a clash in Chinese is shown character by character.
 */
function tokens(text: string, lang: Lang): string[] {
  if (lang === 'zh') return graphemes(text);
  let seg = wordSegmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' });
    wordSegmenters.set(lang, seg);
  }
  return Array.from(seg.segment(text), (s) => s.segment);
}

/** Letters or digits: a shared stretch without them (a space, a comma) does not split a difference in two. */
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Their version against yours, word by word (character by character in
 * Chinese), with jsdiff. A space or a punctuation mark the two share between
 * two differences is counted as part of the difference, so "Пёс сидит" vs
 * "Кошка лежит" reads as one change, not two words with a shared space.
 */
export function compareVersions(theirs: string, yours: string, lang: Lang): VersionPart[] {
  const raw: VersionPart[] = diffArrays(tokens(theirs, lang), tokens(yours, lang)).map((c) => ({
    side: c.removed ? 'theirs' : c.added ? 'yours' : 'both',
    text: c.value.join(''),
  }));
  const parts: VersionPart[] = [];
  const push = (side: VersionPart['side'], text: string): void => {
    const last = parts.at(-1);
    if (last?.side === side) last.text += text;
    else if (text !== '') parts.push({ side, text });
  };
  let mine = '';
  let other = '';
  let open = false;
  const close = (): void => {
    push('theirs', other);
    push('yours', mine);
    mine = other = '';
    open = false;
  };
  raw.forEach((p, i) => {
    if (p.side === 'theirs') other += p.text;
    else if (p.side === 'yours') mine += p.text;
    else if (open && raw[i + 1] !== undefined && !WORDISH.test(p.text)) {
      other += p.text;
      mine += p.text;
      return;
    } else {
      close();
      push('both', p.text);
      return;
    }
    open = true;
  });
  close();
  return parts;
}

/**
 * Where to start combining: what the versions share, once, and where they
 * differ, their words and then yours — so every word of both is there and
 * combining means deleting, never retyping. Between the two a space is put
 * in languages written with spaces (none in Chinese). Versions that share no
 * word at all are given whole, theirs on the first line and yours on the next.
 */
export function bothVersions(parts: readonly VersionPart[], lang: Lang): string {
  if (!parts.some((p) => p.side === 'both' && WORDISH.test(p.text))) {
    const side = (s: VersionPart['side']): string =>
      parts
        .filter((p) => p.side !== s)
        .map((p) => p.text)
        .join('');
    const theirs = side('yours');
    const yours = side('theirs');
    return theirs === '' || yours === '' || theirs === yours ? theirs || yours : `${theirs}\n${yours}`;
  }
  let out = '';
  let prev: VersionPart['side'] = 'both';
  for (const p of parts) {
    if (p.side === 'yours' && prev === 'theirs' && lang !== 'zh' && !/\s$/u.test(out) && !/^\s/u.test(p.text)) out += ' ';
    out += p.text;
    prev = p.side;
  }
  return out;
}
