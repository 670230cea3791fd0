import { checkChinesePunctuation } from './chinese.js';
import { checkGlossary } from './glossary.js';
import { checkKazakhLetters } from './kazakh.js';
import { checkLinks } from './links.js';
import { checkNumbers } from './numbers.js';
import { checkBrackets, checkEndPunctuation, checkQuotes, checkWhitespace } from './punctuation.js';
import { checkMixedScript, checkUzbekScript } from './script.js';
import { checkLengthRatio, checkSentenceCount, checkUntranslated } from './translation.js';
import { checkUzbekApostrophes } from './uzbek.js';
import { checkTags } from './tags.js';
import { hasTags, TAG_RE } from '../inline/index.js';
import { CHECK_IDS, type CheckInput, type Finding } from './types.js';

type Check = (input: CheckInput) => Finding[];

/** Every source/target check, one per family; each decides itself whether it applies to the language pair. */
export const CHECKS: readonly Check[] = [
  checkNumbers,
  checkEndPunctuation,
  checkBrackets,
  checkQuotes,
  checkWhitespace,
  checkLinks,
  checkUntranslated,
  checkLengthRatio,
  checkSentenceCount,
  checkGlossary,
  checkMixedScript,
  checkKazakhLetters,
  checkUzbekScript,
  checkUzbekApostrophes,
  checkChinesePunctuation,
];

const ORDER = new Map<string, number>(CHECK_IDS.map((id, i) => [id, i]));

/**
 * Runs every check on one source/target pair. Pure and synchronous, so the
 * editor can run it on each keystroke batch and the server over a whole
 * document with the same results. An empty target is "not translated yet",
 * which is a status, not a quality finding, so it yields nothing.
 */
export function runChecks(input: CheckInput): Finding[] {
  if (!input.target.trim()) return [];
  const out = hasTags(input.source) || hasTags(input.target) ? withTags(input) : CHECKS.flatMap((check) => check(input));
  return out.sort(
    (a, b) => (ORDER.get(a.check) ?? 0) - (ORDER.get(b.check) ?? 0) || (a.ranges[0]?.start ?? -1) - (b.ranges[0]?.start ?? -1),
  );
}

/**
 * Text with inline codes: the tag check sees the tags; every other check
 * sees the plain text (a closing tag after the full stop is not "no final
 * punctuation"), and its ranges are mapped back onto the tagged text.
 */
function withTags(input: CheckInput): Finding[] {
  const map: number[] = [];
  let plain = '';
  let last = 0;
  const target = input.target;
  const add = (upTo: number): void => {
    for (let i = last; i < upTo; i++) map.push(i);
    plain += target.slice(last, upTo);
  };
  for (const m of target.matchAll(TAG_RE)) {
    add(m.index);
    last = m.index + m[0].length;
  }
  add(target.length);
  map.push(target.length);
  const at = (i: number): number => map[i] ?? target.length;
  const plainInput = { ...input, source: input.source.replace(TAG_RE, ''), target: plain };
  const rest = CHECKS.flatMap((check) => check(plainInput)).map((f) => ({
    ...f,
    ranges: f.ranges.map((r) => ({ start: at(r.start), end: r.end > r.start ? at(r.end - 1) + 1 : at(r.start) })),
  }));
  return [...checkTags(input), ...rest];
}
